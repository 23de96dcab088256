import { describe, expect, test } from 'vitest';
import { isReaction, RateLimit, REACTIONS } from '../../../src/core/reactions.js';

describe('reactions', () => {
  test('only the offered emoji count', () => {
    for (const [emoji] of REACTIONS) expect(isReaction(emoji)).toBe(true);
    for (const other of ['🖕', '👍🏿', '<b>x</b>', '', 42, null, '👍👍']) expect(isReaction(other)).toBe(false);
  });

  test('a sender gets five per three seconds; the window slides; senders are apart', () => {
    const limit = new RateLimit(5, 3000);
    const at = (t: number, who = 'a') => limit.allow(who, t);
    expect([0, 100, 200, 300, 400].map((t) => at(t))).toEqual([true, true, true, true, true]);
    expect(at(500)).toBe(false);
    expect(at(500, 'b')).toBe(true);
    expect(at(3001)).toBe(true);
    expect(at(3050)).toBe(false);
  });
});
