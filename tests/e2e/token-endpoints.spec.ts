// The token endpoints a site owner copies from docs/token-endpoints/ (Node, Python and Go, each with
// LiveKit's own SDK), run as they are documented: each refuses bad input with the documented error
// shape, and the tokens they mint join one real call, three participants from three backends.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const docs = join(root, 'docs', 'token-endpoints');
const cache = join(root, '.cache', 'token-endpoints');
const LIVEKIT = { LIVEKIT_URL: 'ws://127.0.0.1:7890', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' };

/** Each backend: how to get it ready (once, cached) and the command that serves it. */
const BACKENDS = {
  node: { port: 8301, prepare: async () => [process.execPath, [join(docs, 'node', 'server.mjs')]] as const },
  python: {
    port: 8302,
    prepare: async () => {
      const python = join(cache, 'venv', 'bin', 'python');
      if (!existsSync(python)) await run(process.env.PYTHON ?? 'python3', ['-m', 'venv', join(cache, 'venv')]);
      await run(python, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', '-r', join(docs, 'python', 'requirements.txt')], {
        timeout: 120_000,
      });
      return [python, [join(docs, 'python', 'app.py')]] as const;
    },
  },
  go: {
    port: 8303,
    prepare: async () => {
      const binary = join(cache, 'go-token-endpoint');
      await run('go', ['build', '-o', binary, '.'], { cwd: join(docs, 'go'), timeout: 240_000 });
      return [binary, []] as const;
    },
  },
} as const;
type Backend = keyof typeof BACKENDS;
const NAMES: Record<Backend, string> = { node: 'Nora Node', python: 'Pia Python', go: 'Gus Go' };

test.describe.configure({ mode: 'serial', timeout: 300_000 });

const servers: ChildProcess[] = [];
test.beforeAll(async () => {
  mkdirSync(cache, { recursive: true });
  await Promise.all(
    Object.entries(BACKENDS).map(async ([, backend]) => {
      const [command, args] = await backend.prepare();
      const server = spawn(command, args, { env: { ...process.env, ...LIVEKIT, PORT: String(backend.port) }, stdio: 'ignore' });
      servers.push(server);
      await expect
        .poll(
          () =>
            fetch(`http://127.0.0.1:${backend.port}/api/token?room=up&name=up`).then(
              (r) => r.status,
              () => 0,
            ),
          { timeout: 30_000 },
        )
        .toBe(200);
    }),
  );
});
test.afterAll(() => servers.forEach((s) => s.kill()));

type Claims = { exp: number; sub: string; name: string; video: { room: string; roomJoin: boolean; canUpdateOwnMetadata: boolean } };
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Claims;
const endpoint = (backend: Backend, query: string) => `http://127.0.0.1:${BACKENDS[backend].port}/api/token?${query}`;

test('each token endpoint refuses a bad room or name with the documented error shape, never caching an answer', async () => {
  for (const backend of Object.keys(BACKENDS) as Backend[]) {
    for (const [query, error] of [
      ['room=a%2Fb&name=Ada', 'bad-room'],
      [`room=${'r'.repeat(129)}&name=Ada`, 'bad-room'],
      ['room=standup&name=%20%20', 'bad-name'],
      [`room=standup&name=${'n'.repeat(65)}`, 'bad-name'],
    ] as const) {
      const response = await fetch(endpoint(backend, query));
      expect(response.status, `${backend} ${query}`).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error, `${backend} ${query}`).toBe(error);
      expect(body.message.length, `${backend} ${query}`).toBeGreaterThan(0);
    }
    const ok = await fetch(endpoint(backend, 'room=standup&name=Ada'));
    expect(ok.headers.get('cache-control'), backend).toBe('no-store');
    const { serverUrl, token } = (await ok.json()) as { serverUrl: string; token: string };
    expect(serverUrl, backend).toBe(LIVEKIT.LIVEKIT_URL);
    const claims = claimsOf(token);
    // Short-lived, one identity per join, the grants the widget's features need.
    expect(claims.exp - Date.now() / 1000, backend).toBeLessThanOrEqual(600);
    expect(claims.exp - Date.now() / 1000, backend).toBeGreaterThan(500);
    expect(claims, backend).toMatchObject({ name: 'Ada', video: { room: 'standup', roomJoin: true, canUpdateOwnMetadata: true } });
    const again = (await (await fetch(endpoint(backend, 'room=standup&name=Ada'))).json()) as { token: string };
    expect(claimsOf(again.token).sub, backend).not.toBe(claims.sub);
  }
});

test('tokens from the Node, Python and Go endpoints join one real call and see each other', async ({ browser }) => {
  const room = uniqueRoom('endpoints');
  const people: Participant[] = [];
  try {
    for (const backend of Object.keys(BACKENDS) as Backend[]) {
      const { serverUrl, token } = (await (
        await fetch(endpoint(backend, `room=${room}&name=${encodeURIComponent(NAMES[backend])}`))
      ).json()) as { serverUrl: string; token: string };
      people.push(
        await Participant.openWith(browser, {
          name: NAMES[backend],
          attributes: { 'server-url': serverUrl, video: 'off', audio: 'off' },
          token,
        }),
      );
    }
    for (const p of people) {
      await expect(p.meeting).toHaveAttribute('data-state', 'connected');
      // Everyone else is there by the name their backend put in the token.
      for (const other of people.filter((o) => o !== p)) await expect.poll(() => p.events()).toContain(`participant-joined:${other.name}`);
      // canUpdateOwnMetadata: the hand can go up.
      await expect(p.meeting.locator('confab-control-bar button[data-control="hand"]')).not.toHaveAttribute('aria-disabled', 'true');
    }
  } finally {
    await Promise.all(people.map((p) => p.context.close()));
  }
});
