// The background control's front, in the element shell: it decides where the effect starts and
// loads the control itself (background.ts, a lazy chunk) only when an effect is wanted, so a call
// without blur never downloads it. Every verb goes to the control in the order it was called.
import type { BackgroundControl, BackgroundOptions } from './background.js';
import { ConfabError } from './commands.js';

/** The host's explicit background options (they beat the saved choice). */
export interface ExplicitBackground {
  blur?: boolean;
  backgroundImage?: string;
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

export class LazyBackground {
  readonly #options: BackgroundOptions;
  #control: Promise<BackgroundControl> | null = null;
  #started = false;

  constructor(options: BackgroundOptions) {
    this.#options = options;
  }

  #load(): Promise<BackgroundControl> {
    this.#control ??= import('./background.js').then(
      ({ BackgroundControl }) => new BackgroundControl(this.#options),
      (error: unknown) => {
        this.#control = null;
        throw new ConfabError('background-unavailable', error instanceof Error ? error.message : String(error));
      },
    );
    return this.#control;
  }

  /** The effect chosen at start (option › saved choice › default), once; the control loads only for one. */
  start(explicit: ExplicitBackground): void {
    if (this.#started) return;
    this.#started = true;
    const saved = this.#options.preferences.load();
    const { blur, image } = startBackground(explicit, saved, this.#options.config());
    if (blur || image || saved.blurStrength !== undefined)
      void this.#load().then(
        (c) => c.start(explicit),
        () => undefined,
      );
  }

  /** Resolves when every change asked so far is in the pipeline; null when no control was ever wanted. */
  settled(): Promise<void> | null {
    return this.#control
      ? this.#control.then(
          (c) => c.settled() ?? undefined,
          () => undefined,
        )
      : null;
  }

  setBlur(on: boolean, disposed: boolean): Promise<void> {
    return this.#load().then((c) => c.setBlur(on, disposed));
  }

  setImage(url: string | null, disposed: boolean): Promise<void> {
    return this.#load().then((c) => c.setImage(url, disposed));
  }

  setStrength(strength: number): void {
    void this.#load().then(
      (c) => c.setStrength(strength),
      () => undefined,
    );
  }

  dispose(): void {
    void this.#control?.then(
      (c) => c.dispose(),
      () => undefined,
    );
  }
}
