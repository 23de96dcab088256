// Chat over LiveKit's own formats, the only writer of `chat.messages` and `chat.history`:
// - `lk.chat` text streams, sent and read exactly as @livekit/components-react does (so LiveKit Meet
//   and VideoConference users chat with Confab users both ways);
// - the deprecated `lk-chat-topic` JSON packets and the SDK's ChatMessage packets, read only (edits apply);
// - `confab.chat.history` RPC: a late joiner asks one participant for the last messages.
// The sender is always the participant the SFU says sent it; nothing in a payload can claim otherwise.
import {
  ConnectionState,
  RoomEvent,
  type ChatMessage as SdkChatMessage,
  type Participant,
  type RemoteParticipant,
  type Room,
  type TextStreamReader,
} from 'livekit-client';
import {
  CHAT_KEEP,
  CHAT_MAX_BYTES,
  cleanBody,
  FloodGate,
  HISTORY_LIMIT,
  HISTORY_METHOD,
  HISTORY_WAIT_MS,
  historyPayload,
  messageKey,
  parseHistory,
  parseLegacy,
  validId,
} from '../../core/chat.js';
import { CHAT_MAX_CHARS, CHAT_TOPIC, LEGACY_CHAT_TOPIC, tooLong } from '../../core/chat-state.js';
import { ConfabError } from '../../core/commands.js';
import type { MeetingStore } from '../../core/store.js';
import { displayName } from '../../core/text.js';
import type { ChatMessage, ChatView } from '../../core/types.js';
import { CATCH_UP_MARGIN_MS, engineSettled, Recent, timeout } from './chat-delivery.js';
import type { HeldChat } from './chat-hold.js';

export interface ChatOptions {
  /** chat-history: ask a peer for earlier messages, and answer others who ask. */
  history: boolean;
  historyWaitMs?: number;
  /** A send that has not gone out after this long is failed (or queued again while reconnecting). */
  sendTimeoutMs?: number;
  gate?: FloodGate;
}

export interface ChatBinding {
  /** Connected: clears another room's messages and asks for earlier ones. */
  start(): void;
  /** Sends (or queues while reconnecting); resolves with the id once sent. */
  send(text: string): Promise<string>;
  /** Sends a failed message again, with its id (receivers show it once). */
  retry(id: string): Promise<string>;
  dispose(): void;
}

interface Outgoing {
  identity: string;
  text: string;
  /** Already shown as sent: sent again after a reconnect, its row unchanged. */
  again?: boolean;
  waiters: Array<{ resolve: (id: string) => void; reject: (e: unknown) => void }>;
}

