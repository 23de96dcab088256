import { describe, expect, test } from 'vitest';
import { reactionIn } from '../../../src/session/adapters/reactions.js';

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('reactionIn (what a data packet says)', () => {
  test.each<[string, Uint8Array, string | undefined, string | undefined]>([
    ['ours', bytes({ emoji: '👍' }), 'confab.reaction', '👍'],
    ["La Suite Meet's, without a topic", bytes({ type: 'reactionReceived', data: { emoji: '🎉' } }), undefined, '🎉'],
    ['an emoji we do not offer', bytes({ emoji: '🖕' }), 'confab.reaction', undefined],
    ['markup', bytes({ emoji: '<img src=x onerror=alert(1)>' }), 'confab.reaction', undefined],
    ['not JSON', bytes('👍'), 'confab.reaction', undefined],
    ['another topic', bytes({ emoji: '👍' }), 'lk-chat-topic', undefined],
    ['our shape without our topic', bytes({ emoji: '👍' }), undefined, undefined],
    ['too large to be a reaction', bytes({ emoji: '👍', pad: 'x'.repeat(300) }), 'confab.reaction', undefined],
    ['null', bytes(null), 'confab.reaction', undefined],
  ])('%s', (_name, payload, topic, expected) => {
    expect(reactionIn(payload, topic)).toBe(expected);
  });
});
