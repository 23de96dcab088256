import { CALL_EVENTS } from '../../../src/core/host-events-call.js';
import { EventEmitter } from 'node:events';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { describe, expect, test, vi } from 'vitest';
import { FloodGate } from '../../../src/core/chat.js';
import { diff } from '../../../src/core/host-events.js';
import { createMeetingStore } from '../../../src/core/store.js';
import { bindChat } from '../../../src/session/adapters/chat.js';
import { hold } from '../../../src/session/hold.js';

type Handler = (
  reader: AsyncIterable<string> & { info: { id: string; timestamp: number; size?: number } },
  from: { identity: string },
) => void;

/** A Room with what the chat adapter uses: stream handlers, RPC, streamText and events. */
function fakeRoom(name = 'r1') {
  const sent: Array<{ id: string; text: string }> = [];
  const room = Object.assign(new EventEmitter(), {
    name,
    state: ConnectionState.Connected,
    handlers: new Map<string, Handler>(),
    rpc: new Map<string, (d: { callerIdentity: string }) => Promise<string>>(),
    remoteParticipants: new Map<string, { identity: string; name: string; joinedAt: Date }>(),
    failNext: false,
    /** livekit-client's engine: while it reconnects, a send resolves but goes nowhere (its replay buffer). */
    engine: { attemptingReconnect: false },
    rpcAnswer: null as null | ((identity: string) => Promise<string>),
    localParticipant: {
      identity: 'me',
      name: 'Me',
      async streamText(opts: { streamId: string; topic: string }) {
        let text = '';
        return {
          write: async (t: string) => void (text += t),
          close: async () => {
            if (room.failNext) {
              room.failNext = false;
              throw new Error('channel closed');
            }
            if (!room.engine.attemptingReconnect) sent.push({ id: opts.streamId, text });
          },
        };
      },
      publishData: async () => undefined,
      performRpc: ({ destinationIdentity }: { destinationIdentity: string }) =>
        room.rpcAnswer?.(destinationIdentity) ?? Promise.reject(new Error('unsupported')),
    },
    registerTextStreamHandler(topic: string, h: Handler) {
      room.handlers.set(topic, h);
    },
    unregisterTextStreamHandler(topic: string) {
      room.handlers.delete(topic);
    },
    registerRpcMethod(m: string, h: (d: { callerIdentity: string }) => Promise<string>) {
      room.rpc.set(m, h);
    },
    unregisterRpcMethod(m: string) {
      room.rpc.delete(m);
    },
  });
  const stream = (identity: string, id: string, chunks: string[], size?: number) => {
    const reader = Object.assign(
      (async function* () {
        yield* chunks;
      })(),
      { info: { id, timestamp: 1234, size } },
    );
    room.handlers.get('lk.chat')?.(reader, { identity });
  };
  return { room, sent, stream, asRoom: room as unknown as Room };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the chat adapter', () => {
  test('a text stream on lk.chat becomes a message from the sender the SFU names, once per id', async () => {
    const { room, stream, asRoom } = fakeRoom();
    room.remoteParticipants.set('bob', { identity: 'bob', name: '\u202EBob', joinedAt: new Date() });
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: false });
    stream('bob', 'm1', ['hel', 'lo https://x.example']);
    await flush();
    // The same id and text again (a resend after a reconnect): nothing changes.
    stream('bob', 'm1', ['hello https://x.example']);
    await flush();
    const [m] = store.getState().chat.messages;
    expect(store.getState().chat.messages).toHaveLength(1);
    expect(m).toMatchObject({
      id: 'm1',
      identity: 'bob',
      name: 'Bob',
      text: 'hello https://x.example',
      local: false,
      status: 'sent',
      timestamp: 1234,
    });
    expect(m?.edited).toBeUndefined();
    // The same id with new text: components-core's edit, applied in place. Another sender cannot edit it.
    stream('bob', 'm1', ['hello again']);
    stream('eve', 'm1', ['hijacked']);
    await flush();
    expect(store.getState().chat.messages.filter((x) => x.identity === 'bob')).toMatchObject([
      { id: 'm1', text: 'hello again', edited: true, timestamp: 1234 },
    ]);
    expect(store.getState().chat.messages).toHaveLength(2);
    chat.dispose();
    expect(room.handlers.size).toBe(0);
  });

  test('oversized, empty, malformed and flooding streams are dropped and the next message still arrives', async () => {
    const { stream, asRoom } = fakeRoom();
    const store = createMeetingStore();
    bindChat(asRoom, store, { history: false, gate: new FloodGate(3, 0.001) });
    stream('eve', 'big', ['x'.repeat(70_000)], 70_000);
    stream('eve', 'big2', ['x'.repeat(9000), 'y'.repeat(9000)]);
    stream('eve', '', ['no id']);
    stream('eve', 'blank', ['\u200b\u202e ']);
    for (let i = 0; i < 10; i++) stream('mal', `f${i}`, ['flood']);
    stream('bob', 'ok', ['fine']);
    await flush();
    expect(store.getState().chat.messages.map((m) => m.id)).toEqual(['f0', 'f1', 'f2', 'ok']);
  });

  test('legacy packets are read, ignoreLegacy copies skipped, a re-sent id edits, the SDK delete applies', async () => {
    const { room, asRoom } = fakeRoom();
    const store = createMeetingStore();
    bindChat(asRoom, store, { history: false });
    const bob = { identity: 'bob', name: 'Bob' };
    const packet = (v: object) => new TextEncoder().encode(JSON.stringify(v));
    room.emit(RoomEvent.DataReceived, packet({ id: 'L1', timestamp: 9, message: 'old', ignoreLegacy: true }), bob, 0, 'lk-chat-topic');
    room.emit(RoomEvent.DataReceived, packet({ id: 'L1', timestamp: 9, message: 'old' }), bob, 0, 'lk-chat-topic');
    room.emit(RoomEvent.DataReceived, packet({ id: 'L1', timestamp: 10, message: 'new' }), bob, 0, 'lk-chat-topic');
    room.emit(RoomEvent.DataReceived, packet({ id: 'X', message: 'other topic' }), bob, 0, 'something');
    expect(store.getState().chat.messages).toMatchObject([{ id: 'L1', text: 'new', edited: true }]);
    room.emit(RoomEvent.ChatMessage, { id: 'L1', timestamp: 11, message: '', deleted: true }, bob);
    expect(store.getState().chat.messages[0]).toMatchObject({ deleted: true, text: '' });
  });

  test('what arrives before the adapter loads is held, none of it lost, then the adapter takes over', async () => {
    const { room, stream, asRoom } = fakeRoom();
    room.remoteParticipants.set('bob', { identity: 'bob', name: 'Bob', joinedAt: new Date() });
    const store = createMeetingStore();
    const bob = { identity: 'bob', name: 'Bob' };
    const packet = (v: object) => new TextEncoder().encode(JSON.stringify(v));
    const held = hold(asRoom, { streams: ['lk.chat'], data: ['lk-chat-topic'], sdkChat: true });
    stream('bob', 's1', ['first']);
    room.emit(RoomEvent.DataReceived, packet({ id: 'L1', timestamp: 9, message: 'second' }), bob, 0, 'lk-chat-topic');
    room.emit(RoomEvent.DataReceived, packet({ id: 'R', message: 'a reaction' }), bob, 0, 'confab.reaction');
    stream('bob', 's2', ['third']);
    await flush();
    expect(store.getState().chat.messages).toEqual([]);
    bindChat(asRoom, store, { history: false }, held.release());
    await flush();
    // Handed over in order; a stream becomes a message once read, as without the holder.
    expect(
      store
        .getState()
        .chat.messages.map((m) => m.text)
        .sort(),
    ).toEqual(['first', 'second', 'third']);
    // The holder is gone: one handler per topic, the adapter's.
    room.emit(RoomEvent.DataReceived, packet({ id: 'L2', timestamp: 10, message: 'fourth' }), bob, 0, 'lk-chat-topic');
    stream('bob', 's3', ['fifth']);
    await flush();
    expect(
      store
        .getState()
        .chat.messages.map((m) => m.text)
        .slice(3),
    ).toEqual(['fourth', 'fifth']);
    expect(room.listenerCount(RoomEvent.DataReceived)).toBe(1);
  });

  test('sending goes out on lk.chat with our id: sending → sent, and the event fires once, when sent', async () => {
    const { sent, asRoom } = fakeRoom();
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: false });
    const events: string[] = [];
    store.subscribe((s, p) =>
      events.push(
        ...diff(p, s, (k) => k, CALL_EVENTS)
          .events.filter((e) => e.name === 'confab-chat-message')
          .map((e) => JSON.stringify(e.detail)),
      ),
    );
    const pending = chat.send('hi <b>there</b>');
    expect(store.getState().chat.messages[0]).toMatchObject({ local: true, status: 'sending' });
    expect(events).toEqual([]);
    const id = await pending;
    expect(sent).toEqual([{ id, text: 'hi <b>there</b>' }]);
    expect(store.getState().chat.messages[0]).toMatchObject({ id, status: 'sent' });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!)).toMatchObject({ id, identity: 'me', name: 'Me', text: 'hi <b>there</b>', local: true });
    await expect(chat.send('x'.repeat(4001))).rejects.toMatchObject({ code: 'message-too-long' });
  });

  test('while reconnecting a message waits, then goes out once; a failure is failed and Retry sends the same id', async () => {
    const { room, sent, asRoom } = fakeRoom();
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: false });
    room.state = ConnectionState.Reconnecting;
    const queued = chat.send('during the cut');
    await flush();
    expect(sent).toEqual([]);
    room.state = ConnectionState.Connected;
    room.emit(RoomEvent.Reconnected);
    const id = await queued;
    expect(sent).toEqual([{ id, text: 'during the cut' }]);
    room.failNext = true;
    const failing = chat.send('unlucky');
    await expect(failing).rejects.toMatchObject({ code: 'send-failed' });
    const row = store.getState().chat.messages.at(-1)!;
    expect(row.status).toBe('failed');
    await chat.retry(row.id);
    expect(sent.at(-1)).toEqual({ id: row.id, text: 'unlucky' });
    expect(store.getState().chat.messages.filter((m) => m.id === row.id)).toMatchObject([{ status: 'sent' }]);
  });

  test("livekit-client's early Reconnected: a send waits for the engine, and a resolved send during a reconnect goes again", async () => {
    const { room, sent, asRoom } = fakeRoom();
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: false });
    // A full reconnect: the Room says connected while its engine is still reconnecting.
    room.state = ConnectionState.Reconnecting;
    room.emit(RoomEvent.Reconnecting);
    room.engine.attemptingReconnect = true;
    const queued = chat.send('during the cut');
    room.state = ConnectionState.Connected;
    room.emit(RoomEvent.Reconnected);
    await new Promise((r) => setTimeout(r, 250));
    expect(sent).toEqual([]);
    expect(store.getState().chat.messages[0]).toMatchObject({ status: 'sending' });
    room.engine.attemptingReconnect = false;
    const id = await queued;
    expect(sent).toEqual([{ id, text: 'during the cut' }]);
    expect(store.getState().chat.messages[0]).toMatchObject({ status: 'sent' });
    // A send that starts connected and resolves while a resume begins may never have gone: it goes again.
    const during = chat.send('as it broke');
    room.engine.attemptingReconnect = true;
    room.emit(RoomEvent.SignalReconnecting);
    await flush();
    expect(store.getState().chat.messages[1]).toMatchObject({ status: 'sending' });
    room.engine.attemptingReconnect = false;
    const id2 = await during;
    expect(sent.filter((m) => m.id === id2)).toHaveLength(1);
    chat.dispose();
  });

  test('a reconnect, full or resumed, sends again, silently, what went out just before it (receivers dedupe by id)', async () => {
    const { room, sent, asRoom } = fakeRoom();
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: false });
    const id = await chat.send('just before');
    room.state = ConnectionState.Reconnecting;
    room.emit(RoomEvent.Reconnecting);
    room.state = ConnectionState.Connected;
    room.emit(RoomEvent.Reconnected);
    await vi.waitFor(() =>
      expect(sent).toEqual([
        { id, text: 'just before' },
        { id, text: 'just before' },
      ]),
    );
    expect(store.getState().chat.messages).toMatchObject([{ id, status: 'sent' }]);
    // A resume soon after: once more (SCTP data in flight is in no replay buffer either).
    room.emit(RoomEvent.SignalReconnecting);
    room.emit(RoomEvent.Reconnected);
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(store.getState().chat.messages).toMatchObject([{ id, status: 'sent' }]);
    chat.dispose();
  });

  test('after its own reconnect a receiver asks a peer for what it missed, and adds only that, as late arrivals', async () => {
    const { room, asRoom, stream } = fakeRoom();
    room.remoteParticipants.set('bob', { identity: 'bob', name: 'Bob', joinedAt: new Date() });
    const asked: string[] = [];
    let answer = '[]';
    room.rpcAnswer = (identity) => (asked.push(identity), Promise.resolve(answer));
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: true });
    chat.start();
    await vi.waitFor(() => expect(store.getState().chat.history).toBe('loaded'));
    stream('bob', 'seen', ['seen live']);
    await flush();
    const now = Date.now();
    answer = JSON.stringify([
      { id: 'seen', identity: 'bob', name: 'Bob', text: 'seen live', timestamp: now },
      { id: 'missed', identity: 'bob', name: 'Bob', text: 'sent while I was away', timestamp: now + 1 },
      { id: 'mine', identity: 'me', name: 'Me', text: 'my own', timestamp: now + 2 },
      { id: 'old', identity: 'bob', name: 'Bob', text: 'long before I came', timestamp: now - 3_600_000 },
    ]);
    room.state = ConnectionState.Reconnecting;
    room.emit(RoomEvent.SignalReconnecting);
    room.state = ConnectionState.Connected;
    room.emit(RoomEvent.Reconnected);
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    await vi.waitFor(() => expect(store.getState().chat.messages.map((m) => m.id)).toEqual(['seen', 'missed']));
    expect(store.getState().chat.messages[1]).toMatchObject({ text: 'sent while I was away', local: false, status: 'sent' });
    expect(store.getState().chat.messages[1]?.earlier).toBeUndefined();
    chat.dispose();
  });

  test('a late joiner asks a peer, skips one that cannot answer, dedupes and marks earlier messages', async () => {
    const { room, stream, asRoom } = fakeRoom();
    room.remoteParticipants.set('meet', { identity: 'meet', name: 'LiveKit Meet', joinedAt: new Date(1) });
    room.remoteParticipants.set('bob', { identity: 'bob', name: 'Bob', joinedAt: new Date(2) });
    const entries = [
      { id: 'h1', identity: 'bob', name: 'Mallory', text: 'first', timestamp: 1 },
      { id: 'live', identity: 'bob', name: 'Bob', text: 'dup', timestamp: 2 },
    ];
    room.rpcAnswer = (who) =>
      who === 'bob' ? Promise.resolve(JSON.stringify(entries)) : Promise.reject(new Error('Method not supported at destination'));
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: true });
    stream('bob', 'live', ['dup']);
    await flush();
    chat.start();
    await flush();
    await flush();
    const s = store.getState().chat;
    expect(s.history).toBe('loaded');
    expect(s.messages.map((m) => [m.id, m.earlier ?? false, m.name])).toEqual([
      ['h1', true, 'Bob'],
      ['live', false, 'Bob'],
    ]);
    // And it answers others, at most once per asker per 10 s.
    const answer = JSON.parse(await room.rpc.get('confab.chat.history')!({ callerIdentity: 'cy' })) as unknown[];
    expect(answer).toHaveLength(2);
    expect(await room.rpc.get('confab.chat.history')!({ callerIdentity: 'cy' })).toBe('[]');
  });

  test('nobody answers in time, or chat-history is off: earlier messages are said to be unavailable', async () => {
    vi.useFakeTimers();
    try {
      const { room, asRoom } = fakeRoom();
      room.remoteParticipants.set('bob', { identity: 'bob', name: 'Bob', joinedAt: new Date(1) });
      room.rpcAnswer = () => new Promise(() => undefined);
      const store = createMeetingStore();
      bindChat(asRoom, store, { history: true, historyWaitMs: 3000 }).start();
      // It asks once what arrived before it loaded has been read (nothing here).
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getState().chat.history).toBe('loading');
      await vi.advanceTimersByTimeAsync(3100);
      expect(store.getState().chat.history).toBe('unavailable');
      const off = createMeetingStore();
      bindChat(fakeRoom().asRoom, off, { history: false }).start();
      await vi.advanceTimersByTimeAsync(0);
      expect(off.getState().chat.history).toBe('none');
      const offWithPeers = fakeRoom();
      offWithPeers.room.remoteParticipants.set('bob', { identity: 'bob', name: 'Bob', joinedAt: new Date(1) });
      const s3 = createMeetingStore();
      bindChat(offWithPeers.asRoom, s3, { history: false }).start();
      await vi.advanceTimersByTimeAsync(0);
      expect(s3.getState().chat.history).toBe('unavailable');
      expect(offWithPeers.room.rpc.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  test('history survives a new binding in the same room and is cleared in another room', async () => {
    const first = fakeRoom('r1');
    const store = createMeetingStore();
    const a = bindChat(first.asRoom, store, { history: false });
    a.start();
    first.stream('bob', 'm1', ['kept']);
    await flush();
    a.dispose();
    const again = bindChat(fakeRoom('r1').asRoom, store, { history: false });
    again.start();
    expect(store.getState().chat.messages.map((m) => m.id)).toEqual(['m1']);
    again.dispose();
    bindChat(fakeRoom('r2').asRoom, store, { history: false }).start();
    expect(store.getState().chat.messages).toEqual([]);
  });
});
