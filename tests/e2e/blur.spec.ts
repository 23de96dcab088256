// Background blur end to end: senders whose fake camera shows a person (skimage's astronaut on a
// sharp checkerboard, built at test time), a receiver that measures what arrives. Edge energy (mean
// luma gradient) of the checkerboard sides must collapse with blur on while the face stays sharp.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.js';
import { Participant } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

const APP = 'http://127.0.0.1:8190';
const y4m = resolve(import.meta.dirname, '../../.cache/person.y4m');

/** A browser whose camera shows the person .y4m (its own launch: the fake camera file is a launch flag). */
async function personBrowser(): Promise<Browser> {
  mkdirSync(resolve(y4m, '..'), { recursive: true });
  execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'blur/person-y4m.py'), y4m]);
  const args = CHROMIUM_ARGS.filter((a) => !a.startsWith('--use-fake-device-for-media-stream'));
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...args, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
}

/** Aborts and records every request that would leave the app's origin (set up before the page loads). */
function guard(outside: string[]) {
  return async (context: BrowserContext) => {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(APP) || url.startsWith('ws://127.0.0.1:') || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      outside.push(url);
      return route.abort();
    });
  };
}

/** Forces the compositor the engine would otherwise choose by timing (the users' escape hatch, embed.md §6c). */
function forceCompositor(compositor: 'webgl' | 'canvas') {
  return async (context: BrowserContext) => {
    await context.addInitScript((c) => localStorage.setItem('confab.effects.compositor', c), compositor);
  };
}

/** Mean colours of a band at the portrait's top and one at its bottom: a flipped or shifted picture shows. */
function bands(tile: Locator): Promise<number[][]> {
  return tile.evaluate((el) => {
    const video = el.shadowRoot?.querySelector('video');
    const ctx = new OffscreenCanvas(640, 360).getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D;
    if (video) ctx.drawImage(video, 0, 0, 640, 360);
    return [20, 290].map((y) => {
      const px = ctx.getImageData(250, y, 140, 50).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < px.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += px[i + c]!;
      return sum.map((v) => v / (px.length / 4));
    });
  });
}

/** Mean colour of the left background strip (x 4–110, y 10–200) of a remote tile's current frame. */
function stripColour(tile: Locator): Promise<number[]> {
  return tile.evaluate((el) => {
    const video = el.shadowRoot?.querySelector('video');
    if (!video || video.videoWidth === 0) return [-1, -1, -1];
    const ctx = new OffscreenCanvas(640, 360).getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(video, 0, 0, 640, 360);
    const px = ctx.getImageData(4, 10, 106, 190).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < px.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += px[i + c]!;
    return sum.map((v) => v / (px.length / 4));
  });
}

/** The same strip of a background image, drawn as the effect draws it (cover-fit into 640×360). */
function imageStripColour(page: Page, url: string): Promise<number[]> {
  return page.evaluate(async (src) => {
    const bitmap = await createImageBitmap(await (await fetch(src)).blob());
    const ctx = new OffscreenCanvas(640, 360).getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D;
    const scale = Math.max(640 / bitmap.width, 360 / bitmap.height);
    ctx.drawImage(bitmap, (640 - bitmap.width * scale) / 2, (360 - bitmap.height * scale) / 2, bitmap.width * scale, bitmap.height * scale);
    const px = ctx.getImageData(4, 10, 106, 190).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < px.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += px[i + c]!;
    return sum.map((v) => v / (px.length / 4));
  }, url);
}

const distance = (a: number[], b: number[]) => a.reduce((d, v, i) => d + Math.abs(v - (b[i] ?? 0)), 0) / a.length;

