// The Confab server in production, as a site owner runs it: the invite policy, two instances sharing
// one Redis, a LiveKit with a strong key of its own, the built widget served with its production
// CSP. Real Chromium, real LiveKit, real Redis: invites accepted and refused (each refusal a screen
// that says what to do), what LiveKit granted a guest and a host, who may frame embed.html, and a
// rate limit counted across both instances.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startRedis, startServer as startLivekit } from '../../scripts/livekit.mjs';
import { signInvite } from '../../server/invites.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { enEndings } from '../../src/i18n/en-endings.js';
import { uniqueRoom } from './pages/meeting.js';
import { expect, test, type Page } from './pages/test.js';

const LIVEKIT_PORT = 7996;
const REDIS_PORT = 6393;
const PORTS = [8291, 8292] as const;
const KEY = 'APIconfabE2E';
const SECRET = 'e2e-livekit-secret-that-is-long-enough-0123456789';
const INVITE_SECRET = 'e2e-invite-secret-that-is-long-enough-0123456789';
const RATE_LIMIT = 40;
/** The fixtures' origin: the one parent this deployment allows. */
const PARENT = 'http://127.0.0.1:8191';
const FOREIGN = 'http://127.0.0.1:8192';

let livekit: { stop(): Promise<void>; httpUrl: string };
let redis: { stop(): Promise<void>; address: string };
let servers: RunningServer[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  redis = await startRedis({ port: REDIS_PORT });
  livekit = await startLivekit({ port: LIVEKIT_PORT, quiet: true, keys: { [KEY]: SECRET } });
  for (const port of PORTS)
    servers.push(
      await startServer({
        logger: false,
        env: {
          NODE_ENV: 'production',
          PORT: String(port),
          HOST: '127.0.0.1',
          LIVEKIT_URL: `ws://127.0.0.1:${LIVEKIT_PORT}`,
          LIVEKIT_API_KEY: KEY,
          LIVEKIT_API_SECRET: SECRET,
          CONFAB_POLICY: 'invite',
          CONFAB_INVITE_SECRET: INVITE_SECRET,
          CONFAB_PUBLIC_URL: `http://127.0.0.1:${port}`,
          CONFAB_ALLOWED_HOSTS: '127.0.0.1:*',
          CONFAB_ALLOWED_ORIGINS: PARENT,
          CONFAB_RATE_LIMIT: String(RATE_LIMIT),
          CONFAB_STATIC_DIR: resolve(import.meta.dirname, '../../dist'),
          REDIS_URL: `redis://${redis.address}`,
        },
      }),
    );
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await livekit?.stop();
  await redis?.stop();
});

const invite = (claims: { room: string; role?: 'host' | 'guest'; name?: string; ttlSeconds?: number; singleUse?: boolean }) =>
  signInvite(INVITE_SECRET, { role: 'guest', ttlSeconds: 600, ...claims });
const embed = (server: number, fragment: string, query = 'prejoin=off') =>
  `http://127.0.0.1:${PORTS[server]}/embed.html?${query}#${fragment}`;

/** The token the widget was handed (read from the server's answer, as LiveKit will see it). */
async function openWithInvite(page: Page, url: string): Promise<string> {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/token') && r.request().method() === 'POST');
  await page.goto(url);
  const body = (await (await answer).json()) as { token: string };
  await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  return body.token;
}

