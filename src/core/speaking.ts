// Speaking, with hysteresis: someone lights up as soon as LiveKit says they speak, and goes dark only
// after a pause longer than `hold`, so the highlight (and the stage, and `confab-active-speakers`)
// does not flicker between words. Pure, so it is tested table-driven; the participants adapter
// keeps the times and a timer for the next expiry.

/** How long a pause keeps someone "speaking", ms. */
export const SPEAKING_HOLD_MS = 1200;

export interface HeldSpeakers {
  /** Who counts as speaking: those LiveKit reports now (loudest first), then those still held. */
  speaking: string[];
  /** When each person still held was last heard. */
  lastHeard: Map<string, number>;
  /** When the next held person expires (re-evaluate then), or null. */
  nextExpiry: number | null;
}

export function holdSpeakers(
  lastHeard: ReadonlyMap<string, number>,
  reported: readonly string[],
  now: number,
  hold = SPEAKING_HOLD_MS,
): HeldSpeakers {
  const heard = new Map<string, number>();
  for (const [id, at] of lastHeard) if (now - at < hold) heard.set(id, at);
  for (const id of reported) heard.set(id, now);
  const held = [...heard].filter(([id]) => !reported.includes(id)).sort((a, b) => b[1] - a[1]);
  const expiries = held.map(([, at]) => at + hold);
  return {
    speaking: [...reported, ...held.map(([id]) => id)],
    lastHeard: heard,
    nextExpiry: expiries.length ? Math.min(...expiries) : null,
  };
}
