#!/usr/bin/env node
// What a token request costs the Confab server: POST /api/token with a signed invite (verify it,
// spend nothing, mint a LiveKit token and a rejoin ticket), and with a single-use invite (the same,
// plus remembering its jti), under a bounded local load: a fixed number of requests from a fixed
// number of concurrent clients on this machine. Prints JSON: p50/p99 latency and throughput.
// Run `npm run build` first (it uses server/dist, as `npx confab-server` does).
import { pct } from './pages.mjs';

const { startServer, signInvite } = await import('../server/dist/index.js');
const INVITE_SECRET = 'bench-invite-secret-that-is-long-enough-0123';
const REQUESTS = 2000;
const CONCURRENCY = 16;

const server = await startServer({
  logger: false,
  env: {
    NODE_ENV: 'production',
    PORT: '8205',
    HOST: '127.0.0.1',
    LIVEKIT_URL: 'wss://livekit.example.com',
    LIVEKIT_API_KEY: 'APIbench',
    LIVEKIT_API_SECRET: 'bench-livekit-secret-that-is-long-enough-0123',
    CONFAB_POLICY: 'invite',
    CONFAB_INVITE_SECRET: INVITE_SECRET,
    CONFAB_PUBLIC_URL: 'http://127.0.0.1:8205',
    CONFAB_ALLOWED_HOSTS: '127.0.0.1:*',
    CONFAB_RATE_LIMIT: '100000',
    CONFAB_ROOM_RATE_LIMIT: '100000',
    CONFAB_STATIC_DIR: new URL('../dist', import.meta.url).pathname,
  },
});

async function load(label, invite) {
  const times = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const body = JSON.stringify({ invite: await invite(), name: 'Bench' });
        const t0 = performance.now();
        const response = await fetch(`${server.url}/api/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        times.push(performance.now() - t0);
        if (response.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`[bench] ${label}: ${times.length} requests, ${failures} failed\n`);
  return {
    requests: times.length,
    failures,
    p50Ms: pct(times, 0.5),
    p99Ms: pct(times, 0.99),
    perSecond: Math.round(times.length / seconds),
  };
}

try {
  const shared = await signInvite(INVITE_SECRET, { room: 'bench', role: 'guest', ttlSeconds: 3600 });
  // Warm-up (JIT, sockets), not measured.
  await load('warm-up', async () => shared);
  const invite = await load('invite', async () => shared);
  const singleUse = await load('single-use invite', () =>
    signInvite(INVITE_SECRET, { room: 'bench', role: 'guest', ttlSeconds: 3600, singleUse: true }),
  );
  process.stdout.write(`${JSON.stringify({ concurrency: CONCURRENCY, tokenRequest: { invite, singleUse } }, null, 2)}\n`);
} finally {
  await server.close();
}
