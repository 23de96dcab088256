// Commands carry their handlers: each domain module exports the handlers of its commands, and the
// map below must have one for every name in the command table (a missing one is a type error).
// The element, the iframe bridge and the host helper all run commands through `runCommand`.
import type { Actions } from './actions.js';
import type { CommandArgs, CommandName, CommandResult } from './commands.js';
import type { MeetingSnapshot } from './types.js';

/** What a handler may use: every domain's actions, and the snapshot for getState(). */
export interface CommandTarget extends Actions {
  snapshot(): MeetingSnapshot;
}

export type Handler<N extends CommandName> = (
  target: CommandTarget,
  ...args: CommandArgs<N>
) => Promise<CommandResult<N>> | CommandResult<N>;

/** The handlers of some commands (a domain module's), or of all of them. */
export type Handlers<N extends CommandName = CommandName> = { [K in N]: Handler<K> };

/** Runs a command whose arguments were already checked (parseArgs). */
export function runCommand<N extends CommandName>(
  handlers: Handlers,
  target: CommandTarget,
  name: N,
  args: CommandArgs<N>,
): Promise<CommandResult<N>> {
  const handler: Handler<N> = handlers[name];
  try {
    return Promise.resolve(handler(target, ...args));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
