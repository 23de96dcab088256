#!/usr/bin/env node
// Benchmark (JSON): the call's grid with 9, 16 and 25 people — one browser and 8, 15 or 24 synthetic
// publishers (@livekit/rtc-node, tests/e2e/crowd/publishers.mjs, 160×90 at BENCH_GRID_FPS, default
// 15) — in Confab and in LiveKit's own prebuilt (VideoConference), one after the other in the same
// room, browser and 1280×720 window. Over BENCH_GRID_SECONDS (default 5) of a settled call, each page
// reports: its frame rate (requestAnimationFrame) and p95 frame interval, the remote video frames it
// painted per second (requestVideoFrameCallback over every <video> on screen), the tiles showing
// remote video, its longest main-thread task, and main-thread busy time (CDP TaskDuration) per
// second. Never fails on timing. Run after `npm run build`: `node bench/grid.mjs`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startServer } from '../scripts/livekit.mjs';
import { buildVideoConference, confabServer, createStaticServer, launchBrowser, listen, meetOut, opener, ratio, root } from './pages.mjs';

const SIZES = (process.env.BENCH_GRID ?? '9,16,25').split(',').map(Number);
const FPS = Number(process.env.BENCH_GRID_FPS ?? 15);
const SECONDS = Number(process.env.BENCH_GRID_SECONDS ?? 5);
const LIVEKIT_PORT = 7899;
const log = (msg) => process.stderr.write(`[bench grid] ${msg}\n`);

await buildVideoConference();
const server = await startServer({ port: LIVEKIT_PORT, quiet: true, logLevel: 'warn' });
const app = await confabServer(8201, server.url);
const meet = createStaticServer({ distDir: meetOut });
await listen(meet, 8202);
const browser = await launchBrowser();
const open = opener(browser, 'http://127.0.0.1:8201', 'http://127.0.0.1:8202');

/** `count` synthetic publishers in `room`; resolves once all publish, with a stop function. */
async function crowd(room, count) {
  const child = spawn(
    process.execPath,
    [join(root, 'tests/e2e/crowd/publishers.mjs'), server.url, room, String(count), 'bench', String(FPS)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('{"ready"') && resolve());
    child.once('exit', (code) => reject(new Error(`the synthetic crowd exited (${code}) before everyone published`)));
  });
  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
}

// Every <video> in the page, through shadow roots, that is on screen and shows a remote picture.
const REMOTE_VIDEOS = `(() => {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? deep(el.shadowRoot) : [])).concat([...root.querySelectorAll('video')]);
  const local = (v) => v.closest('[data-local], [data-lk-local-participant="true"]') || v.getRootNode().host?.matches?.('[data-local]');
  return deep(document).filter((v) => {
    const r = v.getBoundingClientRect();
    return !local(v) && v.videoWidth > 0 && r.width > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && v.checkVisibility();
  });
})()`;

/** Measured in the page over SECONDS: frames, frame gaps, painted remote video frames, long tasks. */
const MEASURE = `new Promise((done) => {
  const videos = ${REMOTE_VIDEOS};
  let painted = 0;
  let running = true;
  for (const v of videos) {
    const count = () => { if (!running) return; painted++; v.requestVideoFrameCallback(count); };
    v.requestVideoFrameCallback(count);
  }
  let longest = 0;
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
  observer.observe({ type: 'longtask' });
  const gaps = [];
  const start = performance.now();
  let last = start;
  const tick = (t) => {
    gaps.push(t - last);
    last = t;
    if (t - start < ${SECONDS * 1000}) return requestAnimationFrame(tick);
    running = false;
    observer.disconnect();
    const seconds = (t - start) / 1000;
    gaps.sort((a, b) => a - b);
    done({
      tiles: videos.length,
      fps: Math.round((gaps.length / seconds) * 10) / 10,
      frameIntervalP95Ms: Math.round(gaps[Math.floor(gaps.length * 0.95)] * 10) / 10,
      remoteFramesPaintedPerSecond: Math.round(painted / seconds),
      longestTaskMs: Math.round(longest),
    });
  };
  requestAnimationFrame(tick);
})`;

async function measureIn(page) {
  // Settled: the remote pictures on screen stop growing in number (or 30 s pass).
  let tiles = -1;
  for (let i = 0, steady = 0; i < 60 && steady < 4; i++) {
    await page.waitForTimeout(500);
    const now = await page.evaluate(`${REMOTE_VIDEOS}.length`);
    steady = now === tiles && now > 0 ? steady + 1 : 0;
    tiles = now;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const before = await busy();
  const t0 = Date.now();
  const result = await page.evaluate(MEASURE);
  result.mainThreadBusyPercent = Math.round((((await busy()) - before) / ((Date.now() - t0) / 1000)) * 1000) / 10;
  return result;
}

const results = [];
try {
  for (const people of SIZES) {
    const room = `bench-grid-${people}-${Date.now()}`;
    const stop = await crowd(room, people - 1);
    try {
      const confab = await open.confab(room, 'Bench', '&prejoin=off');
      await confab.locator('confab-meeting[data-state="connected"]').waitFor({ timeout: 30_000 });
      const ours = await measureIn(confab);
      await confab.context().close();
      const vc = await open.videoConference(room, 'Bench');
      await vc.locator('#join').click();
      await vc.waitForFunction('window.lkRoom?.state === "connected"', null, { timeout: 30_000 });
      const theirs = await measureIn(vc);
      await vc.context().close();
      results.push({
        people,
        confab: ours,
        videoConference: theirs,
        ratioFps: ratio(theirs.fps, ours.fps),
        ratioBusy: ratio(theirs.mainThreadBusyPercent, ours.mainThreadBusyPercent),
      });
      log(`${people} people: ${JSON.stringify(results.at(-1))}`);
    } finally {
      await stop();
    }
  }
  process.stdout.write(
    `${JSON.stringify({ benchmark: 'grid', comparedWith: '@livekit/components-react VideoConference (minified, built in this run)', publisherFps: FPS, seconds: SECONDS, window: '1280x720', runs: results }, null, 2)}\n`,
  );
} finally {
  await browser.close();
  await app.close();
  meet.close();
  await server.stop();
}
