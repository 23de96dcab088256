// The support check before anything loads: can WebAssembly be compiled under this page's policy, and
// does the browser have the frame APIs? (The test frame at first use is the engine's own check.)
import type { Unavailable } from './protocol.js';

/** The smallest valid module: the magic number and version. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

export function checkSupport(): Unavailable | null {
  if (typeof WebAssembly !== 'object') return 'no-wasm';
  try {
    new WebAssembly.Module(EMPTY_MODULE);
  } catch {
    // A CSP without 'wasm-unsafe-eval' refuses every compile: the host said no to WASM on its page,
    // and our worker would otherwise be a way around that.
    return 'csp';
  }
  const g = globalThis as Record<string, unknown>;
  if (!g.MediaStreamTrackProcessor || !g.MediaStreamTrackGenerator || !g.OffscreenCanvas || !g.VideoFrame) return 'browser';
  return null;
}
