// Who is in the room, how well they are connected, and who speaks: the only writer of
// `participants` and `activeSpeakers`.
import { ConnectionQuality, ConnectionState, RoomEvent, type Participant, type Room } from 'livekit-client';
import { withEntry, withoutEntry, type MeetingStore } from '../../core/store.js';
import { domain } from '../domain.js';
import { listen } from '../listen.js';
import { holdSpeakers } from '../../core/speaking.js';
import { displayName } from '../../core/text.js';
import type { PersonView, Quality } from '../../core/types.js';

/**
 * After our own reconnect, someone not back yet is shown as reconnecting for this long before they
 * count as gone (after a server restart everyone reconnects, each at their own pace).
 */
export const RETURN_GRACE_MS = 20_000;

/** Whether the room is between a drop and its reconnect (participant events are not news then). */
export function reconnecting(room: Room): boolean {
  return room.state === ConnectionState.Reconnecting || room.state === ConnectionState.SignalReconnecting;
}

const QUALITY: Record<ConnectionQuality, Quality> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
  [ConnectionQuality.Unknown]: 'unknown',
};

/** The participant attribute LiveKit-based apps use for a raised hand (La Suite Meet): ISO time, '' when lowered. */
export const HAND_ATTRIBUTE = 'handRaisedAt';

/** A raised hand's time from the attribute (anyone's input: a bad or absurd value counts as lowered). */
export function handOf(value: string | undefined): number {
  if (!value || value.length > 40) return 0;
  const t = Date.parse(value);
  return Number.isFinite(t) && t > 0 ? t : 0;
}

export function personOf(p: Participant, local: boolean, joinedAt: number, reconnectingNow = false): PersonView {
  // A remote name is anyone's input: shown only once it is safe (no reordering, nothing invisible, not endless).
  return {
    identity: p.identity,
    name: displayName(p.name ?? '') || displayName(p.identity) || '?',
    local,
    joinedAt,
    quality: QUALITY[p.connectionQuality] ?? 'unknown',
    reconnecting: reconnectingNow,
    handRaisedAt: handOf(p.attributes?.[HAND_ATTRIBUTE]),
  };
}

const same = (a: PersonView | undefined, b: PersonView) =>
  !!a &&
  a.name === b.name &&
  a.local === b.local &&
  a.quality === b.quality &&
  a.reconnecting === b.reconnecting &&
  a.joinedAt === b.joinedAt &&
  a.handRaisedAt === b.handRaisedAt;

/** Subscribes the participants slice to a Room; `sync` re-derives everyone (after connect or a reconnect). */
export function bindParticipants(room: Room, store: MeetingStore, graceMs = RETURN_GRACE_MS): { sync(): void; dispose(): void } {
  let arrival = 0;
  let disposed = false;
  const arrivals = new Map<string, number>();
  const away = new Map<string, ReturnType<typeof setTimeout>>();
  const arrivalOf = (identity: string) => {
    let n = arrivals.get(identity);
    if (n === undefined) arrivals.set(identity, (n = ++arrival));
    return n;
  };
  const remove = (identity: string) => {
    clearTimeout(away.get(identity));
    away.delete(identity);
    arrivals.delete(identity);
    store.setState((s) => ({
      participants: withoutEntry(s.participants, identity),
      activeSpeakers: s.activeSpeakers.filter((id) => id !== identity),
    }));
  };
  const put = (p: Participant) => {
    const local = p === room.localParticipant;
    clearTimeout(away.get(p.identity));
    away.delete(p.identity);
    const view = personOf(p, local, local ? 0 : arrivalOf(p.identity));
    if (!same(store.getState().participants.get(view.identity), view))
      store.setState((s) => ({ participants: withEntry(s.participants, view.identity, view) }));
  };
  const sync = () => {
    const before = store.getState().participants;
    const participants = new Map<string, PersonView>();
    const local = room.localParticipant;
    participants.set(local.identity, personOf(local, true, 0));
    for (const p of room.remoteParticipants.values()) {
      clearTimeout(away.get(p.identity));
      away.delete(p.identity);
      participants.set(p.identity, personOf(p, false, arrivalOf(p.identity)));
    }
    // Someone we had, not (yet) back: reconnecting for a grace period, then gone.
    for (const [identity, view] of before) {
      if (view.local || participants.has(identity)) continue;
      participants.set(identity, { ...view, reconnecting: true });
      if (!away.has(identity))
        away.set(
          identity,
          setTimeout(() => !disposed && remove(identity), graceMs),
        );
    }
    store.setState({ participants });
  };
  /** Quality or attributes changed: re-derived for someone already shown. */
  const refresh = (_change: unknown, p: Participant) => {
    if (store.getState().participants.has(p.identity)) put(p);
  };
  // Speaking with hysteresis (src/core/speaking.ts): a pause between words keeps the highlight.
  let heard: ReadonlyMap<string, number> = new Map();
  let reported: string[] = [];
  let expiry: ReturnType<typeof setTimeout> | undefined;
  const evaluate = () => {
    const held = holdSpeakers(heard, reported, Date.now());
    heard = held.lastHeard;
    const present = store.getState().participants;
    const speaking = held.speaking.filter((id) => present.has(id));
    const before = store.getState().activeSpeakers;
    if (speaking.length !== before.length || speaking.some((id, i) => id !== before[i])) store.setState({ activeSpeakers: speaking });
    clearTimeout(expiry);
    if (held.nextExpiry !== null && !disposed) expiry = setTimeout(evaluate, Math.max(0, held.nextExpiry - Date.now()));
  };

  const unlisten = listen(room, {
    [RoomEvent.ParticipantConnected]: put,
    // A full reconnect drops every remote participant locally, *then* says it is reconnecting, and
    // adds them back: nobody left. Decided a microtask later, once the room's state is known; the
    // sync after the reconnect settles who is really gone.
    [RoomEvent.ParticipantDisconnected]: (p) =>
      queueMicrotask(() => {
        if (disposed || reconnecting(room) || room.remoteParticipants.has(p.identity)) return;
        remove(p.identity);
      }),
    [RoomEvent.ParticipantNameChanged]: (_name, p) => put(p),
    [RoomEvent.ConnectionQualityChanged]: refresh,
    [RoomEvent.ParticipantAttributesChanged]: refresh,
    [RoomEvent.ActiveSpeakersChanged]: (speakers) => {
      reported = speakers.map((p) => p.identity);
      evaluate();
    },
  });
  return {
    sync,
    dispose: () => {
      disposed = true;
      clearTimeout(expiry);
      for (const timer of away.values()) clearTimeout(timer);
      away.clear();
      unlisten();
    },
  };
}

export const participants = domain({ name: 'participants', bind: (room, { store }) => bindParticipants(room, store) });

/** Raising and lowering one's hand: our own `handRaisedAt` attribute. */
export const presence = domain({
  name: 'presence',
  bind: (room) => ({
    // An ISO time when raised, '' when lowered: the convention other LiveKit apps read (La Suite Meet).
    setHand: async (on: boolean) => {
      await room.localParticipant.setAttributes({ [HAND_ATTRIBUTE]: on ? new Date().toISOString() : '' });
    },
    dispose() {},
  }),
});
