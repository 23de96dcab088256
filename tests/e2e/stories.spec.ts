import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './pages/test.js';
import { readFileSync } from 'node:fs';

// Every story of the static Storybook build (npm test builds it) is a component test: it renders,
// throws nothing, passes axe, and some have checks of their own.
const STORYBOOK = 'http://127.0.0.1:8193';
const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as {
  entries: Record<string, { id: string; type: string; title: string; name: string }>;
};
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

const checks: Record<string, (page: Page) => Promise<void>> = {
  'chat--ten-thousand': async (page) => {
    await expect(page.locator('confab-chat [data-message-id]').last()).toContainText('Message 10000');
    expect(await page.locator('confab-chat [data-message-id]').count()).toBeLessThan(100);
  },
  'chat--long-words-and-links': async (page) => {
    await expect(page.locator('confab-chat a')).toHaveCount(1);
    await expect(page.locator('confab-chat a')).toHaveAttribute('rel', 'noopener noreferrer');
    const overflow = await page
      .locator('confab-chat')
      .evaluate((chat) => [...chat.shadowRoot!.querySelectorAll('.body')].some((b) => b.scrollWidth > b.clientWidth + 1));
    expect(overflow).toBe(false);
  },
  'chat--failed-and-sending': async (page) => {
    await expect(page.locator('confab-chat [data-status="failed"] button[data-control="retry-message"]')).toBeVisible();
    await expect(page.locator('confab-chat [data-status="sending"]')).toContainText('Sending…');
  },
  'chat--history-unavailable': async (page) => {
    await expect(page.locator('confab-chat [data-history="unavailable"]')).toHaveText('Earlier messages are not available.');
  },
  'meeting--recording': async (page) => {
    await expect(page.locator('confab-meeting [data-recording]')).toHaveText('Recording');
    await expect(page.locator('confab-meeting [data-recording]')).toHaveRole('status');
  },
  'meeting--lobby-waiting': async (page) => {
    await expect(page.locator('confab-meeting [data-lobby="waiting"]')).toContainText('A host is here and will let you in soon.');
    await expect(page.locator('confab-meeting [data-lobby="waiting"]').getByRole('button', { name: 'Cancel' })).toBeVisible();
  },
  'meeting--lobby-knock': async (page) => {
    const knock = page.locator('confab-meeting [data-knock="k0"]');
    await expect(knock).toContainText('\u2068Gus\u2069 and 1 more are waiting to join');
    await expect(knock.getByRole('button', { name: 'Admit' })).toBeVisible();
    await expect(knock.getByRole('button', { name: 'Deny' })).toBeVisible();
  },
  'meeting--lobby-in-people': async (page) => {
    const list = page.locator('confab-participants [data-lobby-list]');
    await expect(list.getByRole('button', { name: 'Admit \u2068Gus\u2069' })).toBeVisible();
    await expect(page.locator('confab-participants [data-control="admit-all"]')).toBeVisible();
    await expect(page.locator('confab-participants [data-moderate]').first()).toHaveAccessibleName(/^Host actions for /);
  },
  'meeting--unmute-asked': async (page) => {
    const asked = page.locator('confab-meeting [data-unmute-asked="microphone"]');
    await expect(asked).toContainText('A host asks you to turn on your microphone');
    await expect(asked.getByRole('button', { name: 'Turn on' })).toBeVisible();
  },
  'meeting--recording-started': async (page) => {
    const notice = page.locator('confab-meeting [data-recording-notice]');
    await expect(notice).toContainText('This meeting is being recorded');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  },
  'meeting--settings-foreign-background': async (page) => {
    await expect(page.locator('confab-settings [data-background-option="lagoon"]')).toBeVisible();
    await expect(page.locator('confab-settings [data-background-option="custom"]')).toHaveCount(0);
    await expect(page.locator('confab-settings img[src*="elsewhere.example"]')).toHaveCount(0);
  },
  'meeting--narrow-box': async (page) => {
    const bar = page.locator('confab-control-bar');
    await expect(bar.locator('button:visible')).toHaveCount(5);
    await expect(bar.locator('[data-control="more"]')).toHaveAttribute('aria-expanded', 'false');
    await bar.locator('[data-control="more"]').click();
    await expect(bar.locator('.menu [data-control="settings"]')).toBeVisible();
    await expect(bar.locator('.menu [data-control="settings"]')).toHaveAccessibleName('Settings');
  },
  'chat--unread-badge': async (page) => {
    await expect(page.locator('confab-control-bar [data-control="chat"]')).toHaveAttribute('aria-label', 'Chat, 2 unread');
  },
  'chat--right-to-left': async (page) => {
    await expect(page.locator('confab-meeting .root')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('confab-chat textarea')).toHaveAttribute('aria-label', 'رسالة');
  },
  'grid--grid-16': async (page) => {
    await expect(page.locator('confab-tile')).toHaveCount(16);
    await expect(page.locator('confab-tile[data-speaking]')).toHaveCount(1);
    await expect(page.locator('confab-tile[data-muted]')).toHaveCount(3);
  },
  'grid--grid-6': async (page) => {
    await expect(page.locator('confab-tile')).toHaveCount(6);
    await expect(page.locator('confab-tile[data-camera-off] .avatar').first()).toBeVisible();
  },
  'grid--long-and-rtl-names': async (page) => {
    const tile = page.locator('confab-tile').first();
    const [t, l] = await Promise.all([tile.boundingBox(), tile.locator('.label').boundingBox()]);
    expect(l!.width).toBeLessThan(t!.width);
    await expect(page.locator('confab-tile').nth(1)).toContainText('محمد عبد الرحمن الخوارزمي');
  },
  'meeting--arabic': async (page) => {
    await expect(page.locator('confab-meeting .root')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('confab-control-bar button[data-control="leave"]')).toHaveAttribute('aria-label', 'مغادرة الاجتماع');
  },
  'prejoin--prejoin': async (page) => {
    // Red means muted: background blur while off looks like the camera while on, not like a muted device.
    const colour = (control: string) =>
      page.locator(`confab-prejoin button[data-control="${control}"]`).evaluate((b) => getComputedStyle(b).backgroundColor);
    await expect(page.locator('confab-prejoin button[data-control="blur"]')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('confab-prejoin button[data-control="camera"]')).toHaveAttribute('aria-pressed', 'true');
    expect(await colour('blur')).toBe(await colour('camera'));
  },
  'prejoin--prejoin-camera-denied': async (page) => {
    await expect(page.locator('[data-device-error="camera"][data-reason="denied"]')).toContainText('Camera access was denied');
    await expect(page.getByRole('button', { name: 'Join without camera' })).toBeVisible();
  },
  'prejoin--prejoin-no-devices': async (page) => {
    await expect(page.getByRole('button', { name: 'Join to listen only' })).toBeVisible();
  },
  'meeting--config-error': async (page) => {
    await expect(page.locator('[data-config-issue]')).toHaveCount(2);
    await expect(page.locator('[data-config-issue="max-tiles"]')).toContainText('1–49');
  },
  'grid--paginated': async (page) => {
    await expect(page.locator('confab-tile:visible')).toHaveCount(4);
    await expect(page.locator('confab-grid nav')).toContainText('Page 1 of 3');
    // The speaker joined eighth (page 2 by arrival) and took a first-page slot; you stay first.
    await expect(page.locator('confab-tile[data-speaking]:visible')).toHaveCount(1);
    await expect(page.locator('confab-tile:visible').first()).toHaveAttribute('data-local', '');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.locator('confab-tile[data-speaking]:visible')).toHaveCount(0);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.locator('confab-tile:visible')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await expect(page.locator('confab-tile[data-speaking]:visible')).toHaveCount(0);
  },
  'grid--screen-shared': async (page) => {
    await expect(page.locator('confab-tile[data-source="screen"]')).toHaveCount(1);
    await expect(page.locator('confab-tile').first()).toHaveAttribute('data-source', 'screen');
    await expect(page.locator('confab-tile[data-source="screen"]')).toContainText('\u2068Grace Hopper\u2069 (screen)');
  },
  'grid--speaker-layout': async (page) => {
    await expect(page.locator('confab-grid')).toHaveAttribute('data-layout', 'speaker');
    const stage = page.locator('confab-grid .stage confab-tile');
    await expect(stage).toHaveAttribute('data-identity', 'p3');
    const [big, small] = await Promise.all([stage.boundingBox(), page.locator('confab-grid .strip confab-tile').first().boundingBox()]);
    expect(big!.height).toBeGreaterThan(small!.height * 2);
  },
  'meeting--reconnecting': async (page) => {
    await expect(page.getByText('Connection lost. Reconnecting…')).toBeVisible();
  },
  'composed--custom-layout': async (page) => {
    // The page's own layout is what shows: its heading, its bar above its grid, fed by the meeting.
    const own = page.locator('confab-meeting > .my-call');
    await expect(own.getByRole('heading', { name: 'Team stand-up' })).toBeVisible();
    await expect(own.locator('confab-tile')).toHaveCount(3);
    await expect(own.locator('confab-tile[data-speaking]')).toHaveCount(1);
    const [bar, grid] = await Promise.all([own.locator('confab-control-bar').boundingBox(), own.locator('confab-grid').boundingBox()]);
    expect(bar!.y).toBeLessThan(grid!.y);
    await expect(own.locator('confab-control-bar button[data-control="leave"]')).toHaveAccessibleName('Leave meeting');
  },
  'composed--prejoin-with-token': async (page) => {
    await expect(page.locator('confab-prejoin [data-name-from-token]')).toContainText('Grace Hopper');
    await expect(page.locator('confab-prejoin input[name="name"]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Join meeting' })).toBeEnabled();
  },
  'grid--grid-2': async (page) => {
    // The control bar opens the settings dialog; Escape closes it and focus returns to the button.
    const settings = page.locator('confab-control-bar button[data-control="settings"]');
    await settings.click();
    await expect(page.locator('confab-settings dialog')).toHaveAttribute('open', '');
    await expect(page.locator('confab-meeting')).toHaveAttribute('data-panel', 'settings');
    await page.keyboard.press('Escape');
    await expect(page.locator('confab-settings dialog')).not.toHaveAttribute('open', '');
    await expect(settings).toBeFocused();
    await expect(page.locator('confab-meeting')).not.toHaveAttribute('data-panel', /.*/);
  },
  'meeting--hands-raised': async (page) => {
    await expect(page.locator('confab-tile[data-hand-raised]')).toHaveCount(2);
    await expect(page.locator('confab-control-bar button[data-control="hand"]')).toHaveAttribute('aria-pressed', 'true');
  },
  'meeting--hand-not-allowed': async (page) => {
    await expect(page.locator('confab-control-bar button[data-control="hand"]')).toHaveAttribute('aria-disabled', 'true');
  },
  'meeting--settings-open': async (page) => {
    await expect(page.locator('confab-settings dialog')).toHaveAttribute('open', '');
  },
  'meeting--pinned': async (page) => {
    await expect(page.locator('confab-grid')).toHaveAttribute('data-layout', 'speaker');
    await expect(page.locator('confab-grid .stage confab-tile')).toHaveAttribute('data-identity', 'p2');
    await expect(page.locator('confab-tile[data-pinned]')).toHaveCount(1);
  },
  'meeting--participants-panel': async (page) => {
    const panel = page.locator('confab-participants');
    await expect(page.locator('confab-meeting')).toHaveAttribute('data-panel', 'participants');
    await expect(panel.locator('li')).toHaveCount(14);
    await expect(panel.locator('li').nth(0)).toHaveAttribute('data-hand-raised', '');
    await expect(panel.locator('li').nth(1)).toHaveAttribute('data-hand-raised', '');
    await expect(panel.locator('li').nth(2)).toHaveAttribute('data-local', '');
    await expect(panel.locator('li[data-quality="poor"]')).toContainText('Poor connection');
    // Past ten people a search narrows the list; Escape clears it, then closes the panel.
    const search = panel.getByRole('searchbox', { name: 'Search people' });
    const name = (await panel.locator('li').nth(5).locator('.name').textContent())!.replace(/[\u2066-\u2069]/g, '');
    await search.fill(name.slice(0, 3).toUpperCase());
    await expect(panel.locator('li', { hasText: name })).toBeVisible();
    expect(await panel.locator('li').count()).toBeLessThan(14);
    await search.fill('zzzz');
    await expect(panel.getByText('No one matches “zzzz”.')).toBeVisible();
    await search.press('Escape');
    await expect(panel.locator('li')).toHaveCount(14);
  },
  'meeting--settings-background-image': async (page) => {
    const picker = page.locator('confab-settings').getByRole('group', { name: 'Background' });
    await expect(picker.getByRole('button', { name: 'Lagoon' })).toHaveAttribute('aria-pressed', 'true');
    await expect(picker.locator('[aria-pressed="true"]')).toHaveCount(1);
    // The thumbnails are served beside the bundle (assets-base), not fetched from anywhere else.
    await expect
      .poll(() => picker.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth === 160)))
      .toBe(true);
  },
  'meeting--settings-background-unavailable': async (page) => {
    const picker = page.locator('confab-settings').getByRole('group', { name: 'Background' });
    await expect(picker.locator('button:disabled')).toHaveCount(5);
    await expect(picker.getByRole('button', { name: 'No effect' })).toBeEnabled();
    await expect(picker.locator('[data-background-status]')).toHaveText(
      'Background effects are not available under this site’s security policy.',
    );
  },
};

