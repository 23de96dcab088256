// A host's verbs in the element shell: their commands, and a front that loads the real ones
// (moderation.ts) on first use — a guest's widget never does, unless a host asks them to unmute.
import type { ModerationActions } from './actions.js';
import { HOST_COMMAND_NAMES, type HostCommandName } from './commands.js';
import type { Handlers } from './handlers.js';
import type { ModerationDeps } from './moderation.js';

/** Every verb forwards to the real object once its chunk is here (no list of names in the shell). */
export function lazyModeration(deps: ModerationDeps): ModerationActions {
  let loaded: Promise<ModerationActions> | null = null;
  const load = () =>
    (loaded ??= import('./moderation.js')
      .then((m) => new m.Moderation(deps))
      .catch((error: unknown) => {
        loaded = null;
        throw error;
      }));
  return new Proxy({} as ModerationActions, {
    get: (_target, verb) =>
      // Not a thenable: `await actions.moderation` must not call into it.
      verb === 'then'
        ? undefined
        : (...args: unknown[]) =>
            load().then((real) => (real[verb as keyof ModerationActions] as (...a: unknown[]) => Promise<unknown>)(...args)),
  });
}

/** The host commands (marked `host` in the command table): each is the moderation verb of the same name. */
const verbs: readonly (keyof ModerationActions)[] = HOST_COMMAND_NAMES; // a host command that is no verb fails here

export const moderationCommands = Object.fromEntries(
  verbs.map((verb) => [
    verb,
    (t: { moderation: ModerationActions }, ...args: unknown[]) => (t.moderation[verb] as (...a: unknown[]) => Promise<void>)(...args),
  ]),
) as unknown as Handlers<HostCommandName>;
