// The iframe side of the postMessage bridge: commands only from window.parent at exactly
// parent-origin, events and results posted only to that origin — never '*'.
import { CONFAB_EVENTS } from '../events.js';
import { parseCommand, PROTOCOL_VERSION, type CommandMessage, type MeetingCommands, type ResultMessage } from './protocol.js';

/** What the bridge drives: the element's public methods (it fires the events too). */
export interface BridgeTarget extends EventTarget, MeetingCommands {}

export interface BridgeOptions {
  target: BridgeTarget;
  parentOrigin: string;
  /** Resolves when the target has fired confab-ready; commands wait for it, in order. */
  ready: Promise<void>;
  setCredentials(value: unknown): void;
  parent?: MessageEventSource & { postMessage(message: unknown, targetOrigin: string): void };
  self?: Window;
}

/** Structured-clone-safe copy of plain data (drops functions, SDK objects and prototypes). */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
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
    const [arg] = command.args;
    switch (command.name) {
      case 'join':
        return target.join();
      case 'leave':
        return target.leave();
      case 'setMicrophone':
        return target.setMicrophone(arg as boolean);
      case 'setCamera':
        return target.setCamera(arg as boolean);
      case 'setScreenShare':
        return target.setScreenShare(arg as boolean);
      case 'getState':
        return target.getState();
      case 'setCredentials':
        options.setCredentials(arg);
        return undefined;
    }
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
        const code = error instanceof TypeError ? 'bad-argument' : 'command-failed';
        result = { confab: 1, kind: 'result', id: command.id, ok: false, error: { code, message } };
      }
      post(result);
    });
  };
  win.addEventListener('message', onMessage);

  return () => {
    win.removeEventListener('message', onMessage);
    for (const name of CONFAB_EVENTS) target.removeEventListener(name, forward);
  };
}
