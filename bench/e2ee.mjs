#!/usr/bin/env node
// Benchmark: what end-to-end encryption costs a 2-person call. Two Confab participants (camera and
// microphone on, Chromium's fake devices) meet in one room on the real LiveKit server, once with
// e2ee="off" and once with e2ee="on", alternating, ROUNDS times each. Once both see the other's video
// decoding, the browser's CPU time (every Chromium process: both pages, their workers, the GPU and
// network processes, read from /proc) is measured over WINDOW_S seconds, with the frames each page
// decoded in it (so both modes carry the same video). Prints JSON; never fails on timing. Run after
// `npm run build`: `node bench/e2ee.mjs`.
import { readFileSync, readdirSync } from 'node:fs';
import { startServer } from '../scripts/livekit.mjs';
import { confabServer, launchBrowser } from './pages.mjs';

const ROUNDS = Number(process.env.BENCH_E2EE_ROUNDS ?? 3);
const WINDOW_S = Number(process.env.BENCH_E2EE_WINDOW_S ?? 15);
const LIVEKIT_PORT = 7905;
const APP_PORT = 8209;
const TICK = 100; // USER_HZ: /proc times are in 1/100 s on Linux.
const log = (m) => process.stderr.write(`[e2ee] ${m}\n`);

/** Every process of the browser launched by this run (its main process and all it started). */
function browserTree(root) {
  const parent = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone since the listing.
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) if (!tree.has(pid) && tree.has(ppid)) (tree.add(pid), (grew = true));
  }
  return [...tree];
}

/** CPU seconds (user + system) the processes have used so far. */
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Exited.
    }
  }
  return ticks / TICK;
}

/** The main Chromium process: the one whose command line carries this run's marker. */
function browserPid(marker) {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker) &&
        !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=')
      )
        return Number(pid);
    } catch {
      // Gone.
    }
  }
  throw new Error('the browser process was not found');
}

/** Remote video frames a page decoded so far (its tiles' videos). */
const decoded = (page) =>
  page.evaluate(() => {
    const m = document.querySelector('confab-meeting');
    const tiles = [...(m?.shadowRoot?.querySelector('confab-grid')?.shadowRoot?.querySelectorAll('confab-tile:not([data-local])') ?? [])];
    return tiles.reduce((n, t) => n + (t.shadowRoot?.querySelector('video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0), 0);
  });

const livekit = await startServer({ port: LIVEKIT_PORT, quiet: true, logLevel: 'warn' });
const app = await confabServer(APP_PORT, livekit.url);
// A switch Chromium ignores, to find this run's browser among the machine's processes.
const marker = `--confab-bench-e2ee=${process.pid}`;
const browser = await launchBrowser({ extraArgs: [marker] });

const runs = [];
try {
  const pids = () => browserTree(browserPid(marker));
  for (let round = 0; round < ROUNDS; round++) {
    for (const e2ee of ['off', 'on']) {
      const room = `e2ee-bench-${round}-${e2ee}-${Date.now().toString(36)}`;
      const contexts = [];
      const pages = [];
      for (const name of ['Ada', 'Bob']) {
        const context = await browser.newContext({ viewport: { width: 960, height: 640 }, permissions: ['camera', 'microphone'] });
        contexts.push(context);
        const page = await context.newPage();
        pages.push(page);
        const query = new URLSearchParams({ room, name, prejoin: 'off', e2ee });
        await page.goto(`http://127.0.0.1:${APP_PORT}/?${query}${e2ee === 'on' ? '#e2ee-key=bench%20passphrase' : ''}`);
      }
      // Both in, each decoding the other's video: then the window starts.
      for (const page of pages) {
        await page.locator('confab-meeting[data-state="connected"]').waitFor({ timeout: 30_000 });
        for (let t = Date.now(); (await decoded(page)) < 30;) {
          if (Date.now() - t > 30_000) throw new Error(`no remote video in ${e2ee} round ${round}`);
          await page.waitForTimeout(250);
        }
      }
      await pages[0].waitForTimeout(3000);
      const tree = pids();
      const cpu0 = cpuSeconds(tree);
      const frames0 = await Promise.all(pages.map(decoded));
      const t0 = performance.now();
      await pages[0].waitForTimeout(WINDOW_S * 1000);
      const seconds = (performance.now() - t0) / 1000;
      const cpu = cpuSeconds(tree) - cpu0;
      const frames = (await Promise.all(pages.map(decoded))).map((n, i) => n - frames0[i]);
      const encrypted = await Promise.all(pages.map((p) => p.locator('confab-meeting').getAttribute('data-encrypted')));
      if ((e2ee === 'on') !== encrypted.every((a) => a !== null)) throw new Error(`e2ee="${e2ee}" but data-encrypted says otherwise`);
      const run = {
        e2ee,
        round,
        cpuCores: Math.round((cpu / seconds) * 1000) / 1000,
        framesPerSecondPerPage: frames.map((f) => Math.round((f / seconds) * 10) / 10),
      };
      runs.push(run);
      log(JSON.stringify(run));
      await Promise.all(contexts.map((c) => c.close()));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const of = (mode) => runs.filter((r) => r.e2ee === mode);
  const off = median(of('off').map((r) => r.cpuCores));
  const on = median(of('on').map((r) => r.cpuCores));
  const result = {
    what: `browser CPU (cores, all Chromium processes) for a 2-person call, camera and microphone on, over ${WINDOW_S} s; median of ${ROUNDS} alternating runs`,
    cpuCoresOff: off,
    cpuCoresOn: on,
    extraCoresForEncryption: Math.round((on - off) * 1000) / 1000,
    ratioOnToOff: Math.round((on / off) * 100) / 100,
    framesPerSecondPerPage: {
      off: median(of('off').flatMap((r) => r.framesPerSecondPerPage)),
      on: median(of('on').flatMap((r) => r.framesPerSecondPerPage)),
    },
    runs,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser.close();
  await app.close();
  await livekit.stop();
}
