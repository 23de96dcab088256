// The Confab server as its operator sees it: what its logs hold (never a credential), whether it
// says it is ready, how many tokens one room may take a minute. A real server (fastify's inject).
import { afterEach, describe, expect, test } from 'vitest';
import { buildApp, limitsOf } from '../../../server/app.js';
import { signInvite } from '../../../server/invites.js';
import { memoryState } from '../../../server/state.js';
import { demoWidget, INVITE, SECRET, testConfig } from './setup.js';

async function serve(env: Record<string, string> = {}) {
  const config = testConfig({
    // Nothing listens here: LiveKit "down", answered at once (connection refused).
    LIVEKIT_API_URL: 'http://127.0.0.1:9',
    CONFAB_LOG_LEVEL: 'info',
    ...env,
  });
  const dist = demoWidget();
  const lines: string[] = [];
  const { app } = await buildApp({
    config,
    state: memoryState(limitsOf(config)),
    staticDir: dist,
    logStream: { write: (line) => void lines.push(line) },
  });
  const post = (url: string, body: object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, headers: { host: 'meet.example', 'content-type': 'application/json', ...headers }, payload: body });
  return { app, lines, post };
}

let running: Awaited<ReturnType<typeof serve>> | null = null;
afterEach(async () => {
  await running?.app.close();
  running = null;
});

describe('operations', () => {
  test('the logs say what happened, one JSON line a request, and hold no invite, token, ticket or name from a query', async () => {
    const s = (running = await serve());
    const invite = await signInvite(INVITE, { room: 'standup', role: 'host', name: 'Hana', ttlSeconds: 60 });
    const granted = await s.post('/api/token', { invite });
    expect(granted.statusCode).toBe(200);
    const { token, rejoin } = granted.json<{ token: string; rejoin: string }>();
    await s.post('/api/token', { rejoin });
    await s.post('/api/moderation/mute-all', { room: 'standup' }, { authorization: `Bearer ${token}` });
    await s.app.inject({ method: 'GET', url: '/api/token?room=standup&name=Secret%20Sam', headers: { host: 'meet.example' } });

    const requests = s.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.method, l.path])).toEqual([
      ['POST', '/api/token'],
      ['POST', '/api/token'],
      ['POST', '/api/moderation/mute-all'],
      ['GET', '/api/token'],
    ]);
    const all = s.lines.join('\n');
    for (const secret of [invite, token, rejoin, SECRET, INVITE, 'Secret', token.split('.')[2] ?? '-'])
      expect(all.includes(secret), `a log line holds ${secret.slice(0, 12)}…`).toBe(false);
  });

  test('/readyz says 503 while LiveKit does not answer, and which part is down; /healthz is up', async () => {
    const s = (running = await serve());
    const ready = await s.app.inject({ method: 'GET', url: '/readyz', headers: { host: 'meet.example' } });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ ok: false, livekit: false, store: true });
    expect((await s.app.inject({ method: 'GET', url: '/healthz', headers: { host: 'meet.example' } })).statusCode).toBe(200);
  });

  test('one room takes at most CONFAB_ROOM_RATE_LIMIT tokens a minute, whoever asks; another room is not held up', async () => {
    const s = (running = await serve({ CONFAB_ROOM_RATE_LIMIT: '3' }));
    const ask = async (room: string) =>
      (await s.post('/api/token', { invite: await signInvite(INVITE, { room, role: 'guest', name: 'G', ttlSeconds: 60 }) })).statusCode;
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await ask('busy'));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(await ask('quiet')).toBe(200);
  });
});
