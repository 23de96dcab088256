import { describe, expect, test } from 'vitest';
import { canRejoin, next, type PhaseEvent, type PhaseState } from '../../../src/core/phase.js';
import type { LeftReason, Phase, UserError } from '../../../src/core/types.js';

const ERROR: UserError = { code: 'server-unreachable', key: 'error.serverUnreachable', params: { url: 'ws://x' } };
const state = (phase: Phase, extra: Partial<PhaseState> = {}): PhaseState => ({
  phase,
  leftReason: null,
  error: null,
  room: null,
  localIdentity: null,
  ...extra,
});

// [from, event, expected phase (null: the event does not apply and the same object comes back)]
const TABLE: Array<[Phase, PhaseEvent, Phase | null, Partial<PhaseState>?]> = [
  ['prejoin', { type: 'join' }, 'connecting'],
  ['left', { type: 'join' }, 'connecting', { leftReason: null }],
  ['error', { type: 'join' }, 'connecting', { error: null }],
  ['connecting', { type: 'join' }, null],
  ['connected', { type: 'join' }, null],
  ['reconnecting', { type: 'join' }, null],
  ['connecting', { type: 'connected', room: 'r', identity: 'me' }, 'connected', { room: 'r', localIdentity: 'me' }],
  // A connection that completes after a leave is not a call (no ghost participant on screen).
  ['left', { type: 'connected', room: 'r', identity: 'me' }, null],
  ['prejoin', { type: 'connected', room: 'r', identity: 'me' }, null],
  ['connected', { type: 'reconnecting' }, 'reconnecting'],
  ['connecting', { type: 'reconnecting' }, null],
  ['reconnecting', { type: 'resumed' }, 'connected'],
  ['connected', { type: 'resumed' }, null],
  ['connected', { type: 'lost' }, 'left', { leftReason: 'network' }],
  ['reconnecting', { type: 'lost' }, 'left', { leftReason: 'network' }],
  ['connecting', { type: 'lost' }, null],
  ['connecting', { type: 'left', reason: 'user' }, 'left', { leftReason: 'user' }],
  ['connected', { type: 'left', reason: 'kicked' }, 'left', { leftReason: 'kicked' }],
  ['reconnecting', { type: 'left', reason: 'room-closed' }, 'left', { leftReason: 'room-closed' }],
  ['prejoin', { type: 'left', reason: 'user' }, null],
  ['left', { type: 'left', reason: 'kicked' }, null],
  ['error', { type: 'left', reason: 'user' }, null],
  ['connecting', { type: 'error', error: ERROR }, 'error', { error: ERROR }],
  // A failure reported after the user already left changes nothing.
  ['left', { type: 'error', error: ERROR }, null],
  ['connected', { type: 'error', error: ERROR }, null],
  // The lobby: a server that makes us wait for a host.
  ['connecting', { type: 'waiting' }, 'waiting'],
  ['prejoin', { type: 'waiting' }, null],
  ['connected', { type: 'waiting' }, null],
  ['waiting', { type: 'waiting' }, null],
  ['waiting', { type: 'admitted' }, 'connecting'],
  ['connecting', { type: 'admitted' }, null],
  ['connected', { type: 'admitted' }, null],
  ['waiting', { type: 'connected', room: 'r', identity: 'me' }, 'connected', { room: 'r', localIdentity: 'me' }],
  ['waiting', { type: 'denied' }, 'left', { leftReason: 'denied' }],
  ['connecting', { type: 'denied' }, 'left', { leftReason: 'denied' }],
  ['connected', { type: 'denied' }, null],
  ['left', { type: 'denied' }, null],
  ['waiting', { type: 'left', reason: 'user' }, 'left', { leftReason: 'user' }],
  ['waiting', { type: 'error', error: ERROR }, 'error', { error: ERROR }],
  ['waiting', { type: 'join' }, null],
  ['waiting', { type: 'lost' }, null],
  ['waiting', { type: 'reconnecting' }, null],
  // First-class endings: a host's removal, the room closed for all.
  ['connected', { type: 'left', reason: 'room-closed' }, 'left', { leftReason: 'room-closed' }],
  ['reconnecting', { type: 'left', reason: 'kicked' }, 'left', { leftReason: 'kicked' }],
  ['left', { type: 'join' }, 'connecting', { leftReason: null }],
];

describe('endings that may be joined again', () => {
  test.each<[LeftReason, boolean]>([
    ['user', true],
    ['network', true],
    ['duplicate-identity', true],
    ['error', true],
    ['kicked', false],
    ['denied', false],
    ['room-closed', false],
  ])('%s → Rejoin offered: %s', (reason, offered) => {
    expect(canRejoin(reason)).toBe(offered);
  });
});

describe('the phase machine', () => {
  test.each(TABLE)('%s + %o → %s', (from, event, to, fields) => {
    const before = state(from, from === 'connected' || from === 'reconnecting' ? { room: 'r', localIdentity: 'me' } : {});
    const after = next(before, event);
    if (to === null) {
      expect(after).toBe(before);
      return;
    }
    expect(after.phase).toBe(to);
    expect(after).toMatchObject(fields ?? {});
  });

  test('leaving clears the local identity, so nothing shows the user as still in the room', () => {
    const after = next(state('connected', { room: 'r', localIdentity: 'me' }), { type: 'left', reason: 'user' });
    expect(after.localIdentity).toBeNull();
    expect(after.room).toBe('r');
  });
});
