// Chat over LiveKit's own formats, the only writer of `chat.messages` and `chat.history`:
// - `lk.chat` text streams, sent and read exactly as @livekit/components-react does (so LiveKit Meet
//   and VideoConference users chat with Confab users both ways), plus the legacy copy it sends too;
// - the deprecated `lk-chat-topic` JSON packets and the SDK's ChatMessage packets, read (edits apply);
// - `confab.chat.history` RPC (chat-history.ts): a late joiner asks one participant for the last messages.
// The sender is the participant the SFU says sent it; a history answer can vouch only for its own lines.
import {
  RoomEvent,
  type ChatMessage as SdkChatMessage,
  type Participant,
  type RemoteParticipant,
  type Room,
  type TextStreamReader,
} from 'livekit-client';
import { arrivalTime, CHAT_MAX_BYTES, cleanBody, FloodGate, HISTORY_METHOD, messageKey, parseLegacy, validId } from '../../core/chat.js';
import { CHAT_MAX_CHARS, CHAT_TOPIC, LEGACY_CHAT_TOPIC, tooLong } from '../../core/chat-state.js';
import { ConfabError } from '../../core/commands.js';
import type { ChatPort } from '../../core/session-port.js';
import type { MeetingStore } from '../../core/store.js';
import type { DomainContext } from '../domain.js';
import type { Held } from '../hold.js';
import { listen } from '../listen.js';
import { ChatBook } from './chat-book.js';
import { createHistory } from './chat-history.js';
import { createOutbound } from './chat-outbound.js';

export interface ChatOptions {
  /** chat-history: ask a peer for earlier messages, and answer others who ask. */
  history: boolean;
  historyWaitMs?: number;
  /** A send that has not gone out after this long is failed (or queued again while reconnecting). */
  sendTimeoutMs?: number;
  gate?: FloodGate;
}

export interface ChatBinding extends ChatPort {
  /** Connected: clears another room's messages and asks for earlier ones. */
  start(): void;
  dispose(): void;
}

type Packet = { id: string; text: string; timestamp: number; editTimestamp?: number; deleted?: boolean };

