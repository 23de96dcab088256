// Workers started from confab.js wherever it is served. A page may not start a worker from another
// origin's script, and confab.js is usually on Confab's origin while the page is the site's: there, a
// worker of the page's own origin (a blob: URL, `worker-src blob:`) loads Confab's script with
// importScripts (which any origin may do, under the page's `script-src`). Same origin: the file itself.

/** How long the blob: URL lives: the worker has long fetched its script by then. */
const BLOB_LIFETIME_MS = 60_000;

export function startWorker(url: URL, name: string): Worker {
  if (url.origin === globalThis.location?.origin) return new Worker(url, { type: 'classic', name });
  const loader = URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(url.href)});`], { type: 'text/javascript' }));
  setTimeout(() => URL.revokeObjectURL(loader), BLOB_LIFETIME_MS);
  return new Worker(loader, { type: 'classic', name });
}
