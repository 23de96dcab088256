// The encryption worker, built by Vite as a file of its own (`?worker&url`) and started from
// confab.js's origin even when the page is another's (src/core/workers.ts), as the effects worker is;
// the npm package swaps this module for e2ee-worker-factory.lib.ts.
import workerUrl from './e2ee-worker.ts?worker&url';
import { startWorker } from '../core/workers.js';

export function createE2EEWorker(): Worker {
  return startWorker(new URL(workerUrl, import.meta.url), 'confab-e2ee');
}
