// What the page and the effects worker say to each other (also used by the main-thread fallback).

import type { BackgroundMode, Unavailable } from '../core/types.js';

export type { BackgroundMode, Unavailable };

export interface EffectSettings {
  mode: BackgroundMode;
  /** Blur strength 0..1 (the blur radius grows with it). */
  strength: number;
  /** The virtual background, decoded on the page (mode `image`). */
  image: ImageBitmap | null;
}

/** Which compositor: 'auto' (the faster on the test frames) unless a user forces one (embed.md §6c). */
export type CompositorChoice = 'auto' | 'webgl' | 'canvas';

export interface FrameTimes {
  segmentMs: number;
  compositeMs: number;
  totalMs: number;
}

export type ToWorker =
  | { type: 'init'; base: string; settings: EffectSettings; compositor: CompositorChoice }
  | { type: 'settings'; settings: EffectSettings }
  | { type: 'run'; id: number; readable: ReadableStream<VideoFrame>; writable: WritableStream<VideoFrame> };

export type FromWorker =
  | { type: 'progress'; value: number }
  | { type: 'ready'; compositor: 'canvas' | 'webgl' }
  | { type: 'failed'; reason: Unavailable; message: string }
  | { type: 'first-frame'; id: number }
  | { type: 'stats'; times: FrameTimes; level: number }
  | { type: 'overloaded' };
