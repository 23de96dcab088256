// LiveKit access tokens for an entry: a guest may publish, subscribe, send data and set their own
// attributes (raise hand); a host also gets roomAdmin (and roomRecord where an Egress service runs).
// Short-lived: LiveKit refreshes them while connected; the widget asks again after (its rejoin ticket).
import { AccessToken } from 'livekit-server-sdk';
import type { ServerConfig } from './config.js';
import type { Entry } from './policies.js';

export async function mintToken(config: ServerConfig, entry: Entry): Promise<string> {
  const at = new AccessToken(config.livekitApiKey, config.livekitApiSecret, {
    identity: entry.identity,
    name: entry.name,
    ttl: config.tokenTtl,
    // Others can tell who hosts (a badge, who to ask); the server decides what a host may do.
    attributes: { 'confab.role': entry.role },
  });
  const host = entry.role === 'host';
  at.addGrant({
    roomJoin: true,
    room: entry.room,
    canSubscribe: true,
    canPublish: true,
    canPublishData: true,
    canUpdateOwnMetadata: true,
    ...(host ? { roomAdmin: true, ...(config.egress === 'on' ? { roomRecord: true } : {}) } : {}),
  });
  return at.toJwt();
}
