import type { MessageKey } from '../i18n/en.js';
import { clip, isolate } from './text.js';

/** A screen reader reads a name this long at most (a remote name can be anything). */
export const ANNOUNCED_NAME_MAX = 40;

export interface PresenceChange {
  kind: 'joined' | 'left' | 'hand' | 'knock';
  name: string;
}

export interface Announcement {
  key: MessageKey;
  params: Record<string, string>;
}

/** The sentence for one person, and for several, per kind of change. */
const SENTENCES: Record<PresenceChange['kind'], [one: MessageKey, many: MessageKey]> = {
  joined: ['announce.joined', 'announce.joinedMany'],
  left: ['announce.left', 'announce.leftMany'],
  hand: ['announce.handRaised', 'announce.handsRaised'],
  knock: ['announce.knock', 'announce.knocks'],
};

/**
 * Turns a burst of joins, leaves and raised hands into at most one sentence per kind, so a screen
 * reader is not flooded when many people arrive at once.
 */
export function summarizePresence(changes: readonly PresenceChange[]): Announcement[] {
  const out: Announcement[] = [];
  for (const [kind, [one, many]] of Object.entries(SENTENCES) as Array<[PresenceChange['kind'], [MessageKey, MessageKey]]>) {
    const names = changes.filter((c) => c.kind === kind).map((c) => c.name);
    if (names.length === 1) out.push({ key: one, params: { name: isolate(clip(names[0] ?? '', ANNOUNCED_NAME_MAX)) } });
    else if (names.length > 1) out.push({ key: many, params: { count: String(names.length) } });
  }
  return out;
}