/** `held`: what arrived before this code loaded (session/hold.ts), read first, in order. */
export function bindChat(room: Room, store: MeetingStore, options: ChatOptions, held: Held = []): ChatBinding {
  const gate = options.gate ?? new FloodGate();
  const book = new ChatBook(room, store);
  const seqAtBind = store.getState().chat.seq;
  let disposed = false;
  let startedAt = 0;
  let catchUpDue = false;
  const history = createHistory(room, book, options, () => disposed);
  const outbound = createOutbound(room, book, options.sendTimeoutMs ?? 15_000, () => disposed);
  outbound.alsoAtFlush({
    due: () => catchUpDue,
    run: () => {
      catchUpDue = false;
      void history.catchUp(startedAt);
    },
  });

  const onStream = async (reader: TextStreamReader, { identity }: { identity: string }) => {
    const { id, timestamp, size } = reader.info;
    if (identity === book.me || !validId(id) || (size ?? 0) > CHAT_MAX_BYTES || !gate.allow(identity)) return;
    let text = '';
    try {
      for await (const chunk of reader) {
        text += chunk;
        if (text.length > CHAT_MAX_CHARS * 2) return;
      }
    } catch {
      return;
    }
    const body = cleanBody(text);
    if (body === null || disposed) return;
    if (!book.has(identity, id)) return void book.remote(identity, id, body, arrivalTime(timestamp));
    // A known id again: components-core's edit (new text), or a resend after a reconnect (same text).
    const known = book.find(identity, id);
    if (known && !known.deleted && known.text !== body) book.update(identity, id, { text: body, edited: true });
  };

  /** A legacy packet or the SDK's chat packet: a new message, or an edit/delete of one already shown. */
  const onPacket = (sender: Participant | undefined, m: Packet | null) => {
    if (!m || !sender || sender === room.localParticipant) return;
    const { identity } = sender;
    if (book.has(identity, m.id)) {
      const known = book.find(identity, m.id);
      if (m.deleted) book.update(identity, m.id, { deleted: true, text: '' });
      else if (known && known.text !== m.text && gate.allow(identity)) book.update(identity, m.id, { text: m.text, edited: true });
      return;
    }
    if (!m.deleted && gate.allow(identity)) book.remote(identity, m.id, m.text, arrivalTime(m.timestamp));
  };

  const onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
    if (topic === LEGACY_CHAT_TOPIC) onPacket(participant, parseLegacy(payload));
  };

  const onSdkChat = (message: SdkChatMessage & { deleted?: boolean }, participant?: Participant) => {
    if (!validId(message.id) || typeof message.message !== 'string') return;
    const text = message.deleted ? '' : cleanBody(message.message);
    if (text === null) return;
    onPacket(participant, {
      id: message.id,
      text,
      timestamp: arrivalTime(message.timestamp),
      ...(message.deleted ? { deleted: true } : {}),
    });
  };

  const reconnecting = () => {
    catchUpDue = options.history && startedAt > 0;
    outbound.reconnecting();
  };

  room.registerTextStreamHandler(CHAT_TOPIC, (reader, info) => void onStream(reader, info));
  if (options.history) room.registerRpcMethod(HISTORY_METHOD, (data) => history.answer(data));
  const unlisten = listen(room, {
    [RoomEvent.DataReceived]: onData,
    [RoomEvent.ChatMessage]: onSdkChat,
    [RoomEvent.Reconnected]: () => outbound.reconnected(),
    [RoomEvent.Reconnecting]: reconnecting,
    [RoomEvent.SignalReconnecting]: reconnecting,
  });
  // What arrived before this code: read first, in order. The history question waits for it, so a
  // message seen live is never taken for an earlier one (the answer has it too).
  const replays: Array<Promise<void>> = [];
  for (const replay of held)
    replay({ stream: (reader, info) => void replays.push(onStream(reader, info)), data: onData, sdkChat: onSdkChat });
  const heldRead = Promise.allSettled(replays);

  return {
    start() {
      if (store.getState().chat.room !== room.name) {
        // Another room: its messages go (except any that arrived on this connection already).
        book.write((chat) => ({
          room: room.name,
          messages: chat.messages.filter((m) => m.seq > seqAtBind),
          readSeq: seqAtBind,
          history: 'none',
        }));
        book.keys.clear();
        for (const m of store.getState().chat.messages) book.keys.add(messageKey(m.identity, m.id));
      }
      startedAt = Date.now();
      void heldRead.then(() => history.ask());
    },
    async send(text) {
      if (tooLong(text)) throw new ConfabError('message-too-long', `a message has at most ${CHAT_MAX_CHARS} characters`);
      const body = cleanBody(text);
      if (body === null) throw new ConfabError('bad-argument', 'the message is empty');
      const id = crypto.randomUUID();
      book.add({ id, identity: book.me, name: book.nameOf(book.me), text: body, timestamp: Date.now(), local: true, status: 'sending' });
      return outbound.enqueue(book.me, id, body);
    },
    retry(id) {
      const row = store.getState().chat.messages.findLast((m) => m.id === id && m.local);
      if (!row || row.status === 'sent') return Promise.reject(new ConfabError('bad-argument', 'no failed message with that id'));
      const pending = outbound.join(id);
      if (pending) return pending;
      book.update(row.identity, id, { status: 'sending' });
      return outbound.enqueue(row.identity, id, row.text);
    },
    dispose() {
      disposed = true;
      room.unregisterTextStreamHandler(CHAT_TOPIC);
      if (options.history) room.unregisterRpcMethod(HISTORY_METHOD);
      unlisten();
      outbound.dispose();
    },
  };
}

/** The chat domain: loaded beside the connection; what arrives first is held for it. */
export const chat = (room: Room, context: DomainContext, held: Held) => {
  const binding = bindChat(room, context.store, { history: context.options.config.chatHistory }, held);
  return { ...binding, sync: (reason: 'connected' | 'reconnected') => reason === 'connected' && binding.start() };
};
