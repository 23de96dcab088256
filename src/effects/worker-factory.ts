// The effects worker: a classic worker (tasks-vision loads its WASM glue with importScripts), written
// in the one pattern every bundler understands, `new Worker(new URL('./x', import.meta.url))`. The
// npm package swaps this module for worker-factory.lib.ts (vite.config.ts), whose worker is a
// self-contained file of the package that a consumer's bundler emits from the same pattern.
export function createEffectsWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'classic', name: 'confab-effects' });
}
