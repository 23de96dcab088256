// Who may enter, and as what: each access policy against a table of requests.
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ServerConfig } from '../../../server/config.js';
import { signInvite, signTicket } from '../../../server/invites.js';
import { createPolicy, type TokenRequest } from '../../../server/policies.js';
import { memoryState } from '../../../server/state.js';
import { testConfig } from './setup.js';

const SECRET = 'i'.repeat(40);
const LIVEKIT_SECRET = 'l'.repeat(40);
const limits = { ip: { points: 100, duration: 60 }, room: { points: 100, duration: 60 } };

function config(over: Record<string, string>): ServerConfig {
  return testConfig({
    LIVEKIT_API_KEY: 'k',
    LIVEKIT_API_SECRET: LIVEKIT_SECRET,
    CONFAB_INVITE_SECRET: SECRET,
    CONFAB_PUBLIC_URL: 'https://meet.example',
    ...over,
  });
}

describe('the invite policy', () => {
  const state = memoryState(limits);
  const policy = createPolicy({ config: config({}), state });
  const invite = (extra: Partial<Parameters<typeof signInvite>[1]> = {}) =>
    signInvite(SECRET, { room: 'standup', role: 'guest', ttlSeconds: 3600, ...extra });

  test('a valid invite lets its holder into its room, with the role it says', async () => {
    const decision = await policy({ invite: await invite({ role: 'host', name: 'Ada' }) });
    expect(decision).toMatchObject({ ok: true, entry: { room: 'standup', role: 'host', name: 'Ada', lobby: false } });
  });

  test.each<[string, () => Promise<TokenRequest>, string]>([
    ['no invite', async () => ({ name: 'Ada' }), 'invite-required'],
    ['an expired invite', async () => ({ invite: await invite({ ttlSeconds: -10 }), name: 'Ada' }), 'invite-expired'],
    ['another room than asked', async () => ({ invite: await invite(), room: 'board', name: 'Ada' }), 'wrong-room'],
    [
      'a forged signature',
      async () => ({ invite: await signInvite('f'.repeat(40), { room: 'standup', role: 'host', ttlSeconds: 60 }), name: 'Ada' }),
      'invite-invalid',
    ],
    ['not a JWT', async () => ({ invite: 'hello', name: 'Ada' }), 'invite-invalid'],
    ['a name that spoofs', async () => ({ invite: await invite(), name: 'Ada\u202E (host)' }), 'invalid-name'],
  ])('%s is refused: %s', async (_name, request, code) => {
    expect(await policy(await request())).toMatchObject({ ok: false, code });
  });

  test('a single-use invite is spent at the first entry', async () => {
    const once = await invite({ singleUse: true, name: 'Bo' });
    expect(await policy({ invite: once })).toMatchObject({ ok: true });
    expect(await policy({ invite: once })).toMatchObject({ ok: false, code: 'invite-used' });
  });

  test('a guest invite with a lobby waits for a host; a host never waits', async () => {
    expect(await policy({ invite: await invite({ lobby: true }), name: 'Cy' })).toMatchObject({ ok: true, entry: { lobby: true } });
    expect(await policy({ invite: await invite({ lobby: true, role: 'host' }), name: 'Cy' })).toMatchObject({
      ok: true,
      entry: { lobby: false },
    });
  });

  test('a rejoin ticket brings the same person back, until a host removes them', async () => {
    const ticket = await signTicket(LIVEKIT_SECRET, { room: 'standup', identity: 'bo-1', name: 'Bo', role: 'guest' });
    expect(await policy({ rejoin: ticket })).toMatchObject({ ok: true, entry: { identity: 'bo-1', name: 'Bo', role: 'guest' } });
    await state.flag('removed:standup:bo-1', 3600);
    expect(await policy({ rejoin: ticket })).toMatchObject({ ok: false, code: 'removed' });
    expect(
      await policy({ rejoin: await signTicket('other'.repeat(10), { room: 'standup', identity: 'x', name: 'X', role: 'host' }) }),
    ).toMatchObject({
      ok: false,
      code: 'invite-invalid',
    });
  });
});

describe('the open policy (development)', () => {
  const policy = createPolicy({ config: config({ CONFAB_POLICY: 'open', CONFAB_ALLOW_OPEN: '1' }), state: memoryState(limits) });
  test.each<[TokenRequest, object]>([
    [
      { room: 'a', name: 'Ada' },
      { ok: true, entry: { room: 'a', role: 'guest' } },
    ],
    [
      { room: 'a', name: 'Ada', role: 'host' },
      { ok: true, entry: { role: 'host' } },
    ],
    [
      { room: 'a b', name: 'Ada' },
      { ok: false, code: 'invalid-room' },
    ],
    [
      { room: 'a', name: '' },
      { ok: false, code: 'invalid-name' },
    ],
  ])('%o → %o', async (request, expected) => {
    expect(await policy(request)).toMatchObject(expected);
  });
});

describe('the jwt policy: your own login tokens', () => {
  let sign: (claims: Record<string, unknown>, options?: { issuer?: string; audience?: string }) => Promise<string>;
  let policy: ReturnType<typeof createPolicy>;
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'k1' }] });
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(options.issuer ?? 'https://id.example')
        .setAudience(options.audience ?? 'confab')
        .setExpirationTime('10m')
        .sign(privateKey);
    policy = createPolicy({
      config: config({
        CONFAB_POLICY: 'jwt',
        CONFAB_JWKS_URL: 'https://id.example/jwks',
        CONFAB_JWT_ISSUER: 'https://id.example',
        CONFAB_JWT_AUDIENCE: 'confab',
      }),
      state: memoryState(limits),
      jwks,
    });
  });

  test('a moderator from the site is a host, named as the site names them', async () => {
    const bearer = await sign({ sub: 'u1', name: 'Ada Admin', role: 'moderator' });
    expect(await policy({ bearer, room: 'standup' })).toMatchObject({
      ok: true,
      entry: { role: 'host', name: 'Ada Admin', room: 'standup' },
    });
  });

  test.each<[string, () => Promise<TokenRequest>, object]>([
    [
      'a plain user is a guest',
      async () => ({ bearer: await sign({ sub: 'u2', name: 'Bo', role: 'user' }), room: 'standup' }),
      { ok: true, entry: { role: 'guest' } },
    ],
    [
      'rooms listed in the token are the only ones',
      async () => ({ bearer: await sign({ sub: 'u2', name: 'Bo', rooms: ['board'] }), room: 'standup' }),
      { ok: false, code: 'wrong-room' },
    ],
    [
      'another issuer',
      async () => ({ bearer: await sign({ sub: 'u3', name: 'Eve' }, { issuer: 'https://evil.example' }), room: 'standup' }),
      { ok: false, code: 'login-invalid' },
    ],
    [
      'another audience',
      async () => ({ bearer: await sign({ sub: 'u3', name: 'Eve' }, { audience: 'other' }), room: 'standup' }),
      { ok: false, code: 'login-invalid' },
    ],
    ['no sign-in', async () => ({ room: 'standup', name: 'Eve' }), { ok: false, code: 'login-required' }],
  ])('%s', async (_name, request, expected) => {
    expect(await policy(await request())).toMatchObject(expected);
  });
});

describe('the host-tokens policy', () => {
  test('hands out no tokens (the host mints them)', async () => {
    const policy = createPolicy({ config: config({ CONFAB_POLICY: 'host-tokens' }), state: memoryState(limits) });
    expect(await policy({ room: 'a', name: 'Ada' })).toMatchObject({ ok: false, code: 'policy-host-tokens' });
  });
});
