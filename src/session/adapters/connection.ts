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

export const connection = domain({
  name: 'connection',
  bind(room: Room, { store, dispatch, resync }) {
    const onReconnecting = () => dispatch({ type: 'reconnecting' });
    const audio = () => store.setState({ audioBlocked: !room.canPlaybackAudio });
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
