// Chat's adapter (chat.ts) loads beside the connection, not before it: until it binds, whatever
// arrives for chat waits here, untouched, and is handed to it in the order it came. Text streams
// keep their chunks in their own reader meanwhile, so nothing is lost, however late the adapter comes.
import { RoomEvent, type Room, type RoomEventCallbacks, type TextStreamReader } from 'livekit-client';
import { CHAT_TOPIC, LEGACY_CHAT_TOPIC } from '../../core/chat-state.js';

export interface ChatHandlers {
  stream(reader: TextStreamReader, info: { identity: string }): void;
  data: RoomEventCallbacks['dataReceived'];
  sdk: RoomEventCallbacks['chatMessage'];
}

/** What arrived before chat's handlers: each one calls the matching handler. */
export type HeldChat = Array<(to: ChatHandlers) => void>;

/** Starts holding; the returned function stops and gives what was held (call it before binding chat). */
export function holdChat(room: Room): () => HeldChat {
  const held: HeldChat = [];
  const onData: RoomEventCallbacks['dataReceived'] = (...args) => {
    if (args[3] === LEGACY_CHAT_TOPIC) held.push((to) => to.data(...args));
  };
  const onSdk: RoomEventCallbacks['chatMessage'] = (...args) => void held.push((to) => to.sdk(...args));
  room.registerTextStreamHandler(CHAT_TOPIC, (reader, info) => void held.push((to) => to.stream(reader, info)));
  room.on(RoomEvent.DataReceived, onData).on(RoomEvent.ChatMessage, onSdk);
  return () => {
    room.unregisterTextStreamHandler(CHAT_TOPIC);
    room.off(RoomEvent.DataReceived, onData).off(RoomEvent.ChatMessage, onSdk);
    return held;
  };
}
