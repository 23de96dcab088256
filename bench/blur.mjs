#!/usr/bin/env node
// Blur bench (JSON): our pipeline and @livekit/track-processors' BackgroundProcessor in the same run,
// same machine, same person camera (.y4m), same local tasks-vision WASM and model (CPU delegate for
// both), at 640x360. Per-frame segmentation / compositing / total ms (medians and p90), output fps,
// the longest main-thread task. Not a test: prints numbers, never fails on timing.
//   node bench/blur.mjs [--seconds 10]
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { createStaticServer } from '../scripts/static.mjs';
import { writeBlurAssets } from '../scripts/lib/blur-assets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.cache', 'bench-blur');
const y4m = join(root, '.cache', 'person.y4m');
mkdirSync(dirname(y4m), { recursive: true });
execFileSync('/usr/bin/python3', [join(root, 'tests/e2e/blur/person-y4m.py'), y4m]);
await build({
  configFile: false,
  root: join(root, 'bench/blur'),
  logLevel: 'warn',
  worker: { format: 'iife' },
  build: { outDir: out, emptyOutDir: true, target: 'es2022' },
});
writeBlurAssets(out);

const server = createStaticServer({ distDir: out });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${y4m}`,
    '--enable-blink-features=LongTaskTiming',
  ],
});
const outside = [];
const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => (s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 100) / 100 : null);
  return { median: q(0.5), p90: q(0.9), n: s.length };
};
const results = {};
for (const impl of ['ours', 'ours-webgl', 'livekit']) {
  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url().startsWith(base) ? route.continue() : (outside.push(route.request().url()), route.abort()),
  );
  page.on('pageerror', (e) => console.error(impl, e.message));
  await page.goto(`${base}/index.html?impl=${impl}`);
  const r = await page.evaluate(() => window.result);
  results[impl] = {
    where: r.where,
    compositor: r.compositor,
    setupMs: Math.round(r.setupMs),
    segmentationMs: stat(r.samples.map((s) => s.segmentMs)),
    compositingMs: stat(r.samples.map((s) => s.compositeMs)),
    totalMs: stat(r.samples.map((s) => s.totalMs)),
    fps: r.fps,
    longestMainThreadTaskMs: Math.round(r.longestTask),
    longTasks: r.longtaskEntries,
  };
  await page.close();
}
await browser.close();
server.close();
const ratio = results.livekit.totalMs.median / results.ours.totalMs.median;
// ours-webgl: the GPU path forced (on a machine without a GPU it runs in software, so it shows the
// path works and what it costs there, not what it gains on real hardware).
console.log(
  JSON.stringify(
    {
      size: '640x360',
      delegate: 'CPU',
      ours: results.ours,
      oursWebgl: results['ours-webgl'],
      livekit: results.livekit,
      totalMsRatio: Math.round(ratio * 100) / 100,
      requestsOutsideOrigin: outside,
    },
    null,
    2,
  ),
);
