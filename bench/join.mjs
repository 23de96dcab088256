#!/usr/bin/env node
// Benchmark: bundle sizes and join timings against the real LiveKit server in Chromium.
// Prints JSON; never fails on timing. Run after `npm run build`: `npm run bench`.
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from '../scripts/livekit.mjs';
import { createAppServer, listen } from '../scripts/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const chunk = (prefix) => readdirSync(join(dist, 'chunks')).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const sizes = {
  shellGzipBytes: gz(join(dist, 'confab.js')) + gz(join(dist, 'chunks', chunk('define'))),
  sdkChunkGzipBytes: gz(join(dist, 'chunks', chunk('session'))),
  frameHelperGzipBytes: gz(join(dist, 'confab-frame.js')),
};

const livekit = await startServer({ port: 7895, quiet: true, logLevel: 'warn' });
const app = createAppServer({ livekitUrl: livekit.url });
await listen(app, 8195);
const base = 'http://127.0.0.1:8195';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'],
});

const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const room = `bench-${Date.now()}-${i}`;
    const other = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
    await other.goto(`${base}/?room=${room}&name=Other&prejoin=off`);
    await other.locator('confab-meeting[data-state="connected"]').waitFor();
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}/?room=${room}&name=Bench`);
    await page.locator('confab-prejoin .preview[data-preview="live"]').waitFor();
    const previewMs = Date.now() - t0;
    await page.waitForTimeout(500); // a user reads the screen: the warm-up has time to finish
    const result = await page.evaluate(
      () =>
        new Promise((resolveResult) => {
          const meeting = document.querySelector('confab-meeting');
          const start = performance.now();
          let connectedMs = 0;
          meeting.addEventListener('confab-joined', () => (connectedMs = performance.now() - start), { once: true });
          const poll = () => {
            const grid = meeting.shadowRoot.querySelector('confab-grid');
            const tile = grid?.shadowRoot.querySelector('confab-tile:not([data-local])');
            const video = tile?.shadowRoot.querySelector('video');
            if (video && video.getVideoPlaybackQuality().totalVideoFrames > 0) {
              resolveResult({ clickToJoinedMs: connectedMs, clickToFirstRemoteFrameMs: performance.now() - start });
            } else requestAnimationFrame(poll);
          };
          meeting.shadowRoot.querySelector('confab-prejoin').shadowRoot.querySelector('button.join').click();
          poll();
        }),
    );
    runs.push({ previewMs, ...result });
    await context.close();
    await other.context().close();
  }
} finally {
  await browser.close();
  app.close();
  await livekit.stop();
}

const pick = (k) => Math.round(median(runs.map((r) => r[k])));
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'join',
      machine: { cores: (await import('node:os')).cpus().length },
      runs: RUNS,
      sizes,
      median: { pageToPreviewMs: pick('previewMs'), clickToJoinedMs: pick('clickToJoinedMs'), clickToFirstRemoteFrameMs: pick('clickToFirstRemoteFrameMs') },
      all: runs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)]))),
    },
    null,
    2,
  )}\n`,
);
