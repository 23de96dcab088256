// What arrives for a domain before its code loads: held in order, bounded, handed over or dropped.
import { EventEmitter } from 'node:events';
import { RoomEvent, type Room } from 'livekit-client';
import { describe, expect, test } from 'vitest';
import { hold, HOLD_MAX_BYTES, HOLD_MAX_ITEMS } from '../../../src/session/hold.js';

function fakeRoom() {
  const streams = new Map<string, (reader: { info: { size?: number } }, from: { identity: string }) => void>();
  const room = Object.assign(new EventEmitter(), {
    registerTextStreamHandler: (topic: string, h: (reader: { info: { size?: number } }, from: { identity: string }) => void) => {
      if (streams.has(topic)) throw new Error(`A text stream handler for topic "${topic}" has already been set.`);
      streams.set(topic, h);
    },
    unregisterTextStreamHandler: (topic: string) => void streams.delete(topic),
  });
  const packet = (topic: string | undefined, bytes = 10) =>
    room.emit(RoomEvent.DataReceived, new Uint8Array(bytes), { identity: 'bob' }, 0, topic);
  return { room, asRoom: room as unknown as Room, streams, packet };
}

describe('the hold', () => {
  test('holds only its topics, in order, and hands them over once; then the domain owns the topics', () => {
    const { room, asRoom, streams, packet } = fakeRoom();
    let first = 0;
    const h = hold(asRoom, { streams: ['lk.chat'], data: ['lk-chat-topic', null] }, () => first++);
    packet('lk-chat-topic');
    packet('confab.reaction');
    packet(undefined);
    streams.get('lk.chat')?.({ info: { size: 5 } }, { identity: 'bob' });
    expect(first).toBe(1);
    const seen: string[] = [];
    for (const replay of h.release())
      replay({ data: (_p, _who, _k, topic) => void seen.push(`data ${topic ?? 'none'}`), stream: () => void seen.push('stream') });
    expect(seen).toEqual(['data lk-chat-topic', 'data none', 'stream']);
    expect(streams.size).toBe(0);
    expect(room.listenerCount(RoomEvent.DataReceived)).toBe(0);
    // The domain can register its own handler now (one per topic per room).
    expect(() => asRoom.registerTextStreamHandler('lk.chat', () => undefined)).not.toThrow();
  });

  test('is bounded in count and in bytes; past the bound, what arrives is dropped and counted', () => {
    const { asRoom, packet } = fakeRoom();
    const byCount = hold(asRoom, { data: ['t'] });
    for (let i = 0; i < HOLD_MAX_ITEMS + 25; i++) packet('t', 1);
    expect(byCount.overflow).toEqual({ items: 25, bytes: 25 });
    expect(byCount.release()).toHaveLength(HOLD_MAX_ITEMS);
    const bySize = fakeRoom();
    const big = hold(bySize.asRoom, { data: ['t'] });
    const size = Math.floor(HOLD_MAX_BYTES / 4);
    for (let i = 0; i < 6; i++) bySize.packet('t', size);
    expect(big.release()).toHaveLength(4);
    expect(big.overflow.items).toBe(2);
  });

  test('a chunk that never comes: discard drops everything, says how much, and stops listening', () => {
    const { room, asRoom, streams, packet } = fakeRoom();
    const h = hold(asRoom, { streams: ['lk.chat'], data: ['t'] });
    packet('t', 100);
    packet('t', 50);
    expect(h.discard()).toEqual({ items: 2, bytes: 150 });
    packet('t', 100);
    expect(room.listenerCount(RoomEvent.DataReceived)).toBe(0);
    expect(streams.size).toBe(0);
    expect(h.release()).toEqual([]);
  });
});
