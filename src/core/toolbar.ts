// Which control-bar buttons fit in the bar's own width, and which go into its "More" menu. Pure, so
// it is tested table-driven; the bar measures itself (ResizeObserver) and asks.

/** The controls that may move into the menu, in the order they stay in the bar (first: last to go). */
export const KEEP_ORDER = ['chat', 'participants', 'screenshare', 'hand', 'reactions', 'blur', 'settings', 'fullscreen', 'pip'] as const;
export type OptionalControl = (typeof KEEP_ORDER)[number];

export interface BarMetrics {
  /** Width of one round button, px. */
  button: number;
  /** Width of the Leave button, px. */
  leave: number;
  /** Space between buttons, px. */
  gap: number;
  /** Padding on each side of the bar, px. */
  padding: number;
}

/** The bar's metrics at a width: tighter gaps in a narrow box (mirrors control-bar.styles.ts). */
export function barMetrics(width: number): BarMetrics {
  return width < 400 ? { button: 44, leave: 56, gap: 6, padding: 8 } : { button: 48, leave: 64, gap: 12, padding: 12 };
}

/**
 * Splits the optional controls (in display order) into those shown in the bar and those in the menu.
 * Microphone, camera and Leave always stay; when anything overflows, a More button takes one slot.
 */
export function fitControls<T extends string>(
  shown: readonly T[],
  width: number,
  keep: readonly string[] = KEEP_ORDER,
): { inline: T[]; menu: T[] } {
  const m = barMetrics(width);
  const slot = m.button + m.gap;
  // Microphone, camera, Leave and the gaps between them and the rest.
  const room = width - 2 * m.padding - (2 * m.button + m.leave + 2 * m.gap);
  if (room >= shown.length * slot) return { inline: [...shown], menu: [] };
  const slots = Math.max(0, Math.floor((room - slot) / slot));
  const rank = (id: T) => {
    const i = keep.indexOf(id);
    return i < 0 ? keep.length : i;
  };
  const kept = new Set([...shown].sort((a, b) => rank(a) - rank(b)).slice(0, slots));
  return { inline: shown.filter((id) => kept.has(id)), menu: shown.filter((id) => !kept.has(id)) };
}
