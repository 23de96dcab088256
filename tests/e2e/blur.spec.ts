// Background blur end to end: senders whose fake camera shows a person (skimage's astronaut on a
// sharp checkerboard, built at test time), a receiver that measures what arrives. Edge energy (mean
// luma gradient) of the checkerboard sides must collapse with blur on while the face stays sharp.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.js';
import { Participant } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

const APP = 'http://127.0.0.1:8190';
const y4m = resolve(import.meta.dirname, '../../.cache/person.y4m');

/** A browser whose camera is the person .y4m (its own launch: the fake camera file is a launch flag). */
async function personBrowser(): Promise<Browser> {
  mkdirSync(resolve(y4m, '..'), { recursive: true });
  execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'blur/person-y4m.py'), y4m]);
  const args = CHROMIUM_ARGS.filter((a) => !a.startsWith('--use-fake-device-for-media-stream'));
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...args, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`] });
}

/** Aborts and records every request that would leave the app's origin. */
async function guard(p: Participant, outside: string[]) {
  await p.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(APP) || url.startsWith('ws://127.0.0.1:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
}

interface Edges {
  background: number;
  person: number;
}

/** Edge energy of the checkerboard sides and of the face, in a remote tile's current frame. */
function edges(tile: Locator): Promise<Edges> {
  return tile.evaluate((el) => {
    const video = el.shadowRoot?.querySelector('video');
    if (!video || video.videoWidth === 0) return { background: -1, person: -1 };
    const W = 640;
    const H = 360;
    const canvas = new OffscreenCanvas(W, H);
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(video, 0, 0, W, H);
    const px = ctx.getImageData(0, 0, W, H).data;
    const luma = (x: number, y: number) => {
      const i = (y * W + x) * 4;
      return 0.299 * (px[i] ?? 0) + 0.587 * (px[i + 1] ?? 0) + 0.114 * (px[i + 2] ?? 0);
    };
    const energy = (x0: number, x1: number, y0: number, y1: number) => {
      let sum = 0;
      let n = 0;
      for (let y = y0; y < y1 - 1; y++)
        for (let x = x0; x < x1 - 1; x++) {
          sum += Math.abs(luma(x + 1, y) - luma(x, y)) + Math.abs(luma(x, y + 1) - luma(x, y));
          n++;
        }
      return sum / n;
    };
    // The checkerboard: the outer 110 px of each side. The face: centre of the 360x360 portrait.
    const background = (energy(4, 110, 10, 350) + energy(530, 636, 10, 350)) / 2;
    const person = energy(270, 370, 50, 170);
    return { background, person };
  });
}

test.describe('background blur', () => {
  test.describe.configure({ timeout: 180_000 });

  test('with blur on at join the other side sees the background blurred and the person sharp, and no request leaves the origin', async ({ browser }) => {
    const room = `blur-${Date.now()}`;
    const people = await personBrowser();
    const outside: string[] = [];
    try {
      const plain = await Participant.open(people, { room, name: 'Ada', query: { video: 'on', audio: 'off' } });
      const blurred = await Participant.open(people, { room, name: 'Bea', query: { video: 'on', audio: 'off', blur: 'on' } });
      const viewer = await Participant.open(browser, { room, name: 'Rex', query: { video: 'off', audio: 'off' } });
      for (const p of [plain, blurred, viewer]) await guard(p, outside);
      await viewer.joined();
      await blurred.joined();
      await expect(blurred.meeting).toHaveAttribute('data-state', 'connected');
      await expect(blurred.scope.locator('confab-control-bar button[data-control="blur"]')).toHaveAttribute('aria-pressed', 'true');
      const plainTile = viewer.tileOf(plain);
      const blurTile = viewer.tileOf(blurred);
      await Participant.expectFramesFlowing(plainTile);
      await Participant.expectFramesFlowing(blurTile);
      await expect.poll(async () => (await edges(plainTile)).background, { timeout: 20_000 }).toBeGreaterThan(5);
      // Let the receivers' quality settle, then compare.
      await new Promise((r) => setTimeout(r, 3000));
      const raw = await edges(plainTile);
      const blur = await edges(blurTile);
      console.log('edge energy', JSON.stringify({ raw, blur }));
      expect(blur.background).toBeLessThan(raw.background * 0.35);
      expect(blur.person).toBeGreaterThan(raw.person * 0.6);

      // Camera off and on again with blur: every sampled frame at the receiver is processed.
      const samples: number[] = [];
      const sampling = (async () => {
        const end = Date.now() + 8000;
        while (Date.now() < end) {
          const e = await edges(blurTile).catch(() => ({ background: -1, person: -1 }));
          if (e.background >= 0) samples.push(e.background);
          await new Promise((r) => setTimeout(r, 40));
        }
      })();
      await blurred.control('camera').click();
      await expect(blurred.control('camera')).toHaveAttribute('aria-pressed', 'false');
      await blurred.control('camera').click();
      await expect(blurred.control('camera')).toHaveAttribute('aria-pressed', 'true');
      await sampling;
      expect(samples.length).toBeGreaterThan(20);
      expect(Math.max(...samples), `background edge energy of every sampled frame (raw ${raw.background.toFixed(1)})`).toBeLessThan(raw.background * 0.5);

      // The state the host sees.
      expect(await blurred.meeting.evaluate((m) => (m as unknown as { getState(): Promise<{ blur: boolean }> }).getState().then((s) => s.blur))).toBe(true);
      expect(outside, 'requests that left the origin').toEqual([]);

      // Removing the element stops the raw camera behind the processor too.
      await blurred.page.evaluate(() => document.querySelector('confab-meeting')?.remove());
      await expect
        .poll(() => blurred.page.evaluate(() => (window as unknown as { __confabTracks: MediaStreamTrack[] }).__confabTracks.filter((t) => t.kind === 'video' && t.readyState === 'live').length))
        .toBe(0);
    } finally {
      await people.close();
    }
  });
});
