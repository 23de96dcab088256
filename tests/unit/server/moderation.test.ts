// The lobby and the host routes as a stranger would probe them: which credential opens which door.
// The server runs for real (fastify's inject, no network); nothing here reaches LiveKit — every
// refusal comes before it would be asked.
import { Redis } from 'ioredis';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp, limitsOf } from '../../../server/app.js';
import { signInvite, signTicket } from '../../../server/invites.js';
import { lobbyStore, STALE_MS, type Knock } from '../../../server/lobby.js';
import { removedKey } from '../../../server/moderation.js';
import { memoryState } from '../../../server/state.js';
import { demoWidget, INVITE, SECRET, testConfig } from './setup.js';

const ROOM = 'standup';

async function serve() {
  const config = testConfig();
  const dist = demoWidget();
  const state = memoryState(limitsOf(config));
  const { app } = await buildApp({ config, state, staticDir: dist, logger: false });
  const call = async (method: 'GET' | 'POST', url: string, body?: object, bearer?: string) => {
    const res = await app.inject({
      method,
      url,
      headers: {
        host: 'meet.example',
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, json: (res.body ? JSON.parse(res.body) : null) as Record<string, unknown> | null };
  };
  /** Comes in with an invite; the server's answer (a token and a rejoin ticket, or a lobby ticket). */
  const enter = async (role: 'host' | 'guest', name: string, lobby = false) =>
    call('POST', '/api/token', { invite: await signInvite(INVITE, { room: ROOM, role, name, lobby, ttlSeconds: 60 }) });
  return { app, call, enter, state };
}

describe('the lobby and the host routes', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve();
  });
  afterAll(() => s.app.close());

  test('a guest of a meeting with a lobby gets a lobby ticket, not a token; a host walks in', async () => {
    const guest = await s.enter('guest', 'Gus', true);
    expect(guest.status).toBe(202);
    expect(guest.json?.lobby).toBe(true);
    expect(typeof guest.json?.identity).toBe('string');
    expect(guest.json).not.toHaveProperty('token');
    const host = await s.enter('host', 'Hana', true);
    expect(host.status).toBe(200);
    expect([typeof host.json?.token, typeof host.json?.rejoin]).toEqual(['string', 'string']);
  });

  test('only a host of this room may see or decide the lobby: no credential 401, a guest 403, another room 401', async () => {
    const knock = await s.enter('guest', 'Kim', true);
    const ticket = String(knock.json?.ticket);
    const guest = await s.enter('guest', 'Gil');
    const host = await s.enter('host', 'Hana');
    const list = (bearer?: string) => s.call('GET', `/api/lobby?room=${ROOM}`, undefined, bearer);

    expect((await list()).status).toBe(401);
    // A lobby ticket is not a credential for the room, a guest's rejoin ticket and LiveKit token are not a host's.
    expect((await list(ticket)).status).toBe(401);
    expect(await list(String(guest.json?.rejoin))).toMatchObject({ status: 403, json: { error: 'not-allowed' } });
    expect((await list(String(guest.json?.token))).status).toBe(403);
    const elsewhere = await signTicket(SECRET, { room: 'other', identity: 'h', name: 'H', role: 'host' });
    expect((await list(elsewhere)).status).toBe(401);
    const forged = await signTicket('f'.repeat(40), { room: ROOM, identity: 'h', name: 'H', role: 'host' });
    expect((await list(forged)).status).toBe(401);
    // A guest's own try at deciding changes nothing.
    const identity = String(knock.json?.identity);
    expect((await s.call('POST', '/api/lobby/admit', { room: ROOM, identity }, String(guest.json?.rejoin))).status).toBe(403);

    const seen = await list(String(host.json?.rejoin));
    expect(seen.status).toBe(200);
    expect((seen.json?.waiting as Knock[]).map((k) => k.name)).toContain('Kim');
    expect((await s.call('POST', '/api/lobby/deny', { room: ROOM, identity }, String(host.json?.token))).status).toBe(204);
    // Denied: the knocker's next wait says so, and they are off the list.
    expect(await s.call('POST', '/api/lobby/wait', { ticket })).toMatchObject({ status: 403, json: { error: 'denied' } });
    const after = await list(String(host.json?.rejoin));
    expect((after.json?.waiting as Knock[]).map((k) => k.name)).not.toContain('Kim');
  });

  test('a rejoin ticket cannot wait in the lobby, nor a lobby ticket moderate; cancel leaves the list', async () => {
    const host = await s.enter('host', 'Hana');
    const knock = await s.enter('guest', 'Lou', true);
    expect(await s.call('POST', '/api/lobby/wait', { ticket: String(host.json?.rejoin) })).toMatchObject({ status: 401 });
    expect((await s.call('POST', '/api/moderation/mute-all', { room: ROOM }, String(knock.json?.ticket))).status).toBe(401);
    expect((await s.call('POST', '/api/lobby/cancel', { ticket: String(knock.json?.ticket) })).status).toBe(204);
    const list = await s.call('GET', `/api/lobby?room=${ROOM}`, undefined, String(host.json?.rejoin));
    expect((list.json?.waiting as Knock[]).map((k) => k.name)).not.toContain('Lou');
  });

  test("a LiveKit token that expired, or is a host's for another room, opens no host route", async () => {
    const livekit = async (room: string, ttl: number) => {
      const at = new AccessToken('key', SECRET, { identity: 'h', name: 'H', ttl });
      at.addGrant({ roomJoin: true, room, roomAdmin: true });
      return at.toJwt();
    };
    const list = async (bearer: string) => (await s.call('GET', `/api/lobby?room=${ROOM}`, undefined, bearer)).status;
    expect(await list(await livekit(ROOM, 60))).toBe(200);
    expect(await list(await livekit(ROOM, -60))).toBe(401);
    expect(await list(await livekit('other', 60))).toBe(401);
    expect((await s.call('POST', '/api/moderation/mute-all', { room: ROOM }, await livekit(ROOM, -60))).status).toBe(401);
  });

  test('a host who was removed cannot moderate with the ticket they still hold', async () => {
    const host = await s.enter('host', 'Hal');
    const list = () => s.call('GET', `/api/lobby?room=${ROOM}`, undefined, String(host.json?.rejoin));
    expect((await list()).status).toBe(200);
    await s.state.flag(removedKey(ROOM, String(host.json?.identity)), 60);
    expect((await list()).status).toBe(401);
  });
});

