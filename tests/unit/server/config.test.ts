// The server's settings: read from the environment or a file, every problem listed at once, and the
// refusals that keep a production server from running open or with a weak secret.
import { describe, expect, test } from 'vitest';
import { helpText, loadConfig, printable, SETTINGS } from '../../../server/config.js';

const STRONG = 'x'.repeat(40);
const production = {
  LIVEKIT_URL: 'wss://livekit.example.com',
  LIVEKIT_API_KEY: 'key',
  LIVEKIT_API_SECRET: STRONG,
  CONFAB_INVITE_SECRET: STRONG,
  CONFAB_PUBLIC_URL: 'https://meet.example.com',
};

describe('the server settings', () => {
  test('a complete production configuration starts: invite policy by default, hosts from the public URL', () => {
    const { config, problems } = loadConfig(production);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      policy: 'invite',
      environment: 'production',
      allowedHosts: ['meet.example.com'],
      port: 8080,
      livekitApiUrl: 'https://livekit.example.com',
    });
  });

  test.each<[string, Record<string, string>, RegExp]>([
    ['the open policy in production', { CONFAB_POLICY: 'open' }, /open lets anyone.*refused in production/],
    ['a weak LiveKit secret', { LIVEKIT_API_SECRET: 'secret' }, /LIVEKIT_API_SECRET is too weak/],
    ['a short invite secret', { CONFAB_INVITE_SECRET: 'short' }, /CONFAB_INVITE_SECRET of at least 32/],
    ['jwt without its provider', { CONFAB_POLICY: 'jwt' }, /needs CONFAB_JWKS_URL/],
    ['an unknown policy', { CONFAB_POLICY: 'everyone' }, /CONFAB_POLICY must be one of/],
    ['a port out of range', { PORT: '99999' }, /PORT must be a whole number/],
    ['an origin with a path', { CONFAB_ALLOWED_ORIGINS: 'https://a.example/app' }, /is not an origin/],
    ['no public URL or host list', { CONFAB_PUBLIC_URL: '' }, /CONFAB_PUBLIC_URL \(or CONFAB_ALLOWED_HOSTS\) is required/],
  ])('refuses %s, saying why', (_name, override, problem) => {
    const { problems } = loadConfig({ ...production, ...override });
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });

  test('every problem is listed at once', () => {
    const { problems } = loadConfig({ CONFAB_POLICY: 'open', PORT: 'x' });
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });

  test('the open policy runs in production only when told in so many words', () => {
    expect(loadConfig({ ...production, CONFAB_POLICY: 'open', CONFAB_ALLOW_OPEN: '1' }).problems).toEqual([]);
  });

  test('the development configuration needs nothing: open, loopback, the dev LiveKit', () => {
    const { config, problems } = loadConfig({}, {}, true);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      policy: 'open',
      host: '127.0.0.1',
      livekitUrl: 'ws://127.0.0.1:7880',
      allowedHosts: ['127.0.0.1:*', 'localhost:*', '[::1]:*'],
    });
  });

  test('a config file uses the same names camelCased; the environment beats it', () => {
    const file = {
      confabPolicy: 'jwt',
      confabJwksUrl: 'https://id.example/jwks',
      confabJwtIssuer: 'https://id.example',
      port: 9000,
      confabAllowedOrigins: ['https://a.example'],
    };
    const { config, problems } = loadConfig({ ...production, PORT: '9100' }, file);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ policy: 'jwt', jwksUrl: 'https://id.example/jwks', port: 9100, allowedOrigins: ['https://a.example'] });
  });

  test('--help lists every setting; secrets are never printed', () => {
    const help = helpText();
    for (const setting of Object.values(SETTINGS)) expect(help).toContain(setting.env);
    const shown = JSON.stringify(printable(loadConfig(production).config));
    expect(shown).not.toContain(STRONG);
    expect(shown).toContain('(set)');
  });
});
