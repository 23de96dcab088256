// How the server's grants become what the UI offers: the token's grants at join (roomAdmin and
// roomRecord live only there) and LiveKit's participant permission, which the server may change live
// (updateParticipant → ParticipantPermissionsChanged). Pure; loaded with the session, not the shell.
import { claim, jwtClaims } from './jwt.js';
import { PUBLISH_SOURCES, type Grants, type PermissionsView, type PublishSource } from './permissions.js';

/**
 * The view of a set of grants. LiveKit defaults canSubscribe, canPublish and canPublishData to true
 * when a token leaves them out; canUpdateOwnMetadata, roomAdmin and roomRecord default to false.
 */
export function permissionsOf(grants: Grants): PermissionsView {
  const canPublish = grants.canPublish ?? true;
  const named = (grants.canPublishSources ?? []).filter((s) => (PUBLISH_SOURCES as readonly string[]).includes(s));
  const hidden = grants.hidden ?? false;
  const admin = grants.roomAdmin ?? false;
  return {
    role: admin ? 'host' : 'guest',
    canSubscribe: grants.canSubscribe ?? true,
    canPublish: canPublish && !hidden,
    canPublishSources: canPublish && !hidden ? (named.length ? [...new Set(named)] : PUBLISH_SOURCES) : [],
    canPublishData: (grants.canPublishData ?? true) && !hidden,
    canUpdateOwnMetadata: grants.canUpdateOwnMetadata ?? false,
    hidden,
    canModerate: admin,
    canRecord: grants.roomRecord ?? false,
  };
}

export function samePermissions(a: PermissionsView, b: PermissionsView): boolean {
  return (
    a.role === b.role &&
    a.canSubscribe === b.canSubscribe &&
    a.canPublish === b.canPublish &&
    a.canPublishData === b.canPublishData &&
    a.canUpdateOwnMetadata === b.canUpdateOwnMetadata &&
    a.hidden === b.hidden &&
    a.canModerate === b.canModerate &&
    a.canRecord === b.canRecord &&
    a.canPublishSources.length === b.canPublishSources.length &&
    a.canPublishSources.every((s) => b.canPublishSources.includes(s))
  );
}

/** The grants a LiveKit access token carries in its `video` claim (read, never verified: the server does that). */
export function tokenGrants(token: string | undefined): Grants {
  const video = claim(jwtClaims(token), 'video', 'object');
  if (!video) return {};
  const grants: Grants = {};
  for (const key of [
    'canSubscribe',
    'canPublish',
    'canPublishData',
    'canUpdateOwnMetadata',
    'hidden',
    'roomAdmin',
    'roomRecord',
  ] as const) {
    const value = Object.hasOwn(video, key) ? video[key] : undefined;
    if (typeof value === 'boolean') grants[key] = value;
  }
  const sources = Object.hasOwn(video, 'canPublishSources') ? video.canPublishSources : undefined;
  if (Array.isArray(sources))
    grants.canPublishSources = sources.filter((s): s is PublishSource => (PUBLISH_SOURCES as readonly unknown[]).includes(s));
  return grants;
}
