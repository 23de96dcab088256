import { describe, expect, test } from 'vitest';
import { matchesSearch, peopleInOrder } from '../../../src/core/people.js';
import { initialState } from '../../../src/core/store.js';
import type { PersonView } from '../../../src/core/types.js';

const person = (identity: string, name: string, extra: Partial<PersonView> = {}): [string, PersonView] => [
  identity,
  { identity, name, local: false, joinedAt: 0, quality: 'good', reconnecting: false, handRaisedAt: 0, ...extra },
];

describe('peopleInOrder', () => {
  test('raised hands first in the order they went up, then oneself, then by name', () => {
    const state = {
      ...initialState(),
      participants: new Map([
        person('z', 'Zoë', { joinedAt: 1 }),
        person('me', 'Mia', { local: true }),
        person('b', 'bob', { handRaisedAt: 2000 }),
        person('a', 'Ada', { handRaisedAt: 1000 }),
        person('e', 'Émile', { joinedAt: 2 }),
        person('p10', 'Pat 10'),
        person('p9', 'Pat 9'),
      ]),
    };
    expect(peopleInOrder(state).map((p) => p.identity)).toEqual(['a', 'b', 'me', 'e', 'p9', 'p10', 'z']);
  });

  test('carries media and speaking with each person', () => {
    const state = { ...initialState(), participants: new Map([person('a', 'Ada')]), activeSpeakers: ['a'] };
    expect(peopleInOrder(state)[0]).toMatchObject({ identity: 'a', speaking: true, microphone: false });
  });
});

describe('matchesSearch', () => {
  test.each([
    ['Zoë Martin', 'zoe', true],
    ['ÉMILE', 'emile', true],
    ['Ada Lovelace', 'love ada', true],
    ['Ada Lovelace', 'grace', false],
    ['Ada', '   ', true],
    ['山田 太郎', '太郎', true],
  ])('%s / %s', (name, query, expected) => {
    expect(matchesSearch(name, query)).toBe(expected);
  });
});
