import type { MessageKey } from '../i18n/en.js';

export interface PresenceChange {
  kind: 'joined' | 'left';
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
    if (names.length === 1) out.push({ key: kind === 'joined' ? 'announce.joined' : 'announce.left', params: { name: names[0] ?? '' } });
    else if (names.length > 1) out.push({ key: kind === 'joined' ? 'announce.joinedMany' : 'announce.leftMany', params: { count: String(names.length) } });
  }
  return out;
}