/** Asks LiveKit's own API, with a participant's token, to list the room: only a roomAdmin may. */
async function livekitLets(token: string, room: string): Promise<number> {
  const response = await fetch(`${livekit.httpUrl}/twirp/livekit.RoomService/ListParticipants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ room }),
  });
  return response.status;
}

test('a guest invite joins as a guest and a host invite as a host: LiveKit grants roomAdmin to the host only', async ({ browser }) => {
  const room = uniqueRoom('invite');
  const guest = await browser.newPage();
  const host = await browser.newPage();
  try {
    const guestToken = await openWithInvite(guest, embed(0, `invite=${await invite({ room, name: 'Gus' })}`));
    // Through the other instance: the two serve the same deployment.
    const hostToken = await openWithInvite(host, embed(1, `invite=${await invite({ room, role: 'host', name: 'Hana' })}`));
    await expect(guest.locator('confab-tile:not([data-local])').filter({ hasText: 'Hana' })).toBeVisible();
    // The invite left the address bar at once (history, a copied link).
    expect(new URL(guest.url()).hash).toBe('');
    expect(await livekitLets(guestToken, room)).toBe(401);
    expect(await livekitLets(hostToken, room)).toBe(200);
  } finally {
    await Promise.all([guest.close(), host.close()]);
  }
});

test('refused invites are screens that say what to do: none, expired, another room, already used at the other instance', async ({
  browser,
}) => {
  const room = uniqueRoom('refused');
  const page = await browser.newPage();
  const alert = page.locator('confab-meeting [role="alert"]');
  try {
    await page.goto(`http://127.0.0.1:${PORTS[0]}/embed.html?room=${room}&name=Ann&prejoin=off`);
    await expect(alert).toHaveText(enEndings['refused.invite-required']);
    await expect(page.getByRole('button', { name: enEndings['error.retry'] })).toBeVisible();

    await page.goto(embed(0, `invite=${await invite({ room, name: 'Ann', ttlSeconds: -5 })}`));
    await expect(alert).toHaveText(enEndings['refused.invite-expired']);

    await page.goto(embed(0, `invite=${await invite({ room, name: 'Ann' })}`, `room=elsewhere&prejoin=off`));
    await expect(alert).toHaveText(enEndings['refused.wrong-room']);

    // A single-use invite spent at instance A is spent at instance B too (Redis).
    const once = await invite({ room, name: 'Ann', singleUse: true });
    const spent = await fetch(`http://127.0.0.1:${PORTS[0]}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: once }),
    });
    expect(spent.status).toBe(200);
    await page.goto(embed(1, `invite=${once}`));
    await expect(alert).toHaveText(enEndings['refused.invite-used']);
    await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'error');
  } finally {
    await page.close();
  }
});

test.describe('who may frame embed.html', () => {
  // The browser reports the refused frame as a CSP violation: that refusal is what is tested here.
  test.use({ allowCspViolations: /frame-ancestors/ });

  test('the CSP is exact; the allowed parent frames the meeting, a page on any other origin cannot', async ({ browser }) => {
    const response = await fetch(`http://127.0.0.1:${PORTS[0]}/embed.html`);
    expect(response.headers.get('content-security-policy')).toBe(
      [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "worker-src 'self' blob:",
        `connect-src 'self' ws://127.0.0.1:${LIVEKIT_PORT} http://127.0.0.1:${LIVEKIT_PORT}`,
        "img-src 'self' data: blob:",
        "media-src 'self' blob: mediastream:",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        `frame-ancestors 'self' ${PARENT}`,
      ].join('; '),
    );
    const src = `http://127.0.0.1:${PORTS[0]}/embed.html?room=framed&prejoin=on`;
    const framed = async (origin: string) => {
      const page = await browser.newPage();
      const loaded = page.waitForEvent('framenavigated', (f) => f !== page.mainFrame());
      await page.goto(`${origin}/raw.html?src=${encodeURIComponent(src)}`);
      await loaded;
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      return { page, frame };
    };
    const allowed = await framed(PARENT);
    await expect(allowed.frame.locator('confab-meeting confab-prejoin')).toBeVisible();
    const foreign = await framed(FOREIGN);
    // The browser refuses to render it: no meeting, whatever the wait.
    await foreign.page.waitForLoadState('load');
    await expect.poll(() => foreign.frame.evaluate(() => document.querySelector('confab-meeting') !== null).catch(() => false)).toBe(false);
    expect(await foreign.page.locator('iframe').evaluate((f: HTMLIFrameElement) => f.contentDocument?.body?.childElementCount ?? 0)).toBe(
      0,
    );
    await Promise.all([allowed.page.close(), foreign.page.close()]);
  });
});

test('the rate limit counts across both instances, and the widget says when to try again', async ({ browser }) => {
  // A fresh count (the tests above asked too): every request alternates between the two instances.
  execFileSync('redis-cli', ['-p', String(REDIS_PORT), 'FLUSHALL']);
  const statuses: number[] = [];
  for (let i = 0; i <= RATE_LIMIT; i++) {
    const response = await fetch(`http://127.0.0.1:${PORTS[i % 2]}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: 'not-an-invite' }),
    });
    statuses.push(response.status);
    if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  // Each instance alone would have allowed RATE_LIMIT; together they allowed RATE_LIMIT.
  expect(statuses.slice(0, RATE_LIMIT).every((s) => s === 401)).toBe(true);
  expect(statuses[RATE_LIMIT]).toBe(429);

  const page = await browser.newPage();
  try {
    await page.goto(embed(1, `invite=${await invite({ room: uniqueRoom('limited'), name: 'Ann' })}`));
    const alert = page.locator('confab-meeting [role="alert"]');
    const [before, after] = enEndings['refused.rate-limited'].split('{seconds}') as [string, string];
    await expect(alert).toContainText(before);
    const said = await alert.textContent();
    expect(said?.startsWith(before) && said.endsWith(after)).toBe(true);
    const seconds = Number(said?.slice(before.length, said.length - after.length));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
  } finally {
    await page.close();
  }
});

test('the built command line prints an invite link whose fragment the server signed, and lists every setting', () => {
  const cli = resolve('server/dist/cli.js');
  const env = { ...process.env, CONFAB_INVITE_SECRET: INVITE_SECRET, CONFAB_PUBLIC_URL: 'https://meet.example/' };
  const link = new URL(
    execFileSync(process.execPath, [cli, 'invite', '--room', 'standup', '--role', 'guest', '--name', 'Ann', '--ttl', '2h', '--lobby'], {
      env,
      encoding: 'utf8',
    }).trim(),
  );
  expect(`${link.origin}${link.pathname}${link.search}`).toBe('https://meet.example/embed.html');
  const invite = new URLSearchParams(link.hash.slice(1)).get('invite') ?? '';
  const claims = JSON.parse(Buffer.from(invite.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
  expect(claims).toMatchObject({ room: 'standup', role: 'guest', name: 'Ann', lobby: true });
  expect(Number(claims.exp) - Number(claims.iat)).toBe(7200);
  // Refused without a secret to sign with, and with a bad room, saying why.
  const refused = (args: string[], extra: Record<string, string | undefined>) => {
    try {
      execFileSync(process.execPath, [cli, 'invite', ...args], { env: { ...env, ...extra }, encoding: 'utf8', stdio: 'pipe' });
      return '';
    } catch (error) {
      return String((error as { stderr?: string }).stderr);
    }
  };
  expect(refused(['--room', 'standup'], { CONFAB_INVITE_SECRET: 'short' })).toContain('CONFAB_INVITE_SECRET');
  expect(refused(['--room', '../x'], {})).toContain('--room');
  const help = execFileSync(process.execPath, [cli, '--help'], { env, encoding: 'utf8' });
  for (const setting of ['LIVEKIT_API_SECRET', 'CONFAB_POLICY', 'CONFAB_LOBBY', 'REDIS_URL']) expect(help).toContain(setting);
});
