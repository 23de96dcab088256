#!/usr/bin/env node
// Benchmark (JSON): Confab beside LiveKit's own prebuilt — @livekit/components-react's VideoConference,
// bundled (minified) in this same run from tests/e2e/meet/ — against the same local LiveKit server, in
// the same browser, with the same fake camera:
//   - gzip size of what each page loads;
//   - join click → first remote video frame, p50/p95 over BENCH_JOINS joins (default 10) each;
//   - a server crash (SIGKILL) and restart with a call of two of each, BENCH_RESTARTS times (default 3) →
//     each showing the other's video again, measured from the moment the new server listens.
// Never fails on timing. Run after `npm run build`: `node bench/prebuilt.mjs`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { measure, total } from '../scripts/check-size.mjs';
import { startServer } from '../scripts/livekit.mjs';
import {
  buildVideoConference,
  confabServer,
  createStaticServer,
  launchBrowser,
  listen,
  meetOut,
  opener,
  pct,
  ratio,
  root,
} from './pages.mjs';

const dist = join(root, 'dist');
const JOINS = Number(process.env.BENCH_JOINS ?? 10);
const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 3);
const LIVEKIT_PORT = 7897;
const log = (msg) => process.stderr.write(`[bench prebuilt] ${msg}\n`);

// LiveKit's prebuilt, minified as a site would ship it.
await buildVideoConference();
const jsIn = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.js') && statSync(join(dir, f)).isFile())
    .map((f) => join(dir, f));
// What Confab's page loads to be in a call in English, livekit-client included (scripts/check-size.mjs
// follows the static imports). Chat, blur and other languages load when first used; VideoConference's
// bundle has all of its own.
const confabSizes = measure(dist);
const sizes = {
  confab: {
    callJsGzipBytes: confabSizes.callTotal,
    shellGzipBytes: confabSizes.shell,
    inCallWithoutLivekitGzipBytes: confabSizes.inCall,
    livekitClientGzipBytes: confabSizes.livekitClient,
    chatPanelGzipBytes: confabSizes.chatPanel,
    blurGzipBytes: confabSizes.blur,
    hostHelperGzipBytes: confabSizes.helper,
  },
  videoConference: { allJsGzipBytes: total(jsIn(meetOut)) },
};
sizes.ratioVideoConferenceToConfab = ratio(sizes.videoConference.allJsGzipBytes, sizes.confab.callJsGzipBytes);

const livekit = await startServer({ port: LIVEKIT_PORT, quiet: true, logLevel: 'warn' });
let server = livekit;
const app = await confabServer(8197, livekit.url);
const meet = createStaticServer({ distDir: meetOut });
await listen(meet, 8198);
const base = 'http://127.0.0.1:8197';
const meetBase = 'http://127.0.0.1:8198';
const browser = await launchBrowser();
const open = opener(browser, base, meetBase);

// Frames of the first remote <video> each page shows (Confab's tiles live in shadow roots).
const REMOTE_FRAMES = {
  confab: () => {
    const grid = document.querySelector('confab-meeting')?.shadowRoot?.querySelector('confab-grid');
    const video = grid?.shadowRoot?.querySelector('confab-tile:not([data-local])')?.shadowRoot?.querySelector('video');
    return video ? video.getVideoPlaybackQuality().totalVideoFrames : 0;
  },
  videoConference: () => {
    const video = document.querySelector('.lk-participant-tile[data-lk-local-participant="false"] video');
    return video ? video.getVideoPlaybackQuality().totalVideoFrames : 0;
  },
};
const JOIN_BUTTON = {
  confab: () => document.querySelector('confab-meeting').shadowRoot.querySelector('confab-prejoin').shadowRoot.querySelector('button.join'),
  videoConference: () => document.querySelector('#join'),
};
const CONNECTED = {
  confab: () => document.querySelector('confab-meeting')?.dataset.state === 'connected',
  videoConference: () => window.lkRoom?.state === 'connected',
};

const openConfab = open.confab;
const openVideoConference = open.videoConference;

/** Click Join, then wait in the page (rAF) for the first decoded remote frame. */
async function clickToFirstRemoteFrame(page, kind) {
  // A string expression: the pages' CSP forbids eval, and Playwright evaluates strings as they are.
  return page.evaluate(`new Promise((done) => {
    const remoteFrames = ${REMOTE_FRAMES[kind]};
    const start = performance.now();
    const poll = () => (remoteFrames() > 0 ? done(performance.now() - start) : requestAnimationFrame(poll));
    (${JOIN_BUTTON[kind]})().click();
    poll();
  })`);
}

