// Backgrounds as the element shell sees them: where the effect starts, and the verbs, each run on
// the background control (background.ts, a chunk of its own loaded only when an effect is wanted,
// so a call without one never downloads it) through the camera's effect chain, in call order.
import type { BackgroundActions } from './actions.js';
import type { BackgroundView } from './types.js';
import type { BackgroundControl, BackgroundOptions } from './background.js';
import { LazyEffect, type EffectChain } from './effect-chain.js';
import type { Handlers } from './handlers.js';
import { quietly } from './report.js';

/** The host's explicit background options (they beat the saved choice). */
export interface ExplicitBackground {
  blur?: boolean;
  backgroundImage?: string;
}

/**
 * The effect as it may be shown (a pressed button, getState().blur): what was asked, unless it
 * cannot run (a reason), when nothing claims it is on.
 */
export function shownMode(view: Pick<BackgroundView, 'mode' | 'reason'>): BackgroundView['mode'] {
  return view.reason ? 'none' : view.mode;
}

/** Where the effect starts: an explicit option › the saved choice › the option's default. */
export function startBackground(
  explicit: ExplicitBackground,
  saved: ExplicitBackground,
  config: { blur: boolean; backgroundImage?: string | undefined },
): { blur: boolean; image: string | null } {
  if (explicit.backgroundImage) return { blur: false, image: explicit.backgroundImage };
  if (explicit.blur !== undefined) return { blur: explicit.blur, image: null };
  if (saved.backgroundImage) return { blur: false, image: saved.backgroundImage };
  return { blur: saved.blur ?? config.blur, image: config.backgroundImage ?? null };
}

export class LazyBackground implements BackgroundActions {
  readonly #options: BackgroundOptions;
  readonly #effect: LazyEffect<BackgroundControl>;
  #started = false;

  constructor(options: BackgroundOptions, chain: EffectChain) {
    this.#options = options;
    this.#effect = chain.add(
      new LazyEffect('camera', 'background', () => import('./background.js').then((m) => new m.BackgroundControl(options))),
    );
  }

  /** The effect chosen at start (option › saved choice › default), once; the control loads only for one. */
  start(explicit: ExplicitBackground): void {
    if (this.#started) return;
    this.#started = true;
    const saved = this.#options.preferences.load();
    const { blur, image } = startBackground(explicit, saved, this.#options.config());
    // A failure to load is the store's to show (status, reason): nothing here is lost by not awaiting.
    if (blur || image || saved.blurStrength !== undefined)
      void this.#effect.run((c) => c.start(explicit)).catch(quietly('background start'));
  }

  setBlur = (on: boolean): Promise<void> => {
    this.#options.alive();
    return this.#effect.run((c) => c.setBlur(on));
  };

  setBackgroundImage = (url: string | null): Promise<void> => {
    this.#options.alive();
    return this.#effect.run((c) => c.setImage(url));
  };

  setBlurStrength = (strength: number): void => {
    // Remembered and shown by the control; a chunk that cannot load has nothing to apply it to.
    void this.#effect.run((c) => c.setStrength(strength)).catch(quietly('blur strength'));
  };
}

export const backgroundCommands: Handlers<'setBlur' | 'setBackgroundImage'> = {
  setBlur: (t, on) => t.background.setBlur(on),
  setBackgroundImage: (t, url) => t.background.setBackgroundImage(url),
};
