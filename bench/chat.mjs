#!/usr/bin/env node
// Benchmark: the chat panel with 1,000 and 10,000 messages in Chromium. Appends go through the store,
// as received messages do; each is timed from the store write to the next frame. Then the same in
// LiveKit's own prebuilt (VideoConference, bundled in this run, connected to a local LiveKit server):
// messages arrive as room events on the chat topic it reads, and each append is timed from its
// arrival to the first frame that shows it. Prints JSON; never fails on timing. Run after
// `npx vite build`: `node bench/chat.mjs`.
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from '../scripts/livekit.mjs';
import { buildVideoConference, confabServer, createStaticServer, launchBrowser, listen, meetOut, opener } from './pages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const APPENDS = Number(process.env.BENCH_APPENDS ?? 200);
// VideoConference renders every message (no virtualization): fewer appends keep the run short.
const VC_APPENDS = Number(process.env.BENCH_VC_APPENDS ?? 40);
const gz = (file) => gzipSync(readFileSync(join(dist, 'chunks', file)), { level: 9 }).length;
const chunks = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
const named = (prefix) => chunks.filter((f) => f.startsWith(`${prefix}-`));
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

// The panel's own chunk (the element and the virtualizer) plus the virtualizer's layout chunk, both loaded with the panel.
const sizes = {
  chatChunkGzipBytes: named('register').reduce((n, f) => n + gz(f), 0),
  virtualizerLayoutChunkGzipBytes: named('flow').reduce((n, f) => n + gz(f), 0),
  chatCoreChunkGzipBytes: named('chat').reduce((n, f) => n + gz(f), 0),
};

const app = await confabServer(8196, 'ws://127.0.0.1:1');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

async function measure(count) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto('http://127.0.0.1:8196/?room=bench&name=Ada&prejoin=on');
  await page.locator('confab-meeting').waitFor();
  const result = await page.evaluate(
    async ({ count, appends }) => {
      const el = document.querySelector('confab-meeting');
      const seed = (s) => el[Symbol.for('confab.seed')](s);
      const names = ['Grace Hopper', 'Alan Turing', 'Ada Lovelace'];
      const msg = (i) => ({
        id: `m${i}`,
        identity: `p${i % 3}`,
        name: names[i % 3],
        text: `Message number ${i} with a few words in it`,
        timestamp: 1.7e12 + i * 1000,
        local: i % 3 === 0,
        status: 'sent',
        seq: i + 1,
      });
      const people = new Map(
        names.map((name, i) => [
          `p${i}`,
          { identity: `p${i}`, name, local: i === 0, joinedAt: i, quality: 'excellent', reconnecting: false },
        ]),
      );
      let messages = Array.from({ length: count }, (_, i) => msg(i));
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const t0 = performance.now();
      seed({
        phase: 'connected',
        room: 'bench',
        localIdentity: 'p0',
        participants: people,
        panel: 'chat',
        chat: { room: 'bench', messages, history: 'loaded', seq: count, readSeq: count },
      });
      let chat;
      while (!(chat = el.shadowRoot.querySelector('confab-chat'))?.shadowRoot?.querySelector('[data-message-id]')) await frame();
      await frame();
      const initialMs = performance.now() - t0;
      const times = [];
      const work = [];
      for (let i = count; i < count + appends; i++) {
        const start = performance.now();
        messages = [...messages, msg(i)];
        seed({ chat: { room: 'bench', messages, history: 'loaded', seq: i + 1, readSeq: i + 1 } });
        await el.updateComplete;
        await chat.updateComplete;
        work.push(performance.now() - start);
        await frame();
        times.push(performance.now() - start);
      }
      await frame();
      const rows = chat.shadowRoot.querySelectorAll('[data-message-id]').length;
      const countAll = (node) => [...node.querySelectorAll('*')].reduce((n, e) => n + 1 + (e.shadowRoot ? countAll(e.shadowRoot) : 0), 0);
      const last = chat.shadowRoot.querySelector(`[data-message-id="m${count + appends - 1}"]`) !== null;
      return { times, work, rows, domNodes: countAll(document), initialMs, lastRowShown: last };
    },
    { count, appends: APPENDS },
  );
  await page.close();
  return {
    messages: count,
    initialRenderMs: Math.round(result.initialMs),
    // Store write → the panel's update done (the main-thread work an append costs).
    appendP50Ms: +pct(result.work, 0.5).toFixed(2),
    appendP95Ms: +pct(result.work, 0.95).toFixed(2),
    // Store write → the next animation frame after it (bounded below by the display's frame interval).
    appendToFrameP50Ms: +pct(result.times, 0.5).toFixed(2),
    appendToFrameP95Ms: +pct(result.times, 0.95).toFixed(2),
    domMessageRows: result.rows,
    domNodesTotal: result.domNodes,
    stayedAtBottom: result.lastRowShown,
  };
}

