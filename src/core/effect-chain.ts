// One processor chain per input kind: the effects that sit between a raw device track and everything
// that shows or sends it (camera: backgrounds; microphone: noise suppression). Each effect's control
// is a chunk of its own, loaded on first use; the chain gives the one wait every device start makes
// ("settled before publish"), and that wait is bounded: an effect that hangs is told to give up and
// the call goes on without it, never stuck on "Connecting…".
import { ConfabError } from './commands.js';
import type { InputKind } from './types.js';
import { quietly } from './report.js';

/** What a loaded effect control offers the chain. */
export interface EffectControl {
  /** Resolves once every change asked so far is in the pipeline; null when none is in flight. */
  settled(): Promise<void> | null;
  /** When the control last made progress (a change began, bytes of a model arrived). */
  activeAt(): number;
  /** It made no progress for too long: stop trying, take the effect out, say why (the call goes on without it). */
  abandon(): void;
  dispose(): void;
}

/** Longest a device start waits for an effect that makes no progress (a slow download that moves is waited for). */
export const EFFECT_STALL_MS = 15_000;

/** An effect's control behind a lazy import: loaded once, on the first verb that needs it. */
export class LazyEffect<C extends EffectControl> {
  #control: Promise<C> | null = null;
  #loaded: C | null = null;
  #askedAt = 0;

  constructor(
    readonly kind: InputKind,
    readonly name: string,
    private readonly load: () => Promise<C>,
  ) {}

  /** The control, loading it the first time; a chunk that fails to load rejects with `<name>-unavailable`. */
  control(): Promise<C> {
    if (!this.#control) this.#askedAt = Date.now();
    this.#control ??= this.load().then(
      (control) => (this.#loaded = control),
      (error: unknown) => {
        this.#control = null;
        throw new ConfabError(`${this.name}-unavailable`, error instanceof Error ? error.message : String(error));
      },
    );
    return this.#control;
  }

  /** Runs a verb on the control once it is here. */
  run<T>(verb: (control: C) => T | Promise<T>): Promise<T> {
    return this.control().then(verb);
  }

  /** Null when the control was never wanted, or has nothing in flight. */
  settled(): Promise<void> | null {
    if (!this.#control) return null;
    if (this.#loaded) return this.#loaded.settled();
    return this.#control.then(
      (c) => c.settled() ?? undefined,
      () => undefined,
    );
  }

  /** When it last moved; a control still loading counts from when it was first asked for. */
  activeAt(): number {
    return this.#loaded ? this.#loaded.activeAt() : this.#askedAt;
  }

  abandon(): void {
    this.#loaded?.abandon();
  }

  dispose(): void {
    void this.#control?.then(
      (c) => c.dispose(),
      () => undefined,
    );
  }
}

export class EffectChain {
  readonly #effects: Record<InputKind, Array<LazyEffect<EffectControl>>> = { camera: [], microphone: [] };

  constructor(private readonly stallMs = EFFECT_STALL_MS) {}

  add<C extends EffectControl>(effect: LazyEffect<C>): LazyEffect<C> {
    this.#effects[effect.kind].push(effect);
    return effect;
  }

  /**
   * Resolves when every effect of a kind has settled, or when one has made no progress for `stallMs`
   * (it is abandoned). Null when none is in flight (a device starts at once).
   */
  settled(kind: InputKind): Promise<void> | null {
    const busy = this.#effects[kind]
      .map((e) => [e, e.settled()] as const)
      .filter((entry): entry is [LazyEffect<EffectControl>, Promise<void>] => !!entry[1]);
    if (!busy.length) return null;
    return Promise.all(
      busy.map(([effect, settling]) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const stalled = new Promise<void>((resolve) => {
          const check = () => {
            const idle = Date.now() - effect.activeAt();
            if (idle < this.stallMs) return void (timer = setTimeout(check, this.stallMs - idle));
            effect.abandon();
            resolve();
          };
          check();
        });
        // The wait is only for the old effect to let go; its failure was reported where it ran.
        return Promise.race([settling.catch(quietly('effect settle')), stalled]).finally(() => clearTimeout(timer));
      }),
    ).then(() => undefined);
  }

  dispose(): void {
    for (const kind of ['camera', 'microphone'] as const) for (const effect of this.#effects[kind]) effect.dispose();
  }
}
