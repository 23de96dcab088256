// The widget's credentials against the real Confab server (invite policy, a free port): the invite
// goes in a POST body, a single-use invite is spent once and the server's rejoin ticket serves every
// later token (reconnect, rejoin), and each refusal comes back as its own code and message key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp, limitsOf } from '../../../server/app.js';
import { loadConfig } from '../../../server/config.js';
import { signInvite } from '../../../server/invites.js';
import { memoryState } from '../../../server/state.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { MeetingConfig } from '../../../src/config/schema.js';
import { CredentialSource, JoinError } from '../../../src/core/credentials.js';
import * as client from '../../../src/core/endpoint.js';
import { jwtClaims } from '../../../src/core/jwt.js';

const INVITE_SECRET = 'i'.repeat(40);
let url = '';
const endpoint = () => Promise.resolve(client);
let close: () => Promise<void>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'confab-widget-'));
  writeFileSync(join(dir, 'embed.html'), '<!doctype html>');
  const { config, problems } = loadConfig(
    {
      LIVEKIT_URL: 'wss://livekit.example',
      LIVEKIT_API_KEY: 'key',
      LIVEKIT_API_SECRET: 's'.repeat(40),
      CONFAB_INVITE_SECRET: INVITE_SECRET,
      CONFAB_ALLOWED_HOSTS: '127.0.0.1:*',
      CONFAB_RATE_LIMIT: '12',
    },
    {},
  );
  expect(problems).toEqual([]);
  const { app } = await buildApp({ config, state: memoryState(limitsOf(config)), staticDir: dir, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/token`;
  close = () => app.close();
});
afterAll(() => close());

const configWith = (values: Partial<MeetingConfig>): MeetingConfig => ({
  ...parseConfig(() => null).config,
  tokenEndpoint: url,
  ...values,
});
const invite = (claims: Partial<Parameters<typeof signInvite>[1]> = {}) =>
  signInvite(INVITE_SECRET, { room: 'standup', role: 'guest', ttlSeconds: 600, ...claims });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(JoinError);
      const { code, key, params } = error as JoinError;
      return { code, key, params };
    },
  );

describe('credentials from an invite', () => {
  test('a named invite joins its room under its name and role, whatever else the page says', async () => {
    const source = new CredentialSource(endpoint);
    const credentials = await source.get(configWith({ invite: await invite({ name: 'Ada', role: 'host' }) }), 'Mallory', undefined);
    const claims = jwtClaims(credentials.token) as { name: string; video: { room: string; roomAdmin?: boolean } };
    expect(credentials.serverUrl).toBe('wss://livekit.example');
    expect(claims.name).toBe('Ada');
    expect(claims.video.room).toBe('standup');
    expect(claims.video.roomAdmin).toBe(true);
  });

  test('a single-use invite is spent once; the same widget renews and rejoins with the ticket it got', async () => {
    const config = configWith({ invite: await invite({ singleUse: true }) });
    const source = new CredentialSource(endpoint);
    const first = await source.get(config, 'Grace', undefined);
    source.forget();
    const renewed = await source.renew(config, 'Grace', undefined);
    const rejoined = await source.get(config, 'Grace', undefined);
    const identity = (token: string) => (jwtClaims(token) as { sub: string }).sub;
    expect(identity(renewed.token)).toBe(identity(first.token));
    expect(identity(rejoined.token)).toBe(identity(first.token));
    // Another browser with the same link is refused: the invite is spent.
    expect(await refusal(new CredentialSource(endpoint).get(config, 'Eve', undefined))).toMatchObject({
      code: 'invite-used',
      key: 'refused.invite-used',
    });
  });

  test('expired, forged and wrong-room invites are refused, each with its own words', async () => {
    const expired = await signInvite(INVITE_SECRET, { room: 'standup', role: 'guest', ttlSeconds: -60 });
    expect(await refusal(new CredentialSource(endpoint).get(configWith({ invite: expired }), 'Ada', undefined))).toMatchObject({
      code: 'invite-expired',
      key: 'refused.invite-expired',
    });
    const forged = await signInvite('f'.repeat(40), { room: 'standup', role: 'host', ttlSeconds: 600 });
    expect(await refusal(new CredentialSource(endpoint).get(configWith({ invite: forged }), 'Ada', undefined))).toMatchObject({
      code: 'invite-invalid',
      key: 'refused.invite-invalid',
    });
    const elsewhere = configWith({ invite: await invite(), room: 'board' });
    expect(await refusal(new CredentialSource(endpoint).get(elsewhere, 'Ada', undefined))).toMatchObject({
      code: 'wrong-room',
      key: 'refused.wrong-room',
    });
  });

  test('a bare room link is told it needs an invite; too many requests say when to try again', async () => {
    expect(await refusal(new CredentialSource(endpoint).get(configWith({ room: 'standup' }), 'Ada', undefined))).toMatchObject({
      code: 'invite-required',
      key: 'refused.invite-required',
    });
    const config = configWith({ invite: 'not-a-jwt' });
    let last: { code: string; params: Record<string, string> } | undefined;
    for (let i = 0; i < 15 && last?.code !== 'rate-limited'; i++)
      last = await refusal(new CredentialSource(endpoint).get(config, 'Ada', undefined));
    expect(last).toMatchObject({ code: 'rate-limited' });
    expect(Number(last?.params.seconds)).toBeGreaterThan(0);
    expect(Number(last?.params.seconds)).toBeLessThanOrEqual(60);
  });
});

describe('a token the page handed in that has expired', () => {
  const jwt = (exp: number) =>
    ['{"alg":"HS256"}', JSON.stringify({ exp, sub: 'ada' })].map((p) => Buffer.from(p).toString('base64url')).join('.') + '.sig';
  const past = jwt(Math.floor(Date.now() / 1000) - 60);
  const future = jwt(Math.floor(Date.now() / 1000) + 600);

  test('is never used: the page’s tokenProvider is asked again, with reason "expired"', async () => {
    const asked: string[] = [];
    const provider = ({ reason }: { reason: 'join' | 'expired' }) => {
      asked.push(reason);
      return { serverUrl: 'wss://lk.example', token: future };
    };
    const credentials = await new CredentialSource(endpoint).get(
      configWith({ token: past, serverUrl: 'wss://lk.example' }),
      'Ada',
      provider,
    );
    expect(credentials.token).toBe(future);
    expect(asked).toEqual(['expired']);
    // An unexpired token is used as given; the provider is not asked.
    await new CredentialSource(endpoint).get(configWith({ token: future, serverUrl: 'wss://lk.example' }), 'Ada', provider);
    expect(asked).toEqual(['expired']);
  });

  test('without a provider the join ends on token-expired (never a join with a dead token)', async () => {
    const error = await new CredentialSource(endpoint)
      .get(configWith({ token: past, serverUrl: 'wss://lk.example' }), 'Ada', undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JoinError);
    expect(error).toMatchObject({ code: 'token-expired', key: 'error.tokenExpired' });
  });
});
