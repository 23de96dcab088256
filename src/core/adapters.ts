// Adapters: the only writers of SDK-derived state. They read the Room and write plain view models.
import {
  ConnectionState as LkConnectionState,
  DisconnectReason,
  RoomEvent,
  Track,
  type Participant,
  type Room,
} from 'livekit-client';
import type { Emit } from '../events.js';
import type { MeetingStore } from './store.js';
import type { ConnectionState, LeftReason, ParticipantView } from './types.js';

export function toParticipantView(p: Participant, local: boolean, joinedAt: number): ParticipantView {
  const mic = p.getTrackPublication(Track.Source.Microphone);
  const cam = p.getTrackPublication(Track.Source.Camera);
  const screen = p.getTrackPublication(Track.Source.ScreenShare);
  const cameraOn = !!cam && !cam.isMuted;
  return {
    identity: p.identity,
    name: p.name || p.identity,
    local,
    microphone: !!mic && !mic.isMuted,
    camera: cameraOn,
    cameraTrackSid: cameraOn && cam.track ? (cam.trackSid ?? null) : null,
    screenshare: !!screen && !screen.isMuted,
    screenTrackSid: screen && !screen.isMuted && screen.track ? (screen.trackSid ?? null) : null,
    speaking: p.isSpeaking,
    joinedAt,
  };
}

export function leftReasonOf(reason: DisconnectReason | undefined): LeftReason {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return 'user';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'kicked';
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'duplicate-identity';
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return 'room-closed';
    default:
      return 'network';
  }
}

function connectionStateOf(state: LkConnectionState): ConnectionState | null {
  switch (state) {
    case LkConnectionState.Connecting:
      return 'connecting';
    case LkConnectionState.Connected:
      return 'connected';
    case LkConnectionState.Reconnecting:
      return 'reconnecting';
    case LkConnectionState.Disconnected:
      return 'disconnected';
    default:
      // SignalReconnecting: media may still flow, so nothing is shown.
      return null;
  }
}

/**
 * Subscribes the store to a Room. `syncAll` re-derives everyone (after connect); `dispose` unsubscribes.
 * `onDisconnected` lets the session decide the final reason (a user leave is known before the SDK says).
 */
export function bindRoom(
  room: Room,
  store: MeetingStore,
  emit: Emit,
  onDisconnected: (reason: DisconnectReason | undefined) => void,
): { syncAll: () => void; dispose: () => void } {
  let arrival = 0;
  const arrivals = new Map<string, number>();
  const arrivalOf = (identity: string) => {
    let n = arrivals.get(identity);
    if (n === undefined) {
      n = ++arrival;
      arrivals.set(identity, n);
    }
    return n;
  };

  const sync = (p: Participant) => {
    const local = p === room.localParticipant;
    const view = toParticipantView(p, local, local ? 0 : arrivalOf(p.identity));
    const before = store.getState().participants[view.identity];
    store.setState((s) => ({ participants: { ...s.participants, [view.identity]: view } }));
    if ((before?.screenshare ?? false) !== view.screenshare) emit('confab-screenshare', { identity: view.identity, active: view.screenshare });
  };
  const syncAll = () => {
    const participants: Record<string, ParticipantView> = {};
    const local = room.localParticipant;
    participants[local.identity] = toParticipantView(local, true, 0);
    for (const p of room.remoteParticipants.values()) {
      participants[p.identity] = toParticipantView(p, false, arrivalOf(p.identity));
    }
    store.setState({ participants, localIdentity: local.identity });
  };

  const onParticipantConnected = (p: Participant) => {
    sync(p);
    emit('confab-participant-joined', { identity: p.identity, name: p.name || p.identity });
  };
  const onParticipantDisconnected = (p: Participant) => {
    store.setState((s) => {
      const participants = Object.fromEntries(Object.entries(s.participants).filter(([id]) => id !== p.identity));
      return { participants, activeSpeakers: s.activeSpeakers.filter((id) => id !== p.identity) };
    });
    arrivals.delete(p.identity);
    emit('confab-participant-left', { identity: p.identity, name: p.name || p.identity });
  };
  const onSpeakers = (speakers: Participant[]) => {
    const identities = speakers.map((p) => p.identity);
    store.setState((s) => {
      const participants = { ...s.participants };
      for (const [id, view] of Object.entries(participants)) {
        const speaking = identities.includes(id);
        if (view.speaking !== speaking) participants[id] = { ...view, speaking };
      }
      return { participants, activeSpeakers: identities };
    });
    emit('confab-active-speakers', { identities });
  };
  const onConnectionState = (state: LkConnectionState) => {
    const mapped = connectionStateOf(state);
    if (!mapped) return;
    if (mapped === 'reconnecting') store.setState({ phase: 'reconnecting' });
    if (mapped === 'connected' && store.getState().phase === 'reconnecting') {
      store.setState({ phase: 'connected' });
      syncAll();
    }
    emit('confab-connection-state', { state: mapped });
  };
  const onAudioPlayback = () => store.setState({ audioBlocked: !room.canPlaybackAudio });
  const onDisconnectedEvent = (reason?: DisconnectReason) => onDisconnected(reason);

  // Every event that can change what a participant's tile shows re-derives that participant.
  const participantEvents = [
    RoomEvent.TrackPublished,
    RoomEvent.TrackUnpublished,
    RoomEvent.TrackSubscribed,
    RoomEvent.TrackUnsubscribed,
    RoomEvent.TrackMuted,
    RoomEvent.TrackUnmuted,
    RoomEvent.LocalTrackPublished,
    RoomEvent.LocalTrackUnpublished,
    RoomEvent.ParticipantNameChanged,
  ] as const;
  // The participant is the last argument of each of these events except NameChanged (name, participant).
  const onParticipantEvent = (...args: unknown[]) => {
    const p = args.find((a): a is Participant => typeof a === 'object' && a !== null && 'identity' in a && 'trackPublications' in a);
    if (p) sync(p);
  };

  room
    .on(RoomEvent.ParticipantConnected, onParticipantConnected)
    .on(RoomEvent.ParticipantDisconnected, onParticipantDisconnected)
    .on(RoomEvent.ActiveSpeakersChanged, onSpeakers)
    .on(RoomEvent.ConnectionStateChanged, onConnectionState)
    .on(RoomEvent.AudioPlaybackStatusChanged, onAudioPlayback)
    .on(RoomEvent.Disconnected, onDisconnectedEvent);
  for (const e of participantEvents) room.on(e, onParticipantEvent);

  const dispose = () => {
    room
      .off(RoomEvent.ParticipantConnected, onParticipantConnected)
      .off(RoomEvent.ParticipantDisconnected, onParticipantDisconnected)
      .off(RoomEvent.ActiveSpeakersChanged, onSpeakers)
      .off(RoomEvent.ConnectionStateChanged, onConnectionState)
      .off(RoomEvent.AudioPlaybackStatusChanged, onAudioPlayback)
      .off(RoomEvent.Disconnected, onDisconnectedEvent);
    for (const e of participantEvents) room.off(e, onParticipantEvent);
  };
  return { syncAll, dispose };
}

