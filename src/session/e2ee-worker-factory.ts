// The encryption worker, written in the pattern every bundler understands (as the effects worker,
// src/effects/worker-factory.ts); the npm package swaps this module for e2ee-worker-factory.lib.ts.
export function createE2EEWorker(): Worker {
  return new Worker(new URL('./e2ee-worker.ts', import.meta.url), { type: 'classic', name: 'confab-e2ee' });
}
