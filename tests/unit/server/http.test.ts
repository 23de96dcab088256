// The Confab server as an attacker and a browser would probe it: hostile paths, links out of the
// served folder, methods, Host headers, cross-origin requests, caching, the CSP, rate limits, the
// token endpoint under each policy, webhooks. A real server on a free port, requests written raw.
import { AccessToken } from 'livekit-server-sdk';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp, limitsOf } from '../../../server/app.js';
import { signInvite } from '../../../server/invites.js';
import { memoryState } from '../../../server/state.js';
import { INVITE, SECRET, testConfig } from './setup.js';

function widget(): string {
  const dist = mkdtempSync(join(tmpdir(), 'confab-widget-'));
  mkdirSync(join(dist, 'chunks'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(dist, 'embed.html'), '<!doctype html><title>embed</title>');
  writeFileSync(join(dist, 'confab.js'), 'export {};');
  writeFileSync(join(dist, 'chunks', 'shell-AbCdEf12.js'), 'export const big = "x".repeat(1000);');
  writeFileSync(join(dist, 'chunks', 'shell-AbCdEf12.js.gz'), gzipSync('export const big = "x".repeat(1000);'));
  writeFileSync(join(dist, '.env'), 'SECRET=1');
  const outside = mkdtempSync(join(tmpdir(), 'confab-secret-'));
  writeFileSync(join(outside, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(outside, 'secret.txt'), join(dist, 'planted.txt'));
  symlinkSync('/etc/passwd', join(dist, 'chunks', 'passwd.js'));
  symlinkSync(outside, join(dist, 'linked'));
  symlinkSync(join(dist, 'confab.js'), join(dist, 'alias.js'));
  return dist;
}

async function serve(env: Record<string, string>) {
  const config = testConfig(env);
  const { app } = await buildApp({ config, state: memoryState(limitsOf(config)), staticDir: widget(), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  /** A raw request: the path goes out exactly as written (fetch would normalise it). */
  const ask = (path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: 'meet.example', ...options.headers } },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString('latin1')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  return { app, ask, config };
}

describe('the server in production (invite policy)', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve({ CONFAB_ALLOWED_ORIGINS: 'https://app.example,https://intranet.example:*', CONFAB_RATE_LIMIT: '30' });
  });
  afterAll(() => s.app.close());

  test('links inside the served folder never lead out of it; dotfiles and traversal are not served', async () => {
    for (const path of [
      '/planted.txt',
      '/chunks/passwd.js',
      '/linked/secret.txt',
      '/.env',
      '/../package.json',
      '/%2e%2e/package.json',
      '/chunks/..%2f..%2fetc/passwd',
    ]) {
      const res = await s.ask(path);
      // Not found, or (a traversal attempt) forbidden: never the file.
      expect([403, 404], path).toContain(res.status);
      expect(res.body, path).not.toMatch(/TOP SECRET|root:|SECRET=1/);
    }
    expect((await s.ask('/alias.js')).body).toBe('export {};');
  });

  test('a request for another host name is refused (DNS rebinding cannot reach the API)', async () => {
    expect((await s.ask('/healthz', { headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await s.ask('/healthz', { headers: { host: 'meet.example.evil.example' } })).status).toBe(421);
    expect((await s.ask('/healthz')).status).toBe(200);
  });

  test('embed.html: a strict CSP whose frame-ancestors are exactly the allowed parent origins', async () => {
    const res = await s.ask('/embed.html');
    const csp = String(res.headers['content-security-policy']);
    const ancestors = /(?:^|;\s*)frame-ancestors ([^;]+)/.exec(csp)?.[1]?.trim().split(/\s+/);
    expect(ancestors).toEqual(["'self'", 'https://app.example', 'https://intranet.example:*']);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("connect-src 'self' wss://livekit.example https://livekit.example");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  test('hashed chunks are immutable for a year and precompressed; entry scripts revalidate; both load from any origin', async () => {
    const chunk = await s.ask('/chunks/shell-AbCdEf12.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['content-encoding']).toBe('gzip');
    expect(chunk.headers['access-control-allow-origin']).toBe('*');
    expect(chunk.headers['content-type']).toMatch(/javascript/);
    const entry = await s.ask('/confab.js');
    expect(entry.headers['cache-control']).toBe('no-cache');
    expect(entry.headers['x-content-type-options']).toBe('nosniff');
  });

  test('the token endpoint: no invite, a forged, expired, wrong-room or reused one are refused, each with its reason', async () => {
    const post = (body: object) =>
      s.ask('/api/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(JSON.parse((await post({ name: 'Ada' })).body)).toMatchObject({ error: 'invite-required' });
    const forged = await signInvite('f'.repeat(40), { room: 'standup', role: 'host', ttlSeconds: 60 });
    expect(await post({ invite: forged, name: 'Ada' })).toMatchObject({ status: 401 });
    const expired = await signInvite(INVITE, { room: 'standup', role: 'guest', ttlSeconds: -5 });
    expect(JSON.parse((await post({ invite: expired, name: 'Ada' })).body)).toMatchObject({ error: 'invite-expired' });
    const good = await signInvite(INVITE, { room: 'standup', role: 'guest', ttlSeconds: 60, singleUse: true });
    expect(JSON.parse((await post({ invite: good, room: 'board', name: 'Ada' })).body)).toMatchObject({ error: 'wrong-room' });
    const first = await post({ invite: good, name: 'Ada' });
    expect(first.status).toBe(200);
    const answer = JSON.parse(first.body) as { token: string; serverUrl: string; role: string; rejoin: string };
    expect(answer).toMatchObject({ serverUrl: 'wss://livekit.example', role: 'guest' });
    expect(first.headers['cache-control']).toBe('no-store');
    expect(JSON.parse((await post({ invite: good, name: 'Ada' })).body)).toMatchObject({ error: 'invite-used' });
    // The rejoin ticket brings the same person back (a network loss) without spending the invite again.
    expect(JSON.parse((await post({ rejoin: answer.rejoin })).body)).toMatchObject({ role: 'guest' });
    // A GET (the open policy's, a bare room link) is not how a production server hands out tokens: it says what is missing.
    const bare = await s.ask('/api/token?room=standup&name=Ada');
    expect(bare.status).toBe(401);
    expect(JSON.parse(bare.body)).toMatchObject({ error: 'invite-required' });
  });

  test('CORS: only the allowed parent origins may call the API; the bundle is for everyone', async () => {
    const from = (origin: string) =>
      s.ask('/api/token', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect((await from('https://app.example')).headers['access-control-allow-origin']).toBe('https://app.example');
    expect((await from('https://intranet.example:8443')).headers['access-control-allow-origin']).toBe('https://intranet.example:8443');
    for (const origin of ['https://evil.example', 'https://app.example.evil.example', 'null'])
      expect((await from(origin)).headers['access-control-allow-origin'], origin).toBeUndefined();
  });

  test('a body over 16 KiB is refused; metrics only from loopback without a token', async () => {
    const big = await s.ask('/api/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: 'x'.repeat(20_000) }),
    });
    expect(big.status).toBe(413);
    const metrics = await s.ask('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('confab_tokens_minted_total{role="guest"}');
    expect(metrics.body).toMatch(/confab_refusals_total\{reason="invite-used"\} 1/);
  });

  test('LiveKit webhooks are accepted signed, refused forged', async () => {
    const body = JSON.stringify({ event: 'room_finished', room: { name: 'standup' } });
    const at = new AccessToken('key', SECRET);
    at.sha256 = createHash('sha256').update(body).digest('base64');
    const signed = await s.ask('/api/livekit/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: await at.toJwt() },
      body,
    });
    expect(signed.status).toBe(200);
    const forged = await s.ask('/api/livekit/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: 'nope' },
      body,
    });
    expect(forged.status).toBe(401);
  });

  test('past the rate limit: 429 with Retry-After, and a reason the widget can show', async () => {
    let last = { status: 0, headers: {} as Record<string, unknown>, body: '' };
    for (let i = 0; i < 40 && last.status !== 429; i++)
      last = await s.ask('/api/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(last.body)).toMatchObject({ error: 'rate-limited' });
  });
});

describe('the development configuration (open policy)', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve({
      CONFAB_POLICY: 'open',
      CONFAB_ALLOW_OPEN: '1',
      NODE_ENV: 'development',
      CONFAB_PUBLIC_URL: '',
      CONFAB_ALLOWED_ORIGINS: 'http://127.0.0.1:*,http://localhost:*',
    });
  });
  afterAll(() => s.app.close());
  const local = { host: '127.0.0.1:8080' };

  test('GET ?room=&name= hands out a token, and refuses bad input with a JSON 400', async () => {
    expect((await s.ask('/api/token?room=r&name=Ada', { headers: local })).status).toBe(200);
    for (const query of [
      'room=&name=Ada',
      'room=a%20b&name=Ada',
      'room=r&name=',
      'room=r&name=%E2%80%AEevil',
      `room=r&name=${'x'.repeat(65)}`,
    ]) {
      const res = await s.ask(`/api/token?${query}`, { headers: local });
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
  });

  test('only loopback names are answered, and the dev key is only for loopback pages', async () => {
    expect((await s.ask('/healthz', { headers: { host: 'localhost:8080' } })).status).toBe(200);
    expect((await s.ask('/healthz', { headers: { host: 'attacker.example' } })).status).toBe(421);
    const page = await s.ask('/api/token?room=r&name=Ada', { headers: { ...local, origin: 'http://localhost:5173' } });
    expect(page.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const foreign = await s.ask('/api/token?room=r&name=Ada', { headers: { ...local, origin: 'https://evil.example' } });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('`/` is the snippet builder; an old room link (`/?room=`) is taken to the demo beside it', async () => {
    expect((await s.ask('/', { headers: local })).body).toContain('<title>demo</title>');
    const link = await s.ask('/?room=standup&name=Ada', { headers: local });
    expect(link.status).toBe(302);
    expect(link.headers.location).toBe('/demo.html?room=standup&name=Ada');
  });
});

describe('development under the invite policy', () => {
  test('the builder mints invites in development; the route does not exist in production', async () => {
    const dev = await serve({ NODE_ENV: 'development', CONFAB_ALLOWED_HOSTS: 'meet.example' });
    const prod = await serve({});
    try {
      const ask = (server: typeof dev, body: unknown) =>
        server.ask('/api/dev/invite', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const minted = await ask(dev, { room: 'standup', role: 'host' });
      expect(minted.status).toBe(200);
      const { invite } = JSON.parse(minted.body) as { invite: string };
      const token = await dev.ask('/api/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invite, name: 'Ada' }),
      });
      expect(JSON.parse(token.body)).toMatchObject({ role: 'host' });
      expect((await ask(dev, { room: 'no spaces', role: 'host' })).status).toBe(400);
      expect((await ask(prod, { room: 'standup', role: 'host' })).status).toBe(404);
    } finally {
      await Promise.all([dev.app.close(), prod.app.close()]);
    }
  });
});