test.describe('stories', () => {
  test('every story with special checks exists', () => {
    const ids = new Set(stories.map((s) => s.id));
    expect(Object.keys(checks).filter((id) => !ids.has(id))).toEqual([]);
  });

  // One page for every story (a story is a navigation of its own): the Storybook runtime stays in the
  // page's cache instead of being fetched and compiled again in a fresh context per story. Its page
  // errors and CSP reports are read per story.
  let shared: { page: Page; errors: string[]; csp: string[] };
  test.beforeAll(async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    // Each story starts as in a fresh context: nothing a previous story saved.
    await page.addInitScript(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    shared = { page, errors: [], csp: [] };
    page.on('pageerror', (e) => shared.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) shared.csp.push(m.text().slice(0, 300));
    });
  });
  test.afterAll(async () => {
    await shared.page.context().close();
  });

  for (const story of stories) {
    test(`${story.title} / ${story.name} renders cleanly and passes axe`, async () => {
      const { page } = shared;
      shared.errors.length = 0;
      shared.csp.length = 0;
      await page.goto(`${STORYBOOK}/iframe.html?id=${story.id}&viewMode=story`);
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', /.+/);
      await checks[story.id]?.(page);
      const results = await new AxeBuilder({ page }).include('confab-meeting').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(shared.errors).toEqual([]);
      expect(shared.csp).toEqual([]);
    });
  }
});
