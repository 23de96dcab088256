// The size budgets (scripts/check-size.mjs) count what a plain call downloads until its first remote
// frame. This proves that count against a real call: every script the page fetched before that frame
// is one the budget counts, and together they fit it. Sizes are deterministic; nothing here is timed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS, firstFrameFiles } from '../../scripts/check-size.mjs';
import { Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

const DIST = resolve(import.meta.dirname, '../../dist');

test('joining a call in progress downloads, until the first remote frame, only what the budget counts, and it fits', async ({
  browser,
}) => {
  // Bob is in the call with his camera on; Ada joins it (the case the budget is about: seeing someone).
  const room = uniqueRoom('budget');
  const bob = await Participant.open(browser, { room, name: 'Bob' });
  await bob.joined();
  await expect(bob.localTile).not.toHaveAttribute('data-camera-off');
  const ada = await Participant.open(browser, { room, name: 'Ada' });
  try {
    await ada.joined();
    // The widget marks the first remote frame it presents (requestVideoFrameCallback).
    await expect.poll(() => ada.page.evaluate(() => performance.getEntriesByName('confab:first-remote-frame').length)).toBe(1);
    const fetched = await ada.page.evaluate(() => {
      const [frame] = performance.getEntriesByName('confab:first-remote-frame');
      return (
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime <= (frame?.startTime ?? 0))
          .map((e) => new URL(e.name).pathname)
          // The widget's scripts (the demo page has one of its own).
          .filter((path) => path === '/confab.js' || (path.startsWith('/chunks/') && path.endsWith('.js')))
      );
    });
    const files = fetched.map((path) => join(DIST, path));
    const counted = firstFrameFiles(DIST) as Set<string>;
    expect(
      files.filter((f) => !counted.has(f)),
      'scripts fetched before the first remote frame that the budget does not count',
    ).toEqual([]);
    const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
    const withoutSdk = files.filter((f) => !/[\\/]chunks[\\/]livekit-/.test(f));
    const total = withoutSdk.reduce((n, f) => n + gz(f), 0);
    console.log('first-frame scripts', JSON.stringify({ files: fetched.length, gzipWithoutLivekit: total }));
    expect(total, 'gzip bytes before the first remote frame, without livekit-client').toBeLessThanOrEqual(BUDGETS.inCall);
    // What a plain call never needs before then: the control bar comes after the frame, the chat
    // panel, settings and backgrounds with their first use (chat's and reactions' adapters too: the
    // counted set above has none of them).
    expect(fetched.filter((p) => /\/chunks\/(call-controls|presence|register|settings-element|background|effects)-/.test(p))).toEqual([]);
    // And the controls do come once the frame is on screen.
    await expect(ada.control('leave')).toBeVisible();
  } finally {
    await Promise.all([ada.close(), bob.close()]);
  }
});
