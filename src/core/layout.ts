// Pin and layout, the core's side: what the user chose (a pinned participant; a layout set live,
// which beats the `layout` option until the element is configured again). The grid reads both.
import { ConfabError } from './commands.js';
import type { MeetingStore } from './store.js';
import type { Layout } from '../config/schema.js';

export class LayoutControl {
  constructor(readonly store: MeetingStore) {}

  /** Pins a participant to the stage (null: unpins); rejects `bad-argument` for someone not in the room. */
  pin(identity: string | null, disposed: boolean): Promise<void> {
    if (disposed) return Promise.reject(new ConfabError('disposed', 'this meeting element was removed from the page'));
    if (identity !== null && !this.store.getState().participants.has(identity))
      return Promise.reject(new ConfabError('bad-argument', 'nobody with that identity is in the room'));
    this.store.setState({ pinned: identity });
    return Promise.resolve();
  }

  setLayout(layout: Layout, disposed: boolean): Promise<void> {
    if (disposed) return Promise.reject(new ConfabError('disposed', 'this meeting element was removed from the page'));
    this.store.setState({ layout });
    return Promise.resolve();
  }
}
