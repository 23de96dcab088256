// Background blur and virtual backgrounds, as the core sees them: what the user asked for (mode,
// image, strength), whether it runs, the loading progress and why it cannot. The effect itself lives
// in src/effects/ (a lazy chunk: nothing of MediaPipe loads before the first use) and sits in the one
// camera pipeline as its processor, so the preview, the tile and the published track are all processed.
import { ConfabError } from './commands.js';
import type { LocalMedia } from './media.js';
import type { PreferenceStore } from './preferences.js';
import type { MeetingStore } from './store.js';
import type { BackgroundMode, BackgroundView, Unavailable } from './types.js';
import { startBackground, type ExplicitBackground } from './background-lazy.js';
import type { EffectControl } from './effect-chain.js';
import { permittedImage } from '../effects/assets.js';
import { quietly } from './report.js';

export type EffectsModule = typeof import('../effects/index.js');
type Processor = import('../effects/processor.js').BackgroundProcessor;

export const loadEffects = (): Promise<EffectsModule> => import('../effects/index.js');

export interface BackgroundOptions {
  store: MeetingStore;
  media: LocalMedia;
  preferences: PreferenceStore;
  config: () => { blur: boolean; backgroundImage?: string | undefined; assetsBase?: string | undefined };
  load?: (() => Promise<EffectsModule>) | undefined;
  /** Throws once the element is gone (every verb checks). */
  alive: () => void;
}

export class BackgroundControl implements EffectControl {
  readonly #options: BackgroundOptions;
  #effects: Promise<{ module: EffectsModule; processor: Processor }> | null = null;
  #image: ImageBitmap | null = null;
  /** Changes apply one after another, in the order asked. */
  #chain: Promise<void> = Promise.resolve();
  #disposed = false;
  #started = false;
  #busy = 0;
  /** Bumped when the chain gives up on a change that hung: whatever it would still do is void. */
  #epoch = 0;
  #activeAt = 0;
  #giveUp: ((error: Error) => void) | null = null;

  constructor(options: BackgroundOptions) {
    this.#options = options;
  }

