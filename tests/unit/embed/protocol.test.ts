import { describe, expect, it } from 'vitest';
import { originAllowed, parseCommand, parseFrameMessage } from '../../../src/embed/protocol.js';

describe('postMessage protocol', () => {
  it('accepts a well-formed command', () => {
    expect(parseCommand({ confab: 1, kind: 'command', id: 7, name: 'setMicrophone', args: [false] })).toEqual({
      confab: 1,
      kind: 'command',
      id: 7,
      name: 'setMicrophone',
      args: [false],
    });
  });

  it.each([
    ['not an object', 'join'],
    ['wrong version', { confab: 2, kind: 'command', id: 1, name: 'join', args: [] }],
    ['an empty name', { confab: 1, kind: 'command', id: 1, name: '', args: [] }],
    ['a name past 64 characters', { confab: 1, kind: 'command', id: 1, name: 'x'.repeat(65), args: [] }],
    ['missing id', { confab: 1, kind: 'command', name: 'join', args: [] }],
    ['object id', { confab: 1, kind: 'command', id: {}, name: 'join', args: [] }],
    ['args not an array', { confab: 1, kind: 'command', id: 1, name: 'join', args: 'x' }],
    ['too many args', { confab: 1, kind: 'command', id: 1, name: 'join', args: [1, 2, 3, 4, 5] }],
    ['a class instance', Object.assign(new Date(0), { confab: 1, kind: 'command', id: 1, name: 'join', args: [] })],
    ['an array', [1, 'command']],
    ['null', null],
  ])('ignores %s', (_label, data) => {
    expect(parseCommand(data)).toBeNull();
  });

  it('keeps an unknown or inherited name, so the bridge can answer unknown-command instead of leaving the caller hanging', () => {
    expect(parseCommand({ confab: 1, kind: 'command', id: 1, name: 'eval', args: [] })?.name).toBe('eval');
    expect(parseCommand({ confab: 1, kind: 'command', id: 2, name: 'toString', args: [] })?.name).toBe('toString');
  });

  it('reads fields only from the message itself, never its prototype', () => {
    const proto = { confab: 1, kind: 'command', id: 1, name: 'leave', args: [] };
    expect(parseCommand(Object.create(proto))).toBeNull();
    const polluted = JSON.parse('{"confab":1,"kind":"command","id":1,"name":"join","__proto__":{"args":[1]}}') as unknown;
    expect(parseCommand(polluted)?.args).toEqual([]);
  });

  it('parses results and events from the frame, and nothing else', () => {
    expect(parseFrameMessage({ confab: 1, kind: 'event', name: 'confab-joined', detail: { room: 'r' } })).toMatchObject({
      name: 'confab-joined',
    });
    expect(parseFrameMessage({ confab: 1, kind: 'event', name: 'click', detail: {} })).toBeNull();
    expect(parseFrameMessage({ confab: 1, kind: 'result', id: 3, ok: true, value: 1 })).toMatchObject({ id: 3, ok: true, value: 1 });
    expect(parseFrameMessage({ confab: 1, kind: 'result', id: 3, ok: false })).toMatchObject({ ok: false, error: { code: 'error' } });
    expect(parseFrameMessage({ confab: 1, kind: 'command', id: 3, name: 'join' })).toBeNull();
  });

  it.each([
    ['https://site.example', ['https://site.example'], true],
    ['https://site.example', ['https://other.example'], false],
    ['http://127.0.0.1:5173', ['http://127.0.0.1:*'], true],
    ['http://localhost:3000', ['http://127.0.0.1:*'], false],
    ['https://127.0.0.1:5173', ['http://127.0.0.1:*'], false],
    ['https://evil.example', ['*'], false],
    ['https://site.example.evil.example', ['https://site.example'], false],
    ['https://site.example/', ['https://site.example'], false],
    ['null', ['null'], false],
  ])('origin %s against %j → %s', (origin, patterns, allowed) => {
    expect(originAllowed(origin, patterns)).toBe(allowed);
  });
});
