// One list of handlers per domain: registered together, removed together. A domain never writes
// its event names twice (once for `on`, once for `off`).
import type { Room, RoomEventCallbacks } from 'livekit-client';

export type RoomHandlers = Partial<RoomEventCallbacks>;

/** Registers every handler on the room; the returned function removes exactly those. */
export function listen(room: Room, handlers: RoomHandlers): () => void {
  const entries = Object.entries(handlers) as Array<[keyof RoomEventCallbacks, RoomEventCallbacks[keyof RoomEventCallbacks]]>;
  for (const [event, handler] of entries) room.on(event, handler);
  return () => {
    for (const [event, handler] of entries) room.off(event, handler);
  };
}
