import { describe, expect, test } from 'vitest';
import { BACKLOG_BYTES, BACKLOG_COMMANDS, holdEarlyCommands } from '../../../src/embed/backlog.js';
import { startBridge, type BridgeTarget } from '../../../src/embed/bridge.js';

const ORIGIN = 'https://host.example';
const command = (id: number, name: string, args: unknown[] = []) => ({ confab: 1, kind: 'command', id, name, args });

function windows() {
  const self = new EventTarget() as unknown as Window;
  const sent: Array<Record<string, unknown>> = [];
  const parent = { postMessage: (message: Record<string, unknown>) => sent.push(message) } as unknown as MessageEventSource & {
    postMessage(message: unknown, targetOrigin: string): void;
  };
  const stranger = { postMessage() {} } as unknown as MessageEventSource;
  const deliver = (data: unknown, source: MessageEventSource = parent, origin = ORIGIN) =>
    self.dispatchEvent(Object.assign(new Event('message'), { data, source, origin }));
  return { self, parent, stranger, sent, deliver };
}

describe('the frame keeps its parent’s early commands within a bound', () => {
  test('another window’s messages and non-commands are dropped as they arrive; the parent’s are kept in order', () => {
    const w = windows();
    const early = holdEarlyCommands(w.self, w.parent);
    w.deliver(command(1, 'setCamera', [false]));
    for (let i = 0; i < 500; i++) w.deliver(command(100 + i, 'join'), w.stranger);
    w.deliver({ hello: 'x'.repeat(1000) });
    w.deliver(command(2, 'setMicrophone', [true]));
    const { kept, overflow } = early.stop();
    expect(kept.map((e) => (e.data as { id: number }).id)).toEqual([1, 2]);
    expect(overflow).toEqual([]);
    w.deliver(command(3, 'join'));
    expect(kept).toHaveLength(2); // stopped: nothing more is kept
  });

  test(`past ${BACKLOG_COMMANDS} commands or ${BACKLOG_BYTES / 1024} KiB, a command is not kept, only its id; later ones follow it`, () => {
    const w = windows();
    const early = holdEarlyCommands(w.self, w.parent);
    w.deliver(command(1, 'sendChatMessage', ['x'.repeat(BACKLOG_BYTES)]));
    w.deliver(command(2, 'setCamera', [false]));
    let b = early.stop();
    expect(b.kept).toEqual([]);
    expect(b.overflow.map((o) => o.id)).toEqual([1, 2]);
    expect(JSON.stringify(b.overflow.map((o) => ({ id: o.id, origin: o.origin })))).not.toContain('xxx');

    const w2 = windows();
    const early2 = holdEarlyCommands(w2.self, w2.parent);
    for (let i = 1; i <= 5000; i++) w2.deliver(command(i, 'setMicrophone', [i % 2 === 0]));
    b = early2.stop();
    expect(b.kept).toHaveLength(BACKLOG_COMMANDS);
    expect(b.overflow[0]?.id).toBe(BACKLOG_COMMANDS + 1);
    expect(b.overflow.length).toBeLessThanOrEqual(1024);
  });

  test('the bridge runs what was kept, then answers each dropped command backlog-full, in the order they came', async () => {
    const w = windows();
    const early = holdEarlyCommands(w.self, w.parent);
    for (let i = 1; i <= BACKLOG_COMMANDS + 2; i++) w.deliver(command(i, 'setMicrophone', [true]));
    w.deliver(command(999, 'setMicrophone', [true]), w.parent, 'https://evil.example');
    const { kept, overflow } = early.stop();
    const ran: number[] = [];
    const target = new EventTarget() as BridgeTarget;
    Object.assign(target, { setMicrophone: async () => void ran.push(ran.length + 1) });
    startBridge({
      target,
      parentOrigin: ORIGIN,
      ready: Promise.resolve(),
      setCredentials() {},
      backlog: kept,
      overflow,
      self: w.self,
      parent: w.parent,
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(ran).toHaveLength(BACKLOG_COMMANDS);
    expect(w.sent.map((m) => m.id)).toEqual(Array.from({ length: BACKLOG_COMMANDS + 2 }, (_, i) => i + 1));
    const dropped = w.sent.slice(BACKLOG_COMMANDS);
    expect(dropped.map((m) => (m.error as { code: string }).code)).toEqual(['backlog-full', 'backlog-full']);
  });
});
