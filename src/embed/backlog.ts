// What embed.html keeps of its parent's commands while the deployment config (and so the allowed
// parent origin) loads — up to 10 s. Bounded in count and bytes; another window's messages and
// anything that is not a command are dropped as they arrive; a command past the bound is not run
// but answered `backlog-full` once the bridge starts, so the parent's promise never hangs.
import { parseCommand, type MessageId } from './protocol.js';

export const BACKLOG_COMMANDS = 64;
export const BACKLOG_BYTES = 256 * 1024;
/** Past this many dropped commands, later ones are not even remembered (their promises time out). */
const OVERFLOW_IDS = 1024;

/** A command dropped for the bound: enough to answer it, never its arguments. */
export interface Overflowed {
  source: MessageEventSource | null;
  origin: string;
  id: MessageId;
}

export interface Backlog {
  kept: MessageEvent[];
  overflow: Overflowed[];
}

/** The size a command's arguments take (as JSON); Infinity for what JSON cannot carry. */
function sizeOf(args: unknown[]): number {
  try {
    return JSON.stringify(args)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY; // a cycle or a BigInt: no command takes one
  }
}

/** Starts keeping `parent`'s commands that reach `win`; `stop()` ends it and hands them over. */
export function holdEarlyCommands(win: Window, parent: MessageEventSource | null): { stop(): Backlog } {
  const backlog: Backlog = { kept: [], overflow: [] };
  let bytes = 0;
  let full = false; // once one is dropped, all later ones are too: results keep the arrival order
  const keep = (event: MessageEvent) => {
    if (event.source !== parent || parent === null) return;
    const command = parseCommand(event.data);
    if (!command) return;
    const size = sizeOf(command.args);
    full ||= backlog.kept.length >= BACKLOG_COMMANDS || bytes + size > BACKLOG_BYTES;
    if (!full) {
      bytes += size;
      backlog.kept.push(event);
    } else if (backlog.overflow.length < OVERFLOW_IDS) {
      backlog.overflow.push({ source: event.source, origin: event.origin, id: command.id });
    }
  };
  win.addEventListener('message', keep);
  return {
    stop() {
      win.removeEventListener('message', keep);
      return backlog;
    },
  };
}