  get #view(): BackgroundView {
    return this.#options.store.getState().background;
  }

  #patch(update: Partial<BackgroundView>) {
    this.#options.store.setState((s) => ({ background: { ...s.background, ...update } }));
  }

  /** The effect chosen at start (option › saved choice › default), once, before the camera's first frame. */
  start(explicit: ExplicitBackground): void {
    if (this.#started) return;
    this.#started = true;
    const saved = this.#options.preferences.load();
    if (saved.blurStrength !== undefined) this.#patch({ strength: saved.blurStrength });
    const { blur, image } = startBackground(explicit, saved, this.#options.config());
    // A failure shows in the store (status, reason) and the banner; nothing waits on these.
    if (image) void this.set('image', image).catch(quietly('background start'));
    else if (blur) void this.set('blur').catch(quietly('blur start'));
  }

  /** Blur on or off (off also ends a virtual background); remembered for next time. */
  async setBlur(on: boolean): Promise<void> {
    this.#options.alive();
    this.#started = true;
    this.#options.preferences.save({ blur: on, backgroundImage: '' });
    await this.set(on ? 'blur' : 'none', null);
  }

  /** A virtual background from this origin or assets-base (null: none); remembered for next time. */
  async setImage(url: string | null): Promise<void> {
    this.#options.alive();
    const image = url === null ? null : allowedImage(url, await this.#assetsBase());
    this.#started = true;
    this.#options.preferences.save({ backgroundImage: image ?? '', ...(image ? { blur: false } : {}) });
    await this.set(image ? 'image' : 'none', image);
  }

  /** Sets the effect (`none` takes it out of the pipeline); resolves once the camera shows it. */
  set(mode: BackgroundMode | 'none', image: string | null = this.#view.image): Promise<void> {
    this.#busy++;
    const run = this.#chain.then(() => this.#bounded(mode, image)).finally(() => this.#busy--);
    this.#chain = run.catch(() => undefined); // the caller gets the failure through `run`
    return run;
  }

  /** Resolves when every change asked so far is in the pipeline (a starting camera waits for it); null when none is. */
  settled(): Promise<void> | null {
    return this.#busy > 0 ? this.#chain : null;
  }

  #module(): Promise<EffectsModule> {
    return (this.#options.load ?? loadEffects)();
  }

  /** Where images may load from besides this origin: assets-base, by default beside confab.js (the built-ins). */
  async #assetsBase(): Promise<string> {
    return this.#options.config().assetsBase ?? (await this.#module()).defaultAssetsBase();
  }

  /** Blur strength 0..1 (a number out of range is clamped; anything else is ignored); remembered. */
  setStrength(strength: number): void {
    if (typeof strength !== 'number' || Number.isNaN(strength)) return;
    this.#patch({ strength: Math.max(0, Math.min(1, strength)) });
    this.#options.preferences.save({ blurStrength: this.#view.strength });
    void this.#effects?.then(
      ({ processor }) => processor.update(this.#settings()),
      () => undefined,
    );
  }

  #settings() {
    const { mode, strength } = this.#view;
    return { mode: mode === 'image' ? ('image' as const) : ('blur' as const), strength, image: mode === 'image' ? this.#image : null };
  }

  /** One change, which abandon() can end: the verb that asked rejects, and the next change runs. */
  #bounded(mode: BackgroundMode | 'none', image: string | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#giveUp = reject;
      this.#apply(mode, image, this.#epoch).then(resolve, reject);
    }).finally(() => (this.#giveUp = null));
  }

  activeAt(): number {
    return this.#activeAt;
  }

  async #apply(mode: BackgroundMode | 'none', image: string | null, epoch: number): Promise<void> {
    if (this.#disposed) return;
    this.#activeAt = Date.now();
    const { media } = this.#options;
    this.#patch({ mode, image, reason: null });
    if (mode === 'none') {
      this.#patch({ active: false });
      await media.setProcessor('camera', null);
      return;
    }
    try {
      // The one check of an image's origin, on every path (command, attribute, saved choice), before any request.
      if (mode === 'image' && image) allowedImage(image, await this.#assetsBase());
      const { module, processor } = await this.#load();
      if (mode === 'image' && image) this.#image = await module.decodeImage(image);
      if (epoch !== this.#epoch) return;
      processor.update(this.#settings());
      if (!this.#view.active) await media.setProcessor('camera', processor);
      this.#patch({ active: true, status: 'ready' });
    } catch (error) {
      if (epoch !== this.#epoch) return;
      if (error instanceof ConfabError && error.code === 'bad-argument') {
        // An image from a host the rule does not allow: nothing runs, and the user is told why.
        this.#patch({ active: false, reason: 'image-not-allowed' });
        await media.setProcessor('camera', null);
        throw error;
      }
      const reason: Unavailable = (error as { reason?: Unavailable }).reason ?? 'load-failed';
      // The wish stays (mode, saved); the reason says it does not run, and nothing shows it as on.
      this.#patch({ active: false, status: reason === 'load-failed' && this.#effects ? 'ready' : 'unavailable', reason });
      if (this.#view.status === 'unavailable') this.#effects = null;
      throw new ConfabError('background-unavailable', error instanceof Error ? error.message : String(error));
    }
  }

  /** The chain waited too long for the effect: it is taken out, the call goes on with the plain camera. */
  abandon(): void {
    this.#epoch++;
    this.#effects = null;
    this.#patch({ active: false, status: 'unavailable', reason: 'load-failed' });
    this.#giveUp?.(new ConfabError('background-unavailable', 'background effects did not start in time'));
    void this.#options.media.setProcessor('camera', null);
  }

  #load(): Promise<{ module: EffectsModule; processor: Processor }> {
    if (this.#effects) return this.#effects;
    this.#patch({ status: 'loading', progress: 0 });
    const effects = this.#module().then(async (module) => {
      const base = this.#options.config().assetsBase ?? module.defaultAssetsBase();
      const processor = await module.BackgroundProcessor.create(base, this.#settings(), {
        progress: (progress) => {
          this.#activeAt = Date.now();
          this.#patch({ progress });
        },
        overloaded: () => void this.#overloaded(),
      });
      // Given up on while it loaded: this processor is nobody's.
      if (this.#effects !== effects) {
        processor.dispose();
        throw new ConfabError('background-unavailable', 'abandoned');
      }
      this.#patch({ status: 'ready', progress: 1, compositor: processor.compositor });
      return { module, processor };
    });
    this.#effects = effects;
    return effects;
  }

  /** Too slow even at the lowest quality: off, and the user is told (the camera goes on unprocessed). */
  async #overloaded() {
    await this.set('none').catch(quietly('background off')); // the reason below is what the user sees
    this.#patch({ reason: 'too-slow' });
  }

  dispose(): void {
    this.#disposed = true;
    void this.#effects?.then(
      ({ processor }) => processor.dispose(),
      () => undefined,
    );
  }
}

/** Background images only from this page's origin or assets-base (contract §2; the built-ins are there): never a third party. */
export function allowedImage(url: string, assetsBase: string | undefined, here = globalThis.location?.href): string {
  let parsed: URL;
  try {
    parsed = new URL(url, here);
  } catch {
    throw new ConfabError('bad-argument', 'setBackgroundImage expects a URL or null');
  }
  const allowed = permittedImage(parsed.href, assetsBase, here);
  if (!allowed) throw new ConfabError('bad-argument', 'background images load only from this origin or assets-base');
  return allowed;
}
