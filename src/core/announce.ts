import type { MessageKey } from '../i18n/en.js';
import { clip, isolate } from './text.js';

/** A screen reader reads a name this long at most (a remote name can be anything). */
export const ANNOUNCED_NAME_MAX = 40;

export interface PresenceChange {
  kind: 'joined' | 'left' | 'hand';
  name: string;
}

export interface Announcement {
  key: MessageKey;
  params: Record<string, string>;
}

/**
 * Turns a burst of joins and leaves into at most two sentences, so a screen reader is not flooded
 * when many people arrive at once.
 */
export function summarizePresence(changes: readonly PresenceChange[]): Announcement[] {
  const out: Announcement[] = [];
  for (const kind of ['joined', 'left'] as const) {
    const names = changes.filter((c) => c.kind === kind).map((c) => c.name);
    if (names.length === 1) out.push({ key: kind === 'joined' ? 'announce.joined' : 'announce.left', params: { name: isolate(clip(names[0] ?? '', ANNOUNCED_NAME_MAX)) } });
    else if (names.length > 1) out.push({ key: kind === 'joined' ? 'announce.joinedMany' : 'announce.leftMany', params: { count: String(names.length) } });
  }
  const hands = changes.filter((c) => c.kind === 'hand').map((c) => c.name);
  if (hands.length === 1) out.push({ key: 'announce.handRaised', params: { name: isolate(clip(hands[0] ?? '', ANNOUNCED_NAME_MAX)) } });
  else if (hands.length > 1) out.push({ key: 'announce.handsRaised', params: { count: String(hands.length) } });
  return out;
}
