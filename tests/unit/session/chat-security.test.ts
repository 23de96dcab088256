// The review's chat defects, each reproduced against the adapter as a peer would trigger it.
import { CALL_EVENTS } from '../../../src/core/host-events-call.js';
import { EventEmitter } from 'node:events';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { describe, expect, test, vi } from 'vitest';
import { historyPayload } from '../../../src/core/chat.js';
import { unreadCount } from '../../../src/core/chat-state.js';
import { diff } from '../../../src/core/host-events.js';
import { createMeetingStore } from '../../../src/core/store.js';
import type { MeetingState } from '../../../src/core/types.js';
import { bindChat } from '../../../src/session/adapters/chat.js';
import { renderRow } from '../../../components/chat/chat-row.js';

type Reader = AsyncIterable<string> & { info: { id: string; timestamp: number; size?: number } };

/** A room whose peers answer the history RPC as the test says, and which records what we publish. */
function room(answer: (peer: string) => string) {
  const published: Array<{ topic: string; payload: unknown }> = [];
  const streams = new Map<string, (reader: Reader, from: { identity: string }) => void>();
  const r = Object.assign(new EventEmitter(), {
    name: 'r',
    state: ConnectionState.Connected,
    engine: { attemptingReconnect: false },
    serverInfo: { edition: 0, version: '1.13.5' },
    remoteParticipants: new Map([
      ['mallory', { identity: 'mallory', name: 'Mallory', joinedAt: new Date(1) }],
      ['alice', { identity: 'alice', name: 'Alice', joinedAt: new Date(2) }],
    ]),
    localParticipant: {
      identity: 'victim',
      name: 'Victim',
      async streamText() {
        return { write: async () => undefined, close: async () => undefined };
      },
      async publishData(payload: Uint8Array, options: { topic: string }) {
        published.push({ topic: options.topic, payload: JSON.parse(new TextDecoder().decode(payload)) as unknown });
      },
      performRpc: async ({ destinationIdentity }: { destinationIdentity: string }) => answer(destinationIdentity),
    },
    registerTextStreamHandler: (topic: string, h: (reader: Reader, from: { identity: string }) => void) => void streams.set(topic, h),
    unregisterTextStreamHandler: (topic: string) => void streams.delete(topic),
    registerRpcMethod: () => undefined,
    unregisterRpcMethod: () => undefined,
  });
  const stream = (identity: string, id: string, text: string, timestamp: number) => {
    const reader = Object.assign(
      (async function* () {
        yield text;
      })(),
      { info: { id, timestamp } },
    );
    streams.get('lk.chat')?.(reader, { identity });
  };
  return { asRoom: r as unknown as Room, room: r, published, stream };
}

const forged = JSON.stringify([
  { id: 'm1', identity: 'mallory', name: 'Mallory', text: 'hello all', timestamp: 1000 },
  { id: 'm2', identity: 'alice', name: 'Alice', text: 'I approve the wire transfer', timestamp: 2000 },
  { id: 'm3', identity: 'victim', name: 'Victim', text: 'I agree too', timestamp: 3000 },
]);

