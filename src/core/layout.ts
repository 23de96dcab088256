// Pin and layout, the core's side: what the user chose (a pinned participant; a layout set live,
// which beats the `layout` option until the element is configured again). The grid reads both.
import type { Layout } from '../config/schema.js';
import type { LayoutActions } from './actions.js';
import { ConfabError } from './commands.js';
import type { Handlers } from './handlers.js';
import type { MeetingStore } from './store.js';

export class LayoutControl implements LayoutActions {
  constructor(
    readonly store: MeetingStore,
    private readonly alive: () => void,
  ) {}

  /** Pins a participant to the stage (null: unpins); rejects `bad-argument` for someone not in the room. */
  pin = (identity: string | null): Promise<void> =>
    settle(() => {
      this.alive();
      if (identity !== null && !this.store.getState().participants.has(identity))
        throw new ConfabError('bad-argument', 'nobody with that identity is in the room');
      this.store.setState({ pinned: identity });
    });

  setLayout = (layout: Layout): Promise<void> =>
    settle(() => {
      this.alive();
      this.store.setState({ layout });
    });
}

/** A synchronous verb as a promise: what it throws, it rejects with. */
function settle(work: () => void): Promise<void> {
  try {
    work();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export const layoutCommands: Handlers<'pin' | 'setLayout'> = {
  pin: (t, identity) => t.layout.pin(identity),
  setLayout: (t, layout) => t.layout.setLayout(layout),
};
