// The effects worker: the segmenter and the compositing run here, off the page's main thread, fed by
// the camera's frames through transferred streams. Built as a classic worker (tasks-vision loads its
// WASM glue with importScripts).
import { BackgroundEngine } from './engine.js';
import type { FromWorker, ToWorker } from './protocol.js';

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };
const post = (message: FromWorker) => scope.postMessage(message);
let engine: Promise<BackgroundEngine> | null = null;

scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'init':
      engine = BackgroundEngine.create(
        data.base,
        data.settings,
        { stats: (times, level) => post({ type: 'stats', times, level }), overloaded: () => post({ type: 'overloaded' }) },
        (value) => post({ type: 'progress', value }),
        data.compositor,
      );
      engine.then(
        (e) => post({ type: 'ready', compositor: e.compositor }),
        (error: unknown) =>
          post({ type: 'failed', reason: (error as { reason?: 'too-slow' }).reason ?? 'load-failed', message: String(error) }),
      );
      break;
    case 'settings':
      void engine?.then((e) => (e.settings = data.settings));
      break;
    case 'run': {
      const { id, readable, writable } = data;
      void engine?.then((e) => e.run(readable, writable, () => post({ type: 'first-frame', id })));
      break;
    }
  }
};