describe('the lobby queue (memory)', () => {
  const knock = (identity: string, since: number, seen = Date.now()): Knock => ({
    identity,
    name: identity.toUpperCase(),
    role: 'guest',
    since,
    seen,
    status: 'waiting',
  });

  test('first come first; a knock not seen for a while is gone; a decision is taken once', async () => {
    const lobby = lobbyStore(null);
    await lobby.put('r', knock('b', 2));
    await lobby.put('r', knock('a', 1));
    await lobby.put('r', knock('gone', 0, Date.now() - STALE_MS - 1));
    expect((await lobby.waiting('r')).map((k) => k.identity)).toEqual(['a', 'b']);
    expect(await lobby.decide('r', 'a', 'admitted')).toBe(true);
    expect(await lobby.decide('r', 'a', 'denied')).toBe(false);
    expect((await lobby.get('r', 'a'))?.status).toBe('admitted');
    expect(await lobby.decide('r', 'nobody', 'admitted')).toBe(false);
    await lobby.clear('r');
    expect(await lobby.waiting('r')).toEqual([]);
  });
});

describe.each(['memory', 'Redis'])('the lobby queue (%s): the knocker’s poll never undoes a decision', (kind) => {
  let redis: Redis | null = null;
  let server: { stop(): Promise<void> } | null = null;
  beforeAll(async () => {
    if (kind !== 'Redis') return;
    const livekit = (await import('../../../scripts/livekit.mjs')) as {
      startRedis: (o: { port: number }) => Promise<{ stop(): Promise<void> }>;
    };
    server = await livekit.startRedis({ port: 6391 });
    redis = new Redis({ port: 6391, host: '127.0.0.1', lazyConnect: false });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  test('a host admits between the poll’s read and its write: still admitted; a waiting knock is kept fresh', async () => {
    const lobby = lobbyStore(redis);
    const room = `race-${Date.now()}`;
    const old = Date.now() - STALE_MS + 1000;
    await lobby.put(room, { identity: 'g', name: 'Gü / “x”', role: 'guest', since: old, seen: old, status: 'waiting' });
    const read = await lobby.get(room, 'g'); // the poll reads…
    expect(read?.status).toBe('waiting');
    expect(await lobby.decide(room, 'g', 'admitted')).toBe(true); // …a host admits…
    await lobby.touch(room, 'g', Date.now()); // …the poll marks it seen
    expect(await lobby.get(room, 'g')).toMatchObject({ status: 'admitted', seen: old, name: 'Gü / “x”', since: old });

    await lobby.put(room, { identity: 'w', name: 'W', role: 'guest', since: old, seen: old, status: 'waiting' });
    const now = Date.now();
    await lobby.touch(room, 'w', now);
    await new Promise((r) => setTimeout(r, 1100)); // past its old staleness: fresh only by the touch
    expect((await lobby.waiting(room)).map((k) => [k.identity, k.seen])).toEqual([['w', now]]);
    await lobby.touch(room, 'nobody', now);
    expect(await lobby.get(room, 'nobody')).toBeNull();
  });
});
