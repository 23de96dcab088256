import { expect, test } from './pages/test.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inCall, Participant, RECORD_TRACKS, trackStates } from './pages/meeting.js';

test.describe('a real meeting on a real LiveKit server', () => {
  test('two participants see and hear each other', async ({ browser }) => {
    await inCall(browser, 'pair', ['Ada', 'Bob'], async ([ada, bob]) => {
      await expect(ada.tiles).toHaveCount(2);
      await expect(bob.tiles).toHaveCount(2);
      await Participant.expectFramesFlowing(ada.tileOf(bob));
      await Participant.expectFramesFlowing(bob.tileOf(ada));
      await expect.poll(() => ada.liveRemoteAudio()).toBe(1);
      await expect.poll(() => bob.liveRemoteAudio()).toBe(1);
      // Chromium's fake microphone beeps: the server reports Ada as speaking, and Bob sees it.
      await expect(bob.tileOf(ada)).toHaveAttribute('data-speaking', '', { timeout: 15_000 });
      await expect(ada.localTile).toHaveAttribute('data-source', 'camera');
      await expect(ada.control('microphone')).toHaveAttribute('aria-pressed', 'true');
      await expect(ada.control('camera')).toHaveAttribute('aria-pressed', 'true');
      // Screenshots go to the ignored test-results/; the README's copy is refreshed only on request
      // (UPDATE_SCREENSHOTS=1 npm test), so a test run never dirties the checkout.
      const shot = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/two-person-call.png' : 'test-results/screenshots/two-person-call.png';
      mkdirSync(dirname(shot), { recursive: true });
      await bob.page.screenshot({ path: shot });
      expect(ada.pageErrors).toEqual([]);
      expect(bob.pageErrors).toEqual([]);
      // Only what a call needs was downloaded: the blur control and effects, the chat panel and the
      // settings dialog load on first use (scripts/check-size.mjs budgets what is loaded).
      const scripts = await ada.page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.endsWith('.js')),
      );
      expect(scripts.filter((p) => /\/chunks\/session-/.test(p))).toHaveLength(1);
      expect(scripts.filter((p) => /\/chunks\/(background|effects|engine|register|settings-element)-/.test(p))).toEqual([]);
      // The demo page is served with the strict CSP that embed.md documents; nothing was blocked.
      expect(await ada.cspViolations()).toEqual([]);
      expect(await bob.cspViolations()).toEqual([]);
    });
  });

  test('turning the camera off shows the avatar to others, and on again brings frames back', async ({ browser }) => {
    await inCall(browser, 'camera', ['Ada Lovelace', 'Bob'], async ([ada, bob]) => {
      const adaOnBob = bob.tileOf(ada);
      await Participant.expectFramesFlowing(adaOnBob);

      await ada.control('camera').click();
      await expect(ada.control('camera')).toHaveAttribute('aria-pressed', 'false');
      await expect(adaOnBob).toHaveAttribute('data-camera-off', '', { timeout: 3_000 });
      await expect(adaOnBob.locator('.avatar')).toHaveText('AL', { timeout: 3_000 });

      await ada.control('camera').click();
      await expect(ada.control('camera')).toHaveAttribute('aria-pressed', 'true');
      await expect(adaOnBob).not.toHaveAttribute('data-camera-off', '');
      await Participant.expectFramesFlowing(adaOnBob);
    });
  });

  test('muting the microphone shows the muted icon to others', async ({ browser }) => {
    await inCall(browser, 'mute', ['Ada', 'Bob'], async ([ada, bob]) => {
      const adaOnBob = bob.tileOf(ada);
      await expect(adaOnBob).not.toHaveAttribute('data-muted', '');
      await ada.control('microphone').click();
      await expect(ada.control('microphone')).toHaveAttribute('aria-pressed', 'false');
      await expect(adaOnBob).toHaveAttribute('data-muted', '');
      await expect(adaOnBob.getByRole('img', { name: 'Microphone off' })).toBeVisible();
      await ada.control('microphone').click();
      await expect(adaOnBob).not.toHaveAttribute('data-muted', '');
    });
  });

  test('a participant who leaves disappears from the other grid and stops every local track', async ({ browser }) => {
    await inCall(browser, 'leave', ['Ada', 'Bob'], async ([ada, bob]) => {
      await expect(bob.tiles).toHaveCount(2);
      expect((await ada.localTrackStates()).length).toBeGreaterThanOrEqual(2);

      await ada.control('leave').click();
      await expect(ada.meeting).toHaveAttribute('data-state', 'left');
      await expect(ada.page.getByRole('button', { name: 'Rejoin' })).toBeVisible();
      await expect(bob.tiles).toHaveCount(1, { timeout: 5_000 });
      await expect(bob.tileOf(ada)).toHaveCount(0);
      const states = await ada.localTrackStates();
      expect(
        states.every((s) => s.endsWith(':ended')),
        states.join(', '),
      ).toBe(true);

      await ada.page.getByRole('button', { name: 'Rejoin' }).click();
      await ada.joined();
      await expect(bob.tiles).toHaveCount(2);
    });
  });

  test('three participants see three tiles everywhere', async ({ browser }) => {
    await inCall(browser, 'trio', ['Ada', 'Bob', 'Cyd'], async (people) => {
      for (const p of people) await expect(p.tiles).toHaveCount(3);
    });
  });

  test('removing the element leaves the room and ends the camera', async ({ browser }) => {
    await inCall(browser, 'remove', ['Ada', 'Bob'], async ([ada, bob]) => {
      await expect(bob.tiles).toHaveCount(2);
      await ada.page.evaluate(() => document.querySelector('confab-meeting')?.remove());
      await expect(bob.tiles).toHaveCount(1, { timeout: 5_000 });
      await expect.poll(async () => (await ada.localTrackStates()).every((s) => s.endsWith(':ended'))).toBe(true);
    });
  });

  test('an unreachable server is named on screen and no camera stays on', async ({ page }) => {
    await page.addInitScript(RECORD_TRACKS);
    await page.goto('/?room=x&prejoin=on');
    const events: string[] = [];
    await page.exposeFunction('recordError', (code: string) => events.push(code));
    await page.evaluate(() => {
      document.querySelector('confab-meeting')?.remove();
      const m = document.createElement('confab-meeting');
      m.setAttribute('server-url', 'ws://127.0.0.1:9');
      m.setAttribute('token', 'aaa.bbb.ccc');
      m.setAttribute('prejoin', 'off');
      m.addEventListener('confab-error', (e) => {
        (window as unknown as { recordError(c: string): void }).recordError(e.detail.code);
      });
      document.body.append(m);
    });
    const meeting = page.locator('confab-meeting');
    await expect(meeting).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
    await expect(page.getByRole('alert')).toContainText('ws://127.0.0.1:9');
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    expect(events).toContain('server-unreachable');
    expect((await trackStates(page)).filter((s) => s.endsWith(':live'))).toEqual([]);
    // The failure is kept as a message key and translated when shown: a new language re-words it.
    await meeting.evaluate((m) => m.setAttribute('lang', 'de'));
    await expect(page.getByRole('alert')).toContainText('Der Meeting-Server unter ws://127.0.0.1:9 ist nicht erreichbar.');
    await expect(page.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  });

  test('the token endpoint refuses a bad room with a JSON 400', async ({ request }) => {
    const bad = await request.get('/api/token?room=no%20spaces&name=Ada');
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid-room' });
    const noName = await request.get('/api/token?room=ok');
    expect(noName.status()).toBe(400);
    expect(await noName.json()).toMatchObject({ error: 'invalid-name' });
    const [a, b] = await Promise.all([request.get('/api/token?room=ok&name=Ada'), request.get('/api/token?room=ok&name=Ada')]);
    const ja = (await a.json()) as { identity: string };
    const jb = (await b.json()) as { identity: string };
    expect(ja.identity).not.toBe(jb.identity);
  });
});
