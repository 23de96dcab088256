// What the benchmarks that put Confab beside LiveKit's own prebuilt share: the prebuilt page
// (@livekit/components-react VideoConference from tests/e2e/meet/, bundled minified as a site would
// ship it), the browser both run in, and the two ways into a call.
import { chromium } from '@playwright/test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const meetOut = join(root, '.cache', 'bench-meet');

/** The Confab server in its development configuration (run `npm run build` first), as `npm start` runs it. */
export async function confabServer(port, livekitUrl) {
  const { startServer } = await import('../server/dist/index.js');
  return startServer({ dev: true, logger: false, env: { PORT: String(port), LIVEKIT_URL: livekitUrl } });
}

/** A plain static server for LiveKit's own prebuilt and the bench pages. */
export { createStaticServer, listen } from '../scripts/static.mjs';
export const pct = (xs, p) => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]);
export const ratio = (theirs, ours) => Math.round((theirs / ours) * 100) / 100;

/** LiveKit's prebuilt, minified, into .cache/bench-meet. */
export function buildVideoConference() {
  return build({
    configFile: join(root, 'tests/e2e/meet/vite.config.mjs'),
    logLevel: 'warn',
    build: { outDir: meetOut, emptyOutDir: true, minify: true },
  });
}

export function launchBrowser({ extraArgs = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
}

/** Pages opened into a Confab app server (`base`) and a VideoConference one (`meetBase`). */
export function opener(browser, base, meetBase) {
  // bypassCSP: the benches' own probes evaluate strings; the pages behave the same.
  const newPage = async () =>
    (
      await browser.newContext({ permissions: ['camera', 'microphone'], bypassCSP: true, viewport: { width: 1280, height: 720 } })
    ).newPage();
  return {
    newPage,
    async confab(room, name, query = '') {
      const page = await newPage();
      await page.goto(`${base}/?room=${room}&name=${name}${query}`);
      return page;
    },
    async videoConference(room, name) {
      const page = await newPage();
      await page.goto(`${meetBase}/index.html?${new URLSearchParams({ bench: '1', app: base, room, name })}`);
      await page.locator('#join').waitFor();
      return page;
    },
  };
}
