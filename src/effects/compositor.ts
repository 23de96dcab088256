// Canvas2D compositing, the CPU path (this is what runs where WebGL is software, e.g. --disable-gpu):
// the background is blurred at a quarter of the size (blur cost falls with the square of the scale,
// and upscaling adds to the blur), the person is the sharp frame cut by the upscaled, feathered mask.
// Three drawImage calls per frame at output size; the mask itself is a few thousand pixels.
import type { EffectSettings } from './protocol.js';

type Ctx = OffscreenCanvasRenderingContext2D;

/** What the engine needs of a compositor (this Canvas2D one, or gl-compositor.ts). */
export interface FrameCompositor {
  /** The RGBA buffer whose alpha the next mask is written into. */
  readonly maskPixels: Uint8ClampedArray;
  commitMask(): void;
  /** Draws the composited frame and returns the canvas it is on (valid until the next call). */
  draw(frame: VideoFrame | OffscreenCanvas, width: number, height: number, settings: EffectSettings): OffscreenCanvas;
}

function context(canvas: OffscreenCanvas): Ctx {
  const ctx = canvas.getContext('2d', { alpha: true, desynchronized: true, willReadFrequently: false });
  if (!ctx) throw new Error('no 2d context');
  return ctx;
}

function fit(canvas: OffscreenCanvas, width: number, height: number) {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

export class Compositor implements FrameCompositor {
  readonly #out = new OffscreenCanvas(2, 2);
  readonly #small = new OffscreenCanvas(2, 2);
  readonly #mask: OffscreenCanvas;
  readonly #outCtx = context(this.#out);
  readonly #smallCtx = context(this.#small);
  readonly #maskCtx: Ctx;
  readonly #maskPixels: ImageData;

  constructor(maskWidth: number, maskHeight: number) {
    this.#mask = new OffscreenCanvas(maskWidth, maskHeight);
    this.#maskCtx = context(this.#mask);
    this.#maskPixels = new ImageData(maskWidth, maskHeight);
  }

  /** The RGBA buffer whose alpha the next mask is written into. */
  get maskPixels(): Uint8ClampedArray {
    return this.#maskPixels.data;
  }

  commitMask(): void {
    this.#maskCtx.putImageData(this.#maskPixels, 0, 0);
  }

  /** Draws the composited frame and returns the canvas it is on (valid until the next call). */
  draw(frame: VideoFrame | OffscreenCanvas, width: number, height: number, settings: EffectSettings): OffscreenCanvas {
    fit(this.#out, width, height);
    const ctx = this.#outCtx;
    ctx.globalCompositeOperation = 'copy';
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(frame, 0, 0, width, height);
    // Keep the person: the mask's alpha, upscaled with bilinear smoothing (soft edges).
    ctx.globalCompositeOperation = 'destination-in';
    ctx.drawImage(this.#mask, 0, 0, width, height);
    ctx.globalCompositeOperation = 'destination-over';
    if (settings.mode === 'image' && settings.image) {
      const { image } = settings;
      const scale = Math.max(width / image.width, height / image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      ctx.drawImage(image, (width - w) / 2, (height - h) / 2, w, h);
    } else {
      const sw = Math.max(1, Math.round(width / 4));
      const sh = Math.max(1, Math.round(height / 4));
      fit(this.#small, sw, sh);
      const small = this.#smallCtx;
      // Radius in the small canvas's pixels; ×4 once drawn back.
      const radius = 1 + Math.round(Math.max(0, Math.min(1, settings.strength)) * 5);
      small.globalCompositeOperation = 'copy';
      small.filter = `blur(${radius}px)`;
      small.drawImage(frame, 0, 0, sw, sh);
      small.filter = 'none';
      ctx.drawImage(this.#small, 0, 0, width, height);
    }
    ctx.globalCompositeOperation = 'source-over';
    return this.#out;
  }
}
