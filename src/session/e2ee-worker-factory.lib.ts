// The npm package's encryption worker: the build writes the call below out as
// `new Worker(new URL("<path to e2ee-worker.js>", import.meta.url), { name: "confab-e2ee" })` (vite.config.ts).
declare const __CONFAB_E2EE_WORKER__: () => Worker;

export function createE2EEWorker(): Worker {
  return __CONFAB_E2EE_WORKER__();
}
