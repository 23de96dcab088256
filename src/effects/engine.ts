// The effect itself, the same code in the worker and in the main-thread fallback: reads camera
// frames, segments a small copy, smooths and feathers the mask, composites, writes the new frame.
// It only ever writes composited frames: a raw frame has no path to the output.
import type { ImageSegmenter } from '@mediapipe/tasks-vision';
import { FrameBudget } from './budget.js';
import { Compositor } from './compositor.js';
import { loadSegmenter } from './loader.js';
import { maskToAlpha, smoothMask } from './mask.js';
import type { EffectSettings, FrameTimes } from './protocol.js';

/** Segmentation input: the landscape model's own size (256×144), far below the published video. */
const SEG_W = 256;
const SEG_H = 144;
/** Where a test frame means the device is too slow to try (ms, after warm-up). */
const TOO_SLOW_MS = 250;

export interface EngineHooks {
  stats(times: FrameTimes, level: number): void;
  overloaded(): void;
}

export class BackgroundEngine {
  readonly #segmenter: ImageSegmenter;
  readonly #input = new OffscreenCanvas(SEG_W, SEG_H);
  readonly #inputCtx: OffscreenCanvasRenderingContext2D;
  readonly #compositor = new Compositor(SEG_W, SEG_H);
  readonly #mask = new Float32Array(SEG_W * SEG_H);
  readonly #budget = new FrameBudget();
  readonly #hooks: EngineHooks;
  #timestamp = 0;
  #frames = 0;
  #hasMask = false;
  #gaveUp = false;
  settings: EffectSettings;

  private constructor(segmenter: ImageSegmenter, settings: EffectSettings, hooks: EngineHooks) {
    this.#segmenter = segmenter;
    this.settings = settings;
    this.#hooks = hooks;
    const ctx = this.#input.getContext('2d', { willReadFrequently: false });
    if (!ctx) throw new Error('no 2d context');
    this.#inputCtx = ctx;
  }

  /** Loads the WASM and model, then processes test frames: rejects when it cannot run well here. */
  static async create(base: string, settings: EffectSettings, hooks: EngineHooks, onProgress: (f: number) => void): Promise<BackgroundEngine> {
    const engine = new BackgroundEngine(await loadSegmenter(base, onProgress), settings, hooks);
    const test = new OffscreenCanvas(640, 360);
    const ctx = test.getContext('2d');
    if (ctx) ctx.fillRect(0, 0, 640, 360);
    let last = Infinity;
    for (let i = 0; i < 3; i++) last = engine.process(test, 640, 360).totalMs;
    engine.#hasMask = false;
    engine.#mask.fill(0);
    if (last > TOO_SLOW_MS) throw Object.assign(new Error(`a test frame took ${Math.round(last)} ms`), { reason: 'too-slow' });
    return engine;
  }

  /** Segments (or reuses the last mask) and composites one frame; returns the canvas and the times. */
  process(source: CanvasImageSource, width: number, height: number): { canvas: OffscreenCanvas } & FrameTimes {
    const t0 = performance.now();
    if (!this.#hasMask || this.#budget.segmentsFrame(this.#frames)) this.#segment(source);
    this.#frames++;
    const t1 = performance.now();
    const scale = this.#budget.scale;
    const canvas = this.#compositor.draw(source, Math.round(width * scale), Math.round(height * scale), this.settings);
    const t2 = performance.now();
    return { canvas, segmentMs: t1 - t0, compositeMs: t2 - t1, totalMs: t2 - t0 };
  }

  #segment(source: CanvasImageSource) {
    this.#inputCtx.drawImage(source, 0, 0, SEG_W, SEG_H);
    this.#timestamp = Math.max(this.#timestamp + 1, performance.now());
    const result = this.#segmenter.segmentForVideo(this.#input, this.#timestamp);
    const mask = result.confidenceMasks?.[0];
    if (mask) {
      const values = mask.getAsFloat32Array();
      if (this.#hasMask) smoothMask(this.#mask, values, 0.65);
      else this.#mask.set(values);
      this.#hasMask = true;
      maskToAlpha(this.#mask, this.#compositor.maskPixels);
      this.#compositor.commitMask();
    }
    result.close();
  }

  /** Pumps one camera's frames through the effect until the input ends or the output is closed. */
  async run(readable: ReadableStream<VideoFrame>, writable: WritableStream<VideoFrame>, first: () => void): Promise<void> {
    const reader = readable.getReader();
    const writer = writable.getWriter();
    let sent = false;
    try {
      for (;;) {
        const { value: frame, done } = await reader.read();
        if (done) break;
        let out: VideoFrame;
        try {
          const { canvas, ...times } = this.process(frame, frame.displayWidth, frame.displayHeight);
          out = new VideoFrame(canvas, { timestamp: frame.timestamp, alpha: 'discard' });
          this.#watch(times);
        } finally {
          frame.close();
        }
        await writer.write(out);
        if (!sent) {
          sent = true;
          first();
        }
        if (this.#gaveUp) break;
      }
    } catch {
      // The output track was stopped (camera off, switch): this pipeline is over.
    } finally {
      void reader.cancel().catch(() => undefined);
      void writer.close().catch(() => undefined);
    }
  }

  #watch(times: FrameTimes) {
    const verdict = this.#budget.record(times.totalMs);
    this.#hooks.stats(times, this.#budget.level);
    if (verdict === 'overloaded' && !this.#gaveUp) {
      this.#gaveUp = true;
      this.#hooks.overloaded();
    }
  }

  close(): void {
    this.#segmenter.close();
  }
}
