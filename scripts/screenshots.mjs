#!/usr/bin/env node
// `npm run screenshots`: the widget at 280×400, 320×480, 1200×200 and 1920×1080 (pre-join, call,
// More menu, chat, settings), from the real app against the real LiveKit server, into
// docs/screenshots/ for the README. It runs the box-size E2E test (tests/e2e/boxes.spec.ts), which
// takes the pictures when CONFAB_SCREENSHOTS is set, so every picture is of a state the test checked.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './lib/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status || 1);
};

run('npm', ['run', 'build']);
// The E2E config also serves the Storybook build; make one if there is none.
if (!existsSync(join(root, 'storybook-static', 'index.json')))
  run(bin('storybook'), ['build', '-o', 'storybook-static', '--quiet'], { STORYBOOK_DISABLE_TELEMETRY: '1' });
const { ensureBinary } = await import('./livekit.mjs');
const livekit = await ensureBinary();
run(bin('playwright'), ['test', 'tests/e2e/boxes.spec.ts'], {
  CHROMIUM_PATH: ensureChromium(),
  LIVEKIT_SERVER_BIN: livekit,
  CONFAB_SCREENSHOTS: '1',
});
process.stdout.write(`screenshots in ${join(root, 'docs', 'screenshots')}\n`);
