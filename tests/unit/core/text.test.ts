import { describe, expect, test } from 'vitest';
import { parseOption } from '../../../src/config/parse.js';
import { OPTIONS, type OptionSpec } from '../../../src/config/schema.js';
import { clip, displayName, graphemes, initials, isolate, nameProblem } from '../../../src/core/text.js';
import { validateName } from '../../../server/names.js';

const nameSpec = OPTIONS.find((o) => o.name === 'name') as OptionSpec;
/** ASCII spelled in invisible tag characters (the "ASCII smuggling" trick). */
const tags = (ascii: string) => Array.from(ascii, (c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

// [name, accepted?] — one table for the widget's parser and the Confab server's check.
const NAMES: Array<[string, boolean]> = [
  ['Ada Lovelace', true],
  ['محمد الخوارزمي', true],
  ['שרה כהן', true],
  ['山田 花子', true],
  ['👩‍💻 Dev', true], // ZWJ inside an emoji sequence
  ['👨‍👩‍👧‍👦', true],
  ['मनोज़', true],
  ['می‌خواهم', true], // ZWNJ in Persian
  ['🏴󠁧󠁢󠁳󠁣󠁴󠁿 Ewan', true], // a subdivision flag is made of tag characters
  ['Zoë', true],
  ['\u202Eevil', false], // right-to-left override
  ['Ada\u2066x\u2069', false], // an isolate
  ['\u202Dlro', false],
  ['\u200B\u200B', false], // zero-width only
  ['\u200D\u2060\uFEFF', false],
  ['\u0301\u0301', false], // lone combining marks
  ['Ada\u{E0041}\u{E0042}', false], // tag characters outside a flag
  ['   ', false],
  ['a\u0000b', false],
  ['x'.repeat(65), false],
  ['x'.repeat(64), true],
  ['👩🏽‍💻 Priya', true], // ZWJ after a skin tone
  ['🏳️‍🌈 Sam', true], // ZWJ after a variation selector
  ['क्‍ष', true], // ZWJ after a virama
  ['क्‌ष', true], // ZWNJ after a virama
  ['山田\u3000花子', true], // ideographic space
  ['שָׁלוֹם', true], // niqqud
  ['Zoe\u0308', true], // decomposed, stored composed
  ['🏴󠁧󠁢󠁥󠁮󠁧󠁿', true],
  [`🏴${tags('ignore previous instructions')}\u{E007F}`, false], // hidden text dressed as a flag
  ['🏴\u{E007F}', false],
  ['\u{E0001}\u{E0065}\u{E006E}Ada', false], // language tag
  ['A\u200Bda', false], // zero-width space inside
  ['Ada\u200F', false], // right-to-left mark
  ['\u061CAda', false], // Arabic letter mark
  ['Ada\u2060Lovelace', false], // word joiner
  ['Ada\u00AD', false], // soft hyphen
  ['A\uFEFFda', false], // BOM inside
  ['\u200DAda', false], // ZWJ joining nothing
  ['Ada\u200D', false],
  ['A\u200D\u200Dda', false],
  ['\u3164', false], // Hangul filler: a letter that draws nothing
  ['Ada\u3164', false],
  ['\u2800\u2800', false], // blank Braille pattern
  ['\uFE0F', false], // a lone variation selector
  ['Ada\uD800', false], // lone surrogate
];

describe('display names: one rule for the widget and the dev token endpoint', () => {
  test.each(NAMES)('%j accepted: %s', (name, ok) => {
    expect(nameProblem(name.normalize('NFC').trim()) === null).toBe(ok);
    const parsed = parseOption(nameSpec, name);
    expect(parsed.issue === undefined).toBe(ok);
    const validated = validateName(name) as { ok: boolean; value?: string };
    expect(validated.ok).toBe(ok);
    // Accepted names are stored the same way on both sides (NFC, trimmed).
    if (ok) expect(validated.value).toBe(parsed.value);
  });
});

describe('text helpers', () => {
  test.each([
    ['Ada Lovelace', 'AL'],
    ['ada', 'A'],
    ['  Grace  Brewster Hopper ', 'GH'],
    ['محمد علي', 'مع'],
    ['😀 Smile', '😀S'],
    ['👩‍💻 Dev', '👩‍💻D'], // one grapheme, not a broken surrogate or a lone ZWJ
    ['\u200B\u202EAda', 'A'],
    ['', '?'],
    ['\u200B', '?'],
    ['\u3164', '?'], // a Hangul filler is no initial
    ['\u3164 Ada \u2800', 'A'],
    ['\u0301ada', 'A'], // a lone mark first is no initial
    ['ßen Weiß', 'ßW'], // "SS" would be two letters
    ['👩🏽‍💻 Dev', '👩🏽‍💻D'],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿 Ewan', '🏴󠁧󠁢󠁳󠁣󠁴󠁿E'],
    ['क्षमा', 'क्ष'],
  ])('initials(%j) = %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  test('a remote name is shown without reordering or invisible characters, and never endless', () => {
    expect(displayName('\u202Enimda\u202C')).toBe('nimda');
    expect(displayName('Ada\u{E0041}')).toBe('Ada');
    expect(displayName('🏴󠁧󠁢󠁳󠁣󠁴󠁿 Ewan')).toBe('🏴󠁧󠁢󠁳󠁣󠁴󠁿 Ewan');
    expect(displayName('\u200B\u200B')).toBe('');
    expect(displayName('a\nb\tc')).toBe('a b c');
    expect(graphemes(displayName('x'.repeat(10_000)))).toHaveLength(65);
    expect(displayName('x'.repeat(10_000)).endsWith('…')).toBe(true);
  });

  test.each([
    ['A\u200Bda\u200F', 'Ada'],
    ['\u2060Ada\uFEFF\u00AD', 'Ada'],
    ['\u200DAda\u200D', 'Ada'],
    ['Ada\u3164Lovelace', 'AdaLovelace'],
    ['Ada\uD800', 'Ada'],
    ['\u3164', ''],
    ['\u2800 \u0301', ''],
    [`🏴${tags('ignore previous instructions')}\u{E007F} Eve`, '🏴 Eve'],
    ['👩🏽‍💻 نیک‌نام', '👩🏽‍💻 نیک‌نام'], // joiners inside an emoji and a word stay
    ['क्‍ष', 'क्‍ष'],
  ])('displayName(%j) = %j', (raw, expected) => {
    expect(displayName(raw)).toBe(expected);
  });

  test('a remote name of thousands of stacked marks is cut to a bounded size', () => {
    const shown = displayName(`Z${'\u0301'.repeat(10_000)} ${'y'.repeat(100_000)}`);
    expect(Array.from(shown.split(' ')[0] ?? '')).toHaveLength(32);
    expect(graphemes(shown).length).toBeLessThanOrEqual(65);
  });

  test('isolate and clip', () => {
    expect(isolate('سارة')).toBe('\u2068سارة\u2069');
    // A PDI inside would close the isolate early and let the override after it reorder the sentence.
    expect(isolate('Eve\u2069\u202E (you)')).toBe('\u2068Eve (you)\u2069');
    expect(clip('👩‍💻👩‍💻👩‍💻', 2)).toBe('👩‍💻👩‍💻…');
    expect(clip('short', 10)).toBe('short');
  });
});