/** Samples a tile's background edge energy for `ms` while `during` runs; returns every sample. */
async function sampleWhile(tile: Locator, ms: number, during: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  const sampling = (async () => {
    // At least `ms`, and on until enough frames were sampled (a loaded machine samples slower), within bounds.
    const end = Date.now() + ms;
    while (Date.now() < end || (samples.length < 30 && Date.now() < end + 20_000)) {
      const e = await edges(tile).catch(() => ({ background: -1, person: -1 }));
      if (e.background >= 0) samples.push(e.background);
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  await during();
  await sampling;
  return samples;
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

  test('with blur on at join the other side sees the background blurred and the person sharp, and no request leaves the origin', async ({
    browser,
  }) => {
    const room = `blur-${Date.now()}`;
    const people = await personBrowser();
    const outside: string[] = [];
    try {
      const setup = guard(outside);
      const plain = await Participant.open(people, { room, name: 'Ada', query: { video: 'on', audio: 'off' }, setup });
      // Bea's blur runs on WebGL (software here, so the engine would pick Canvas2D by itself): the
      // GPU path's shaders are what this test measures; the next test uses the Canvas2D path.
      const blurred = await Participant.open(people, {
        room,
        name: 'Bea',
        query: { video: 'on', audio: 'off', blur: 'on' },
        setup: async (context) => {
          await setup(context);
          await forceCompositor('webgl')(context);
        },
      });
      const viewer = await Participant.open(browser, { room, name: 'Rex', query: { video: 'off', audio: 'off' }, setup });
      await viewer.joined();
      await blurred.joined();
      await expect(blurred.meeting).toHaveAttribute('data-state', 'connected');
      await expect(blurred.scope.locator('confab-control-bar button[data-control="blur"]')).toHaveAttribute('aria-pressed', 'true');
      await expect(blurred.scope.locator('confab-control-bar button[data-control="blur"]')).toHaveAttribute('data-compositor', 'webgl');
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
      // The person is where and which way up they were: the top and bottom bands match the plain camera's.
      const [rawBands, blurBands] = [await bands(plainTile), await bands(blurTile)];
      console.log('bands', JSON.stringify({ rawBands, blurBands }));
      expect(distance(rawBands[0]!, rawBands[1]!), "the portrait's top and bottom differ").toBeGreaterThan(40);
      for (const i of [0, 1]) expect(distance(blurBands[i]!, rawBands[i]!)).toBeLessThan(20);

      // Camera off and on again with blur: every sampled frame at the receiver is processed.
      const samples = await sampleWhile(blurTile, 8000, async () => {
        await blurred.control('camera').click();
        await expect(blurred.control('camera')).toHaveAttribute('aria-pressed', 'false');
        await blurred.control('camera').click();
        await expect(blurred.control('camera')).toHaveAttribute('aria-pressed', 'true');
      });
      expect(samples.length).toBeGreaterThan(20);
      expect(Math.max(...samples), `background edge energy of every sampled frame (raw ${raw.background.toFixed(1)})`).toBeLessThan(
        raw.background * 0.5,
      );

      // The page that blurs is served with the strict policy (script-src 'self' 'wasm-unsafe-eval';
      // worker-src 'self' blob:) and broke none of it.
      expect(await blurred.cspViolations()).toEqual([]);

      // The state the host sees.
      expect(
        await blurred.meeting.evaluate((m) => (m as unknown as { getState(): Promise<{ blur: boolean }> }).getState().then((s) => s.blur)),
      ).toBe(true);
      expect(outside, 'requests that left the origin').toEqual([]);

      // Removing the element stops the raw camera behind the processor too.
      await blurred.page.evaluate(() => document.querySelector('confab-meeting')?.remove());
      await expect
        .poll(() =>
          blurred.page.evaluate(
            () =>
              (window as unknown as { __confabTracks: MediaStreamTrack[] }).__confabTracks.filter(
                (t) => t.kind === 'video' && t.readyState === 'live',
              ).length,
          ),
        )
        .toBe(0);
    } finally {
      await people.close();
    }
  });
  test('a built-in background chosen in settings replaces the background with its colours, and switching cameras never sends a raw frame', async ({
    browser,
  }) => {
    // Chromium's own fake cameras: the first and the third show a green field, the image is dusk's
    // purple; a raw frame reaching the viewer would turn the strip green.
    const room = `background-${Date.now()}`;
    const sender = await Participant.open(browser, {
      room,
      name: 'Cy',
      query: { video: 'on', audio: 'off', blur: 'on' },
      setup: forceCompositor('canvas'),
    });
    const viewer = await Participant.open(browser, { room, name: 'Dee', query: { video: 'off', audio: 'off' } });
    await sender.joined();
    await viewer.joined();
    const tile = viewer.tileOf(sender);
    await Participant.expectFramesFlowing(tile);
    await expect(sender.scope.locator('confab-control-bar button[data-control="blur"]')).toHaveAttribute('data-compositor', 'canvas');

    // The picker: keyboard-reachable toggles, blur (slight, the default strength) pressed.
    await sender.scope.locator('confab-control-bar button[data-control="settings"]').click();
    const picker = sender.scope.locator('confab-settings').getByRole('group', { name: 'Background' });
    await expect(picker).toBeVisible();
    await expect(picker.locator('[data-background-option="blur-slight"]')).toHaveAttribute('aria-pressed', 'true');
    const dusk = picker.getByRole('button', { name: 'Dusk' });
    await dusk.focus();
    await sender.page.keyboard.press('Enter');
    await expect(dusk).toHaveAttribute('aria-pressed', 'true');
    await expect(picker.locator('[data-background-option="blur-slight"]')).toHaveAttribute('aria-pressed', 'false');

    const expected = await imageStripColour(viewer.page, `${APP}/mediapipe/backgrounds/dusk.jpg`);
    const message = `the strip's colour approaches dusk.jpg's ${expected.map(Math.round).join(',')}`;
    await expect.poll(async () => distance(await stripColour(tile), expected), { timeout: 20_000, message }).toBeLessThan(30);

    // Switch to the third camera with the background on, sampling what the viewer gets meanwhile:
    // held or black frames are allowed, a raw (green) one is not.
    const select = sender.scope.locator('confab-settings select[data-device="camera"]');
    const before = await select.inputValue();
    const samples: number[][] = [];
    const end = Date.now() + 7000;
    const sampling = (async () => {
      while (Date.now() < end) {
        const colour = await stripColour(tile).catch(() => [-1, -1, -1]);
        if (colour[0]! >= 0) samples.push(colour);
        await new Promise((r) => setTimeout(r, 40));
      }
    })();
    await select.selectOption({ index: 2 });
    await sampling;
    expect(await select.inputValue()).not.toBe(before);
    const green = (c: number[]) => c[1]! - (c[0]! + c[2]!) / 2;
    expect(samples.length).toBeGreaterThan(20);
    expect(Math.max(...samples.map(green)), `greenness of every sampled frame while switching cameras (raw: about 130)`).toBeLessThan(40);
    await expect.poll(async () => distance(await stripColour(tile), expected), { timeout: 10_000, message }).toBeLessThan(30);
  });
});

test.describe('background effects under a policy without wasm-unsafe-eval', () => {
  // The refused WebAssembly compile is the point of this test: the browser logs it.
  test.use({ allowCspViolations: /WebAssembly|wasm-unsafe-eval/ });

  test('blur is unavailable with the reason, the host is told, and the call goes on with video', async ({ browser }) => {
    const room = `blur-csp-${Date.now()}`;
    const host = await browser.newContext({ viewport: { width: 960, height: 640 } });
    const page = await host.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://localhost:8191/no-wasm.html?${new URLSearchParams({ app: APP, room, name: 'Ada' })}`);
    const bob = await Participant.open(browser, { room, name: 'Bob', query: { video: 'off', audio: 'off' } });
    await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
    await bob.joined();
    const blur = page.locator('confab-control-bar button[data-control="blur"]');
    await expect(blur).toBeDisabled();
    await expect(blur).toHaveAttribute('data-background', 'unavailable');
    await expect(blur).toHaveAccessibleDescription('Background effects are not available under this site’s security policy.');
    const events = await page.evaluate(() => (window as unknown as { hostEvents: string[] }).hostEvents);
    expect(events).toContain('confab-background {"mode":"blur","active":false}');
    expect(events.some((e) => e.startsWith('confab-error') && e.includes('"code":"background-csp"'))).toBe(true);
    // The call is unaffected: Bob sees Ada's camera.
    await Participant.expectFramesFlowing(bob.scope.locator('confab-tile:not([data-local])'));
    expect(errors).toEqual([]);
    await host.close();
  });
});
