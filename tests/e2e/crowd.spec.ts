// Load against the real server: 25 synthetic publishers (@livekit/rtc-node) and one browser. Only
// the tiles on screen receive video — what flows is read from the browser's own WebRTC stats — and
// turning the page moves the flow to the new page. Also measured and printed: the longest main-thread
// task while the 25 join at once, and the element's memory and listeners over 10 join/leave cycles.
import type { BrowserContext, Page } from '@playwright/test';
import { crowd } from './crowd/crowd.js';
import { Participant, uniqueRoom } from './pages/meeting.js';
import { flowing, RECORD } from './pages/video.js';
import { expect, test } from './pages/test.js';

const LIVEKIT = 'ws://127.0.0.1:7890';

const record = async (context: BrowserContext) => {
  await context.addInitScript(RECORD);
};

/** The video tracks of the remote tiles on screen now. */
function visible(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const grid = document.querySelector('confab-meeting')?.shadowRoot?.querySelector('confab-grid');
    // Tiles of other pages are in the DOM too, hidden (see the grid): only those on screen count.
    // and a tile scrolled out of the speaker strip is not on screen either.
    const tiles = [
      ...(grid?.shadowRoot?.querySelectorAll<HTMLElement>(':is(.grid, .stage, .strip) > confab-tile:not([data-local])') ?? []),
    ];
    const onScreen = (tile: HTMLElement) => {
      const [r, box] = [tile.getBoundingClientRect(), tile.parentElement!.getBoundingClientRect()];
      return r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
    };
    return tiles.filter(onScreen).flatMap((tile) => {
      const stream = tile.shadowRoot?.querySelector('video')?.srcObject;
      const track = stream instanceof MediaStream ? stream.getVideoTracks()[0] : undefined;
      return track && track.readyState === 'live' ? [track.id] : [];
    });
  });
}

/** Polls until the video that flows is exactly the video on screen (some tiles may still be starting). */
async function expectOnlyVisibleFlows(page: Page, label: string): Promise<{ visible: number; inbound: number }> {
  let last = { visible: 0, inbound: 0, offscreen: 0, stalled: 0 };
  try {
    await expect
      .poll(
        async () => {
          const [shown, flows] = [await visible(page), await flowing(page)];
          const offscreen = flows.filter((id) => !shown.includes(id)).length;
          const stalled = shown.filter((id) => !flows.includes(id)).length;
          last = { visible: shown.length, inbound: flows.length, offscreen, stalled };
          return offscreen === 0 && stalled <= 1 && shown.length > 0;
        },
        { timeout: 45_000, intervals: [500], message: `${label}: video flows only to the tiles on screen` },
      )
      .toBe(true);
  } catch (error) {
    console.log(label, JSON.stringify(last));
    throw error;
  }
  return { visible: last.visible, inbound: last.inbound };
}

