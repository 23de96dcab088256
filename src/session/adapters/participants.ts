// Who is in the room, and who speaks: the only writer of `participants` and `activeSpeakers`.
import { RoomEvent, type Participant, type Room } from 'livekit-client';
import { withEntry, withoutEntry, type MeetingStore } from '../../core/store.js';
import type { PersonView } from '../../core/types.js';

export function personOf(p: Participant, local: boolean, joinedAt: number): PersonView {
  return { identity: p.identity, name: p.name || p.identity, local, joinedAt };
}

/** Subscribes the participants slice to a Room; `sync` re-derives everyone (after connect or a full reconnect). */
export function bindParticipants(room: Room, store: MeetingStore): { sync(): void; dispose(): void } {
  let arrival = 0;
  const arrivals = new Map<string, number>();
  const arrivalOf = (identity: string) => {
    let n = arrivals.get(identity);
    if (n === undefined) arrivals.set(identity, (n = ++arrival));
    return n;
  };
  const put = (p: Participant) => {
    const local = p === room.localParticipant;
    const view = personOf(p, local, local ? 0 : arrivalOf(p.identity));
    const before = store.getState().participants.get(view.identity);
    if (!before || before.name !== view.name || before.local !== view.local) store.setState((s) => ({ participants: withEntry(s.participants, view.identity, view) }));
  };
  const sync = () => {
    const participants = new Map<string, PersonView>();
    const local = room.localParticipant;
    participants.set(local.identity, personOf(local, true, 0));
    for (const p of room.remoteParticipants.values()) participants.set(p.identity, personOf(p, false, arrivalOf(p.identity)));
    store.setState({ participants });
  };
  const onConnected = (p: Participant) => put(p);
  const onDisconnected = (p: Participant) => {
    arrivals.delete(p.identity);
    store.setState((s) => ({ participants: withoutEntry(s.participants, p.identity), activeSpeakers: s.activeSpeakers.filter((id) => id !== p.identity) }));
  };
  const onName = (_name: string, p: Participant) => put(p);
  const onSpeakers = (speakers: Participant[]) => store.setState({ activeSpeakers: speakers.map((p) => p.identity) });

  room
    .on(RoomEvent.ParticipantConnected, onConnected)
    .on(RoomEvent.ParticipantDisconnected, onDisconnected)
    .on(RoomEvent.ParticipantNameChanged, onName)
    .on(RoomEvent.ActiveSpeakersChanged, onSpeakers);
  return {
    sync,
    dispose: () => {
      room
        .off(RoomEvent.ParticipantConnected, onConnected)
        .off(RoomEvent.ParticipantDisconnected, onDisconnected)
        .off(RoomEvent.ParticipantNameChanged, onName)
        .off(RoomEvent.ActiveSpeakersChanged, onSpeakers);
    },
  };
}
