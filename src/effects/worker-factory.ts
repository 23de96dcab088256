// The effects worker: a classic worker (tasks-vision loads its WASM glue with importScripts), built by
// Vite as a file of its own (`?worker&url`) and started from confab.js's origin even when the page is
// another's (src/core/workers.ts). The npm package swaps this module for worker-factory.lib.ts
// (vite.config.ts), whose worker a consumer's bundler emits from `new Worker(new URL(…), import.meta.url)`.
import workerUrl from './worker.ts?worker&url';
import { startWorker } from '../core/workers.js';

export function createEffectsWorker(): Worker {
  return startWorker(new URL(workerUrl, import.meta.url), 'confab-effects');
}
