// A long, busy chat keeps the DOM flat: thousands of messages arrive while the panel is open and
// the list follows the newest, and the page's node count (comments and detached rows included, as
// Chromium counts them after a garbage collection) does not grow with the message count. Found by
// the 15-minute soak: one node per message, from two upstream leaks (scripts/lib/lit-fixes.mjs).
import { expect, test } from './pages/test.js';

const STORYBOOK = 'http://127.0.0.1:8193';

test("the chat's DOM does not grow with the message count: 3,000 messages arrive, nodes stay flat", async ({ page }) => {
  await page.goto(`${STORYBOOK}/iframe.html?id=chat--grouped&viewMode=story`);
  await expect(page.locator('confab-chat [data-message-id]').first()).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  /** Appends messages through the store, ten per frame, as a busy room delivers them. */
  const append = (count: number) =>
    page.evaluate(async (count) => {
      const meeting = document.querySelector('confab-meeting') as unknown as Record<symbol, (s: object) => void>;
      const w = window as unknown as { soak?: object[] };
      const messages = (w.soak ??= []);
      for (let i = 0; i < count; i++) {
        const k = messages.length + 1;
        messages.push({
          id: `m${k}`,
          identity: k % 3 ? 'ada' : 'bob',
          name: k % 3 ? 'Ada' : 'Bob',
          text: `message ${k}`,
          timestamp: Date.now(),
          local: false,
          status: 'sent',
          seq: k,
        });
        if (k % 10 === 0 || i === count - 1) {
          meeting[Symbol.for('confab.seed')]!({ chat: { room: 'r', messages: [...messages], history: 'none', seq: k, readSeq: k } });
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      }
    }, count);
  const nodes = async () => {
    await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    const inChat = await page.locator('confab-chat').evaluate((chat) => {
      let n = 0;
      const walker = document.createTreeWalker(chat.shadowRoot!, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) n++;
      return n;
    });
    return { inChat, page: (await cdp.send('Memory.getDOMCounters')).nodes };
  };
  // The first thousand fill caches (Lit's templates, the virtualizer's measurements): then nothing may pile up.
  await append(1000);
  const before = await nodes();
  await append(2000);
  const after = await nodes();
  console.log('chat nodes after 1,000 and 3,000 messages', JSON.stringify({ before, after }));
  await expect(page.locator('confab-chat [data-message-id]').last()).toContainText('message 3000');
  // The rows in view change, their number does not: a leak of one node per message would add 2,000.
  expect(Math.abs(after.inChat - before.inChat), "nodes in the chat's shadow root").toBeLessThan(40);
  expect(after.page - before.page, 'live nodes in the page, detached ones included').toBeLessThan(40);
});

// Found by the soak bench (bench/soak.mjs): each time the chat panel closed within 5 s of opening,
// the closed panel stayed alive — a late update after disconnect subscribed it to the store again —
// with its ~50 nodes and listeners, and it re-rendered on every store change for the rest of the call.
test('opening and closing the chat panel leaves nothing behind: 12 more cycles, nodes and listeners stay flat', async ({ page }) => {
  await page.goto(`${STORYBOOK}/iframe.html?id=chat--grouped&viewMode=story`);
  await expect(page.locator('confab-chat [data-message-id]').first()).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  const cycle = async (times: number) => {
    for (let i = 0; i < times; i++) {
      for (const panel of [null, 'chat']) {
        await page.evaluate((panel) => {
          const meeting = document.querySelector('confab-meeting') as unknown as Record<symbol, (s: object) => void>;
          meeting[Symbol.for('confab.seed')]!({ panel });
        }, panel);
        if (panel) await expect(page.locator('confab-chat [data-message-id]').first()).toBeVisible();
        await page.waitForTimeout(200);
      }
    }
    // Whatever a closed panel still had scheduled (the list's 5 s wait for its layout) has run.
    await page.waitForTimeout(5500);
    await cdp.send('HeapProfiler.collectGarbage');
    return cdp.send('Memory.getDOMCounters');
  };
  const before = await cycle(3);
  const after = await cycle(12);
  console.log('page counters after 3 and 15 open/close cycles', JSON.stringify({ before, after }));
  expect(after.nodes - before.nodes, 'live nodes, detached ones included').toBeLessThan(40);
  expect(after.jsEventListeners - before.jsEventListeners, 'event listeners').toBeLessThan(5);
});