test.describe('a crowd of 25 synthetic publishers', () => {
  test.describe.configure({ timeout: 180_000 });

  test('only the tiles on screen receive video, page by page and along the speaker strip; the burst of joins is measured', async ({
    browser,
  }) => {
    const room = uniqueRoom('crowd');
    const viewer = await Participant.open(browser, { room, name: 'Vera', query: { video: 'off', audio: 'off' }, setup: record });
    await viewer.joined();
    const people = await crowd(LIVEKIT, room, 25);
    try {
      // 26 in the room, 16 tiles a page: page 1 holds Vera and 15 of the crowd.
      await expect(viewer.scope.locator('confab-grid [aria-live="polite"]')).toHaveText('Page 1 of 2', { timeout: 30_000 });
      await expect(viewer.tiles).toHaveCount(16);
      const first = await expectOnlyVisibleFlows(viewer.page, 'page 1');
      const firstIds = await visible(viewer.page);
      const longest = Math.max(0, ...(await viewer.page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)));

      await viewer.scope.locator('confab-grid button[data-control="next-page"]').click();
      await expect(viewer.scope.locator('confab-grid [aria-live="polite"]')).toHaveText('Page 2 of 2');
      const second = await expectOnlyVisibleFlows(viewer.page, 'page 2');
      expect(
        (await flowing(viewer.page)).filter((id) => firstIds.includes(id)),
        'page 1 video still flowing after turning the page',
      ).toEqual([]);

      // The speaker layout: one stage and a strip that scrolls. Only the stage and the strip's tiles
      // in view receive video; scrolling the strip to its end moves the flow to the tiles now in view.
      await viewer.page.evaluate(() =>
        (document.querySelector('confab-meeting') as unknown as { setLayout(l: string): void }).setLayout('speaker'),
      );
      const strip = viewer.scope.locator('confab-grid .strip');
      await expect(strip.locator('confab-tile')).toHaveCount(16);
      const stripStart = await expectOnlyVisibleFlows(viewer.page, 'speaker strip, start');
      const startIds = await visible(viewer.page);
      expect(stripStart.visible, 'the strip overflows: some of its tiles are out of view').toBeLessThan(16);
      await strip.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const stripEnd = await expectOnlyVisibleFlows(viewer.page, 'speaker strip, end');
      const endIds = await visible(viewer.page);
      expect(endIds.filter((id) => !startIds.includes(id)).length, 'scrolling shows other tiles').toBeGreaterThan(0);
      expect(
        (await flowing(viewer.page)).filter((id) => startIds.includes(id) && !endIds.includes(id)),
        'video scrolled out of the strip still flowing',
      ).toEqual([]);
      console.log(
        'crowd',
        JSON.stringify({
          publishers: 25,
          page1: first,
          page2: second,
          stripStart,
          stripEnd,
          longestMainThreadTaskMsDuringBurst: Math.round(longest),
        }),
      );
    } finally {
      await people.stop();
      await viewer.close();
    }
  });

  test('ten join/leave cycles of the element leave memory, DOM nodes and listeners flat', async ({ browser }) => {
    const room = uniqueRoom('cycles');
    const people = await crowd(LIVEKIT, room, 3, { prefix: 'cycle' });
    const viewer = await Participant.open(browser, { room, name: 'Cleo', query: { video: 'on', audio: 'on' } });
    const cdp = await viewer.context.newCDPSession(viewer.page);
    const samples: Array<{ heapMB: number; nodes: number; listeners: number }> = [];
    try {
      for (let cycle = 0; cycle < 10; cycle++) {
        await viewer.joined();
        await expect(viewer.tiles).toHaveCount(4);
        // Removing the element leaves the call and releases everything; a new one joins again.
        await viewer.page.evaluate(() => {
          const old = document.querySelector('confab-meeting')!;
          // Names and values only: an Attr would keep the old element alive.
          const attributes = [...old.attributes]
            .filter((a) => !a.name.startsWith('data-') && a.name !== 'role' && a.name !== 'aria-label')
            .map((a) => [a.name, a.value] as const);
          const parent = old.parentElement!;
          old.remove();
          (window as unknown as { __next: () => void }).__next = () => {
            const fresh = document.createElement('confab-meeting');
            for (const [name, value] of attributes) fresh.setAttribute(name, value);
            parent.append(fresh);
          };
        });
        await expect
          .poll(() =>
            viewer.page.evaluate(
              () =>
                (window as unknown as { __confabTracks: MediaStreamTrack[] }).__confabTracks.filter((t) => t.readyState === 'live').length,
            ),
          )
          .toBe(0);
        // A removed element can stay reachable for a moment (a timer or a closing connection still
        // holds it): sample once it is collected, or after 4 s — a real leak never is.
        let counters = { nodes: 0, jsEventListeners: 0 };
        for (let attempt = 0; attempt < 8; attempt++) {
          await viewer.page.waitForTimeout(500);
          await cdp.send('HeapProfiler.collectGarbage');
          counters = await cdp.send('Memory.getDOMCounters');
          if (cycle < 2 || counters.nodes <= samples[1]!.nodes) break;
        }
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const { nodes, jsEventListeners } = counters;
        samples.push({ heapMB: Math.round((usedSize / 2 ** 20) * 10) / 10, nodes, listeners: jsEventListeners });
        await viewer.page.evaluate(() => (window as unknown as { __next: () => void }).__next());
      }
      console.log('cycles', JSON.stringify(samples));
      // The first cycle loads chunks and fills caches; from the second on, nothing may pile up. Measured
      // here: nodes and listeners exactly flat, the heap +1.0–1.1 MB over 8 cycles, levelling off (V8's
      // compiled code and the performance timeline, not Confab's objects: see the round-2 note). So a
      // leak of one node or one listener per cycle fails, and so does 0.25 MB per cycle.
      const [second, last] = [samples[1]!, samples.at(-1)!];
      expect(last.listeners - second.listeners, 'event listeners gained over 8 cycles').toBeLessThan(2);
      expect(last.nodes - second.nodes, 'DOM nodes gained over 8 cycles').toBeLessThan(4);
      expect(last.heapMB - second.heapMB, 'heap MB gained over 8 cycles').toBeLessThan(2);
    } finally {
      await people.stop();
      await viewer.close();
    }
  });
});
