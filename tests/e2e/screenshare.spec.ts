import { expect, test } from './pages/test.js';
import { inCall, Participant } from './pages/meeting.js';

test.describe('screen share', () => {
  test('a shared screen reaches the others as its own tile, and stopping removes it', async ({ browser }) => {
    await inCall(browser, 'screen', ['Ada', 'Bob'], async ([ada, bob]) => {
      await bob.meeting.evaluate((m: HTMLElement) => {
        const w = window as unknown as { shares: string[] };
        w.shares = [];
        m.addEventListener('confab-screenshare', (e) => w.shares.push(`${e.detail.active}`));
      });
      const share = ada.page.locator('confab-control-bar button[data-control="screenshare"]');
      await expect(share).toHaveAttribute('aria-pressed', 'false');
      await share.click();
      await expect(share).toHaveAttribute('aria-pressed', 'true');

      const screenOnBob = bob.page.locator('confab-tile[data-source="screen"]');
      await expect(screenOnBob).toHaveCount(1);
      await expect(screenOnBob).toContainText('\u2068Ada\u2069 (screen)');
      await Participant.expectFramesFlowing(screenOnBob);
      await expect(bob.tiles).toHaveCount(3);
      // layout="auto": the shared screen takes the stage while it lasts.
      await expect(bob.page.locator('confab-grid')).toHaveAttribute('data-layout', 'speaker');
      await expect(bob.page.locator('confab-grid .stage confab-tile')).toHaveAttribute('data-source', 'screen');
      expect(
        await ada.meeting.evaluate((m: HTMLElement & { getState(): Promise<{ screenshare: boolean }> }) =>
          m.getState().then((s) => s.screenshare),
        ),
      ).toBe(true);

      await share.click();
      await expect(screenOnBob).toHaveCount(0);
      await expect(bob.tiles).toHaveCount(2);
      await expect(bob.page.locator('confab-grid')).toHaveAttribute('data-layout', 'grid');
      expect(await bob.page.evaluate(() => (window as unknown as { shares: string[] }).shares)).toEqual(['true', 'false']);
    });
  });

  test('screen share is hidden where the host turned it off', async ({ browser }) => {
    const p = await Participant.open(browser, { room: 'nosharing', name: 'Ada', query: { screenshare: 'off' } });
    try {
      await p.joined();
      await expect(p.control('microphone')).toBeVisible();
      await expect(p.page.locator('confab-control-bar button[data-control="screenshare"]')).toHaveCount(0);
    } finally {
      await p.close();
    }
  });
});
