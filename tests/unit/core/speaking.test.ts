import { describe, expect, it } from 'vitest';
import { holdSpeakers } from '../../../src/core/speaking.js';

describe('speaking with hysteresis', () => {
  const heard = (entries: Record<string, number>) => new Map(Object.entries(entries));
  it.each([
    // last heard, reported now, now, speaking, next expiry
    ['nobody, nothing reported', {}, [], 1000, [], null],
    ['lights up at once', {}, ['ada'], 1000, ['ada'], null],
    ['a pause shorter than the hold keeps it', { ada: 1000 }, [], 1800, ['ada'], 2200],
    ['a pause as long as the hold ends it', { ada: 1000 }, [], 2200, [], null],
    ['reported first (loudest order), then held, latest heard first', { bob: 900, cy: 1000 }, ['ada'], 1500, ['ada', 'cy', 'bob'], 2100],
    ['reported again: no duplicate, the hold restarts', { ada: 1000 }, ['ada'], 2000, ['ada'], null],
  ] as const)('%s', (_label, last, reported, now, speaking, next) => {
    const held = holdSpeakers(heard(last), reported, now, 1200);
    expect(held.speaking).toEqual(speaking);
    expect(held.nextExpiry).toBe(next);
  });

  it('remembers when each was last heard, and forgets the expired', () => {
    const held = holdSpeakers(heard({ old: 0, bob: 900 }), ['ada'], 1500, 1200);
    expect([...held.lastHeard]).toEqual([
      ['bob', 900],
      ['ada', 1500],
    ]);
  });
});
