// The phase machine: the only code that decides `phase`. Pure, so a table of tests covers it.
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
  | { type: 'connected'; room: string; identity: string }
  | { type: 'reconnecting' }
  | { type: 'resumed' }
  | { type: 'lost' }
  | { type: 'left'; reason: LeftReason }
  | { type: 'error'; error: UserError };

const IN_CALL: ReadonlySet<Phase> = new Set(['connected', 'reconnecting']);
const ACTIVE: ReadonlySet<Phase> = new Set(['connecting', 'connected', 'reconnecting']);

/**
 * The next phase state, or the same object when the event does not apply (a late `connected` after
 * a leave, a second `join` while connecting): callers can compare by identity.
 */
export function next(state: PhaseState, event: PhaseEvent): PhaseState {
  const { phase } = state;
  switch (event.type) {
    case 'join':
      return ACTIVE.has(phase) ? state : { phase: 'connecting', leftReason: null, error: null, room: null, localIdentity: null };
    case 'connected':
      return phase === 'connecting' ? { ...state, phase: 'connected', room: event.room, localIdentity: event.identity } : state;
    case 'reconnecting':
      return phase === 'connected' ? { ...state, phase: 'reconnecting' } : state;
    case 'resumed':
      return phase === 'reconnecting' ? { ...state, phase: 'connected' } : state;
    case 'lost':
      return IN_CALL.has(phase) ? left(state, 'network') : state;
    case 'left':
      return ACTIVE.has(phase) ? left(state, event.reason) : state;
    case 'error':
      return phase === 'connecting' ? { ...state, phase: 'error', error: event.error, localIdentity: null } : state;
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
