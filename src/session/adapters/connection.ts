// The connection's life, told to the phase machine; whether remote audio may play; whether the
// room is being recorded.
import { DisconnectReason, RoomEvent, type Room } from 'livekit-client';
import type { LeftReason } from '../../core/types.js';
import { domain } from '../domain.js';
import { listen } from '../listen.js';

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

/**
 * Whether the browser says an AudioContext may start without a gesture (`navigator.getAutoplayPolicy`,
 * Firefox's; other browsers do not answer, and livekit-client's own check stands).
 */
function autoplayAllowed(): boolean {
  const nav = globalThis.navigator as (Navigator & { getAutoplayPolicy?: (type: 'audiocontext') => string }) | undefined;
  try {
    return nav?.getAutoplayPolicy?.('audiocontext') === 'allowed';
  } catch {
    return false;
  }
}

export const connection = domain({
  name: 'connection',
  bind(room: Room, { store, dispatch, resync }) {
    const onReconnecting = () => dispatch({ type: 'reconnecting' });
    // livekit-client gives a starting AudioContext 200 ms; Firefox's first one takes over a second,
    // so it reports playback blocked where the browser allows it. Where the browser says so, the
    // sound is late, not blocked: it is started, and only a start that fails tells the user.
    const audio = () => {
      if (room.canPlaybackAudio || !autoplayAllowed()) return store.setState({ audioBlocked: !room.canPlaybackAudio });
      room.startAudio().then(
        () => store.setState({ audioBlocked: !room.canPlaybackAudio }),
        () => store.setState({ audioBlocked: true }),
      );
    };
    // The room is being recorded (egress): everyone in it sees so, and is told once each time it starts.
    const recording = (on: boolean) =>
      store.setState((s) => ({ recording: on, recordingNotice: on && (s.recordingNotice || !s.recording) }));
    return {
      sync() {
        audio();
        recording(room.isRecording);
      },
      dispose: listen(room, {
        [RoomEvent.SignalReconnecting]: onReconnecting,
        [RoomEvent.Reconnecting]: onReconnecting,
        // The SDK may have re-created every remote participant: every domain reads the room again.
        [RoomEvent.Reconnected]: () => {
          resync();
          dispatch({ type: 'resumed' });
        },
        [RoomEvent.Disconnected]: (reason) => {
          const left = leftReasonOf(reason);
          dispatch(left === 'network' ? { type: 'lost' } : { type: 'left', reason: left });
        },
        [RoomEvent.AudioPlaybackStatusChanged]: audio,
        [RoomEvent.RecordingStatusChanged]: recording,
      }),
    };
  },
});