/** VideoConference with `count` messages in its open chat, then VC_APPENDS more, one at a time. */
async function measureVideoConference(open, count) {
  const page = await open.videoConference(`bench-chat-${count}-${Date.now()}`, 'Bench');
  await page.locator('#join').click();
  await page.waitForFunction('window.lkRoom?.state === "connected"', null, { timeout: 30_000 });
  await page.locator('.lk-control-bar .lk-chat-toggle').click();
  await page.locator('.lk-chat').waitFor();
  // A string: Playwright evaluates it as written (the page's bundle knows nothing of the bench).
  const result = await page.evaluate(`(async ({ count, appends }) => {
    const room = window.lkRoom;
    const encoder = new TextEncoder();
    // The deprecated JSON packet on lk-chat-topic, which components-core still reads: as from a peer.
    const arrive = (i) => room.emit('dataReceived', encoder.encode(JSON.stringify({ id: 'm' + i, timestamp: 1.7e12 + i * 1000, message: 'Message number ' + i + ' with a few words in it' })), room.localParticipant, undefined, 'lk-chat-topic');
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const shown = (i) => {
      const bodies = document.querySelectorAll('.lk-chat-entry .lk-message-body');
      return bodies.length > 0 && bodies[bodies.length - 1].textContent.includes('number ' + i + ' ');
    };
    const t0 = performance.now();
    for (let i = 0; i < count; i++) arrive(i);
    while (!shown(count - 1)) await frame();
    const initialMs = performance.now() - t0;
    const times = [];
    for (let i = count; i < count + appends; i++) {
      const start = performance.now();
      arrive(i);
      do await frame(); while (!shown(i));
      times.push(performance.now() - start);
    }
    const rows = document.querySelectorAll('.lk-chat-entry').length;
    return { times, rows, domNodes: document.querySelectorAll('*').length, initialMs };
  })(${JSON.stringify({ count, appends: VC_APPENDS })})`);
  await page.context().close();
  return {
    messages: count,
    initialRenderMs: Math.round(result.initialMs),
    appendToFrameP50Ms: +pct(result.times, 0.5).toFixed(2),
    appendToFrameP95Ms: +pct(result.times, 0.95).toFixed(2),
    domMessageRows: result.rows,
    domNodesTotal: result.domNodes,
  };
}

try {
  const runs = [];
  for (const count of [1000, 10_000]) runs.push(await measure(count));
  // LiveKit's prebuilt beside it, on a LiveKit server of its own (its page connects before it chats).
  await buildVideoConference();
  const livekit = await startServer({ port: 7898, quiet: true, logLevel: 'warn' });
  const vcApp = await confabServer(8203, livekit.url);
  const meet = createStaticServer({ distDir: meetOut });
  await listen(meet, 8204);
  const vcBrowser = await launchBrowser();
  const videoConference = [];
  try {
    const open = opener(vcBrowser, 'http://127.0.0.1:8203', 'http://127.0.0.1:8204');
    for (const count of [1000, 10_000]) videoConference.push(await measureVideoConference(open, count));
  } finally {
    await vcBrowser.close();
    await vcApp.close();
    meet.close();
    await livekit.stop();
  }
  const at10k = (list) => list.find((r) => r.messages === 10_000);
  console.log(
    JSON.stringify(
      {
        ...sizes,
        appendsPerRun: APPENDS,
        runs,
        videoConference: {
          comparedWith: '@livekit/components-react VideoConference (minified, built in this run)',
          appendsPerRun: VC_APPENDS,
          runs: videoConference,
        },
        ratioAppendToFrameP95At10k: Math.round((at10k(videoConference).appendToFrameP95Ms / at10k(runs).appendToFrameP95Ms) * 100) / 100,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await app.close();
}
