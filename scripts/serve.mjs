#!/usr/bin/env node
// The app server of `npm start` and the E2E tests: the built widget, the demo, the token endpoint.
//   node scripts/serve.mjs [--port 8080] [--livekit ws://127.0.0.1:7880] [--dist dist] [--no-csp]
import { createServer } from 'node:http';
import { realpathSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleTokenRequest } from './lib/token.mjs';
import { DEV_KEY, DEV_SECRET } from './livekit.mjs';

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

/** An http origin on this machine: who the dev token endpoint answers across origins. */
export const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

/** Loopback origins of any port: what the dev deployment lets embed the iframe. */
export const DEV_PARENT_ORIGINS = ['http://127.0.0.1:*', 'http://localhost:*'];

/**
 * The policy Confab's pages are served with, and the one embed.md tells host pages they can use:
 * the widget needs no inline script or style, no eval and no third-party origin.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' ws: wss: http://127.0.0.1:* http://localhost:*",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * @param {{ port?: number, host?: string, livekitUrl?: string, distDir?: string, apiKey?: string, apiSecret?: string, csp?: boolean }} options
 */
export function createAppServer(options = {}) {
  const distDir = resolve(options.distDir ?? join(root, 'dist'));
  const deployment = {
    serverUrl: options.livekitUrl ?? 'ws://127.0.0.1:7880',
    apiKey: options.apiKey ?? process.env.LIVEKIT_API_KEY ?? DEV_KEY,
    apiSecret: options.apiSecret ?? process.env.LIVEKIT_API_SECRET ?? DEV_SECRET,
  };

  const json = (res, status, body, extra = {}) => {
    res.writeHead(status, { 'content-type': TYPES['.json'], 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
    res.end(JSON.stringify(body));
  };

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method-not-allowed' }, { allow: 'GET, HEAD' });
      if (url.pathname === '/api/token') {
        const { status, body } = await handleTokenRequest(deployment, url.searchParams);
        // Dev only: pages on loopback origins (the demo, host pages on other ports) may get a token;
        // any other origin gets no CORS grant. A production endpoint decides who may, with auth.
        const origin = req.headers.origin;
        const cors = typeof origin === 'string' && LOOPBACK_ORIGIN.test(origin) ? { 'access-control-allow-origin': origin } : {};
        return json(res, status, body, { ...cors, vary: 'Origin' });
      }
      if (url.pathname === '/confab.config.json') {
        return json(
          res,
          200,
          { tokenEndpoint: '/api/token', serverUrls: [deployment.serverUrl], allowedParentOrigins: DEV_PARENT_ORIGINS },
          { 'access-control-allow-origin': '*' },
        );
      }
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
      // The bundle and its assets load cross-origin as module scripts, exactly as from a CDN.
      if (!type.startsWith('text/html')) headers['access-control-allow-origin'] = '*';
      else if (options.csp !== false) {
        // Only the deployment's allowed parents may frame our pages: enforced by the browser too.
        headers['content-security-policy'] = `${PAGE_CSP}; frame-ancestors 'self' ${DEV_PARENT_ORIGINS.join(' ')}`;
        headers['referrer-policy'] = 'no-referrer';
      }
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
      process.stderr.write(`[serve] ${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}\n`);
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
  const server = createAppServer({
    livekitUrl: arg('--livekit', undefined),
    distDir: arg('--dist', undefined),
    csp: !args.includes('--no-csp'),
  });
  await listen(server, port);
  process.stderr.write(`[serve] http://127.0.0.1:${port}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`[serve] ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
