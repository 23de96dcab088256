// Raise hand and reactions, the core's side: whether they can be done now (the action rejects with
// the reason otherwise), and a sender's own rate limit for reactions. A chunk of its own, loaded on
// the first hand or reaction (presence-lazy.ts is its front in the shell).
import type { PresenceActions } from './actions.js';
import { ConfabError } from './commands.js';
import { isReaction, RateLimit } from './reactions.js';
import type { SessionPort } from './session-port.js';
import type { MeetingState } from './types.js';

export function sessionForHand(
  enabled: boolean,
  state: Pick<MeetingState, 'phase' | 'permissions'>,
  session: SessionPort | null,
): SessionPort {
  if (!enabled) throw new ConfabError('reactions-disabled', 'raise hand is off (reactions="off")');
  if (!session || state.phase !== 'connected') throw new ConfabError('not-connected', 'raising a hand needs a call');
  if (!state.permissions.canUpdateOwnMetadata)
    throw new ConfabError('not-allowed', "the token does not allow updating one's own attributes (canUpdateOwnMetadata)");
  return session;
}

export interface PresenceDeps {
  enabled: () => boolean;
  state: () => MeetingState;
  session: () => SessionPort | null;
  alive: () => void;
}

export class Presence implements PresenceActions {
  readonly #limit = new RateLimit();
  constructor(readonly deps: PresenceDeps) {}

  raiseHand = async (on: boolean): Promise<void> => {
    this.deps.alive();
    const session = sessionForHand(this.deps.enabled(), this.deps.state(), this.deps.session());
    await (await session.port('presence')).setHand(on);
  };

  /** Sends one of the offered emoji to everyone; rejects `bad-argument`, `reactions-disabled`, `not-connected`, `rate-limited`. */
  sendReaction = async (emoji: string): Promise<void> => {
    this.deps.alive();
    if (!this.deps.enabled()) throw new ConfabError('reactions-disabled', 'reactions are off (reactions="off")');
    if (!isReaction(emoji)) throw new ConfabError('bad-argument', 'sendReaction takes one of the offered emoji');
    const { phase, permissions } = this.deps.state();
    const session = this.deps.session();
    if (!session || phase !== 'connected') throw new ConfabError('not-connected', 'reactions need a call');
    if (!permissions.canPublishData) throw new ConfabError('not-allowed', 'the token does not allow sending data (canPublishData)');
    if (!this.#limit.allow('self')) throw new ConfabError('rate-limited', 'at most 5 reactions every 3 seconds');
    await (await session.port('reactions')).send(emoji);
  };
}
