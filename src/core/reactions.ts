// Emoji reactions: the handful offered, how long one floats over its sender's tile, and the rate
// limits (a sender's own, and each remote sender's on receipt). Sent as reliable data packets on the
// namespaced topic `confab.reaction` (session/adapters/reactions.ts); pure here, unit-tested.

/** The reactions offered, each with its name's message key (`reaction.<name>`). */
export const REACTIONS = [
  ['👍', 'thumbs-up'],
  ['👏', 'clap'],
  ['😂', 'laugh'],
  ['😮', 'surprised'],
  ['❤️', 'heart'],
  ['🎉', 'party'],
] as const;
export type Reaction = (typeof REACTIONS)[number][0];

export const REACTION_TOPIC = 'confab.reaction';
/** How long a reaction shows over the tile. */
export const REACTION_MS = 4000;

const KNOWN = new Set<string>(REACTIONS.map(([emoji]) => emoji));

/** One of ours (anything else is ignored on receipt and refused when sent). */
export function isReaction(value: unknown): value is Reaction {
  return typeof value === 'string' && KNOWN.has(value);
}

/** At most `count` per `windowMs` for each key (a sender); what is over is dropped, not queued. */
export class RateLimit {
  readonly #times = new Map<string, number[]>();
  constructor(
    readonly count = 5,
    readonly windowMs = 3000,
  ) {}

  allow(key: string, now = Date.now()): boolean {
    const recent = (this.#times.get(key) ?? []).filter((t) => now - t < this.windowMs);
    const ok = recent.length < this.count;
    if (ok) recent.push(now);
    if (recent.length) this.#times.set(key, recent);
    else this.#times.delete(key);
    return ok;
  }
}
