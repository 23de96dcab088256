// The deployment config (confab.config.json beside embed.html). Set by whoever hosts Confab; URL
// parameters can never change it.
import { parseOption } from '../config/parse.js';
import { OPTIONS, type OptionSpec } from '../config/schema.js';

export interface Deployment {
  tokenEndpoint: string | undefined;
  serverUrls: string[];
  allowedParentOrigins: string[];
}

const spec = (name: string) => OPTIONS.find((o) => o.name === name) as OptionSpec;

/** Validates untrusted JSON into a Deployment; anything malformed is dropped, never merged. */
export function parseDeployment(json: unknown): Deployment {
  const record = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const get = (key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);
  const endpoint = get('tokenEndpoint');
  const tokenEndpoint =
    typeof endpoint === 'string' ? (parseOption(spec('token-endpoint'), endpoint).value as string | undefined) : undefined;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const serverUrls = strings(get('serverUrls')).filter((url) => !parseOption(spec('server-url'), url).issue);
  const allowedParentOrigins = strings(get('allowedParentOrigins')).filter((o) => /^https?:\/\/[^/*\s]+(:\*)?$/.test(o));
  return { tokenEndpoint, serverUrls, allowedParentOrigins };
}

export async function loadDeployment(url: URL): Promise<Deployment> {
  try {
    const res = await fetch(url, { credentials: 'same-origin', cache: 'no-cache', signal: AbortSignal.timeout(10_000) });
    return parseDeployment(res.ok ? await res.json() : null);
  } catch {
    return parseDeployment(null);
  }
}

/** The token hand-over from the host helper: a string token, and a serverUrl this deployment allows. */
export function credentialsFrom(value: unknown, deployment: Deployment): { token: string; serverUrl: string } {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const token = Object.hasOwn(record, 'token') ? record.token : undefined;
  // Absent or undefined (the helper's default): the deployment's first server.
  const given = Object.hasOwn(record, 'serverUrl') ? record.serverUrl : undefined;
  const serverUrl = given === undefined ? deployment.serverUrls[0] : given;
  if (typeof token !== 'string') throw new TypeError('setCredentials expects { token, serverUrl? }');
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) throw new TypeError('the token is not a JWT');
  if (typeof serverUrl !== 'string' || !deployment.serverUrls.includes(serverUrl)) {
    throw new TypeError(`serverUrl is not in this deployment's serverUrls`);
  }
  return { token, serverUrl };
}
