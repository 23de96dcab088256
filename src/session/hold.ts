// What arrives for a domain before its code has loaded waits here, in order, and is handed to it
// once it binds: text streams on its topics (their chunks stay in their own readers meanwhile), data
// packets on its topics, and (for chat) the SDK's chat packets. Bounded in count and bytes: past the
// bound, what arrives is dropped and counted; a chunk that fails to load drops everything and says so.
import { RoomEvent, type Room, type RoomEventCallbacks, type TextStreamReader } from 'livekit-client';

export interface HeldHandlers {
  stream?(reader: TextStreamReader, info: { identity: string }): void;
  data?: RoomEventCallbacks['dataReceived'];
  sdkChat?: RoomEventCallbacks['chatMessage'];
}

/** Each held item replays itself into the handlers that bind. */
export type Held = Array<(to: HeldHandlers) => void>;

export interface HoldSpec {
  /** Text-stream topics held (one handler per topic per room: released before the domain registers its own). */
  streams?: readonly string[];
  /** Data-packet topics held; `null` holds packets that carry no topic. */
  data?: ReadonlyArray<string | null>;
  /** Which of those packets are the domain's (a topic-less packet may be anyone's). */
  accept?: (payload: Uint8Array, topic: string | undefined) => boolean;
  /** The SDK's deprecated chat packets (RoomEvent.ChatMessage). */
  sdkChat?: boolean;
}

export const HOLD_MAX_ITEMS = 500;
export const HOLD_MAX_BYTES = 2_000_000;

export interface Hold {
  /** Stops holding and hands over what was held, in order. */
  release(): Held;
  /** Stops holding and drops everything (the domain will not come): how much was dropped. */
  discard(): { items: number; bytes: number };
  /** Items and bytes dropped past the bound so far. */
  readonly overflow: { items: number; bytes: number };
}

/** Starts holding a domain's traffic; `onFirst` runs once, when the first item arrives. */
export function hold(room: Room, spec: HoldSpec, onFirst?: () => void): Hold {
  const held: Held = [];
  const overflow = { items: 0, bytes: 0 };
  let bytes = 0;
  let first = true;
  const keep = (size: number, replay: (to: HeldHandlers) => void) => {
    if (held.length >= HOLD_MAX_ITEMS || bytes + size > HOLD_MAX_BYTES) {
      overflow.items++;
      overflow.bytes += size;
      return;
    }
    bytes += size;
    held.push(replay);
    if (first) {
      first = false;
      onFirst?.();
    }
  };
  const topics = new Set(spec.data ?? []);
  const onData: RoomEventCallbacks['dataReceived'] = (...args) => {
    if (topics.has(args[3] ?? null) && (spec.accept?.(args[0], args[3]) ?? true)) keep(args[0].byteLength, (to) => to.data?.(...args));
  };
  const onSdk: RoomEventCallbacks['chatMessage'] = (...args) => keep(args[0].message.length * 2, (to) => to.sdkChat?.(...args));
  for (const topic of spec.streams ?? []) {
    room.registerTextStreamHandler(topic, (reader, info) => keep(reader.info.size ?? 0, (to) => to.stream?.(reader, info)));
  }
  if (topics.size) room.on(RoomEvent.DataReceived, onData);
  if (spec.sdkChat) room.on(RoomEvent.ChatMessage, onSdk);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const topic of spec.streams ?? []) room.unregisterTextStreamHandler(topic);
    room.off(RoomEvent.DataReceived, onData).off(RoomEvent.ChatMessage, onSdk);
  };
  return {
    overflow,
    release() {
      stop();
      return held.splice(0);
    },
    discard() {
      stop();
      const dropped = { items: held.length + overflow.items, bytes: bytes + overflow.bytes };
      held.length = 0;
      return dropped;
    },
  };
}
