import { Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

const APP = 'http://127.0.0.1:8190';
const HOST = 'http://localhost:8191';

test.describe('commands before the frame is ready are queued in order, never dropped', () => {
  test('raw postMessage sent while embed.html still loads its deployment config: every command runs, in order, with a result', async ({
    browser,
  }) => {
    const room = uniqueRoom('rawq');
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    const context = await browser.newContext();
    try {
      // The config answers late, so the commands land while embed.html awaits it.
      let configRequests = 0;
      await context.route(`${APP}/confab.config.json`, async (route) => {
        configRequests++;
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      const page = await context.newPage();
      const src = `${APP}/embed.html?room=${room}&name=Queued&prejoin=off&parent-origin=${encodeURIComponent(HOST)}`;
      await page.goto(`${HOST}/raw.html?src=${encodeURIComponent(src)}`);
      await bob.joined();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { results: unknown[] }).results.length), { timeout: 20_000 })
        .toBe(4);
      const results = await page.evaluate(
        () => (window as unknown as { results: Array<{ id: number; ok: boolean; error?: { code: string } }> }).results,
      );
      expect(configRequests).toBe(1);
      expect(results.map((r) => [r.id, r.ok ? 'ok' : r.error?.code])).toEqual([
        [1, 'ok'],
        [2, 'ok'],
        [3, 'unknown-command'],
        [4, 'ok'],
      ]);
      const queued = bob.page.locator('confab-tile:not([data-local])').filter({ hasText: 'Queued' });
      await expect(queued).toHaveAttribute('data-camera-off', '');
      await expect(queued).toHaveAttribute('data-muted', '');
    } finally {
      await context.close();
      await bob.close();
    }
  });

  test('through the host helper: called right after createFrame, the commands run once the frame is ready, in order', async ({
    browser,
  }) => {
    const room = uniqueRoom('helperq');
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${HOST}/host.html`);
      await page.waitForFunction(() => 'start' in window);
      const order = await page.evaluate(
        async ([app, room]) => {
          const w = window as unknown as {
            start(a: string, o: object): Promise<void>;
            controller: Record<string, (...a: unknown[]) => Promise<unknown>>;
          };
          await w.start(app, { room, name: 'Early', prejoin: 'off' });
          const done: string[] = [];
          await Promise.all([
            w.controller.setCamera!(true).then(() => done.push('camera on')),
            w.controller.setCamera!(false).then(() => done.push('camera off')),
            w.controller.setMicrophone!(false).then(() => done.push('microphone off')),
          ]);
          return done;
        },
        [APP, room] as const,
      );
      expect(order).toEqual(['camera on', 'camera off', 'microphone off']);
      await bob.joined();
      const early = bob.page.locator('confab-tile:not([data-local])').filter({ hasText: 'Early' });
      await expect(early).toHaveAttribute('data-camera-off', '');
      await expect(early).toHaveAttribute('data-muted', '');
    } finally {
      await context.close();
      await bob.close();
    }
  });

  test('a token in the fragment joins with it, and is gone from the address bar at once', async ({ page, request }) => {
    const room = uniqueRoom('fragment');
    const { token } = (await (await request.get(`/api/token?room=${room}&name=Fragment%20Fay`)).json()) as { token: string };
    await page.goto(`/embed.html?prejoin=off#token=${token}`);
    await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
    await expect(page.locator('confab-tile[data-local]')).toContainText('\u2068Fragment Fay\u2069 (you)');
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(page.url()).not.toContain(token.slice(0, 16));
  });
});
