import { describe, expect, test } from 'vitest';
import { parseOption } from '../../../src/config/parse.js';
import { OPTIONS, type OptionSpec } from '../../../src/config/schema.js';
import { clip, displayName, graphemes, initials, isolate, nameProblem } from '../../../src/core/text.js';
import { validateName } from '../../../scripts/lib/token.mjs';

const nameSpec = OPTIONS.find((o) => o.name === 'name') as OptionSpec;

// [name, accepted?] — one table for the widget's parser and the dev token endpoint.
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
];

describe('display names: one rule for the widget and the dev token endpoint', () => {
  test.each(NAMES)('%j accepted: %s', (name, ok) => {
    expect(nameProblem(name.normalize('NFC').trim()) === null).toBe(ok);
    expect(parseOption(nameSpec, name).issue === undefined).toBe(ok);
    expect((validateName(name) as { ok: boolean }).ok).toBe(ok);
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

  test('isolate and clip', () => {
    expect(isolate('سارة')).toBe('\u2068سارة\u2069');
    expect(clip('👩‍💻👩‍💻👩‍💻', 2)).toBe('👩‍💻👩‍💻…');
    expect(clip('short', 10)).toBe('short');
  });
});
