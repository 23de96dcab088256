// What the server lets this participant do, as the UI and getState() see it (the view; how grants
// become it is in grants.ts, which loads with the session). Pure.

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

/** Whether a source may be published now. */
export function mayPublish(p: PermissionsView, source: PublishSource): boolean {
  return p.canPublish && p.canPublishSources.includes(source);
}
