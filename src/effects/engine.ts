// The effect itself, the same code in the worker and in the main-thread fallback: reads camera
// frames, segments a small copy, smooths and feathers the mask, composites, writes the new frame.
// It only ever writes composited frames: a raw frame has no path to the output.
import type { ImageSegmenter } from '@mediapipe/tasks-vision';
import { FrameBudget } from './budget.js';
import { Compositor, type FrameCompositor } from './compositor.js';
import { GlCompositor } from './gl-compositor.js';
import { loadSegmenter } from './loader.js';
import { maskToAlpha, smoothMask } from './mask.js';
import type { CompositorChoice, EffectSettings, FrameTimes } from './protocol.js';

/** Segmentation input: the landscape model's own size (256×144), far below the published video. */
const SEG_W = 256;
const SEG_H = 144;
/** Where a test frame means the device is too slow to try (ms, after warm-up). */
const TOO_SLOW_MS = 250;

/**
 * Which compositor runs: the one asked for, else the faster on the test frames (WebGL where the GPU
 * is real; a software WebGL may lose to Canvas2D, and then Canvas2D it is). Pure: unit-tested.
 */
export function chooseCompositor(asked: CompositorChoice, canvasMs: number, webglMs: number | null): 'canvas' | 'webgl' {
  if (webglMs === null) return 'canvas';
  if (asked !== 'auto') return asked;
  return webglMs <= canvasMs ? 'webgl' : 'canvas';
}

export interface EngineHooks {
  stats(times: FrameTimes, level: number): void;
  overloaded(): void;
}

export class BackgroundEngine {
  readonly #segmenter: ImageSegmenter;
  readonly #input = new OffscreenCanvas(SEG_W, SEG_H);
  readonly #inputCtx: OffscreenCanvasRenderingContext2D;
  #compositor: FrameCompositor;
  /** 'webgl' or 'canvas': what composites (chosen at create). */
  compositor: 'canvas' | 'webgl' = 'canvas';
  readonly #mask = new Float32Array(SEG_W * SEG_H);
  readonly #budget = new FrameBudget();
  readonly #hooks: EngineHooks;
  #timestamp = 0;
  #frames = 0;
  #hasMask = false;
  #gaveUp = false;
  settings: EffectSettings;

  private constructor(segmenter: ImageSegmenter, settings: EffectSettings, hooks: EngineHooks) {
    this.#compositor = new Compositor(SEG_W, SEG_H);
    this.#segmenter = segmenter;
    this.settings = settings;
    this.#hooks = hooks;
    const ctx = this.#input.getContext('2d', { willReadFrequently: false });
    if (!ctx) throw new Error('no 2d context');
    this.#inputCtx = ctx;
  }

  /** Loads the WASM and model, then processes test frames: rejects when it cannot run well here. */
  static async create(
    base: string,
    settings: EffectSettings,
    hooks: EngineHooks,
    onProgress: (f: number) => void,
    asked: CompositorChoice = 'auto',
  ): Promise<BackgroundEngine> {
    const engine = new BackgroundEngine(await loadSegmenter(base, onProgress), settings, hooks);
    const test = new OffscreenCanvas(640, 360);
    const ctx = test.getContext('2d');
    if (ctx) ctx.fillRect(0, 0, 640, 360);
    // Three warm-up frames per compositor; the last one's time counts (a frame made from the canvas
    // included, so the GPU's work is waited for).
    const trial = () => {
      let last = { totalMs: Infinity, compositeMs: Infinity };
      for (let i = 0; i < 3; i++) {
        const { canvas, totalMs, compositeMs } = engine.process(test, 640, 360);
        const t = performance.now();
        new VideoFrame(canvas, { timestamp: i }).close();
        const readback = performance.now() - t;
        last = { totalMs: totalMs + readback, compositeMs: compositeMs + readback };
      }
      return last;
    };
    const canvas = trial();
    let webgl: ReturnType<typeof trial> | null = null;
    let gl: GlCompositor | null = null;
    if (asked !== 'canvas') {
      try {
        gl = new GlCompositor(SEG_W, SEG_H);
        engine.#compositor = gl;
        webgl = trial();
      } catch {
        gl = null;
      }
    }
    engine.compositor = chooseCompositor(asked, canvas.compositeMs, webgl?.compositeMs ?? null);
    engine.#compositor = engine.compositor === 'webgl' && gl ? gl : new Compositor(SEG_W, SEG_H);
    engine.#hasMask = false;
    engine.#mask.fill(0);
    const last = engine.compositor === 'webgl' && webgl ? webgl.totalMs : canvas.totalMs;
    if (last > TOO_SLOW_MS) throw Object.assign(new Error(`a test frame took ${Math.round(last)} ms`), { reason: 'too-slow' });
    return engine;
  }

  /** Segments (or reuses the last mask) and composites one frame; returns the canvas and the times. */
  process(source: VideoFrame | OffscreenCanvas, width: number, height: number): { canvas: OffscreenCanvas } & FrameTimes {
    const t0 = performance.now();
    if (!this.#hasMask || this.#budget.segmentsFrame(this.#frames)) this.#segment(source);
    this.#frames++;
    const t1 = performance.now();
    const scale = this.#budget.scale;
    const size = [Math.round(width * scale), Math.round(height * scale)] as const;
    let canvas: OffscreenCanvas;
    try {
      canvas = this.#compositor.draw(source, ...size, this.settings);
    } catch (error) {
      // The GPU went away (context lost): Canvas2D from now on, with the current mask.
      if (this.compositor !== 'webgl') throw error;
      this.compositor = 'canvas';
      this.#compositor = new Compositor(SEG_W, SEG_H);
      maskToAlpha(this.#mask, this.#compositor.maskPixels);
      this.#compositor.commitMask();
      canvas = this.#compositor.draw(source, ...size, this.settings);
    }
    const t2 = performance.now();
    return { canvas, segmentMs: t1 - t0, compositeMs: t2 - t1, totalMs: t2 - t0 };
  }

  #segment(source: VideoFrame | OffscreenCanvas) {
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
      // Either end may already be closed by the camera's own stop: nothing is left to release.
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
