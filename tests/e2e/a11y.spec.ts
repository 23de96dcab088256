import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './pages/test.js';
import { Participant, uniqueRoom } from './pages/meeting.js';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('confab-meeting').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('accessibility, languages and isolation', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`a live meeting has no serious axe violations (${theme} theme)`, async ({ browser }) => {
      const room = uniqueRoom(`axe-${theme}`);
      const ada = await Participant.open(browser, { room, name: 'Ada', query: { theme } });
      const bob = await Participant.open(browser, { room, name: 'Bob', query: { theme } });
      try {
        await ada.joined();
        await bob.joined();
        await expect(ada.tiles).toHaveCount(2);
        await ada.control('microphone').click();
        await expect(ada.control('microphone')).toHaveAttribute('aria-pressed', 'false');
        expect(await seriousViolations(ada.page)).toEqual([]);
        // With the chat panel open and a conversation in it (own and others' rows, the composer).
        await ada.openChat();
        await ada.say('hello from Ada');
        await bob.openChat();
        await bob.say('https://example.com/ hi Ada');
        await expect(ada.chatRows()).toHaveCount(2);
        await expect(ada.chatRows('hello from Ada')).toHaveAttribute('data-status', 'sent');
        expect(await seriousViolations(ada.page)).toEqual([]);
        // With the participants panel open instead (one side panel at a time).
        await ada.control('participants').click();
        await expect(ada.meeting).toHaveAttribute('data-panel', 'participants');
        await expect(ada.scope.locator('confab-participants li')).toHaveCount(2);
        await expect(ada.scope.locator('confab-chat')).toHaveCount(0);
        expect(await seriousViolations(ada.page)).toEqual([]);
        await ada.control('leave').click();
        await expect(ada.meeting).toHaveAttribute('data-state', 'left');
        expect(await seriousViolations(ada.page)).toEqual([]);
      } finally {
        await ada.close();
        await bob.close();
      }
    });

    test(`the pre-join has no serious axe violations (${theme} theme)`, async ({ page }) => {
      await page.goto(`/?room=${uniqueRoom('axe-prejoin')}&theme=${theme}`);
      await expect(page.locator('confab-prejoin .preview')).toHaveAttribute('data-preview', 'live');
      await page.getByRole('button', { name: 'Join meeting' }).click();
      await expect(page.locator('confab-prejoin').getByRole('alert')).toHaveText('Enter your name to join.');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('joins, leaves and my own mute are announced politely', async ({ browser }) => {
    const room = uniqueRoom('announce');
    const ada = await Participant.open(browser, { room, name: 'Ada' });
    try {
      await ada.joined();
      // Ada's own devices finish starting first, so their announcements cannot race Bob's arrival.
      await expect(ada.control('microphone')).toHaveAttribute('aria-pressed', 'true');
      await expect(ada.control('camera')).toHaveAttribute('aria-pressed', 'true');
      const region = ada.page.locator('[data-announcer]');
      const bob = await Participant.open(browser, { room, name: 'Bob' });
      await bob.joined();
      // Names are isolated (U+2068…U+2069), so a right-to-left name cannot reorder the sentence.
      await expect(region).toHaveText('\u2068Bob\u2069 joined');
      await ada.control('microphone').click();
      await expect(region).toHaveText('Your microphone is off');
      await bob.close();
      await expect(region).toHaveText('\u2068Bob\u2069 left');
      await expect(region).toHaveAttribute('aria-live', 'polite');
    } finally {
      await ada.close();
    }
  });

  test('keyboard: controls are reachable and shortcuts stay off unless asked for', async ({ browser }) => {
    const room = uniqueRoom('keys');
    const ada = await Participant.open(browser, { room, name: 'Ada' });
    const kim = await Participant.open(browser, { room, name: 'Kim', query: { shortcuts: 'on' } });
    try {
      await ada.joined();
      await kim.joined();
      for (const p of [ada, kim]) {
        await expect(p.control('microphone')).toHaveAttribute('aria-pressed', 'true');
        await expect(p.control('camera')).toHaveAttribute('aria-pressed', 'true');
      }
      await ada.control('microphone').focus();
      await ada.page.keyboard.press('Space');
      await expect(ada.control('microphone')).toHaveAttribute('aria-pressed', 'false');
      await ada.page.keyboard.press('Tab');
      await expect(ada.control('camera')).toBeFocused();
      // Shortcuts are off for Ada: Ctrl+D must do nothing. Keys are handled in order, so once the
      // Space that follows has turned the camera off, a Ctrl+D that acted would show (busy or on).
      await ada.page.keyboard.press('Control+d');
      await ada.page.keyboard.press('Space');
      await expect(ada.control('camera')).toHaveAttribute('aria-pressed', 'false');
      await expect(ada.control('microphone')).toHaveAttribute('aria-busy', 'false');
      await expect(ada.control('microphone')).toHaveAttribute('aria-pressed', 'false');
      await expect(kim.tileOf(ada)).toHaveAttribute('data-muted', '');

      await kim.control('camera').focus();
      await kim.page.keyboard.press('Control+d');
      await expect(kim.control('microphone')).toHaveAttribute('aria-pressed', 'false');
      await kim.page.keyboard.press('Control+e');
      await expect(kim.control('camera')).toHaveAttribute('aria-pressed', 'false');

      // Focus moves into the settings dialog and back to the button that opened it.
      // Every control is on the Tab path after the camera: screen share, then settings (the blur
      // and chat buttons sit between; they are walked past, never skipped by the keyboard).
      await kim.control('camera').focus();
      const reached = async (control: import('@playwright/test').Locator) => {
        for (let i = 0; i < 6 && !(await control.evaluate((b) => b.matches(':focus'))); i++) await kim.page.keyboard.press('Tab');
        await expect(control).toBeFocused();
      };
      await reached(kim.control('screenshare'));
      const settings = kim.page.locator('confab-control-bar button[data-control="settings"]');
      await reached(settings);
      await kim.page.keyboard.press('Enter');
      await expect(kim.page.locator('confab-settings dialog')).toHaveAttribute('open', '');
      await expect(kim.page.locator('confab-settings select[data-device="camera"]')).toBeFocused();
      await kim.page.keyboard.press('Escape');
      await expect(kim.page.locator('confab-control-bar button[data-control="settings"]')).toBeFocused();
    } finally {
      await ada.close();
      await kim.close();
    }
  });

  test('every control in the bar names itself in a tooltip on keyboard focus and on hover, above it, never over it', async ({
    browser,
  }) => {
    const ada = await Participant.open(browser, { room: uniqueRoom('tips'), name: 'Ada' });
    try {
      await ada.joined();
      const bar = ada.page.locator('confab-control-bar');
      await expect(bar.locator('button[data-control="leave"]')).toBeVisible();
      /** The tooltip as drawn: its text, whether it shows, and where its box ends against the button's. */
      const tip = (control: string) =>
        bar.locator(`button[data-control="${control}"]`).evaluate((button) => {
          const after = getComputedStyle(button, '::after');
          return {
            text: after.content.replace(/^"|"$/g, ''),
            shown: after.visibility === 'visible' && Number(after.opacity) === 1,
            // The tooltip's bottom edge sits this far above the button's top (inset-block-end past 100%).
            gap: parseFloat(after.bottom) - button.getBoundingClientRect().height,
          };
        });
      const controls = await bar
        .locator(':scope button[data-tip]')
        .evaluateAll((buttons) =>
          buttons.filter((b) => !b.closest('.menu') && b.checkVisibility()).map((b) => b.getAttribute('data-control') ?? ''),
        );
      expect(controls).toEqual(expect.arrayContaining(['microphone', 'camera', 'chat', 'settings', 'leave']));
      // Keyboard: Tab from the first control; each shows its name at once.
      await bar.locator('button[data-control="microphone"]').focus();
      for (const control of controls) {
        await expect(bar.locator(`button[data-control="${control}"]`)).toBeFocused();
        await expect.poll(() => tip(control)).toMatchObject({ shown: true });
        const { text, gap } = await tip(control);
        expect(text.length, control).toBeGreaterThan(0);
        expect(gap, control).toBeGreaterThan(0);
        await ada.page.keyboard.press('Tab');
      }
      // A toggle's tooltip says what a click does; it changes with the state.
      expect((await tip('microphone')).text).toBe('Turn microphone off');
      await bar.locator('button[data-control="microphone"]').click();
      await expect.poll(async () => (await tip('microphone')).text).toBe('Turn microphone on');
      // Hover shows it too (after a moment); moving away hides it.
      await ada.page.mouse.move(0, 0);
      await bar.locator('button[data-control="settings"]').hover();
      await expect.poll(() => tip('settings')).toMatchObject({ shown: true, text: 'Settings' });
      await ada.page.mouse.move(0, 0);
      await expect.poll(() => tip('settings')).toMatchObject({ shown: false });
    } finally {
      await ada.close();
    }
  });

  test('Arabic mirrors the layout and translates every control', async ({ browser }) => {
    const room = uniqueRoom('rtl');
    const p = await Participant.open(browser, { room, name: 'سارة', query: { lang: 'ar' } });
    try {
      await p.joined();
      await expect(p.page.locator('confab-meeting .root')).toHaveAttribute('dir', 'rtl');
      await expect(p.control('microphone')).toHaveAttribute('aria-label', 'الميكروفون');
      await expect(p.control('leave')).toHaveAttribute('aria-label', 'مغادرة الاجتماع');
      const [tile, label] = await Promise.all([p.localTile.boundingBox(), p.localTile.locator('.label').boundingBox()]);
      // inset-inline-start is the right edge in RTL.
      expect(tile!.x + tile!.width - (label!.x + label!.width)).toBeLessThan(20);
      expect(label!.x - tile!.x).toBeGreaterThan(20);
      await p.meeting.evaluate((m) => m.setAttribute('lang', 'de'));
      await expect(p.control('leave')).toHaveAttribute('aria-label', 'Meeting verlassen');
      await expect(p.page.locator('confab-meeting .root')).toHaveAttribute('dir', 'ltr');
      await expect(p.meeting).toHaveAttribute('data-state', 'connected');
    } finally {
      await p.close();
    }
  });

  test('hostile host CSS does not break the widget, and the widget does not leak into the host', async ({ page }) => {
    await page.goto(`http://localhost:8191/hostile.html?app=${encodeURIComponent('http://127.0.0.1:8190')}&room=${uniqueRoom('hostile')}`);
    await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
    const mic = page.locator('confab-control-bar button[data-control="microphone"]');
    const box = await mic.boundingBox();
    expect(Math.round(box!.width)).toBe(48);
    expect(Math.round(box!.height)).toBe(48);
    expect(await mic.evaluate((b) => getComputedStyle(b).fontFamily)).not.toBe('serif');
    // The host keeps its own look: our styles stay in our shadow roots.
    expect(await page.locator('#host-button').evaluate((b) => getComputedStyle(b).paddingTop)).toBe('50px');
    expect(await page.locator('#host-banner').evaluate((b) => getComputedStyle(b).color)).toBe('rgb(255, 0, 0)');
    expect(await page.locator('confab-meeting').evaluate((m) => getComputedStyle(m.shadowRoot!.querySelector('.layout')!).color)).not.toBe(
      'rgb(255, 0, 0)',
    );
  });
});