const joins = { confab: [], videoConference: [] };
try {
  for (let i = 0; i < JOINS; i++) {
    for (const kind of ['confab', 'videoConference']) {
      const room = `bench-${kind}-${Date.now()}-${i}`;
      const other = await openConfab(room, 'Other', '&prejoin=off');
      await other.locator('confab-meeting[data-state="connected"]').waitFor();
      const page = kind === 'confab' ? await openConfab(room, 'Bench') : await openVideoConference(room, 'Bench');
      if (kind === 'confab') await page.locator('confab-prejoin .preview[data-preview="live"]').waitFor();
      await page.waitForTimeout(500); // a user reads the screen before clicking
      joins[kind].push(await clickToFirstRemoteFrame(page, kind));
      await page.context().close();
      await other.context().close();
    }
    log(`join ${i + 1}/${JOINS}`);
  }

  // Two calls — two Confab users in one room, two VideoConference users in another — then the server
  // crashes and comes back on the same port, RESTARTS times. Each pair must rejoin and republish
  // before its members see each other again, so each figure is that prebuilt's own recovery.
  const stamp = Date.now();
  const confab = await openConfab(`bench-restart-confab-${stamp}`, 'Confab', '&prejoin=off');
  await openConfab(`bench-restart-confab-${stamp}`, 'Confab2', '&prejoin=off');
  const vc = await openVideoConference(`bench-restart-vc-${stamp}`, 'VideoConference');
  const vc2 = await openVideoConference(`bench-restart-vc-${stamp}`, 'VideoConference2');
  await vc.locator('#join').click();
  await vc2.locator('#join').click();
  const pages = { confab, videoConference: vc };
  const restarts = { confab: [], videoConference: [] };
  const connected = { confab: [], videoConference: [] };
  for (let i = 0; i < RESTARTS; i++) {
    for (const [kind, page] of Object.entries(pages)) {
      await page.waitForFunction(`(${REMOTE_FRAMES[kind]})() > 0`, null, { timeout: 60_000, polling: 100 }).catch(async (err) => {
        throw new Error(
          `${kind}: no remote video before restart ${i + 1} (frames ${await page.evaluate(`(${REMOTE_FRAMES[kind]})()`)}): ${err.message}`,
        );
      });
    }
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGKILL');
    await exited;
    await new Promise((r) => setTimeout(r, 1000));
    server = await startServer({ port: LIVEKIT_PORT, quiet: true, logLevel: 'warn' });
    const t0 = Date.now();
    await Promise.all(
      Object.entries(pages).map(async ([kind, page]) => {
        await page.waitForFunction(`(${CONNECTED[kind]})()`, null, { timeout: 60_000, polling: 50 });
        connected[kind].push(Date.now() - t0);
        const before = await page.evaluate(`(${REMOTE_FRAMES[kind]})()`);
        // A fresh tile restarts the counter, an old one keeps counting: either way, new frames flow.
        await page.waitForFunction(`(() => { const n = (${REMOTE_FRAMES[kind]})(); return n > 0 && n !== ${before} })()`, null, {
          timeout: 60_000,
          polling: 50,
        });
        restarts[kind].push(Date.now() - t0);
      }),
    );
    log(`restart ${i + 1}/${RESTARTS}`);
  }
  const reconnect = Object.fromEntries(
    Object.entries(restarts).map(([kind, xs]) => [
      kind,
      { toConnectedMsP50: pct(connected[kind], 0.5), toRemoteVideoMsP50: pct(xs, 0.5), all: xs },
    ]),
  );
  const result = {
    benchmark: 'prebuilt',
    comparedWith: '@livekit/components-react VideoConference (minified, built in this run)',
    machine: { cores: (await import('node:os')).cpus().length },
    sizes,
    joinClickToFirstRemoteFrameMs: {
      joins: JOINS,
      confab: { p50: pct(joins.confab, 0.5), p95: pct(joins.confab, 0.95) },
      videoConference: { p50: pct(joins.videoConference, 0.5), p95: pct(joins.videoConference, 0.95) },
      ratioP50: ratio(pct(joins.videoConference, 0.5), pct(joins.confab, 0.5)),
      ratioP95: ratio(pct(joins.videoConference, 0.95), pct(joins.confab, 0.95)),
    },
    serverRestart: {
      ...reconnect,
      restarts: RESTARTS,
      ratioToRemoteVideoP50: ratio(reconnect.videoConference.toRemoteVideoMsP50, reconnect.confab.toRemoteVideoMsP50),
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser.close();
  await app.close();
  meet.close();
  await server.stop();
}
