// Names are user input (our own users') and remote input (anyone's, through the SFU). These helpers
// keep them honest on screen: no reordering tricks, nothing invisible, nothing endless.
// The Confab server checks names with nameProblem() too (server/names.ts); tests/unit/core/text.test.ts runs one table
// through both.

/** Bidi embeddings, overrides and isolates: they reorder the text around them (" (you)" included). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
const BIDI_ALL = /[\u202A-\u202E\u2066-\u2069]/gu;
/**
 * Tag characters are invisible, except in an emoji subdivision flag: 🏴, the subdivision code in tag
 * letters and digits (at most 7, as in "gbsct"), CANCEL TAG. Any other tag text would be hidden text.
 */
const FLAG_SEQUENCE = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,7}\u{E007F}/gu;
/** The same, as a capturing split: flags land at odd indexes. */
const FLAG_SPLIT = new RegExp(`(${FLAG_SEQUENCE.source})`, 'u');
const TAG = /[\u{E0000}-\u{E007F}]/u;
/**
 * Invisible format characters: all of Unicode's Cf (bidi marks, zero-width space and joiners, word
 * joiner, BOM, soft hyphen, tags, …) and the Hangul fillers, letters that render as nothing.
 */
const FORMAT = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/u;
/** ZWJ and ZWNJ are text between two letters, marks or emoji (👩‍💻, क्‍ष, می‌خواهم). */
const JOINER = /^[\u200C\u200D]$/u;
const JOINS_AFTER = /^[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u;
const JOINS_BEFORE = /^[\p{L}\p{M}\p{Extended_Pictographic}]$/u;
/**
 * Anything that shows: not a space, separator, control, format or default-ignorable character, lone
 * surrogate, lone combining mark, nor the blank Braille pattern.
 */
const VISIBLE = /[^\p{White_Space}\p{Z}\p{Cc}\p{Cf}\p{Cs}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;
// Controls, line/paragraph separators and lone surrogates (not text at all).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cs}]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;

export const NAME_MAX = 64;

/** Removes invisible format characters, keeping subdivision flags and ZWJ/ZWNJ inside a word or emoji. */
function stripFormat(text: string): string {
  // A capturing split keeps subdivision flags (odd indexes) whole; everything between is cleaned.
  return text
    .split(FLAG_SPLIT)
    .map((part, i) => {
      if (i % 2) return part;
      const cps = Array.from(part);
      return cps
        .filter((c, j) => !FORMAT.test(c) || (JOINER.test(c) && JOINS_AFTER.test(cps[j - 1] ?? '') && JOINS_BEFORE.test(cps[j + 1] ?? '')))
        .join('');
    })
    .join('');
}

/**
 * Why a display name is refused, or null when it is fine. The name is already NFC and trimmed. The dev
 * token endpoint applies the same rule.
 */
export function nameProblem(name: string): 'empty' | 'control' | 'bidi' | 'tag' | 'format' | 'invisible' | 'too-long' | null {
  if (!name.trim()) return 'empty';
  if (CONTROL.test(name)) return 'control';
  if (BIDI.test(name)) return 'bidi';
  if (TAG.test(name.replace(FLAG_SEQUENCE, ''))) return 'tag';
  if (stripFormat(name) !== name) return 'format';
  if (!VISIBLE.test(name)) return 'invisible';
  if (Array.from(name).length > NAME_MAX) return 'too-long';
  return null;
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * User-perceived characters (an emoji with its modifiers and joiners is one), the first `limit` of
 * them. Each step of V8's segmenter costs the length of the whole text, so untrusted text is cut
 * before it gets here (segmenting 100,000 characters takes seconds).
 */
export function graphemes(text: string, limit = Infinity): string[] {
  if (!segmenter) return Array.from(text).slice(0, limit);
  const out: string[] = [];
  if (limit <= 0) return out;
  for (const { segment } of segmenter.segment(text)) if (out.push(segment) >= limit) break;
  return out;
}

/**
 * Wraps text in a first-strong isolate, so a name can never reorder the sentence around it. Bidi
 * controls inside are dropped: a stray PDI would close the isolate early and let what follows loose.
 */
export function isolate(text: string): string {
  return `\u2068${text.replace(BIDI_ALL, '')}\u2069`;
}

// Real clusters (a family emoji with skin tones, a flag, a Tibetan stack) stay far below this many
// code points; "Zalgo" text stacks thousands of marks on one letter.
const CLUSTER_MAX = 32;

/** At most `max` graphemes, with an ellipsis when cut. Only the start of a long text is read. */
export function clip(text: string, max: number): string {
  const head = text.slice(0, (max + 1) * CLUSTER_MAX * 2).replace(/[\uD800-\uDBFF]$/, '');
  const parts = graphemes(head, max + 1);
  return parts.length <= max && head.length === text.length ? text : `${parts.slice(0, max).join('')}…`;
}

// A remote name can be megabytes: only the start is read (64 clusters of CLUSTER_MAX surrogate pairs).
const SCAN_MAX = NAME_MAX * CLUSTER_MAX * 2;

/**
 * A remote name made safe to show: reordering, tag and other invisible format characters removed,
 * whitespace collapsed, overgrown clusters cut, at most 64 graphemes; '' when nothing visible is left
 * (callers fall back to something else).
 */
export function displayName(raw: string): string {
  if (typeof raw !== 'string') return '';
  const cleaned = stripFormat(
    raw
      .slice(0, SCAN_MAX)
      .normalize('NFC')
      .replace(/\p{Cs}/gu, '')
      .replace(CONTROL_ALL, ' '),
  )
    .replace(/\s+/gu, ' ')
    .trim();
  if (!VISIBLE.test(cleaned)) return '';
  const parts = graphemes(cleaned, NAME_MAX + 1).map((g) => (g.length > CLUSTER_MAX ? Array.from(g).slice(0, CLUSTER_MAX).join('') : g));
  return clip(parts.join(''), NAME_MAX);
}

/** One grapheme in upper case where the script has case ("ß" stays: "SS" is two letters). */
function upper(grapheme: string): string {
  const up = grapheme.toLocaleUpperCase();
  return graphemes(up).length === 1 ? up : grapheme;
}

/** Up to two initials for an avatar (first and last word), by grapheme, never invisible, never empty. */
export function initials(name: string): string {
  const words = displayName(name).split(' ').filter(Boolean);
  const first = (word: string | undefined) => upper(graphemes(word ?? '').find((g) => VISIBLE.test(g)) ?? '');
  const letters = words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]);
  return letters || '?';
}
