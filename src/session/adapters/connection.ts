// The connection's life, told to the phase machine; whether remote audio may play; whether the
// room is being recorded.
import { DisconnectReason, RoomEvent, type Room } from 'livekit-client';
import type { PhaseEvent } from '../../core/phase.js';
import type { MeetingStore } from '../../core/store.js';
import type { LeftReason } from '../../core/types.js';

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

/** `resync` runs after a reconnect, when the SDK may have re-created every remote participant. */
export function bindConnection(room: Room, store: MeetingStore, dispatch: (event: PhaseEvent) => void, resync: () => void): () => void {
  const onReconnecting = () => dispatch({ type: 'reconnecting' });
  const onReconnected = () => {
    resync();
    dispatch({ type: 'resumed' });
  };
  const onDisconnected = (reason?: DisconnectReason) => {
    const left = leftReasonOf(reason);
    dispatch(left === 'network' ? { type: 'lost' } : { type: 'left', reason: left });
  };
  const onAudio = () => store.setState({ audioBlocked: !room.canPlaybackAudio });
  // The room is being recorded (egress): everyone in it sees so.
  const onRecording = (recording: boolean) => store.setState({ recording });
  onRecording(room.isRecording);
  room
    .on(RoomEvent.SignalReconnecting, onReconnecting)
    .on(RoomEvent.Reconnecting, onReconnecting)
    .on(RoomEvent.Reconnected, onReconnected)
    .on(RoomEvent.Disconnected, onDisconnected)
    .on(RoomEvent.AudioPlaybackStatusChanged, onAudio)
    .on(RoomEvent.RecordingStatusChanged, onRecording);
  return () => {
    room
      .off(RoomEvent.SignalReconnecting, onReconnecting)
      .off(RoomEvent.Reconnecting, onReconnecting)
      .off(RoomEvent.Reconnected, onReconnected)
      .off(RoomEvent.Disconnected, onDisconnected)
      .off(RoomEvent.AudioPlaybackStatusChanged, onAudio)
      .off(RoomEvent.RecordingStatusChanged, onRecording);
  };
}
