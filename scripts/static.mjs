#!/usr/bin/env node
// A plain static server for what is not the product: the E2E suite's host pages on other origins, the
// Storybook build, the benches' pages. The widget itself is served by the Confab server (server/).
//   node scripts/static.mjs --port 8191 --dist tests/e2e/fixtures
import { createServer } from 'node:http';
import { realpathSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.tflite': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.y4m': 'application/octet-stream',
};

/**
 * @param {{ distDir: string }} options
 */
export function createStaticServer(options) {
  const distDir = resolve(root, options.distDir);
  const json = (res, status, body, extra = {}) => {
    res.writeHead(status, { 'content-type': TYPES['.json'], 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
    res.end(JSON.stringify(body));
  };

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method-not-allowed' }, { allow: 'GET, HEAD' });
      let path;
      try {
        path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      } catch {
        return json(res, 400, { error: 'bad-path' });
      }
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f]/.test(path)) return json(res, 400, { error: 'bad-path' });
      const file = normalize(join(distDir, path));
      if (!file.startsWith(distDir + sep)) return json(res, 404, { error: 'not-found' });
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) return json(res, 404, { error: 'not-found' });
      // A link inside the folder must not lead out of it (a planted link to /etc/passwd stays unserved).
      // The folder is resolved per request: it may not exist yet when the server starts.
      const real = realpathSync(file);
      if (!real.startsWith(realpathSync(distDir) + sep)) return json(res, 404, { error: 'not-found' });
      // Opened before the 200 goes out, so an unreadable file is a 500, not a crashed server.
      const handle = await open(real, 'r');
      const { size } = await handle.stat();
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'content-length': size, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
      // The pages load the widget cross-origin as module scripts, as from a CDN.
      if (!type.startsWith('text/html')) headers['access-control-allow-origin'] = '*';
      res.writeHead(200, headers);
      if (req.method === 'HEAD') {
        await handle.close();
        return res.end();
      }
      // A read that fails midway, or a client that goes away, ends this response and closes the
      // file — nothing more (a bare pipe() would crash the server on a read error).
      pipeline(handle.createReadStream(), res, () => {});
    } catch (err) {
      // The cause goes to the log, never to the client (it can hold file-system paths).
      process.stderr.write(`[static] ${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}\n`);
      if (!res.headersSent) json(res, 500, { error: 'internal' });
      else res.destroy();
    }
  });
}

/** Listens and resolves with the bound server. */
export function listen(server, port, host = '127.0.0.1') {
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(port, host, () => res(server));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const port = Number(arg('--port', process.env.PORT ?? 8080));
  const server = createStaticServer({ distDir: arg('--dist', 'dist') });
  await listen(server, port);
  process.stderr.write(`[static] http://127.0.0.1:${port}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`[static] ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
