import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';
import { writeSpeechWav } from './tests/e2e/speech.js';

// E2E against the real LiveKit server (built from source, see scripts/livekit.mjs) and Debian Chromium.
// Ports differ from `npm start` (7880/8080) so both can run at once.
const LIVEKIT_PORT = 7890;
const APP_PORT = 8190;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream=device-count=3',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  `--use-file-for-fake-audio-capture=${writeSpeechWav(resolve(import.meta.dirname, '.cache', 'speech.wav'))}`,
];

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    browserName: 'chromium',
    headless: true,
    permissions: ['camera', 'microphone'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `node scripts/livekit.mjs run --port ${LIVEKIT_PORT} --log-level warn`,
      url: `http://127.0.0.1:${LIVEKIT_PORT}/`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // The Confab server in its development configuration, exactly as `npm start` runs it.
    {
      command: 'node server/dist/cli.js --dev',
      env: { PORT: String(APP_PORT), LIVEKIT_URL: `ws://127.0.0.1:${LIVEKIT_PORT}`, CONFAB_LOG_LEVEL: 'warn' },
      url: `http://127.0.0.1:${APP_PORT}/readyz`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    // The static Storybook build: every story is a component test.
    {
      command: 'node scripts/static.mjs --port 8193 --dist storybook-static',
      url: 'http://127.0.0.1:8193/index.json',
      timeout: 30_000,
      reuseExistingServer: false,
    },
    // Host pages on two more origins, for the cross-origin embedding tests.
    ...[8191, 8192].map((port) => ({
      command: `node scripts/static.mjs --port ${port} --dist tests/e2e/fixtures`,
      url: `http://127.0.0.1:${port}/host.html`,
      timeout: 30_000,
      reuseExistingServer: false,
    })),
  ],
});
