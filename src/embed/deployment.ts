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
  const tokenEndpoint = typeof endpoint === 'string' ? (parseOption(spec('token-endpoint'), endpoint).value as string | undefined) : undefined;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const serverUrls = strings(get('serverUrls')).filter((url) => !parseOption(spec('server-url'), url).issue);
  const allowedParentOrigins = strings(get('allowedParentOrigins')).filter((o) => /^https?:\/\/[^/*\s]+(:\*)?$/.test(o));
  return { tokenEndpoint, serverUrls, allowedParentOrigins };
}

export async function loadDeployment(url: URL): Promise<Deployment> {
  try {
    const res = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
    return parseDeployment(res.ok ? await res.json() : null);
  } catch {
    return parseDeployment(null);
  }
}
