// The built widget, served properly: hashed chunks immutable for a year, entry scripts, embed.html
// and the config revalidated; brotli and gzip precompressed at build time; module scripts readable
// from any origin (CORS), as from a CDN; embed.html with a strict CSP whose frame-ancestors are the
// allowed parent origins; no directory listing, no dotfiles, no path or symlink escape.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { realpathSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { ServerConfig } from './config.js';
import { frameAncestors } from './origins.js';

/** Content hashes in a file name: safe to cache for a year. */
const HASHED = /^\/(chunks|assets)\/.+-[A-Za-z0-9_-]{8,}\.(js|css|map)$/;

/** The CSP of Confab's own pages, as embed.md documents it for host pages: no inline code, no third party. */
export function pageCsp(config: ServerConfig): string {
  const livekit = new URL(config.livekitUrl);
  const http = `${livekit.protocol === 'wss:' ? 'https:' : 'http:'}//${livekit.host}`;
  // In development the tests start LiveKit on other ports too.
  const connect =
    config.environment === 'production'
      ? `${livekit.origin.replace(/^http/, 'ws')} ${http}`
      : 'ws: wss: http://127.0.0.1:* http://localhost:*';
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src 'self' ${connect}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors(config.allowedOrigins)}`,
  ].join('; ');
}

export async function serveWidget(app: FastifyInstance, options: { config: ServerConfig; dir: string }): Promise<void> {
  const root = realpathSync(options.dir);
  const csp = pageCsp(options.config);
  const production = options.config.environment === 'production';
  // `/` is the snippet builder; the demo moved beside it, and old links to a room (`/?room=`) follow it.
  app.addHook('onRequest', async (request, reply) => {
    const query = request.url.indexOf('?');
    if (query < 0 || request.url.slice(0, query) !== '/') return;
    if (new URLSearchParams(request.url.slice(query)).has('room')) return reply.redirect(`/demo.html${request.url.slice(query)}`, 302);
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    list: false,
    // A dotfile is not there, as far as anyone asking can tell.
    dotfiles: 'ignore',
    preCompressed: true,
    cacheControl: false,
    // A link inside the folder must not lead out of it (a planted link to /etc/passwd stays unserved).
    allowedPath: (pathName) => {
      try {
        const real = realpathSync(normalize(join(root, decodeURIComponent(pathName))));
        return real === root || real.startsWith(root + sep);
      } catch {
        return true;
      }
    },
    setHeaders: (res, path) => {
      // The file served may be the precompressed sibling: its headers are the original's.
      const url = `/${path
        .slice(root.length + 1)
        .split(sep)
        .join('/')}`.replace(/\.(br|gz)$/, '');
      res.setHeader('x-content-type-options', 'nosniff');
      if (url.endsWith('.html')) {
        res.setHeader('cache-control', 'no-cache');
        res.setHeader('content-security-policy', csp);
        res.setHeader('referrer-policy', 'no-referrer');
        res.setHeader('cross-origin-opener-policy', 'same-origin');
        if (production) res.setHeader('strict-transport-security', 'max-age=31536000');
        return;
      }
      // The bundle and its assets load cross-origin as module scripts, exactly as from a CDN.
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('cross-origin-resource-policy', 'cross-origin');
      res.setHeader('cache-control', HASHED.test(url) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).type('application/json').send({ error: 'not-found' }));
}
