import { describe, expect, test } from 'vitest';
import { startBridge, type BridgeTarget } from '../../../src/embed/bridge.js';
import { fakeWindows, ORIGIN } from './fake-windows.js';

function fakeTarget(log: string[]) {
  const target = new EventTarget() as BridgeTarget;
  Object.assign(target, {
    join: async () => void log.push('join'),
    leave: async () => void log.push('leave'),
    setMicrophone: async (on: boolean) => {
      await new Promise((r) => setTimeout(r, on ? 5 : 0));
      log.push(`mic ${on}`);
    },
    setCamera: async (on: boolean) => void log.push(`cam ${on}`),
    setScreenShare: async () => {
      throw Object.assign(new Error('screen: denied'), { code: 'device-denied' });
    },
    getState: async () => ({ state: 'connected', fn: () => 1 }),
  });
  return target;
}

const command = (id: number, name: string, args: unknown[] = []) => ({ confab: 1, kind: 'command', id, name, args });
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('the iframe bridge', () => {
  test('commands only from window.parent at exactly parent-origin; results only to that origin', async () => {
    const w = fakeWindows();
    const log: string[] = [];
    startBridge({
      target: fakeTarget(log),
      parentOrigin: ORIGIN,
      ready: Promise.resolve(),
      setCredentials() {},
      self: w.self,
      parent: w.parent,
    });
    w.deliver(command(1, 'join'), { source: w.stranger });
    w.deliver(command(2, 'join'), { origin: 'https://evil.example' });
    w.deliver(command(3, 'join'), { origin: 'https://host.example.evil.example' });
    await settle();
    expect(log).toEqual([]);
    expect(w.sent).toEqual([]);
    w.deliver(command(4, 'join'));
    await settle();
    expect(log).toEqual(['join']);
    expect(w.sent).toEqual([{ message: { confab: 1, kind: 'result', id: 4, ok: true }, origin: ORIGIN }]);
  });

  test('commands wait for ready and run in arrival order, each finishing before the next', async () => {
    const w = fakeWindows();
    const log: string[] = [];
    let ready!: () => void;
    startBridge({
      target: fakeTarget(log),
      parentOrigin: ORIGIN,
      ready: new Promise<void>((r) => (ready = r)),
      setCredentials() {},
      self: w.self,
      parent: w.parent,
    });
    w.deliver(command(1, 'setMicrophone', [true]));
    w.deliver(command(2, 'setMicrophone', [false]));
    w.deliver(command(3, 'setCamera', [false]));
    await settle();
    expect(log).toEqual([]);
    ready();
    await settle();
    expect(log).toEqual(['mic true', 'mic false', 'cam false']);
    expect(w.sent.map((s) => s.message.id)).toEqual([1, 2, 3]);
  });

  test('messages that arrived before the bridge started (the backlog) are judged and run like any other', async () => {
    const w = fakeWindows();
    const log: string[] = [];
    const early = [
      Object.assign(new Event('message'), { data: command(1, 'setCamera', [false]), source: w.parent, origin: ORIGIN }) as MessageEvent,
      Object.assign(new Event('message'), { data: command(2, 'join'), source: w.stranger, origin: ORIGIN }) as MessageEvent,
    ];
    startBridge({
      target: fakeTarget(log),
      parentOrigin: ORIGIN,
      ready: Promise.resolve(),
      setCredentials() {},
      backlog: early,
      self: w.self,
      parent: w.parent,
    });
    await settle();
    expect(log).toEqual(['cam false']);
  });

  test('every command gets a result: unknown → unknown-command, bad arguments → bad-argument, failures keep their code', async () => {
    const w = fakeWindows();
    const log: string[] = [];
    startBridge({
      target: fakeTarget(log),
      parentOrigin: ORIGIN,
      ready: Promise.resolve(),
      setCredentials() {},
      self: w.self,
      parent: w.parent,
    });
    w.deliver(command(1, 'selfDestruct'));
    w.deliver(command(2, 'setCamera', ['yes']));
    w.deliver(command(3, 'setCamera', [true, 'extra']));
    w.deliver(command(4, 'setScreenShare', [true]));
    w.deliver(command(5, '__proto__'));
    w.deliver(command(6, 'getState'));
    await settle();
    const codes = w.sent.map((s) => (s.message.ok ? 'ok' : (s.message.error as { code: string }).code));
    expect(codes).toEqual(['unknown-command', 'bad-argument', 'bad-argument', 'device-denied', 'unknown-command', 'ok']);
    expect(log).toEqual([]);
    // Results are plain data: functions in a value are dropped, never posted.
    expect(w.sent[5]?.message.value).toEqual({ state: 'connected' });
  });

  test('events are forwarded to parent-origin only, as plain data', () => {
    const w = fakeWindows();
    const target = fakeTarget([]);
    startBridge({ target, parentOrigin: ORIGIN, ready: Promise.resolve(), setCredentials() {}, self: w.self, parent: w.parent });
    target.dispatchEvent(new CustomEvent('confab-joined', { detail: { room: 'r', identity: 'me', name: 'Me' } }));
    target.dispatchEvent(new CustomEvent('not-ours', { detail: {} }));
    expect(w.sent).toEqual([
      { message: { confab: 1, kind: 'event', name: 'confab-joined', detail: { room: 'r', identity: 'me', name: 'Me' } }, origin: ORIGIN },
    ]);
  });
});
