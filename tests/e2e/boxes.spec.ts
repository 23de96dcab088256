import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { uniqueRoom } from './pages/meeting.js';
import { expect, test, type Page } from './pages/test.js';

// Any box: the widget in a box of 280×400, 320×480, 1200×200 and 1920×1080 on a larger page. In
// the pre-join and in the call, every control is inside the box, on top where it is (a press hits
// it) and reached by Tab; what does not fit in the control bar is in its "More" menu; the chat opens
// as a sheet inside the box; the settings dialog fits the box. `npm run screenshots` runs this file
// with CONFAB_SCREENSHOTS=1 and keeps a picture of each size in docs/screenshots/.

const BOXES = [
  [280, 400],
  [320, 480],
  [1200, 200],
  [1920, 1080],
] as const;
const SHOTS = process.env.CONFAB_SCREENSHOTS ? resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots') : null;

interface Control {
  id: string;
  name: string;
  inside: boolean;
  hit: boolean;
}

/** The widget, moved into a box of the given size at (10, 10) of the page. */
async function boxed(page: Page, width: number, height: number) {
  await page.evaluate(
    ([w, h]) => {
      const meeting = document.querySelector('confab-meeting') as HTMLElement;
      const box = document.createElement('div');
      box.id = 'box';
      for (const [k, v] of Object.entries({ position: 'fixed', left: '10px', top: '10px', width: `${w}px`, height: `${h}px` }))
        box.style.setProperty(k, v);
      meeting.style.setProperty('height', '100%');
      // A box shorter than the widget's default minimum (360 px): the host says so (embed.md).
      meeting.style.setProperty('min-height', '0');
      box.append(meeting);
      document.body.append(box);
    },
    [width, height] as const,
  );
}

/**
 * The visible buttons under `selector` (looked up through shadow roots), each with whether it lies
 * inside the box and whether a press at its centre reaches it (nothing covers it).
 */
function controls(page: Page, selector: string): Promise<Control[]> {
  return page.evaluate((sel) => {
    const box = document.getElementById('box')!.getBoundingClientRect();
    const deep = (root: ParentNode, out: Element[] = []): Element[] => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) deep(el.shadowRoot, out);
      }
      return out;
    };
    const hitAt = (x: number, y: number): Element | null => {
      let el = document.elementFromPoint(x, y);
      while (el?.shadowRoot) {
        const inner = el.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === el) break;
        el = inner;
      }
      return el;
    };
    const scope = deep(document).filter((el) => el.matches(sel));
    return scope
      .flatMap((root) => [...(root.shadowRoot ?? root).querySelectorAll('button, input, select, textarea')])
      .filter((el) => (el as HTMLElement).checkVisibility())
      .map((el) => {
        const r = el.getBoundingClientRect();
        const hit = hitAt(r.left + r.width / 2, r.top + r.height / 2);
        return {
          id: (el as HTMLElement).dataset.control ?? el.className ?? el.localName,
          name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
          inside: r.left >= box.left - 0.5 && r.top >= box.top - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5,
          hit: !!hit && (hit === el || el.contains(hit)),
        };
      });
  }, selector);
}

/**
 * Tab from the focused element until focus leaves `selector` (an element on the way through shadow
 * roots; `within`: a container of the focused element in its own root): the data-control of each stop.
 */
async function tabThrough(page: Page, selector: string, within = '*', limit = 20): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    const at = await page.evaluate(
      ([sel, inside]) => {
        let a = document.activeElement;
        const chain: Element[] = [];
        while (a) {
          chain.push(a);
          a = a.shadowRoot?.activeElement ?? null;
        }
        const el = chain.at(-1) as HTMLElement | undefined;
        return chain.some((c) => c.matches(sel)) && el?.closest(inside) ? (el.dataset.control ?? el.className) : null;
      },
      [selector, within] as const,
    );
    if (at === null) break;
    seen.push(at);
    await page.keyboard.press('Tab');
  }
  return seen;
}

