// One diff of the store feeds both the host's `confab-*` events and the live-region announcements,
// so each fact is reported once, in the order it happened. Pure: unit-tested with two states.
import type { ConfabEventDetails, ConfabEventName } from '../events.js';
import type { Translate } from '../i18n/i18n.js';
import { localParticipant, NO_MEDIA } from './store.js';
import { inCall, isActive } from './phase.js';
import { permissionDetail } from './snapshot.js';
import type { ChatMessage, ConnectionState, MeetingState, Phase } from './types.js';
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

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function diff(previous: MeetingState, state: MeetingState, t: Translate): Diff {
  const events: HostEvent[] = [];
  const presence: PresenceChange[] = [];
  const push = <N extends ConfabEventName>(name: N, detail: ConfabEventDetails[N]) => events.push({ name, detail } as HostEvent);

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

  // At join, and whenever the server changes what we may do.
  if (inCall(state.phase) && (state.permissions !== previous.permissions || !inCall(previous.phase))) {
    push('confab-permissions', permissionDetail(state.permissions));
  }

  const both = inCall(state.phase) && inCall(previous.phase);
  if (both && state.participants !== previous.participants) {
    for (const [id, p] of state.participants) {
      if (!p.local && !previous.participants.has(id)) {
        push('confab-participant-joined', { identity: id, name: p.name });
        presence.push({ kind: 'joined', name: p.name });
      }
    }
    for (const [id, p] of previous.participants) {
      if (!p.local && !state.participants.has(id)) {
        push('confab-participant-left', { identity: id, name: p.name });
        presence.push({ kind: 'left', name: p.name });
      }
    }
    // Hands of people who were here before and still are (one's own included; only others' are announced).
    for (const [id, p] of state.participants) {
      const before = previous.participants.get(id);
      if (!before || !p.handRaisedAt === !before.handRaisedAt) continue;
      push('confab-hand', { identity: id, name: p.name, raised: p.handRaisedAt > 0 });
      if (p.handRaisedAt && !p.local) presence.push({ kind: 'hand', name: p.name });
    }
  }

  if (state.reactions !== previous.reactions) {
    const last = previous.reactions.at(-1)?.key ?? 0;
    for (const r of state.reactions)
      if (r.key > last)
        push('confab-reaction', { identity: r.identity, name: state.participants.get(r.identity)?.name ?? '', emoji: r.emoji });
  }

  if (inCall(state.phase) && !sameList(state.activeSpeakers, previous.activeSpeakers)) {
    push('confab-active-speakers', { identities: [...state.activeSpeakers] });
  }

  if (inCall(state.phase) && state.media !== previous.media) {
    for (const [id, media] of state.media) {
      const before = previous.media.get(id) ?? NO_MEDIA;
      if (before.screenshare !== media.screenshare) push('confab-screenshare', { identity: id, active: media.screenshare });
    }
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

  const unread = chatEvents(previous, state, push);

  let self: MessageKey | null = null;
  if (state.phase === 'connected' && previous.phase === 'connected') {
    const now = localParticipant(state);
    const before = localParticipant(previous);
    if (now && before && now.identity === before.identity) {
      if (now.microphone !== before.microphone) self = now.microphone ? 'announce.microphoneOn' : 'announce.microphoneOff';
      else if (now.camera !== before.camera) self = now.camera ? 'announce.cameraOn' : 'announce.cameraOff';
    }
  }
  return { events, presence, self, unread };
}

/**
 * confab-chat-message once per message: a remote one when it arrives, one's own once it is sent.
 * Returns how many of the new remote ones the reader has not seen (the panel is closed).
 */
function chatEvents(
  previous: MeetingState,
  state: MeetingState,
  push: (name: 'confab-chat-message', detail: ConfabEventDetails['confab-chat-message']) => void,
): number {
  if (state.chat.messages === previous.chat.messages) return 0;
  const shown = (m: ChatMessage) => !m.deleted && (!m.local || m.status === 'sent');
  // Own messages that were not yet sent before: the only older rows whose event may be due now.
  const unsent = new Set<string>();
  for (const m of previous.chat.messages) if (m.local && m.status !== 'sent') unsent.add(m.id);
  let unread = 0;
  for (const m of state.chat.messages) {
    if (!shown(m) || (m.seq <= previous.chat.seq && !unsent.has(m.id))) continue;
    const detail = { id: m.id, identity: m.identity, name: m.name, text: m.text, timestamp: m.timestamp, local: m.local };
    push('confab-chat-message', m.relayedBy ? { ...detail, relayedBy: m.relayedBy } : detail);
    if (!m.local && !m.earlier && state.panel !== 'chat') unread++;
  }
  return unread;
}

export interface DiffFeed {
  /** Listens to each diff (the announcer); returns the unsubscribe function. */
  listen(listener: (diff: Diff) => void): () => void;
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
  store.subscribe((state, previous) => {
    const d = diff(previous, state, t());
    for (const event of d.events) emit(event);
    if (d.presence.length || d.self || d.unread) for (const listener of listeners) listener(d);
  });
  return {
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
