// The iframe side of the postMessage bridge: commands only from window.parent at exactly
// parent-origin, events and results posted only to that origin — never '*'. Dispatch comes from the
// command table: every command gets a result, an unknown one `unknown-command`.
import { ConfabError, isCommandName, parseArgs, type MeetingCommands } from '../core/commands.js';
import { CONFAB_EVENTS } from '../events.js';
import { BACKLOG_BYTES, BACKLOG_COMMANDS, type Overflowed } from './backlog.js';
import { parseCommand, PROTOCOL_VERSION, SET_CREDENTIALS, type CommandMessage, type ParentWindow, type ResultMessage } from './protocol.js';

/** What the bridge drives: the element's public methods (it fires the events too). */
export interface BridgeTarget extends EventTarget, MeetingCommands {}

export interface BridgeOptions {
  target: BridgeTarget;
  parentOrigin: string;
  /** Resolves when the target has fired confab-ready; commands wait for it, in order. */
  ready: Promise<void>;
  setCredentials(value: unknown): void;
  /** Messages that arrived before the bridge could start (e.g. while the deployment config loaded). */
  backlog?: readonly MessageEvent[];
  /** Commands that came after the backlog was full: answered `backlog-full`, never run. */
  overflow?: readonly Overflowed[];
  parent?: ParentWindow;
  self?: Window;
}

/** Structured-clone-safe copy of plain data (drops functions, SDK objects and prototypes). */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** The stable code of a failure: its own `code` when it has one (ConfabError), else a generic one. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof TypeError ? 'bad-argument' : 'command-failed';
}

export function startBridge(options: BridgeOptions): () => void {
  const win = options.self ?? window;
  const parent = options.parent ?? win.parent;
  const { target, parentOrigin } = options;
  const post = (message: unknown) => parent.postMessage(message, parentOrigin);

  const forward = (event: Event) => {
    post({ confab: PROTOCOL_VERSION, kind: 'event', name: event.type, detail: plain((event as CustomEvent).detail) });
  };
  for (const name of CONFAB_EVENTS) target.addEventListener(name, forward);

  const run = async (command: CommandMessage): Promise<unknown> => {
    if (command.name === SET_CREDENTIALS) {
      options.setCredentials(command.args[0]);
      return undefined;
    }
    if (!isCommandName(command.name)) throw new ConfabError('unknown-command', `unknown command "${command.name.slice(0, 64)}"`);
    const args = parseArgs(command.name, command.args) as unknown[];
    const method = target[command.name] as (...a: unknown[]) => Promise<unknown>;
    return method.apply(target, args);
  };

  // One chain: commands run in the order they arrived, none before ready, none dropped.
  let chain = options.ready;
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || event.origin !== parentOrigin) return;
    const command = parseCommand(event.data);
    if (!command) return;
    chain = chain.then(async () => {
      let result: ResultMessage;
      try {
        result = { confab: 1, kind: 'result', id: command.id, ok: true, value: plain(await run(command)) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result = { confab: 1, kind: 'result', id: command.id, ok: false, error: { code: errorCode(error), message } };
      }
      post(result);
    });
  };
  for (const event of options.backlog ?? []) onMessage(event);
  for (const { source, origin, id } of options.overflow ?? []) {
    if (source !== parent || origin !== parentOrigin) continue;
    const message = `dropped: more than ${BACKLOG_COMMANDS} commands or ${BACKLOG_BYTES / 1024} KiB arrived before the frame started`;
    chain = chain.then(() => post({ confab: 1, kind: 'result', id, ok: false, error: { code: 'backlog-full', message } }));
  }
  win.addEventListener('message', onMessage);

  return () => {
    win.removeEventListener('message', onMessage);
    for (const name of CONFAB_EVENTS) target.removeEventListener(name, forward);
  };
}
