import { expect, test } from './pages/test.js';
import { Participant, uniqueRoom } from './pages/meeting.js';

test.describe('composed layouts and token-mode join', () => {
  test("primitives slotted into <confab-meeting> run a real call in the page's own layout", async ({ browser, page }) => {
    const room = uniqueRoom('composed');
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      await page.goto('/?room=unused&prejoin=on');
      await page.evaluate((room) => {
        document.querySelector('confab-meeting')?.remove();
        const m = document.createElement('confab-meeting');
        for (const [k, v] of Object.entries({ 'token-endpoint': '/api/token', room, name: 'Ada', prejoin: 'off' })) m.setAttribute(k, v);
        m.style.height = '480px';
        const own = document.createElement('section');
        own.className = 'my-call';
        own.style.cssText = 'display: flex; flex-direction: column; block-size: 100%; min-block-size: 0';
        const grid = document.createElement('confab-grid');
        grid.style.cssText = 'flex: 1; min-block-size: 0';
        own.append(document.createElement('confab-control-bar'), grid);
        m.append(own);
        document.body.append(m);
      }, room);
      await bob.joined();
      const own = page.locator('confab-meeting > .my-call');
      await expect(own.locator('confab-tile')).toHaveCount(2);
      await expect(own.locator('confab-tile[data-local]')).toBeVisible();
      await Participant.expectFramesFlowing(own.locator('confab-tile:not([data-local])'));
      // The page's own control bar drives the call: Bob sees Ada muted.
      await own.locator('confab-control-bar button[data-control="microphone"]').click();
      await expect(own.locator('confab-control-bar button[data-control="microphone"]')).toHaveAttribute('aria-pressed', 'false');
      await expect(bob.page.locator('confab-tile').filter({ hasText: 'Ada' })).toHaveAttribute('data-muted', '');
    } finally {
      await bob.close();
    }
  });

  test("with server-url and a token, the pre-join shows the token's name and never asks for one", async ({ page, request }) => {
    const room = uniqueRoom('token');
    const { token, serverUrl } = (await (await request.get(`/api/token?room=${room}&name=Grace%20Hopper`)).json()) as {
      token: string;
      serverUrl: string;
    };
    await page.goto('/?room=unused&prejoin=on');
    await page.evaluate(
      ([token, serverUrl]) => {
        document.querySelector('confab-meeting')?.remove();
        const m = document.createElement('confab-meeting');
        m.setAttribute('server-url', serverUrl);
        m.token = token;
        document.body.append(m);
      },
      [token, serverUrl] as const,
    );
    await expect(page.locator('confab-prejoin [data-name-from-token]')).toContainText('Grace Hopper');
    await expect(page.locator('confab-prejoin input[name="name"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Join meeting' }).click();
    await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
    await expect(page.locator('confab-tile[data-local]')).toContainText('\u2068Grace Hopper\u2069 (you)');
  });

  test('one page object drives the element and the iframe alike: they meet, see and mute each other', async ({ browser }) => {
    const room = uniqueRoom('both');
    const ada = await Participant.open(browser, { room, name: 'Ada' });
    const bob = await Participant.openFramed(browser, { room, name: 'Framed Bob' });
    try {
      await ada.joined();
      await bob.joined();
      await Participant.expectFramesFlowing(ada.tileOf(bob));
      await Participant.expectFramesFlowing(bob.tileOf(ada));
      await bob.control('microphone').click();
      await expect(ada.tileOf(bob)).toHaveAttribute('data-muted', '');
      // Muted is off for real: the microphone track has ended (the browser's indicator goes out).
      await expect.poll(async () => (await bob.localTrackStates()).sort()).toEqual(['audio:ended', 'video:live']);
      await bob.control('leave').click();
      await expect(bob.meeting).toHaveAttribute('data-state', 'left');
      await expect(ada.tiles).toHaveCount(1);
      await expect.poll(async () => (await bob.localTrackStates()).sort()).toEqual(['audio:ended', 'video:ended']);
    } finally {
      await ada.close();
      await bob.close();
    }
  });
});
