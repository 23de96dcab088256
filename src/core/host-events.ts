// One diff of the store feeds both the host's `confab-*` events and the live-region announcements,
// so each fact is reported once, in the order it happened. Pure: unit-tested with two states. What
// can happen before a call (config notices, the phase, devices, backgrounds) is diffed here, in the
// element shell; what only a call has (people, hands, chat…) is in host-events-call.ts, which comes
// with the in-call chunk (CALL_EVENTS) before the session connects.
import type { ConfabEventDetails, ConfabEventName } from '../events.js';
import type { Translate } from '../i18n/i18n.js';
import { localParticipant } from './store.js';
import { isActive } from './phase.js';
import type { ConnectionState, MeetingState, Phase } from './types.js';
import type { MessageKey } from '../i18n/en.js';
import type { PresenceChange } from './announce.js';

export type { PresenceChange };

export type HostEvent = { [N in ConfabEventName]: { name: N; detail: ConfabEventDetails[N] } }[ConfabEventName];

export interface Diff {
  events: HostEvent[];
  presence: PresenceChange[];
  /** The user's own microphone or camera changed (announced at once). */
  self: MessageKey | null;
  /** Messages from others that arrived while the chat panel is closed (announced as a batch). */
  unread: number;
}

const CONNECTION: Record<Phase, ConnectionState | null> = {
  prejoin: null,
  connecting: 'connecting',
  waiting: 'waiting',
  connected: 'connected',
  reconnecting: 'reconnecting',
  left: 'disconnected',
  error: 'disconnected',
};

/** Where a part of the diff writes: the events in order, what to announce. */
export interface DiffOut extends Diff {
  push: <N extends ConfabEventName>(name: N, detail: ConfabEventDetails[N]) => void;
}

/** One part of the diff: reads two states, writes events and announcements. */
export type DiffPart = (previous: MeetingState, state: MeetingState, out: DiffOut, t: Translate) => void;

export function diff(previous: MeetingState, state: MeetingState, t: Translate, parts: readonly DiffPart[] = []): Diff {
  const events: HostEvent[] = [];
  const out: DiffOut = {
    events,
    presence: [],
    self: null,
    unread: 0,
    push: (name, detail) => void events.push({ name, detail } as HostEvent),
  };
  const { push } = out;

  for (const notice of state.notices) {
    if (!previous.notices.includes(notice)) push('confab-error', { code: notice.code, message: t(notice.key, notice.params) });
  }

  if (state.phase !== previous.phase) {
    const connection = CONNECTION[state.phase];
    if (connection && connection !== CONNECTION[previous.phase]) push('confab-connection-state', { state: connection });
    if (state.phase === 'connected' && previous.phase === 'connecting') {
      const me = localParticipant(state);
      push('confab-joined', { room: state.room ?? '', identity: state.localIdentity ?? '', name: me?.name ?? state.localIdentity ?? '' });
      for (const p of state.participants.values()) if (!p.local) push('confab-participant-joined', { identity: p.identity, name: p.name });
    }
    // The knocker's own lobby: in it, let in, or refused.
    if (state.phase === 'waiting') push('confab-lobby', { state: 'waiting' });
    else if (previous.phase === 'waiting' && isActive(state.phase)) push('confab-lobby', { state: 'admitted' });
    else if (previous.phase === 'waiting' && state.leftReason === 'denied') push('confab-lobby', { state: 'denied' });
    if (state.phase === 'left') push('confab-left', { reason: state.leftReason ?? 'user' });
    if (state.phase === 'error' && state.error)
      push('confab-error', { code: state.error.code, message: t(state.error.key, state.error.params) });
  }

  const bg = state.background;
  const was = previous.background;
  if (bg !== was) {
    // What runs changed; a requested effect that is still loading is not reported until it runs or fails.
    const switched = bg.mode !== was.mode && (bg.active || bg.mode === 'none');
    const failed = bg.reason !== null && bg.reason !== was.reason;
    if (bg.active !== was.active || switched || failed) push('confab-background', { mode: bg.mode, active: bg.active });
    if (bg.reason && failed) push('confab-error', { code: `background-${bg.reason}`, message: t(`background.unavailable.${bg.reason}`) });
  }

  const lastSeq = previous.deviceErrors.reduce((max, e) => Math.max(max, e.seq), 0);
  for (const e of state.deviceErrors) if (e.seq > lastSeq) push('confab-device-error', { device: e.device, reason: e.reason });

  for (const part of parts) part(previous, state, out, t);
  const { presence, self, unread } = out;
  return { events, presence, self, unread };
}

export interface DiffFeed {
  /** Listens to each diff (the announcer); returns the unsubscribe function. */
  listen(listener: (diff: Diff) => void): () => void;
  /** Adds the parts of the diff that only a call needs (they come with the in-call chunk). */
  use(parts: readonly DiffPart[]): void;
}

/**
 * Diffs every store change once: fires the host's events in order, then hands the same diff to
 * listeners. Lives as long as the store (one per element).
 */
export function feedHostEvents(
  store: { subscribe(fn: (state: MeetingState, previous: MeetingState) => void): () => void },
  t: () => Translate,
  emit: (event: HostEvent) => void,
): DiffFeed {
  const listeners = new Set<(diff: Diff) => void>();
  let parts: readonly DiffPart[] = [];
  store.subscribe((state, previous) => {
    const d = diff(previous, state, t(), parts);
    for (const event of d.events) emit(event);
    if (d.presence.length || d.self || d.unread) for (const listener of listeners) listener(d);
  });
  return {
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    use(more) {
      parts = [...parts, ...more.filter((p) => !parts.includes(p))];
    },
  };
}
