// The one command table (contract §4). The element's methods, the iframe bridge's dispatch, the host
// helper's methods and embed.md's table are all derived from it: a new command is one entry here,
// its action in meeting.ts and its line in src/config/docs.ts. Pure and tiny: the host helper
// bundles it (no Lit, no SDK, no DOM, no docs).
import { LAYOUTS } from '../config/schema.js';
import { PANELS, type MeetingSnapshot } from './types.js';

/** A failure with a stable code, for promises the host awaits (`error.code`). */
export class ConfabError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfabError';
  }
}

type Validator<T> = (value: unknown, name: string) => T;

const bool: Validator<boolean> = (value, name) => {
  if (typeof value !== 'boolean') throw new ConfabError('bad-argument', `${name} expects true or false`);
  return value;
};

const text: Validator<string> = (value, name) => {
  if (typeof value !== 'string') throw new ConfabError('bad-argument', `${name} expects a string`);
  return value;
};

/** One of `values`. */
const oneOf =
  <T extends string>(values: readonly T[]): Validator<T> =>
  (value, name) => {
    if (!(values as readonly unknown[]).includes(value))
      throw new ConfabError('bad-argument', `${name} expects one of ${values.join(', ')}`);
    return value as T;
  };
const panel = oneOf(PANELS);
const layout = oneOf(LAYOUTS);
/** What a host can mute, or ask someone to turn on again. */
const source = oneOf(['microphone', 'camera'] as const);

/** A non-empty string of at most `max` characters (or null, where `orNull`). */
const string = <N extends boolean>(max: number, what: string, orNull: N): Validator<N extends true ? string | null : string> =>
  ((value, name) => {
    if (value === null && orNull) return null;
    if (typeof value !== 'string' || value.length === 0 || value.length > max)
      throw new ConfabError('bad-argument', `${name} expects ${what}${orNull ? ' or null' : ''}`);
    return value;
  }) as Validator<N extends true ? string | null : string>;
const urlOrNull = string(2048, 'a URL', true);
const identityOrNull = string(256, 'an identity', true);
const identity = string(256, 'an identity', false);

interface Entry {
  args: readonly Validator<unknown>[];
  /** A host's command: the moderation verb of the same name (rejects `not-allowed` for a guest). */
  host?: true;
}

export const COMMANDS = {
  join: { args: [] },
  leave: { args: [] },
  setMicrophone: { args: [bool] },
  setCamera: { args: [bool] },
  setScreenShare: { args: [bool] },
  sendChatMessage: { args: [text] },
  openPanel: { args: [panel] },
  closePanel: { args: [] },
  setBlur: { args: [bool] },
  setBackgroundImage: { args: [urlOrNull] },
  raiseHand: { args: [bool] },
  sendReaction: { args: [text] },
  pin: { args: [identityOrNull] },
  setLayout: { args: [layout] },
  // Hosts (roomAdmin): each rejects `not-allowed` for a guest; the Confab server checks again.
  admit: { args: [identity], host: true },
  deny: { args: [identity], host: true },
  admitAll: { args: [], host: true },
  muteParticipant: { args: [identity, oneOf(['microphone', 'camera', 'screen'] as const)], host: true },
  askToUnmute: { args: [identity, source], host: true },
  removeParticipant: { args: [identity], host: true },
  lowerHand: { args: [identity], host: true },
  muteAll: { args: [], host: true },
  lockRoom: { args: [bool], host: true },
  endMeeting: { args: [], host: true },
  startRecording: { args: [], host: true },
  stopRecording: { args: [], host: true },
  setE2EEKey: { args: [string(1024, 'a key', false)] },
  getState: { args: [] },
} as const satisfies Record<string, Entry>;

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
export type HostCommandName = { [K in CommandName]: (typeof COMMANDS)[K] extends { host: true } ? K : never }[CommandName];
export const HOST_COMMAND_NAMES = COMMAND_NAMES.filter((n): n is HostCommandName => (COMMANDS[n] as Entry).host === true);

type ArgsOf<V extends readonly unknown[]> = { -readonly [I in keyof V]: V[I] extends Validator<infer T> ? T : never };
export type CommandArgs<N extends CommandName> = ArgsOf<(typeof COMMANDS)[N]['args']>;
interface Results {
  getState: MeetingSnapshot;
  sendChatMessage: string;
}

/** Commands whose promise carries a value to the host (the rest resolve with nothing). */
export const RETURNS_VALUE: ReadonlySet<CommandName> = new Set(['getState', 'sendChatMessage']);
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a command without a value resolves with nothing
export type CommandResult<N extends CommandName> = N extends keyof Results ? Results[N] : void;

/** The methods every front door offers: the element, the iframe (through the helper), the bridge's target. */
export type MeetingCommands = { [N in CommandName]: (...args: CommandArgs<N>) => Promise<CommandResult<N>> };

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(COMMANDS, value);
}

/** Checks untrusted arguments (JS callers, postMessage); throws `bad-argument` with what was expected. */
export function parseArgs<N extends CommandName>(name: N, args: readonly unknown[]): CommandArgs<N> {
  const validators = COMMANDS[name].args as readonly Validator<unknown>[];
  if (args.length > validators.length)
    throw new ConfabError('bad-argument', `${name} takes ${validators.length === 0 ? 'no arguments' : `${validators.length} argument(s)`}`);
  return validators.map((validate, i) => validate(args[i], name)) as CommandArgs<N>;
}
