// The Confab server's packets into the room: what a widget takes from them, and what it drops.
import { describe, expect, it } from 'vitest';
import { readSignal } from '../../../src/core/signals.js';
import { LOBBY_TOPIC, MODERATION_TOPIC } from '../../../server/moderation.js';
import { SERVER_TOPICS } from '../../../src/core/session-port.js';

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

describe('readSignal', () => {
  it('listens on exactly the topics the server sends on', () => {
    expect([...SERVER_TOPICS].sort()).toEqual([LOBBY_TOPIC, MODERATION_TOPIC].sort());
  });

  it('reads the lobby changing, a lock, and a host asking to unmute', () => {
    expect(readSignal('confab.lobby', bytes({ type: 'lobby' }))).toEqual({ type: 'lobby' });
    expect(readSignal('confab.lobby', bytes({ type: 'lock', locked: true }))).toEqual({ type: 'lock', locked: true });
    expect(readSignal('confab.moderation', bytes({ type: 'ask-unmute', source: 'camera', by: 'h' }))).toEqual({
      type: 'ask-unmute',
      source: 'camera',
    });
  });

  it('drops anything malformed, misplaced, unknown or too large', () => {
    for (const [topic, payload] of [
      ['confab.lobby', bytes('not json')],
      ['confab.lobby', bytes(null)],
      ['confab.lobby', bytes({ type: 'lock', locked: 'yes' })],
      ['confab.lobby', bytes({ type: 'ask-unmute', source: 'microphone' })],
      ['confab.moderation', bytes({ type: 'lobby' })],
      ['confab.moderation', bytes({ type: 'ask-unmute', source: 'screen' })],
      ['confab.moderation', bytes({ type: 'ask-unmute', source: 'microphone', pad: 'x'.repeat(1100) })],
    ] as const)
      expect(readSignal(topic, payload)).toBeNull();
  });
});
