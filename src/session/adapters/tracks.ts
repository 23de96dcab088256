// What each participant publishes: the only writer of `media`.
import { RoomEvent, Track, type Participant, type Room } from 'livekit-client';
import { reconnecting } from './participants.js';
import { withEntry, withoutEntry, type MeetingStore } from '../../core/store.js';
import type { MediaView } from '../../core/types.js';

export function mediaOf(p: Participant, local = false): MediaView {
  const mic = p.getTrackPublication(Track.Source.Microphone);
  const cam = p.getTrackPublication(Track.Source.Camera);
  const screen = p.getTrackPublication(Track.Source.ScreenShare);
  const cameraOn = !!cam && !cam.isMuted;
  const screenOn = !!screen && !screen.isMuted;
  return {
    microphone: !!mic && !mic.isMuted,
    camera: cameraOn,
    cameraTrackSid: cameraOn && cam.track ? (cam.trackSid ?? null) : null,
    screenshare: screenOn,
    screenTrackSid: screenOn && screen.track ? (screen.trackSid ?? null) : null,
    audioTrackSid: !local && mic?.track ? (mic.trackSid ?? null) : null,
  };
}

const same = (a: MediaView | undefined, b: MediaView) =>
  !!a &&
  a.microphone === b.microphone &&
  a.camera === b.camera &&
  a.cameraTrackSid === b.cameraTrackSid &&
  a.screenshare === b.screenshare &&
  a.screenTrackSid === b.screenTrackSid &&
  a.audioTrackSid === b.audioTrackSid;

// Every event that can change what a participant publishes re-derives that participant.
const EVENTS = [
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
] as const;

export function bindTracks(room: Room, store: MeetingStore): { sync(): void; dispose(): void } {
  const put = (p: Participant) => {
    const view = mediaOf(p, p === room.localParticipant);
    if (!same(store.getState().media.get(p.identity), view)) store.setState((s) => ({ media: withEntry(s.media, p.identity, view) }));
  };
  const sync = () => {
    const media = new Map<string, MediaView>([[room.localParticipant.identity, mediaOf(room.localParticipant, true)]]);
    for (const p of room.remoteParticipants.values()) media.set(p.identity, mediaOf(p));
    store.setState({ media });
  };
  // The participant is the last argument of each of these events.
  const onEvent = (...args: unknown[]) => {
    const p = args.at(-1);
    if (typeof p === 'object' && p !== null && 'identity' in p && 'trackPublications' in p) put(p as Participant);
  };
  const onGone = (p: Participant) =>
    queueMicrotask(() => {
      if (!reconnecting(room) && !room.remoteParticipants.has(p.identity))
        store.setState((s) => ({ media: withoutEntry(s.media, p.identity) }));
    });
  for (const e of EVENTS) room.on(e, onEvent);
  room.on(RoomEvent.ParticipantDisconnected, onGone);
  return {
    sync,
    dispose: () => {
      for (const e of EVENTS) room.off(e, onEvent);
      room.off(RoomEvent.ParticipantDisconnected, onGone);
    },
  };
}
