/// <reference types="dom-mediacapture-transform" />
// The page side of the effect: a MediaProcessor for the camera pipeline (src/core/media.ts). Each raw
// camera track becomes a MediaStreamTrackProcessor → worker → MediaStreamTrackGenerator chain; the
// generator's track is what is shown and published, and it carries only composited frames. process()
// resolves once the first composited frame is out, so a join with blur on publishes a blurred first frame.
// Where no worker can be made (worker-src), the same engine runs on the main thread.
import type { MediaProcessor } from '../core/media.js';
import type { CompositorChoice, EffectSettings, FrameTimes, FromWorker, ToWorker, Unavailable } from './protocol.js';
import { checkSupport } from './support.js';
import { createEffectsWorker } from './worker-factory.js';

export interface BackgroundHooks {
  progress(fraction: number): void;
  /** Over budget at the lowest quality: the caller turns the effect off and tells the user. */
  overloaded(): void;
  stats?(times: FrameTimes, level: number): void;
}

export class EffectUnavailable extends Error {
  constructor(
    readonly reason: Unavailable,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A user's escape hatch for a GPU driver that draws wrongly: localStorage 'confab.effects.compositor'
 * = 'canvas' (or 'webgl'); anything else, or no storage, lets the engine time both and choose.
 */
function askedCompositor(): CompositorChoice {
  try {
    const value = globalThis.localStorage?.getItem('confab.effects.compositor');
    return value === 'canvas' || value === 'webgl' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/** How long to wait for the first composited frame before handing over the (still empty) output. */
const FIRST_FRAME_MS = 4000;

interface Port {
  post(message: ToWorker, transfer?: Transferable[]): void;
  close(): void;
}

export class BackgroundProcessor implements MediaProcessor {
  readonly #port: Port;
  readonly #first = new Map<number, () => void>();
  #next = 0;
  /** Where frames run: 'worker', or 'main' where no worker could be made. */
  readonly where: 'worker' | 'main';
  /** What composites, as the engine chose on its test frames. */
  compositor: 'canvas' | 'webgl' = 'canvas';

  private constructor(port: Port, where: 'worker' | 'main') {
    this.#port = port;
    this.where = where;
  }

  /** Loads and tests the effect; rejects with EffectUnavailable (and a reason) when it cannot run here. */
  static async create(base: string, settings: EffectSettings, hooks: BackgroundHooks): Promise<BackgroundProcessor> {
    const unsupported = checkSupport();
    if (unsupported) throw new EffectUnavailable(unsupported, `background effects are not available here (${unsupported})`);
    let processor: BackgroundProcessor | undefined;
    const onMessage = (message: FromWorker) => {
      if (message.type === 'progress') hooks.progress(message.value);
      else if (message.type === 'stats') hooks.stats?.(message.times, message.level);
      else if (message.type === 'overloaded') hooks.overloaded();
      else if (message.type === 'first-frame') processor?.firstFrame(message.id);
    };
    const ready = new Promise<void>((resolve, reject) => {
      const settle = (message: FromWorker) => {
        if (message.type === 'ready') {
          if (processor) processor.compositor = message.compositor;
          resolve();
        }
        if (message.type === 'failed') reject(new EffectUnavailable(message.reason, message.message));
        onMessage(message);
      };
      const port = workerPort(settle) ?? mainThreadPort(settle);
      processor = new BackgroundProcessor(port, port instanceof WorkerPort ? 'worker' : 'main');
    });
    const created = processor as unknown as BackgroundProcessor;
    created.#port.post({ type: 'init', base, settings, compositor: askedCompositor() });
    try {
      await ready;
    } catch (error) {
      created.#port.close();
      throw error;
    }
    return created;
  }

  update(settings: EffectSettings): void {
    this.#port.post({ type: 'settings', settings });
  }

  async process(raw: MediaStreamTrack): Promise<MediaStreamTrack> {
    const id = ++this.#next;
    const input = new MediaStreamTrackProcessor({ track: raw as MediaStreamVideoTrack, maxBufferSize: 2 });
    const output = new MediaStreamTrackGenerator({ kind: 'video' });
    const first = new Promise<void>((resolve) => {
      this.#first.set(id, resolve);
      setTimeout(resolve, FIRST_FRAME_MS);
    });
    this.#port.post({ type: 'run', id, readable: input.readable, writable: output.writable }, [input.readable, output.writable]);
    await first;
    this.#first.delete(id);
    return output;
  }

  /** The worker wrote the first composited frame of pipeline `id`. */
  firstFrame(id: number): void {
    this.#first.get(id)?.();
  }

  /** The pipeline ends by itself when the raw track or the output track stops. */
  stop(): void {}

  dispose(): void {
    this.#port.close();
  }
}

class WorkerPort implements Port {
  constructor(readonly worker: Worker) {}
  post(message: ToWorker, transfer: Transferable[] = []) {
    this.worker.postMessage(message, transfer);
  }
  close() {
    this.worker.terminate();
  }
}

function workerPort(onMessage: (message: FromWorker) => void): Port | null {
  try {
    const worker = createEffectsWorker();
    worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
    // A worker that cannot load (a 404 in a consumer's build, a CSP) is a failure now, not a wait.
    worker.onerror = (event) => {
      event.preventDefault();
      onMessage({ type: 'failed', reason: 'load-failed', message: `the effects worker did not start (${event.message || 'not loaded'})` });
    };
    return new WorkerPort(worker);
  } catch {
    return null;
  }
}

/** The same protocol, answered on this thread by the engine module (loaded only now). */
function mainThreadPort(onMessage: (message: FromWorker) => void): Port {
  let closed = false;
  const engine = import('./engine.js').then((m) => m.BackgroundEngine);
  let instance: Promise<import('./engine.js').BackgroundEngine> | null = null;
  return {
    post(message) {
      if (closed) return;
      if (message.type === 'init') {
        instance = engine.then((Engine) =>
          Engine.create(
            message.base,
            message.settings,
            { stats: (times, level) => onMessage({ type: 'stats', times, level }), overloaded: () => onMessage({ type: 'overloaded' }) },
            (value) => onMessage({ type: 'progress', value }),
            message.compositor,
          ),
        );
        instance.then(
          (e) => onMessage({ type: 'ready', compositor: e.compositor }),
          (error: unknown) =>
            onMessage({ type: 'failed', reason: (error as { reason?: 'too-slow' }).reason ?? 'load-failed', message: String(error) }),
        );
      } else if (message.type === 'settings') void instance?.then((e) => (e.settings = message.settings));
      else if (message.type === 'run')
        void instance?.then((e) => e.run(message.readable, message.writable, () => onMessage({ type: 'first-frame', id: message.id })));
    },
    close() {
      closed = true;
      // Closing a pipeline that failed to start or already ended has nothing left to release.
      void instance?.then((e) => e.close()).catch(() => undefined);
    },
  };
}
