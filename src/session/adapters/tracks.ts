// What each participant publishes: the only writer of `media`.
import { RoomEvent, Track, type Participant, type Room } from 'livekit-client';
import { reconnecting } from './participants.js';
import { withEntry, withoutEntry } from '../../core/store.js';
import type { MediaView } from '../../core/types.js';
import { domain } from '../domain.js';
import { listen } from '../listen.js';

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

export const tracks = domain({
  name: 'tracks',
  bind(room: Room, { store }) {
    const put = (p: Participant) => {
      const view = mediaOf(p, p === room.localParticipant);
      if (!same(store.getState().media.get(p.identity), view)) store.setState((s) => ({ media: withEntry(s.media, p.identity, view) }));
    };
    // Every event that can change what a participant publishes re-derives that participant (the last argument).
    const onEvent = (...args: unknown[]) => {
      const p = args.at(-1);
      if (typeof p === 'object' && p !== null && 'identity' in p && 'trackPublications' in p) put(p as Participant);
    };
    return {
      sync() {
        const media = new Map<string, MediaView>([[room.localParticipant.identity, mediaOf(room.localParticipant, true)]]);
        for (const p of room.remoteParticipants.values()) media.set(p.identity, mediaOf(p));
        store.setState({ media });
      },
      dispose: listen(room, {
        [RoomEvent.TrackPublished]: onEvent,
        [RoomEvent.TrackUnpublished]: onEvent,
        [RoomEvent.TrackSubscribed]: onEvent,
        [RoomEvent.TrackUnsubscribed]: onEvent,
        [RoomEvent.TrackMuted]: onEvent,
        [RoomEvent.TrackUnmuted]: onEvent,
        [RoomEvent.LocalTrackPublished]: onEvent,
        [RoomEvent.LocalTrackUnpublished]: onEvent,
        [RoomEvent.ParticipantDisconnected]: (p) =>
          queueMicrotask(() => {
            if (!reconnecting(room) && !room.remoteParticipants.has(p.identity))
              store.setState((s) => ({ media: withoutEntry(s.media, p.identity) }));
          }),
      }),
    };
  },
});
