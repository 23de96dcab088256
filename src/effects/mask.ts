// Mask post-processing on the CPU, at the segmentation resolution (a few thousand pixels): temporal
// smoothing against flicker, then a soft threshold that keeps hair and edges feathered instead of
// cut out. Pure: unit-tested.

/** Exponential smoothing of the confidence mask across frames (`prev` is updated in place). */
export function smoothMask(prev: Float32Array, next: Float32Array, weight: number): Float32Array {
  if (prev.length !== next.length) throw new Error('mask sizes differ');
  for (let i = 0; i < next.length; i++) prev[i] = (prev[i] ?? 0) * (1 - weight) + (next[i] ?? 0) * weight;
  return prev;
}

/** Smoothstep between `low` and `high`: 0 below (background), 1 above (person), soft between. */
export function soften(value: number, low: number, high: number): number {
  const t = Math.min(1, Math.max(0, (value - low) / (high - low)));
  return t * t * (3 - 2 * t);
}

/** Writes the mask into the alpha channel of an RGBA buffer (colour channels left as they are). */
export function maskToAlpha(mask: Float32Array, rgba: Uint8ClampedArray, low = 0.25, high = 0.75): void {
  for (let i = 0; i < mask.length; i++) rgba[i * 4 + 3] = Math.round(soften(mask[i] ?? 0, low, high) * 255);
}
