// The participants panel's list, as pure functions (unit-tested): who comes first, and who matches
// a search.
import { participantView } from './store.js';
import type { MeetingState, ParticipantView } from './types.js';

/** The panel offers a search field from this many people on. */
export const SEARCH_FROM = 11;

/**
 * Raised hands first, in the order they went up; then oneself; then everyone else by name (in the
 * meeting's language), arrival breaking ties.
 */
export function peopleInOrder(state: Pick<MeetingState, 'participants' | 'media' | 'activeSpeakers'>, lang = 'en'): ParticipantView[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  return [...state.participants.values()]
    .sort((a, b) => {
      const hands = (a.handRaisedAt || Infinity) - (b.handRaisedAt || Infinity);
      if (hands) return hands;
      if (a.local !== b.local) return a.local ? -1 : 1;
      return collator.compare(a.name, b.name) || a.joinedAt - b.joinedAt || (a.identity < b.identity ? -1 : 1);
    })
    .map((p) => participantView(state, p.identity) as ParticipantView);
}

/** Folds case and accents, so "zoe" finds "Zoë" and "ÉMILE" finds "Émile". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** Whether a name matches a search (every word of the query, anywhere in the name). */
export function matchesSearch(name: string, query: string): boolean {
  const folded = fold(name);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => folded.includes(word));
}
