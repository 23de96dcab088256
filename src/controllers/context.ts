import { createContext, ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { MeetingConfig } from '../config/schema.js';
import type { MeetingActions } from '../core/actions.js';
import type { MeetingStore } from '../core/store.js';
import type { MeetingState } from '../core/types.js';
import type { Translate } from '../i18n/i18n.js';
import { StoreController } from './store-controller.js';

/**
 * What <confab-meeting> provides to every part inside it, slotted parts included: the store to read,
 * the actions to call, the parsed options and the translator. A new object whenever lang or config changes.
 */
export interface MeetingContext {
  store: MeetingStore;
  actions: MeetingActions;
  config: MeetingConfig;
  t: Translate;
  lang: string;
}

export const meetingContext = createContext<MeetingContext>(Symbol.for('confab.meeting'));

/** Consumes the meeting context and a store slice in one go; what every part needs. */
export function useMeeting<T>(
  host: ReactiveControllerHost & HTMLElement,
  selector: (state: MeetingState) => T,
  equals?: (a: T, b: T) => boolean,
): { context: ContextConsumer<typeof meetingContext, ReactiveControllerHost & HTMLElement>; slice: StoreController<MeetingState, T> } {
  const context = new ContextConsumer(host, { context: meetingContext, subscribe: true });
  const slice = new StoreController(host, () => context.value?.store, selector, equals);
  return { context, slice };
}
