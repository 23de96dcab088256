// PLACEHOLDER in the core worktree; replaced by the command table from main at merge.
import type { MeetingSnapshot } from './types.js';

export class ConfabError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfabError';
  }
}

const bool = (v: unknown): boolean => {
  if (typeof v !== 'boolean') throw new ConfabError('bad-argument', 'expects true or false');
  return v;
};

export const COMMANDS = {
  join: { args: [], doc: 'joins' },
  leave: { args: [], doc: 'leaves' },
  setMicrophone: { args: [bool], doc: 'mic' },
  setCamera: { args: [bool], doc: 'cam' },
  setScreenShare: { args: [bool], doc: 'screen' },
  getState: { args: [], doc: 'state' },
} as const;
export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
type Validators<N extends CommandName> = (typeof COMMANDS)[N]['args'];
type ArgsOf<V extends readonly unknown[]> = { -readonly [I in keyof V]: V[I] extends (v: unknown) => infer T ? T : never };
export type CommandArgs<N extends CommandName> = ArgsOf<Validators<N>>;
export type CommandResult<N extends CommandName> = N extends 'getState' ? MeetingSnapshot : void;
export type MeetingCommands = { [N in CommandName]: (...args: CommandArgs<N>) => Promise<CommandResult<N>> };
export function isCommandName(v: unknown): v is CommandName {
  return typeof v === 'string' && Object.hasOwn(COMMANDS, v);
}
export function parseArgs<N extends CommandName>(name: N, args: readonly unknown[]): CommandArgs<N> {
  const validators = COMMANDS[name].args as readonly ((v: unknown) => unknown)[];
  if (args.length > validators.length) throw new ConfabError('bad-argument', `${name} takes ${validators.length} argument(s)`);
  return validators.map((v, i) => v(args[i])) as CommandArgs<N>;
}
