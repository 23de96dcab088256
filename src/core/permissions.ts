// What the server lets this participant do, as the UI and getState() see it: read from the token's
// grants at join (roomAdmin, roomRecord live only there) and from LiveKit's participant permission,
// which the server may change live (updateParticipant → ParticipantPermissionsChanged). Pure.
import { claim, jwtClaims } from './jwt.js';

/** What a participant may publish, as LiveKit names its track sources. */
export const PUBLISH_SOURCES = ['camera', 'microphone', 'screen', 'screen-audio'] as const;
export type PublishSource = (typeof PUBLISH_SOURCES)[number];

export type Role = 'host' | 'guest';

/** The server's grants, as the session reads them (every field optional: an old server may omit some). */
export interface Grants {
  canSubscribe?: boolean;
  canPublish?: boolean;
  /** Empty or absent with canPublish: every source. */
  canPublishSources?: readonly PublishSource[];
  canPublishData?: boolean;
  canUpdateOwnMetadata?: boolean;
  hidden?: boolean;
  roomAdmin?: boolean;
  roomRecord?: boolean;
}

export interface PermissionsView {
  role: Role;
  canSubscribe: boolean;
  canPublish: boolean;
  /** The sources this participant may publish now (all four when the server names none). */
  canPublishSources: readonly PublishSource[];
  /** Chat, reactions: data packets and text streams. */
  canPublishData: boolean;
  /** Raise hand (participant attributes) and changing one's own name. */
  canUpdateOwnMetadata: boolean;
  /** Joined hidden (a lobby or a pre-join connection): not shown to others, cannot publish. */
  hidden: boolean;
  /** Moderation: mute, remove, lock, end for all, the lobby. */
  canModerate: boolean;
  canRecord: boolean;
}

/** Before a call (pre-join, a seeded story): nothing is refused yet, so every control is offered. */
export const UNRESTRICTED: PermissionsView = Object.freeze({
  role: 'guest',
  canSubscribe: true,
  canPublish: true,
  canPublishSources: PUBLISH_SOURCES,
  canPublishData: true,
  canUpdateOwnMetadata: true,
  hidden: false,
  canModerate: false,
  canRecord: false,
});

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

/** Whether a source may be published now. */
export function mayPublish(p: PermissionsView, source: PublishSource): boolean {
  return p.canPublish && p.canPublishSources.includes(source);
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