for (const [width, height] of BOXES) {
  test(`a ${width}×${height} box: every control of the pre-join and the call is inside it, reachable by pointer and keyboard`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 1960, height: 1120 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`/?${new URLSearchParams({ room: uniqueRoom('box'), name: 'Ada', prejoin: 'on', chat: 'on' })}`);
      await boxed(page, width, height);
      const meeting = page.locator('confab-meeting');
      const join = page.locator('confab-prejoin button.join');
      await expect(join).toBeVisible();
      await expect(page.locator('confab-prejoin [data-preview="live"]')).toBeVisible();
      if (SHOTS) await shot(page, `prejoin-${width}x${height}`);
      // The pre-join: Join and the toggles inside the box and on top.
      const pre = await controls(page, 'confab-prejoin');
      expect(pre.filter((c) => !c.inside || !c.hit).map((c) => c.id)).toEqual([]);
      expect(pre.map((c) => c.id)).toEqual(expect.arrayContaining(['microphone', 'camera', 'join']));
      await join.click();
      await expect(meeting).toHaveAttribute('data-state', 'connected');
      const bar = page.locator('confab-control-bar');
      await expect(bar.locator('[data-control="leave"]')).toBeVisible();

      // The bar: inside the box, on top, in one row.
      const inline = await controls(page, 'confab-control-bar');
      expect(inline.filter((c) => !c.inside || !c.hit).map((c) => c.id)).toEqual([]);
      const ids = inline.map((c) => c.id);
      expect(ids.slice(0, 2)).toEqual(['microphone', 'camera']);
      expect(ids.at(-1)).toBe('leave');
      const rows = await bar
        .locator('button:visible')
        .evaluateAll((buttons) => new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size);
      expect(rows).toBe(1);
      // Every control is there, in the bar or in the menu.
      const all = [
        'microphone',
        'camera',
        'blur',
        'screenshare',
        'hand',
        'reactions',
        'participants',
        'chat',
        'settings',
        'fullscreen',
        'pip',
        'leave',
      ];
      const more = bar.locator('[data-control="more"]');
      const hasMore = (await more.count()) > 0;
      expect(hasMore).toBe(width < 700);
      if (SHOTS) await shot(page, `call-${width}x${height}`);

      // Keyboard: Tab walks the bar in order.
      await bar.locator('[data-control="microphone"]').focus();
      expect(await tabThrough(page, 'confab-control-bar')).toEqual(ids);

      let inMenu: string[] = [];
      if (hasMore) {
        await more.focus();
        await page.keyboard.press('Enter');
        await expect(more).toHaveAttribute('aria-expanded', 'true');
        const menu = bar.locator('.menu');
        await expect(menu.locator('button').first()).toBeFocused();
        const menuItems = await menu.locator('button').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.control ?? ''));
        inMenu = menuItems;
        // A long menu in a short box scrolls: each item, scrolled to, is inside the box and on top.
        for (const id of menuItems) {
          await menu.locator(`[data-control="${id}"]`).scrollIntoViewIfNeeded();
          const item = (await controls(page, 'confab-control-bar')).find((c) => c.id === id);
          expect(item, id).toMatchObject({ inside: true, hit: true });
        }
        await menu.locator('button').first().focus();
        // Each row shows its name.
        for (const id of menuItems) await expect(menu.locator(`[data-control="${id}"]`)).toHaveAccessibleName(/\w/);
        expect(await tabThrough(page, 'confab-control-bar', '.menu')).toEqual(menuItems);
        if (SHOTS) await shot(page, `menu-${width}x${height}`);
        await menu.locator('button').first().focus();
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
        await expect(more).toBeFocused();
      }
      expect([...ids.filter((id) => id !== 'more'), ...inMenu].sort()).toEqual([...all].sort());

      // The chat: a sheet inside the box (narrow) or a side panel (wide), its composer reachable.
      const openChat = async () => {
        if (inMenu.includes('chat')) {
          await more.click();
          await bar.locator('.menu [data-control="chat"]').click();
        } else await bar.locator('[data-control="chat"]').click();
      };
      await openChat();
      await expect(meeting).toHaveAttribute('data-panel', 'chat');
      await expect(page.locator('confab-chat textarea')).toBeFocused();
      if (SHOTS) await shot(page, `chat-${width}x${height}`);
      const chat = await controls(page, 'confab-chat');
      expect(chat.filter((c) => !c.inside || !c.hit).map((c) => c.id)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(meeting).not.toHaveAttribute('data-panel', 'chat');

      // The settings dialog: its card inside the box; Close reachable; focus comes back.
      if (inMenu.includes('settings')) {
        await more.click();
        await bar.locator('.menu [data-control="settings"]').click();
      } else await bar.locator('[data-control="settings"]').click();
      const close = page.locator('confab-settings [data-control="close-settings"]');
      await expect(close).toBeVisible();
      const settings = await controls(page, 'confab-settings');
      expect(settings.length).toBeGreaterThan(3);
      // Inside the box; the card scrolls, so what is below its fold is reached by scrolling.
      await close.scrollIntoViewIfNeeded();
      const after = await controls(page, 'confab-settings');
      expect(after.filter((c) => c.id === 'close-settings' && c.inside && c.hit)).toHaveLength(1);
      const card = await page.locator('confab-settings .card').boundingBox();
      expect(card!.x).toBeGreaterThanOrEqual(10);
      expect(card!.y).toBeGreaterThanOrEqual(10);
      expect(card!.x + card!.width).toBeLessThanOrEqual(10 + width + 0.5);
      expect(card!.y + card!.height).toBeLessThanOrEqual(10 + height + 0.5);
      if (SHOTS) await shot(page, `settings-${width}x${height}`);
      await close.click();
      await expect(close).toBeHidden();
      await expect(inMenu.includes('settings') ? more : bar.locator('[data-control="settings"]')).toBeFocused();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS!, { recursive: true });
  await page.locator('#box').screenshot({ path: resolve(SHOTS!, `${name}.png`), animations: 'disabled' });
}
