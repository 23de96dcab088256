import { describe, expect, it } from 'vitest';
import { ANNOUNCED_NAME_MAX, summarizePresence } from '../../../src/core/announce.js';
import { graphemes } from '../../../src/core/text.js';

describe('presence announcements', () => {
  it.each([
    [[], []],
    [[{ kind: 'joined', name: 'Ada' }], [{ key: 'announce.joined', params: { name: '\u2068Ada\u2069' } }]],
    [
      [
        { kind: 'joined', name: 'Ada' },
        { kind: 'joined', name: 'Bob' },
        { kind: 'left', name: 'Cyd' },
      ],
      [
        { key: 'announce.joinedMany', params: { count: '2' } },
        { key: 'announce.left', params: { name: '\u2068Cyd\u2069' } },
      ],
    ],
  ] as const)('%j → %j', (changes, expected) => {
    expect(summarizePresence(changes)).toEqual(expected);
  });

  it('reads a long remote name only so far, isolated', () => {
    const [said] = summarizePresence([{ kind: 'joined', name: 'x'.repeat(10_000) }]);
    const name = said?.params.name ?? '';
    expect(graphemes(name).length).toBe(ANNOUNCED_NAME_MAX + 3); // FSI + 40 + … + PDI
    expect(name.startsWith('\u2068') && name.endsWith('…\u2069')).toBe(true);
  });
});