describe('a history answer can vouch only for its own lines', () => {
  test("a peer's answer cannot put words in anyone's mouth, nor in one's own; the forgeries are not served on", async () => {
    const { asRoom } = room(() => forged);
    const store = createMeetingStore();
    const events: Array<Record<string, unknown>> = [];
    store.subscribe((s: MeetingState, p: MeetingState) => {
      for (const e of diff(p, s, (k) => k, CALL_EVENTS).events) if (e.name === 'confab-chat-message') events.push(e.detail);
    });
    bindChat(asRoom, store, { history: true }).start();
    await vi.waitFor(() => expect(store.getState().chat.history).toBe('loaded'));
    const byId = Object.fromEntries(store.getState().chat.messages.map((m) => [m.id, m]));
    // The answerer's own line is theirs.
    expect(byId.m1).toMatchObject({ identity: 'mallory', local: false, earlier: true });
    expect(byId.m1?.relayedBy).toBeUndefined();
    // Alice's "line" is only Mallory's claim: relayed, unverified; and nothing is ever our own.
    expect(byId.m2).toMatchObject({ identity: 'alice', relayedBy: 'mallory', relayedByName: 'Mallory', local: false });
    expect(byId.m3).toMatchObject({ relayedBy: 'mallory', local: false });
    expect(store.getState().chat.messages.some((m) => m.local)).toBe(false);
    // The host page is told which lines are relayed.
    expect(events.find((e) => e.id === 'm2')).toMatchObject({ relayedBy: 'mallory', local: false });
    expect(events.find((e) => e.id === 'm1')).not.toHaveProperty('relayedBy');
    // A later joiner asking us gets only what we can vouch for.
    const served = JSON.parse(historyPayload(store.getState().chat.messages)) as Array<{ id: string }>;
    expect(served.map((e) => e.id)).toEqual(['m1']);
  });

  test('after a reconnect, lines a peer relays are marked too, never shown as that person live', async () => {
    let asked = 0;
    const { asRoom, room: r } = room(() =>
      asked++ === 0
        ? '[]'
        : JSON.stringify([{ id: 'x', identity: 'alice', name: 'Alice', text: 'forged while you were away', timestamp: Date.now() }]),
    );
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: true });
    chat.start();
    await vi.waitFor(() => expect(store.getState().chat.history).toBe('loaded'));
    r.emit(RoomEvent.SignalReconnecting);
    r.emit(RoomEvent.Reconnected);
    await vi.waitFor(() => expect(store.getState().chat.messages.filter((m) => m.id === 'x')).toHaveLength(1));
    expect(store.getState().chat.messages.find((m) => m.id === 'x')).toMatchObject({ relayedBy: 'mallory', local: false });
    expect(store.getState().chat.messages.find((m) => m.id === 'x')?.earlier).toBeUndefined();
    chat.dispose();
  });
});

describe('a timestamp from the future', () => {
  test('is not believed on any path, and no stored time can break a render', async () => {
    const { asRoom, room: r, stream } = room(() => '[]');
    const store = createMeetingStore();
    bindChat(asRoom, store, { history: false });
    const before = Date.now();
    stream('alice', 's1', 'from the year 287396', 9e15);
    const packet = new TextEncoder().encode(JSON.stringify({ id: 'l1', message: 'legacy', timestamp: 8.6e15 }));
    r.emit(RoomEvent.DataReceived, packet, { identity: 'alice' }, 0, 'lk-chat-topic');
    r.emit(RoomEvent.ChatMessage, { id: 'k1', message: 'sdk', timestamp: Number.MAX_VALUE }, { identity: 'alice' });
    await vi.waitFor(() => expect(store.getState().chat.messages).toHaveLength(3));
    for (const m of store.getState().chat.messages) {
      expect(m.timestamp).toBeGreaterThanOrEqual(before);
      expect(m.timestamp).toBeLessThanOrEqual(Date.now());
    }
    // A value that got into the store anyway (a seeded story, an old build's history) still renders.
    const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
    const row = { ...store.getState().chat.messages[0]!, timestamp: 9e15 };
    expect(() => renderRow(row, undefined, { t: (k) => k, time, retry: () => undefined })).not.toThrow();
  });
});

describe('LiveKit apps that read only the legacy topic', () => {
  test('every sent message also goes out as a legacy packet, marked ignoreLegacy where the server has data streams', async () => {
    const { asRoom, published } = room(() => '[]');
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: false });
    const id = await chat.send('hello old clients');
    await vi.waitFor(() => expect(published).toHaveLength(1));
    expect(published[0]).toMatchObject({ topic: 'lk-chat-topic', payload: { id, message: 'hello old clients', ignoreLegacy: true } });
    expect(typeof (published[0]?.payload as { timestamp: unknown }).timestamp).toBe('number');
  });
});

describe('the chat adapter loading on first use', () => {
  test('a message that arrived live before the history answer stays unread; the earlier ones are not unread', async () => {
    const { asRoom, stream } = room(() =>
      JSON.stringify([{ id: 'old', identity: 'mallory', name: 'Mallory', text: 'before you came', timestamp: 1000 }]),
    );
    const store = createMeetingStore();
    const chat = bindChat(asRoom, store, { history: true });
    stream('mallory', 'live', 'hello now', Date.now());
    chat.start();
    await vi.waitFor(() => expect(store.getState().chat.history).toBe('loaded'));
    expect(store.getState().chat.messages.map((m) => [m.id, m.earlier ?? false])).toEqual([
      ['old', true],
      ['live', false],
    ]);
    expect(unreadCount(store.getState())).toBe(1);
  });
});
