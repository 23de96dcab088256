// The effects chunk's entry, loaded by the meeting core the first time a background effect is used.
export { BackgroundProcessor, EffectUnavailable } from './processor.js';
export type { BackgroundHooks } from './processor.js';
export type { EffectSettings, Unavailable } from './protocol.js';
export { defaultAssetsBase } from './assets.js';

/** Decodes a background image on the page (the worker receives the bitmap). */
export async function decodeImage(url: string): Promise<ImageBitmap> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return createImageBitmap(await response.blob());
}
