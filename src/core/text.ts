// Names are user input (our own users') and remote input (anyone's, through the SFU). These helpers
// keep them honest on screen: no reordering tricks, nothing invisible, nothing endless.

/** Bidi embeddings, overrides and isolates: they reorder the text around them (" (you)" included). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
const BIDI_ALL = /[\u202A-\u202E\u2066-\u2069]/gu;
/** Tag characters, invisible — except inside an emoji subdivision flag (🏴 + tags + cancel tag). */
const FLAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const TAG = /[\u{E0000}-\u{E007F}]/u;
const TAG_ALL = /[\u{E0000}-\u{E007F}]/gu;
/** Anything that shows: not a space, separator, control, format character or lone combining mark. */
const VISIBLE = /[^\p{White_Space}\p{Z}\p{Cc}\p{Cf}\p{M}]/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;

export const NAME_MAX = 64;

/** Why a display name is refused, or null when it is fine. The dev token endpoint applies the same rule. */
export function nameProblem(name: string): 'empty' | 'control' | 'bidi' | 'tag' | 'invisible' | 'too-long' | null {
  if (!name.trim()) return 'empty';
  if (CONTROL.test(name)) return 'control';
  if (BIDI.test(name)) return 'bidi';
  if (TAG.test(name.replace(FLAG_SEQUENCE, ''))) return 'tag';
  if (!VISIBLE.test(name)) return 'invisible';
  if (Array.from(name).length > NAME_MAX) return 'too-long';
  return null;
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** User-perceived characters (an emoji with its modifiers and joiners is one). */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** Wraps text in a first-strong isolate, so a name can never reorder the sentence around it. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** At most `max` graphemes, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const parts = graphemes(text);
  return parts.length <= max ? text : `${parts.slice(0, max).join('')}…`;
}

/**
 * A remote name made safe to show: reordering and tag characters removed, whitespace collapsed,
 * at most 64 graphemes; '' when nothing visible is left (callers fall back to something else).
 */
export function displayName(raw: string): string {
  // A capturing split keeps subdivision flags (odd indexes) whole; everything between is cleaned.
  const cleaned = raw
    .split(/(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})/u)
    .map((part, i) => (i % 2 ? part : part.replace(BIDI_ALL, '').replace(TAG_ALL, '').replace(CONTROL_ALL, ' ')))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  return VISIBLE.test(cleaned) ? clip(cleaned, NAME_MAX) : '';
}

/** Up to two initials for an avatar (first and last word), by grapheme, never invisible, never empty. */
export function initials(name: string): string {
  const words = displayName(name).split(' ').filter(Boolean);
  const first = (word: string | undefined) => graphemes(word ?? '').find((g) => VISIBLE.test(g)) ?? '';
  const letters = words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]);
  return letters.toLocaleUpperCase() || '?';
}