/** `held`: what arrived before this code loaded (chat-hold.ts), read first, in order. */
export function bindChat(room: Room, store: MeetingStore, options: ChatOptions, held?: HeldChat): ChatBinding {
  const gate = options.gate ?? new FloodGate();
  const sendTimeout = options.sendTimeoutMs ?? 15_000;
  const keys = new Set(store.getState().chat.messages.map((m) => messageKey(m.identity, m.id)));
  const outgoing = new Map<string, Outgoing>();
  const queued = new Set<string>();
  const answered = new Map<string, number>();
  const seqAtBind = store.getState().chat.seq;
  let disposed = false;

  const write = (fn: (chat: ChatView) => Partial<ChatView>) => store.setState((s) => ({ chat: { ...s.chat, ...fn(s.chat) } }));
  const localIdentity = () => room.localParticipant.identity;

  const nameOf = (identity: string, fallback = '') => {
    const p: Participant | undefined = identity === localIdentity() ? room.localParticipant : room.remoteParticipants.get(identity);
    return (
      displayName(p?.name ?? '') ||
      store.getState().participants.get(identity)?.name ||
      displayName(fallback) ||
      displayName(identity) ||
      '?'
    );
  };

  const add = (message: Omit<ChatMessage, 'seq'>) => {
    const key = messageKey(message.identity, message.id);
    if (keys.has(key)) return false;
    keys.add(key);
    write((chat) => {
      let messages = [...chat.messages, { ...message, seq: chat.seq + 1 }];
      if (messages.length > CHAT_KEEP) {
        for (const gone of messages.slice(0, messages.length - CHAT_KEEP)) keys.delete(messageKey(gone.identity, gone.id));
        messages = messages.slice(-CHAT_KEEP);
      }
      return { messages, seq: chat.seq + 1 };
    });
    return true;
  };

  const update = (identity: string, id: string, patch: Partial<ChatMessage>) =>
    write((chat) => {
      const i = chat.messages.findLastIndex((m) => m.id === id && m.identity === identity);
      if (i < 0) return {};
      const messages = [...chat.messages];
      messages[i] = { ...(messages[i] as ChatMessage), ...patch };
      return { messages };
    });

  const remote = (identity: string, id: string, text: string, timestamp: number) =>
    add({ id, identity, name: nameOf(identity), text, timestamp, local: false, status: 'sent' });

  // --- inbound -----------------------------------------------------------------------------------

  const onStream = async (reader: TextStreamReader, { identity }: { identity: string }) => {
    const { id, timestamp, size } = reader.info;
    if (identity === localIdentity() || !validId(id) || (size ?? 0) > CHAT_MAX_BYTES || !gate.allow(identity)) return;
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
    if (!keys.has(messageKey(identity, id)))
      return void remote(identity, id, body, Number.isFinite(timestamp) && timestamp > 0 ? timestamp : Date.now());
    // A known id again: components-core's edit (new text), or a resend after a reconnect (same text).
    const known = store.getState().chat.messages.findLast((m) => m.id === id && m.identity === identity);
    if (known && !known.deleted && known.text !== body) update(identity, id, { text: body, edited: true });
  };

  /** A legacy packet or the SDK's chat packet: a new message, or an edit/delete of one already shown. */
  const onPacket = (
    sender: Participant | undefined,
    m: { id: string; text: string; timestamp: number; editTimestamp?: number; deleted?: boolean } | null,
  ) => {
    if (!m || !sender || sender === room.localParticipant) return;
    const { identity } = sender;
    if (keys.has(messageKey(identity, m.id))) {
      const known = store.getState().chat.messages.findLast((x) => x.id === m.id && x.identity === identity);
      if (m.deleted) update(identity, m.id, { deleted: true, text: '' });
      else if (known && known.text !== m.text && gate.allow(identity)) update(identity, m.id, { text: m.text, edited: true });
      return;
    }
    if (!m.deleted && gate.allow(identity)) remote(identity, m.id, m.text, m.timestamp);
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
      timestamp: message.timestamp || Date.now(),
      ...(message.editTimestamp ? { editTimestamp: message.editTimestamp } : {}),
      ...(message.deleted ? { deleted: true } : {}),
    });
  };

  // --- outbound ----------------------------------------------------------------------------------
  //
  // livekit-client resolves a reliable send it could not put on the wire: while its engine is
  // reconnecting the packet goes to a replay buffer that only a resume replays (a full reconnect
  // drops it), and the Room says Reconnected before a full reconnect's engine is done (it still
  // sleeps 2 s), so a send made on Reconnected resolved and was lost. A message is sent only when
  // its send began and ended with the engine settled and no reconnect between; else it goes again,
  // with its id. What went out in the 30 s before any reconnect goes again silently: SCTP data
  // handed over before the outage was noticed is in no replay buffer, and a resume lost it too in
  // the freeze E2E. Confab and components-core both dedupe by (sender, id).

  let epoch = 0;
  let reconnectedAt = 0;
  const settled = () => engineSettled(room, reconnectedAt);

  /** Messages that went out shortly before now, in case a reconnect loses them in flight. */
  const recent = new Recent();

  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let catchUpDue = false;
  let startedAt = 0;
  const flush = () => {
    flushTimer = null;
    if (disposed || (!queued.size && !catchUpDue)) return;
    if (!settled()) return schedule();
    for (const id of [...queued]) void transmit(id);
    if (catchUpDue) void catchUp();
    catchUpDue = false;
  };
  function schedule() {
    if (!flushTimer && !disposed && room.state !== ConnectionState.Disconnected) flushTimer = setTimeout(flush, 100);
  }

  const requeue = (id: string) => {
    queued.add(id);
    schedule();
  };

  const transmit = async (id: string) => {
    const entry = outgoing.get(id);
    if (!entry || disposed) return;
    queued.delete(id);
    const startedIn = epoch;
    try {
      await timeout(
        (async () => {
          const writer = await room.localParticipant.streamText({
            topic: CHAT_TOPIC,
            streamId: id,
            totalSize: new TextEncoder().encode(entry.text).byteLength,
          });
          await writer.write(entry.text);
          await writer.close();
        })(),
        sendTimeout,
      );
    } catch (error) {
      // Dropped mid-send: it goes again, with the same id, once the connection is back.
      if ((!settled() || epoch !== startedIn) && !disposed) return requeue(id);
      outgoing.delete(id);
      update(entry.identity, id, { status: 'failed' });
      for (const w of entry.waiters) w.reject(new ConfabError('send-failed', error instanceof Error ? error.message : String(error)));
      return;
    }
    if (disposed) return;
    // Resolved, but was it on the wire? Only if nothing reconnected meanwhile.
    if (epoch !== startedIn || !settled()) return requeue(id);
    outgoing.delete(id);
    recent.remember(id, entry.identity, entry.text);
    if (!entry.again) update(entry.identity, id, { status: 'sent', timestamp: Date.now() });
    for (const w of entry.waiters) w.resolve(id);
  };

  const kick = (id: string) => {
    if (settled()) void transmit(id);
    else requeue(id);
  };

  const enqueue = (identity: string, id: string, text: string) =>
    new Promise<string>((resolve, reject) => {
      outgoing.set(id, { identity, text, waiters: [{ resolve, reject }] });
      kick(id);
    });

  /** A reconnect: what went out just before may never have arrived (not even a resume replays it). */
  const onReconnecting = () => {
    epoch += 1;
    catchUpDue = options.history && startedAt > 0;
    for (const [id, r] of recent.take()) {
      if (outgoing.has(id)) continue;
      outgoing.set(id, { identity: r.identity, text: r.text, waiters: [], again: true });
      queued.add(id);
    }
    schedule();
  };

  const onReconnected = () => {
    reconnectedAt = Date.now();
    schedule();
  };

  // --- history -----------------------------------------------------------------------------------

  const answer = ({ callerIdentity }: { callerIdentity: string }) => {
    // One answer per asker per 10 s: a peer cannot make us serialise the history in a loop.
    const last = answered.get(callerIdentity) ?? 0;
    if (Date.now() - last < 10_000) return Promise.resolve('[]');
    answered.set(callerIdentity, Date.now());
    return Promise.resolve(historyPayload(store.getState().chat.messages));
  };

  const merge = (payload: string) => {
    const entries = parseHistory(payload);
    if (!entries) return false;
    const me = localIdentity();
    const fresh = entries
      .filter((e) => !keys.has(messageKey(e.identity, e.id)))
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((e) => ({ ...e, name: nameOf(e.identity, e.name), local: e.identity === me, status: 'sent' as const, earlier: true }));
    for (const e of fresh) keys.add(messageKey(e.identity, e.id));
    write((chat) => ({
      messages: [...fresh.map((e, i) => ({ ...e, seq: chat.seq + 1 + i })), ...chat.messages].slice(-CHAT_KEEP),
      seq: chat.seq + fresh.length,
      readSeq: Math.max(chat.readSeq, chat.seq + fresh.length),
      history: 'loaded',
    }));
    return true;
  };

  const askHistory = async () => {
    const peers = [...room.remoteParticipants.values()].sort((a, b) => (a.joinedAt?.getTime() ?? 0) - (b.joinedAt?.getTime() ?? 0));
    if (!peers.length) return write(() => ({ history: 'none' }));
    if (!options.history) return write(() => ({ history: 'unavailable' }));
    write(() => ({ history: 'loading' }));
    const deadline = Date.now() + (options.historyWaitMs ?? HISTORY_WAIT_MS);
    for (const peer of peers.slice(0, 3)) {
      const left = deadline - Date.now();
      if (left <= 0 || disposed) break;
      try {
        const payload = await timeout(
          room.localParticipant.performRpc({
            destinationIdentity: peer.identity,
            method: HISTORY_METHOD,
            payload: JSON.stringify({ limit: HISTORY_LIMIT }),
          }),
          left,
        );
        if (!disposed && merge(payload)) return;
      } catch {
        // Not a Confab client (unsupported method), gone, or too slow: the next one.
      }
    }
    if (!disposed) write(() => ({ history: 'unavailable' }));
  };

  /**
   * After our own reconnect: what the SFU forwarded to us meanwhile may be lost (a full reconnect
   * drops the old subscriber channel). Ask a peer, as a late joiner does, and add what is missing,
   * as messages that arrive late (not "earlier"); only those since we joined, less a clock margin.
   */
  const catchUp = async () => {
    const me = localIdentity();
    for (const peer of [...room.remoteParticipants.values()].slice(0, 3)) {
      try {
        const payload = await timeout(
          room.localParticipant.performRpc({
            destinationIdentity: peer.identity,
            method: HISTORY_METHOD,
            payload: JSON.stringify({ limit: HISTORY_LIMIT }),
          }),
          HISTORY_WAIT_MS,
        );
        const entries = parseHistory(payload);
        if (!entries || disposed) continue;
        const missed = entries.filter(
          (e) => e.identity !== me && e.timestamp >= startedAt - CATCH_UP_MARGIN_MS && !keys.has(messageKey(e.identity, e.id)),
        );
        for (const e of missed.sort((a, b) => a.timestamp - b.timestamp)) remote(e.identity, e.id, e.text, e.timestamp);
        return;
      } catch {
        // As for history: the next one.
      }
    }
  };

  room.registerTextStreamHandler(CHAT_TOPIC, (reader, info) => void onStream(reader, info));
  if (options.history) room.registerRpcMethod(HISTORY_METHOD, answer);
  room
    .on(RoomEvent.DataReceived, onData)
    .on(RoomEvent.ChatMessage, onSdkChat)
    .on(RoomEvent.Reconnected, onReconnected)
    .on(RoomEvent.Reconnecting, onReconnecting)
    .on(RoomEvent.SignalReconnecting, onReconnecting);
  held?.forEach((replay) => replay({ stream: (reader, info) => void onStream(reader, info), data: onData, sdk: onSdkChat }));

  return {
    start() {
      if (store.getState().chat.room !== room.name) {
        // Another room: its messages go (except any that arrived on this connection already).
        write((chat) => ({
          room: room.name,
          messages: chat.messages.filter((m) => m.seq > seqAtBind),
          readSeq: seqAtBind,
          history: 'none',
        }));
        keys.clear();
        for (const m of store.getState().chat.messages) keys.add(messageKey(m.identity, m.id));
      }
      startedAt = Date.now();
      void askHistory();
    },
    async send(text) {
      if (tooLong(text)) throw new ConfabError('message-too-long', `a message has at most ${CHAT_MAX_CHARS} characters`);
      const body = cleanBody(text);
      if (body === null) throw new ConfabError('bad-argument', 'the message is empty');
      const id = crypto.randomUUID();
      add({
        id,
        identity: localIdentity(),
        name: nameOf(localIdentity()),
        text: body,
        timestamp: Date.now(),
        local: true,
        status: 'sending',
      });
      return enqueue(localIdentity(), id, body);
    },
    retry(id) {
      const row = store.getState().chat.messages.findLast((m) => m.id === id && m.local);
      if (!row || row.status === 'sent') return Promise.reject(new ConfabError('bad-argument', 'no failed message with that id'));
      const pending = outgoing.get(id);
      if (pending) return new Promise((resolve, reject) => pending.waiters.push({ resolve, reject }));
      update(row.identity, id, { status: 'sending' });
      return enqueue(row.identity, id, row.text);
    },
    dispose() {
      disposed = true;
      room.unregisterTextStreamHandler(CHAT_TOPIC);
      if (options.history) room.unregisterRpcMethod(HISTORY_METHOD);
      room
        .off(RoomEvent.DataReceived, onData)
        .off(RoomEvent.ChatMessage, onSdkChat)
        .off(RoomEvent.Reconnected, onReconnected)
        .off(RoomEvent.Reconnecting, onReconnecting)
        .off(RoomEvent.SignalReconnecting, onReconnecting);
      if (flushTimer) clearTimeout(flushTimer);
      // What never went out is failed, with Retry for the next call.
      for (const [id, entry] of outgoing) {
        if (entry.again) continue;
        update(entry.identity, id, { status: 'failed' });
        for (const w of entry.waiters) w.reject(new ConfabError('not-connected', 'the call ended before the message was sent'));
      }
      outgoing.clear();
      queued.clear();
      recent.take();
    },
  };
}
