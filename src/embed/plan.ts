// What the iframe's meeting element gets, decided from the URL and the deployment. Pure: unit-tested.
import { OPTIONS } from '../config/schema.js';
import type { Notice } from '../core/types.js';
import type { Deployment } from './deployment.js';
import { originAllowed } from './protocol.js';

export interface EmbedSetup {
  attributes: Record<string, string>;
  token: string | undefined;
  invite: string | undefined;
  /** End-to-end encryption's key from `#e2ee-key=` (never the query). */
  e2eeKey: string | undefined;
  /** The host helper's tokenProvider answers for credentials (`#credentials=provider`). */
  askParent: boolean;
  notices: Notice[];
  parentOrigin: string | undefined;
}

/** Decides, from the URL and the deployment, what the meeting element gets. Pure, so it is unit-tested. */
export function planEmbed(url: URL, deployment: Deployment): EmbedSetup {
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  const notices: Notice[] = [];
  let parentOrigin: string | undefined;
  for (const spec of OPTIONS) {
    const raw = url.searchParams.get(spec.name);
    if (raw === null) continue;
    if (spec.name === 'parent-origin') {
      if (originAllowed(raw, deployment.allowedParentOrigins)) parentOrigin = raw;
      else notices.push({ code: 'parent-origin-not-allowed', key: 'embed.parentOriginNotAllowed', params: { origin: raw.slice(0, 200) } });
    } else if (spec.url === 'yes') {
      attributes[spec.name] = raw;
    } else if (spec.url === 'fragment') {
      notices.push(
        spec.name === 'invite'
          ? { code: 'invite-in-query', key: 'embed.inviteInQuery' }
          : { code: 'token-in-query', key: 'embed.tokenInQuery' },
      );
    } else if (spec.url === 'allowed-list') {
      if (deployment.serverUrls.includes(raw)) attributes[spec.name] = raw;
      else notices.push({ code: 'server-url-not-allowed', key: 'embed.serverNotAllowed', params: { url: raw.slice(0, 200) } });
    } else {
      notices.push({ code: 'option-not-from-url', key: 'embed.optionNotFromUrl', params: { option: spec.name } });
    }
  }
  // A key in the query would reach the server's logs and the Referer: refused, and said so.
  if (url.searchParams.has('e2ee-key')) notices.push({ code: 'e2ee-key-in-query', key: 'embed.e2eeKeyInQuery' });
  const fragment = new URLSearchParams(url.hash.slice(1));
  // The helper says the page hands credentials in (`#credentials=parent`) or answers for them on request
  // (`#credentials=provider`, its tokenProvider): those or none, never the deployment's endpoint.
  const fromParent = fragment.get('credentials');
  const askParent = fromParent === 'provider';
  if (deployment.tokenEndpoint && fromParent !== 'parent' && !askParent) attributes['token-endpoint'] = deployment.tokenEndpoint;
  const token = fragment.get('token') ?? undefined;
  // An invite goes to the deployment's token endpoint, which answers with the room, name and role.
  const invite = fragment.get('invite') ?? undefined;
  if (token && !attributes['server-url'] && deployment.serverUrls[0]) attributes['server-url'] = deployment.serverUrls[0];
  const e2eeKey = fragment.get('e2ee-key') || undefined;
  return { attributes, token, invite, e2eeKey, askParent, notices, parentOrigin };
}
