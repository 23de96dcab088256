export interface GridDimensions {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
}

/**
 * The column count that makes `count` tiles of the given aspect ratio as large as possible inside
 * width × height (with `gap` between tiles). Pure, so it is tested table-driven.
 */
export function gridDimensions(count: number, width: number, height: number, aspect = 16 / 9, gap = 8): GridDimensions {
  const n = Math.max(1, Math.floor(count));
  let best: GridDimensions = { columns: 1, rows: n, tileWidth: 0, tileHeight: 0 };
  if (width <= 0 || height <= 0)
    return { columns: Math.ceil(Math.sqrt(n)), rows: Math.ceil(n / Math.ceil(Math.sqrt(n))), tileWidth: 0, tileHeight: 0 };
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    const cellW = (width - gap * (columns - 1)) / columns;
    const cellH = (height - gap * (rows - 1)) / rows;
    if (cellW <= 0 || cellH <= 0) continue;
    const tileWidth = Math.min(cellW, cellH * aspect);
    const tileHeight = tileWidth / aspect;
    if (tileWidth > best.tileWidth + 0.5) best = { columns, rows, tileWidth, tileHeight };
  }
  return best;
}

/** One page of tiles, with the page clamped into range (people leaving can shrink the page count). */
export function paginate<T>(items: readonly T[], page: number, perPage: number): { items: T[]; page: number; pages: number } {
  const size = Math.max(1, Math.floor(perPage));
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: items.slice(current * size, current * size + size), page: current, pages };
}

/**
 * The speaker layout: one tile on the stage, the rest in a strip. The pinned participant takes the
 * stage (their shared screen if they share, else their camera); otherwise a shared screen; otherwise
 * the loudest remote speaker; otherwise whoever was there before (no flicker when people pause);
 * otherwise the first remote camera. Keys are "identity|source".
 */
export function speakerStage(
  keys: readonly string[],
  speakers: readonly string[],
  localIdentity: string | null,
  previous: string | null,
  pinned: string | null = null,
): { stage: string | null; strip: string[] } {
  const pin = pinned ? [`${pinned}|screen`, `${pinned}|camera`].find((k) => keys.includes(k)) : undefined;
  if (pin) return { stage: pin, strip: keys.filter((k) => k !== pin) };
  const screen = keys.find((k) => k.endsWith('|screen'));
  const speaker = speakers.find((id) => id !== localIdentity && keys.includes(`${id}|camera`));
  const remote = keys.find((k) => k.endsWith('|camera') && !k.startsWith(`${localIdentity ?? ''}|`));
  const stage = screen ?? (speaker ? `${speaker}|camera` : previous && keys.includes(previous) ? previous : (remote ?? keys[0] ?? null));
  return { stage, strip: keys.filter((k) => k !== stage) };
}

/**
 * The grid's order over time: keys already shown keep their places; new shared screens go first
 * (as the keys give them), new cameras at the end; keys gone are dropped.
 */
export function reconcileOrder(previous: readonly string[], keys: readonly string[]): string[] {
  const present = new Set(keys);
  const kept = previous.filter((k) => present.has(k));
  const known = new Set(kept);
  const added = keys.filter((k) => !known.has(k));
  return [...added.filter((k) => k.endsWith('|screen')), ...kept, ...added.filter((k) => !k.endsWith('|screen'))];
}

/**
 * Tiles on the first page never move because someone speaks: a speaker on a later page swaps places
 * with the first page's least recently active camera (never one in `fixed`: you, the pinned person,
 * a screen; never someone speaking). `lastActive` is when each identity last spoke (never: absent).
 */
export function promoteSpeakers(
  order: readonly string[],
  speakers: readonly string[],
  lastActive: ReadonlyMap<string, number>,
  perPage: number,
  fixed: readonly string[] = [],
): string[] {
  const out = [...order];
  const size = Math.max(1, Math.floor(perPage));
  const who = (key: string) => key.slice(0, key.lastIndexOf('|'));
  for (const id of speakers) {
    const from = out.indexOf(`${id}|camera`);
    if (from < size) continue;
    // The first page's movable cameras, least recently active first (never active: first of all).
    const candidates = out
      .slice(0, size)
      .map((key, index) => ({ key, index, seen: lastActive.get(who(key)) ?? -Infinity }))
      .filter(({ key }) => key.endsWith('|camera') && !fixed.includes(key) && !fixed.includes(who(key)) && !speakers.includes(who(key)))
      .sort((a, b) => a.seen - b.seen || a.index - b.index);
    const slot = candidates[0];
    if (!slot) continue;
    out[from] = slot.key;
    out[slot.index] = `${id}|camera`;
  }
  return out;
}
