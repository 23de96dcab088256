import { describe, expect, it } from 'vitest';
import { cleanBody, FloodGate, historyPayload, linkify, parseHistory, parseLegacy, startsGroup } from '../../../src/core/chat.js';
import { CHAT_MAX_CHARS, chatLength, emptyChat, tooLong, unreadCount } from '../../../src/core/chat-state.js';
import type { ChatMessage } from '../../../src/core/types.js';

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const msg = (over: Partial<ChatMessage>): ChatMessage => ({
  id: 'a',
  identity: 'bob',
  name: 'Bob',
  text: 'hi',
  timestamp: 1000,
  local: false,
  status: 'sent',
  seq: 1,
  ...over,
});

describe('links', () => {
  it.each([
    [
      'see https://example.com/a?b=1.',
      [{ text: 'see ' }, { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' }, { text: '.' }],
    ],
    ['javascript:alert(1)', [{ text: 'javascript:alert(1)' }]],
    ['data:text/html,<script>x</script>', [{ text: 'data:text/html,<script>x</script>' }]],
    ['(http://a.example/x)', [{ text: '(' }, { text: 'http://a.example/x', href: 'http://a.example/x' }, { text: ')' }]],
    ['HTTPS://EXAMPLE.COM', [{ text: 'HTTPS://EXAMPLE.COM', href: 'https://example.com/' }]],
    ['x https://exa mple', [{ text: 'x ' }, { text: 'https://exa', href: 'https://exa/' }, { text: ' mple' }]],
    ['<a href="javascript:x">y</a>', [{ text: '<a href="javascript:x">y</a>' }]],
  ])('%s', (text, expected) => {
    expect(linkify(text)).toEqual(expected);
  });
});

describe('what an inbound payload must be', () => {
  it('a legacy packet as components-react sends it is read, unless it says to ignore it', () => {
    expect(parseLegacy(enc({ id: 'm1', timestamp: 5, message: 'hello' }))).toEqual({ id: 'm1', text: 'hello', timestamp: 5 });
    expect(parseLegacy(enc({ id: 'm1', timestamp: 5, message: 'hello', ignoreLegacy: true }))).toBeNull();
  });
  it.each([
    ['not json', enc('{')],
    ['an array', enc([1])],
    ['no id', enc({ message: 'x' })],
    ['a number message', enc({ id: 'x', message: 5 })],
    ['an empty message', enc({ id: 'x', message: '\u200b ' })],
    ['oversized', enc({ id: 'x', message: 'x'.repeat(70_000) })],
    ['invalid utf-8', new Uint8Array([0x7b, 0xff, 0xfe])],
    ['a __proto__ id trick', enc('{"__proto__":{"id":"x","message":"y"}}')],
  ])('%s is dropped', (_name, payload) => {
    expect(parseLegacy(payload)).toBeNull();
  });
  it('bidi overrides and control characters cannot survive in a body', () => {
    expect(cleanBody('\u202Eabc\u202C\u0007')).toBe('abc');
    expect(cleanBody('line\r\nnext')).toBe('line\nnext');
    expect(cleanBody('\u2066\u2069')).toBeNull();
  });
  it('the limit counts code points: 4000 emoji fit, 4001 characters do not', () => {
    expect(tooLong('😀'.repeat(CHAT_MAX_CHARS))).toBe(false);
    expect(chatLength('😀'.repeat(3))).toBe(3);
    expect(tooLong('x'.repeat(CHAT_MAX_CHARS + 1))).toBe(true);
  });
  it('a history answer keeps at most 100 well-formed entries', () => {
    const entries = Array.from({ length: 150 }, (_, i) => ({
      id: `m${i}`,
      identity: 'bob',
      name: 'Bob',
      text: `t${i}`,
      timestamp: 1000 + i,
    }));
    const parsed = parseHistory(
      JSON.stringify([...entries, { id: 5 }, null, { id: 'z', identity: 'x', name: 'X', text: '', timestamp: 1 }]),
    );
    expect(parsed).toHaveLength(97);
    expect(parseHistory('{"a":1}')).toBeNull();
    expect(parseHistory('nope')).toBeNull();
  });
  it('history hands out only what was really sent', () => {
    const out = JSON.parse(
      historyPayload([msg({ id: 'a' }), msg({ id: 'b', local: true, status: 'failed' }), msg({ id: 'c', local: true, status: 'sending' })]),
    ) as Array<{ id: string }>;
    expect(out.map((e) => e.id)).toEqual(['a']);
  });
});

describe('flooding', () => {
  it('a burst passes, then one sender is held to the rate while another still gets through', () => {
    let now = 0;
    const gate = new FloodGate(3, 1, () => now);
    expect([gate.allow('m'), gate.allow('m'), gate.allow('m'), gate.allow('m')]).toEqual([true, true, true, false]);
    expect(gate.allow('ok')).toBe(true);
    now = 1000;
    expect(gate.allow('m')).toBe(true);
    expect(gate.allow('m')).toBe(false);
  });
});

describe('grouping and unread', () => {
  it('consecutive messages of one sender share a sender line for five minutes', () => {
    const a = msg({ timestamp: 0 });
    expect(startsGroup(a, undefined)).toBe(true);
    expect(startsGroup(msg({ timestamp: 60_000 }), a)).toBe(false);
    expect(startsGroup(msg({ timestamp: 6 * 60_000 }), a)).toBe(true);
    expect(startsGroup(msg({ identity: 'cy' }), a)).toBe(true);
  });
  it('counts others’ messages after the read marker, none while the panel is open', () => {
    const chat = {
      ...emptyChat(),
      readSeq: 1,
      seq: 4,
      messages: [msg({ seq: 1 }), msg({ seq: 2 }), msg({ seq: 3, local: true }), msg({ seq: 4 })],
    };
    expect(unreadCount({ chat, panel: null })).toBe(2);
    expect(unreadCount({ chat, panel: 'chat' })).toBe(0);
  });
});
