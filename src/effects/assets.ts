// Where background-effect assets live: `assets-base`, by default the mediapipe/ folder beside
// confab.js (every chunk is in chunks/, one level below). It holds MediaPipe's WASM and model and the
// built-in background images (public/mediapipe/backgrounds/, drawn by scripts/backgrounds.py).
// A tiny module of its own: the core and the picker need these names without loading the effect.

/** The built-in virtual backgrounds, in the picker's order. */
export const BUILT_IN_BACKGROUNDS = ['dusk', 'lagoon', 'studio'] as const;
export type BuiltInBackground = (typeof BUILT_IN_BACKGROUNDS)[number];

export function defaultAssetsBase(): string {
  // Built at run time so the bundler does not take it for an asset of the source tree.
  return new URL(['..', 'mediapipe', ''].join('/'), import.meta.url).href;
}

/** The URL of a built-in background (or of its 160×90 thumbnail) under an assets base. */
export function builtInBackground(base: string, name: BuiltInBackground, thumbnail = false): string {
  return new URL(`backgrounds/${name}${thumbnail ? '-thumb' : ''}.jpg`, base).href;
}

/** The image's address when it is on this page's origin or under assets-base, else null (one rule for the core and the picker). */
export function permittedImage(url: string, assetsBase: string | undefined, here: string | undefined): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, here);
  } catch {
    return null;
  }
  const base = assetsBase ? new URL(assetsBase, here) : null;
  const sameOrigin = here !== undefined && parsed.origin === new URL(here).origin;
  return sameOrigin || (base && parsed.href.startsWith(base.href)) ? parsed.href : null;
}
