// Raise hand: the session to raise it with, or the reason it cannot be done now (the action rejects with it).
import { ConfabError } from './commands.js';
import type { SessionPort } from './session-port.js';
import type { MeetingState } from './types.js';

export function sessionForHand(enabled: boolean, state: Pick<MeetingState, 'phase' | 'handAllowed'>, session: SessionPort | null): SessionPort {
  if (!enabled) throw new ConfabError('reactions-disabled', 'raise hand is off (reactions="off")');
  if (!session || state.phase !== 'connected') throw new ConfabError('not-connected', 'raising a hand needs a call');
  if (!state.handAllowed) throw new ConfabError('not-allowed', "the token does not allow updating one's own attributes (canUpdateOwnMetadata)");
  return session;
}
