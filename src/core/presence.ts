// Raise hand and reactions, the core's side: whether they can be done now (the action rejects with
// the reason otherwise), and a sender's own rate limit for reactions.
import { ConfabError } from './commands.js';
import { isReaction, RateLimit } from './reactions.js';
import type { SessionPort } from './session-port.js';
import type { MeetingState } from './types.js';

export function sessionForHand(
  enabled: boolean,
  state: Pick<MeetingState, 'phase' | 'handAllowed'>,
  session: SessionPort | null,
): SessionPort {
  if (!enabled) throw new ConfabError('reactions-disabled', 'raise hand is off (reactions="off")');
  if (!session || state.phase !== 'connected') throw new ConfabError('not-connected', 'raising a hand needs a call');
  if (!state.handAllowed)
    throw new ConfabError('not-allowed', "the token does not allow updating one's own attributes (canUpdateOwnMetadata)");
  return session;
}

export class Presence {
  readonly #limit = new RateLimit();
  constructor(readonly deps: { enabled: () => boolean; state: () => MeetingState; session: () => SessionPort | null }) {}

  async raiseHand(on: boolean, disposed: boolean): Promise<void> {
    if (disposed) throw new ConfabError('disposed', 'this meeting element was removed from the page');
    await sessionForHand(this.deps.enabled(), this.deps.state(), this.deps.session()).setHand(on);
  }

  /** Sends one of the offered emoji to everyone; rejects `bad-argument`, `reactions-disabled`, `not-connected`, `rate-limited`. */
  async sendReaction(emoji: string, disposed: boolean): Promise<void> {
    if (disposed) throw new ConfabError('disposed', 'this meeting element was removed from the page');
    if (!this.deps.enabled()) throw new ConfabError('reactions-disabled', 'reactions are off (reactions="off")');
    if (!isReaction(emoji)) throw new ConfabError('bad-argument', 'sendReaction takes one of the offered emoji');
    const session = this.deps.session();
    if (!session || this.deps.state().phase !== 'connected') throw new ConfabError('not-connected', 'reactions need a call');
    if (!this.#limit.allow('self')) throw new ConfabError('rate-limited', 'at most 5 reactions every 3 seconds');
    await session.sendReaction(emoji);
  }
}
