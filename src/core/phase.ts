// The phase machine: the only code that decides `phase`. Pure, so a table of tests covers it.
//
//   prejoin ─join→ connecting ─connected→ connected ⇄ reconnecting
//                      │  ▲                    │
//               waiting│  │admitted            └─lost / left(reason)→ left
//                      ▼  │
//                    waiting ─denied→ left(denied)
// Any active phase ends with `left` (the user, a host's removal, the room closing); a failure
// before the call is up ends in `error`. `join` from an ending starts again.
import type { LeftReason, Phase, UserError } from './types.js';

export interface PhaseState {
  phase: Phase;
  leftReason: LeftReason | null;
  error: UserError | null;
  room: string | null;
  localIdentity: string | null;
}

export type PhaseEvent =
  | { type: 'join' }
  /** The server put us in its lobby: a host must let us in. */
  | { type: 'waiting' }
  /** A host let us in: the connection goes on. */
  | { type: 'admitted' }
  /** A host refused us at the lobby. */
  | { type: 'denied' }
  | { type: 'connected'; room: string; identity: string }
  | { type: 'reconnecting' }
  | { type: 'resumed' }
  | { type: 'lost' }
  | { type: 'left'; reason: LeftReason }
  | { type: 'error'; error: UserError };

const IN_CALL: ReadonlySet<Phase> = new Set(['connected', 'reconnecting']);
const ACTIVE: ReadonlySet<Phase> = new Set(['connecting', 'waiting', 'connected', 'reconnecting']);
const JOINING: ReadonlySet<Phase> = new Set(['connecting', 'waiting']);

/**
 * The next phase state, or the same object when the event does not apply (a late `connected` after
 * a leave, a second `join` while connecting): callers can compare by identity.
 */
export function next(state: PhaseState, event: PhaseEvent): PhaseState {
  const { phase } = state;
  switch (event.type) {
    case 'join':
      return ACTIVE.has(phase) ? state : { phase: 'connecting', leftReason: null, error: null, room: null, localIdentity: null };
    case 'waiting':
      return phase === 'connecting' ? { ...state, phase: 'waiting' } : state;
    case 'admitted':
      return phase === 'waiting' ? { ...state, phase: 'connecting' } : state;
    case 'denied':
      return JOINING.has(phase) ? left(state, 'denied') : state;
    case 'connected':
      return JOINING.has(phase) ? { ...state, phase: 'connected', room: event.room, localIdentity: event.identity } : state;
    case 'reconnecting':
      return phase === 'connected' ? { ...state, phase: 'reconnecting' } : state;
    case 'resumed':
      return phase === 'reconnecting' ? { ...state, phase: 'connected' } : state;
    case 'lost':
      return IN_CALL.has(phase) ? left(state, 'network') : state;
    case 'left':
      return ACTIVE.has(phase) ? left(state, event.reason) : state;
    case 'error':
      return JOINING.has(phase) ? { ...state, phase: 'error', error: event.error, localIdentity: null } : state;
  }
}

function left(state: PhaseState, reason: LeftReason): PhaseState {
  return { ...state, phase: 'left', leftReason: reason, localIdentity: null };
}

export function isActive(phase: Phase): boolean {
  return ACTIVE.has(phase);
}

export function inCall(phase: Phase): boolean {
  return IN_CALL.has(phase);
}

/** Whether a call that ended this way may simply be joined again (a host's removal or refusal may not). */
export function canRejoin(reason: LeftReason | null): boolean {
  return reason !== 'kicked' && reason !== 'denied' && reason !== 'room-closed';
}
