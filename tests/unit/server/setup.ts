// What the server's unit tests share: a valid configuration with strong secrets (each test adds its
// own settings) and a widget folder with a page in it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../server/config.js';

export const SECRET = 's'.repeat(40);
export const INVITE = 'i'.repeat(40);

/** The server's configuration from these settings over a valid base; throws on any problem. */
export function testConfig(env: Record<string, string> = {}) {
  const { config, problems } = loadConfig(
    {
      LIVEKIT_URL: 'wss://livekit.example',
      LIVEKIT_API_KEY: 'key',
      LIVEKIT_API_SECRET: SECRET,
      CONFAB_INVITE_SECRET: INVITE,
      CONFAB_PUBLIC_URL: 'http://meet.example',
      ...env,
    },
    {},
  );
  if (problems.length) throw new Error(problems.join('; '));
  return config;
}

/** A widget folder with only index.html: enough for the routes that are not about static files. */
export function demoWidget(): string {
  const dist = mkdtempSync(join(tmpdir(), 'confab-widget-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>demo</title>');
  return dist;
}
