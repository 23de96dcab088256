// The npm package's effects worker. The build replaces the call below with
// `new Worker(new URL("<path to effects-worker.js>", import.meta.url), { name: "confab-effects" })`
// after bundling (vite.config.ts, lib mode): written here, Vite would try to bundle the worker itself
// and emit a root-absolute URL a consumer's bundler never serves.
declare const __CONFAB_EFFECTS_WORKER__: () => Worker;

export function createEffectsWorker(): Worker {
  return __CONFAB_EFFECTS_WORKER__();
}
