#!/usr/bin/env node
// Benchmark (JSON): a long, busy meeting. Three Confab participants in one room, each sending a chat
// message every 3 s, a reaction every 10 s, a hand up or down every 20 s and its camera off for
// 10 s every 3 minutes (staggered: the first at 40, 80 and 120 s); one keeps the chat panel open, one switches panels every 30 s; at half time the
// LiveKit server crashes and comes back (one reconnect for everyone). Every SAMPLE seconds, after a
// forced garbage collection, each page gives its JS heap, DOM nodes, event listeners, detached DOM
// nodes (CDP DOM.getDetachedDomNodes) and the remote video frames it painted in 2 s. Prints the
// samples and, per page and measure, the least-squares slope per minute; writes bench/soak.svg (the
// curves, linked from the README). Never fails on timing; fails when a message is lost or doubled,
// a command fails outside the restart, or video stops.
//
//   node bench/soak.mjs                       15 minutes (run `npm run build` first)
//   node bench/soak.mjs --minutes 60          longer
//   BENCH_SOAK_MINUTES=1.5 node bench/soak.mjs  the short version CI runs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../scripts/livekit.mjs';
import { confabServer, launchBrowser, opener, root } from './pages.mjs';
import { plot } from './soak-plot.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const MINUTES = Number(arg('minutes') ?? process.env.BENCH_SOAK_MINUTES ?? 15);
// A short run samples more often so that its slopes rest on more than two points.
const SAMPLE_S = Number(arg('sample-seconds') ?? process.env.BENCH_SOAK_SAMPLE_SECONDS ?? (MINUTES < 5 ? 15 : 60));
const RESTARTS = Number(arg('restarts') ?? process.env.BENCH_SOAK_RESTARTS ?? 1);
const LIVEKIT_PORT = 7897;
const APP_PORT = 8207;
const log = (msg) => process.stderr.write(`[bench soak] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let livekit = await startServer({ port: LIVEKIT_PORT, quiet: true, logLevel: 'warn' });
const app = await confabServer(APP_PORT, livekit.url);
const browser = await launchBrowser();
try {
  const open = opener(browser, `http://127.0.0.1:${APP_PORT}`, '');
  const room = `soak-${Date.now()}`;
  const NAMES = ['Ada', 'Ben', 'Cy'];

  // Each page counts, per message id, how often the chat event reported it: lost and doubled show.
  const COUNT_MESSAGES = () => {
    window.__soak = { seen: new Map() };
    document.addEventListener(
      'confab-chat-message',
      (e) => {
        if (e.detail.local) return;
        window.__soak.seen.set(e.detail.text, (window.__soak.seen.get(e.detail.text) ?? 0) + 1);
      },
      true,
    );
  };
  const pages = [];
  for (const name of NAMES) {
    const page = await open.newPage();
    await page.addInitScript(COUNT_MESSAGES);
    await page.goto(`http://127.0.0.1:${APP_PORT}/?room=${room}&name=${name}&prejoin=off`);
    await page.locator('confab-meeting[data-state="connected"]').waitFor({ timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    await cdp.send('DOM.enable');
    pages.push({ name, page, cdp, sent: [], failures: [] });
  }
  const call = (p, method, ...args) => p.page.evaluate(([m, a]) => document.querySelector('confab-meeting')[m](...a), [method, args]);

  // Warm-up, not measured: every part the activity uses is loaded and shown once (lazy chunks, the
  // panels, the hand and reaction layers), so the slopes measure a meeting in its steady state.
  for (const p of pages) {
    for (const panel of ['participants', 'settings', 'chat']) await call(p, 'openPanel', panel);
    await call(p, 'closePanel');
    await call(p, 'raiseHand', true);
    await call(p, 'sendReaction', '👍');
    // Enough chat to fill the open panel's rows, so that later rows replace, not add.
    for (let n = 1; n <= 20; n++) {
      await call(p, 'sendChatMessage', `${p.name} warms up ${n}`);
      p.sent.push(`${p.name} warms up ${n}`);
    }
    await call(p, 'raiseHand', false);
  }
  await call(pages[0], 'openPanel', 'chat');
  await sleep(5000);

  // Remote video frames painted over 2 s, summed over every remote <video> (tiles may be new after
  // the reconnect, so each sample counts afresh).
  const FRAMES_IN_2S = () =>
    new Promise((done) => {
      const deep = (r) =>
        [...r.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? deep(el.shadowRoot) : [])).concat([...r.querySelectorAll('video')]);
      const videos = deep(document).filter(
        (v) => !v.closest('[data-local]') && !v.getRootNode().host?.matches?.('[data-local]') && v.videoWidth > 0,
      );
      let frames = 0;
      let running = true;
      for (const v of videos) {
        const count = () => {
          if (!running) return;
          frames++;
          v.requestVideoFrameCallback(count);
        };
        v.requestVideoFrameCallback(count);
      }
      setTimeout(() => {
        running = false;
        done(frames);
      }, 2000);
    });

  async function sample(p) {
    await p.cdp.send('HeapProfiler.collectGarbage');
    await p.cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await p.cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const { detachedNodes } = await p.cdp.send('DOM.getDetachedDomNodes');
    return {
      heapKB: Math.round(m.JSHeapUsedSize / 1024),
      nodes: m.Nodes,
      listeners: m.JSEventListeners,
      detachedNodes: detachedNodes.reduce((n, d) => n + d.retainedNodeIds.length, 0),
      remoteFramesIn2s: await p.page.evaluate(FRAMES_IN_2S),
      othersCameraOn: pages.filter((o) => o !== p && !o.cameraOff).length,
    };
  }

  // The activity: timers per page, paused around the server restart.
  let paused = false;
  let serial = 0;
  const timers = [];
  const every = (ms, fn) => timers.push(setInterval(() => !paused && fn(), ms)); // fn is an act(): it never throws
  pages.forEach((p, i) => {
    const act = async (what, fn) => {
      try {
        await fn();
      } catch (err) {
        if (!paused) p.failures.push(`${what}: ${err.message.split('\n')[0]}`);
      }
    };
    let hand = false;
    every(3000, () =>
      act('chat', async () => {
        const text = `${p.name} says ${++serial}`;
        await call(p, 'sendChatMessage', text);
        p.sent.push(text);
      }),
    );
    every(10_000, () => act('reaction', () => call(p, 'sendReaction', ['👍', '🎉', '❤️'][i])));
    every(20_000, () => act('hand', () => call(p, 'raiseHand', (hand = !hand))));
    // Staggered, so that someone's camera is always on and video must always flow.
    const first = setTimeout(
      () => {
        const toggle = () =>
          act('camera', async () => {
            p.cameraOff = true;
            await call(p, 'setCamera', false);
            await sleep(10_000);
            await call(p, 'setCamera', true);
            p.cameraOff = false;
          });
        if (!paused) toggle();
        every(180_000, toggle);
      },
      (i + 1) * 40_000,
    );
    timers.push(first);
    if (i === 1) {
      let panel = 0;
      every(30_000, () =>
        act('panel', () => (++panel % 3 === 0 ? call(p, 'closePanel') : call(p, 'openPanel', panel % 3 === 1 ? 'participants' : 'chat'))),
      );
    }
  });

  const samples = [];
  const t0 = Date.now();
  const end = t0 + MINUTES * 60_000;
  let restarts = 0;
  const restartLog = [];
  log(`${MINUTES} min, a sample every ${SAMPLE_S} s, room ${room}`);
  while (true) {
    const minute = (Date.now() - t0) / 60_000;
    const row = { minute: Math.round(minute * 100) / 100 };
    for (const p of pages) row[p.name] = await sample(p);
    samples.push(row);
    log(`t=${row.minute} min ${pages.map((p) => `${p.name}: ${JSON.stringify(row[p.name])}`).join(' ')}`);
    if (Date.now() >= end) break;
    if (restarts < RESTARTS && Date.now() - t0 >= ((restarts + 1) * MINUTES * 60_000) / (RESTARTS + 1)) {
      restarts++;
      paused = true;
      await sleep(3500); // commands in flight finish
      log('LiveKit crashes and comes back');
      const exited = new Promise((r) => livekit.child.once('exit', r));
      livekit.child.kill('SIGKILL');
      await exited;
      await sleep(1000);
      livekit = await startServer({ port: LIVEKIT_PORT, quiet: true, logLevel: 'warn' });
      const r0 = Date.now();
      for (const p of pages) await p.page.locator('confab-meeting[data-state="connected"]').waitFor({ timeout: 60_000 });
      for (const p of pages) await p.page.waitForFunction(FRAMES_IN_2S, null, { timeout: 60_000 });
      restartLog.push({ minute: row.minute, backWithVideoMs: Date.now() - r0 });
      log(`everyone back with video in ${Date.now() - r0} ms`);
      paused = false;
    }
    await sleep(Math.max(0, Math.min(end, t0 + samples.length * SAMPLE_S * 1000) - Date.now()));
  }
  paused = true;
  timers.forEach(clearInterval);
  await sleep(4000); // the last messages arrive

  // Delivery: every message one page sent arrived exactly once at each other page.
  const delivery = {};
  for (const p of pages) {
    const seen = new Map(await p.page.evaluate(() => [...window.__soak.seen]));
    const expected = pages.filter((o) => o !== p).flatMap((o) => o.sent);
    delivery[p.name] = {
      expected: expected.length,
      received: seen.size,
      lost: expected.filter((t) => !seen.has(t)).length,
      doubled: [...seen.values()].filter((n) => n > 1).length,
      commandFailures: p.failures,
    };
  }

  // Least-squares slope per minute of each measure, per page, over every sample (the restart included).
  const slope = (xs, ys) => {
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    return sxx === 0 ? 0 : Math.round((xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / sxx) * 100) / 100;
  };
  const MEASURES = ['heapKB', 'nodes', 'listeners', 'detachedNodes'];
  /** Per page and measure: the slopes over these stretches of samples, averaged by their lengths. */
  const slopesOver = (stretches) => {
    const weight = stretches.reduce((n, st) => n + st.length - 1, 0);
    const per = (name, k) =>
      stretches.reduce(
        (a, st) =>
          a +
          (st.length - 1) *
            slope(
              st.map((x) => x.minute),
              st.map((x) => x[name][k]),
            ),
        0,
      ) / weight;
    return Object.fromEntries(
      pages.map((p) => [p.name, Object.fromEntries(MEASURES.map((k) => [k, weight ? Math.round(per(p.name, k) * 100) / 100 : null]))]),
    );
  };
  const slopesPerMinute = slopesOver([samples]);
  // What a running meeting grows by: slopes between restarts, each stretch without its first sample
  // (a reconnect builds its one-time parts then), averaged by length; and what each restart added.
  const stretches = [[]];
  for (const sample of samples) {
    stretches.at(-1).push(sample);
    if (restartLog.some((r) => r.minute === sample.minute)) stretches.push([]);
  }
  const steady = stretches.map((st) => st.slice(1)).filter((st) => st.length >= 3);
  const steadySlopesPerMinute = slopesOver(steady);
  const restartSteps = stretches.slice(1).map((after, i) => {
    const before = stretches[i].at(-1);
    return Object.fromEntries(
      pages.map((p) => [p.name, Object.fromEntries(MEASURES.map((k) => [k, after[0] ? after[0][p.name][k] - before[p.name][k] : null]))]),
    );
  });
  const videoStopped = samples.some((s) => pages.some((p) => s[p.name].remoteFramesIn2s === 0 && s[p.name].othersCameraOn > 0));
  const result = {
    minutes: MINUTES,
    sampleSeconds: SAMPLE_S,
    participants: NAMES.length,
    messagesSent: pages.reduce((n, p) => n + p.sent.length, 0),
    slopesPerMinute,
    steadySlopesPerMinute,
    restartSteps,
    delivery,
    videoStopped,
    restarts: restartLog,
    samples,
  };
  if (MINUTES >= 5) writeFileSync(join(root, 'bench', 'soak.svg'), plot(samples, NAMES, MEASURES));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

  const broken = Object.values(delivery).some((d) => d.lost || d.doubled || d.commandFailures.length) || videoStopped;
  if (broken) {
    log('a message was lost or doubled, a command failed, or video stopped: see the JSON');
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await app.close();
  await livekit.stop();
}
