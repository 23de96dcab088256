import { createContext, ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { MeetingConfig } from '../config/schema.js';
import type { Actions, Domain } from '../core/actions.js';
import type { MeetingStore } from '../core/store.js';
import type { MeetingState } from '../core/types.js';
import type { Translate } from '../i18n/i18n.js';
import { StoreController } from './store-controller.js';

/**
 * What <confab-meeting> provides to every part inside it, slotted parts included: the store to read,
 * each domain's actions, the parsed options and the translator. A new object whenever lang or config changes.
 */
export interface MeetingContext {
  store: MeetingStore;
  actions: Actions;
  config: MeetingConfig;
  t: Translate;
  lang: string;
}

export const meetingContext = createContext<MeetingContext>(Symbol.for('confab.meeting'));

/** The context as a part sees it: only the actions of the domains it names. */
export interface PartContext<D extends Domain> extends Omit<MeetingContext, 'actions'> {
  actions: Pick<Actions, D>;
}

export interface UseMeeting<T, D extends Domain> {
  /** The context, narrowed to the part's domains (`value` is undefined until the meeting provides it). */
  readonly context: { readonly value: PartContext<D> | undefined };
  readonly slice: StoreController<MeetingState, T>;
}

/**
 * Consumes the meeting context and a store slice in one go; what every part needs. `domains` names
 * the actions the part may call: the type narrows to them, and the part's object holds only them.
 */
export function useMeeting<T, D extends Domain = never>(
  host: ReactiveControllerHost & HTMLElement,
  selector: (state: MeetingState) => T,
  domains: readonly D[] = [],
  equals?: (a: T, b: T) => boolean,
): UseMeeting<T, D> {
  const consumer = new ContextConsumer(host, { context: meetingContext, subscribe: true });
  const slice = new StoreController(host, () => consumer.value?.store, selector, equals);
  let seen: MeetingContext | undefined;
  let narrowed: PartContext<D> | undefined;
  return {
    slice,
    context: {
      get value() {
        const ctx = consumer.value;
        if (ctx !== seen) {
          seen = ctx;
          narrowed = ctx && { ...ctx, actions: Object.fromEntries(domains.map((d) => [d, ctx.actions[d]])) as Pick<Actions, D> };
        }
        return narrowed;
      },
    },
  };
}
