// Raise hand and reactions in the element shell: their commands, and a front that loads the real
// verbs (presence.ts) on the first hand or reaction.
import type { PresenceActions } from './actions.js';
import type { Handlers } from './handlers.js';
import { lazyActions } from './lazy.js';
import type { PresenceDeps } from './presence.js';

export const lazyPresence = (deps: PresenceDeps): PresenceActions =>
  lazyActions<PresenceActions>(() => import('./presence.js').then((m) => new m.Presence(deps)), ['raiseHand', 'sendReaction']);

export const presenceCommands: Handlers<'raiseHand' | 'sendReaction'> = {
  raiseHand: (t, on) => t.presence.raiseHand(on),
  sendReaction: (t, emoji) => t.presence.sendReaction(emoji),
};
