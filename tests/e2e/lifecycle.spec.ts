import { expect, test, type Page } from './pages/test.js';
import { RoomServiceClient } from 'livekit-server-sdk';
import { Participant, RECORD_TRACKS, trackStates, uniqueRoom } from './pages/meeting.js';

const rooms = new RoomServiceClient('http://127.0.0.1:7890', 'devkey', 'secret');
const namesInRoom = async (room: string) => (await rooms.listParticipants(room)).map((p) => p.name).sort();

/** The app's origin with the bundle loaded and no meeting on the page yet. */
async function emptyPage(page: Page): Promise<void> {
  // Camera and microphone off: the demo's own pre-join acquires nothing a test would then count.
  await page.goto('/?room=unused&prejoin=on&audio=off&video=off');
  await page.evaluate(() => document.querySelector('confab-meeting')?.remove());
}

/** Adds a <confab-meeting> for `room` to the page, as a site owner would. */
async function addMeeting(page: Page, room: string, name: string, id: string): Promise<void> {
  await page.evaluate(
    ([room, name, id]) => {
      const m = document.createElement('confab-meeting');
      m.id = id;
      m.style.height = '300px';
      m.setAttribute('token-endpoint', '/api/token');
      m.setAttribute('room', room);
      m.setAttribute('name', name);
      m.setAttribute('prejoin', 'off');
      document.body.append(m);
    },
    [room, name, id] as const,
  );
}

test.describe('lifecycle hygiene', () => {
  test('two meetings on one page are two independent participants', async ({ browser, page }) => {
    const room = uniqueRoom('two');
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      await emptyPage(page);
      await addMeeting(page, room, 'First', 'a');
      await addMeeting(page, room, 'Second', 'b');
      await expect(page.locator('#a')).toHaveAttribute('data-state', 'connected');
      await expect(page.locator('#b')).toHaveAttribute('data-state', 'connected');
      await bob.joined();
      await expect(bob.tiles).toHaveCount(3);
      await page.locator('#a confab-control-bar button[data-control="microphone"]').click();
      const first = bob.page.locator('confab-tile').filter({ hasText: 'First' });
      const second = bob.page.locator('confab-tile').filter({ hasText: 'Second' });
      await expect(first).toHaveAttribute('data-muted', '');
      await expect(second).not.toHaveAttribute('data-muted', '');
      await page.locator('#b confab-control-bar button[data-control="leave"]').click();
      await expect(bob.tiles).toHaveCount(2);
      await expect(page.locator('#a')).toHaveAttribute('data-state', 'connected');
    } finally {
      await bob.close();
    }
  });

  test('mount, unmount and mount again in one task (framework StrictMode) makes exactly one connection', async ({ browser, page }) => {
    const room = uniqueRoom('strict');
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await emptyPage(page);
      await page.evaluate(
        ([room]) => {
          const m = document.createElement('confab-meeting');
          m.id = 'strict';
          for (const [k, v] of Object.entries({ 'token-endpoint': '/api/token', room, name: 'Strict', prejoin: 'off' }))
            m.setAttribute(k, v);
          document.body.append(m);
          m.remove();
          document.body.append(m);
        },
        [room] as const,
      );
      await expect(page.locator('#strict')).toHaveAttribute('data-state', 'connected');
      await bob.joined();
      // A marker joins after Strict's connection: once the server has it, a second Strict (which
      // would have started in the same task as the first) would have arrived too.
      await addMeeting(page, room, 'Marker', 'marker');
      await expect(page.locator('#marker')).toHaveAttribute('data-state', 'connected');
      await expect(bob.tiles).toHaveCount(3);
      expect(await namesInRoom(room)).toEqual(['Bob', 'Marker', 'Strict']);
      expect(errors).toEqual([]);
    } finally {
      await bob.close();
    }
  });

  test('a meeting removed during the LiveKit handshake, with its camera on, leaves no connection and no live track', async ({
    browser,
    page,
  }) => {
    const room = uniqueRoom('abort');
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    await page.addInitScript(RECORD_TRACKS);
    let handshakes = 0;
    // The signalling socket opens only after the element is gone: the removal lands mid-handshake,
    // with the camera and microphone already live, and the room would connect right after.
    await page.routeWebSocket(/:7890\/rtc/, async (ws) => {
      handshakes++;
      await expect.poll(async () => (await trackStates(page)).filter((s) => s.endsWith(':live')).length).toBe(2);
      await page.evaluate(() => document.querySelector('#quitter')?.remove());
      ws.connectToServer();
    });
    try {
      await emptyPage(page);
      await bob.joined();
      await expect.poll(async () => (await trackStates(page)).filter((s) => s.endsWith(':live'))).toEqual([]);
      const before = (await trackStates(page)).length;
      await page.evaluate(
        ([room]) => {
          const m = document.createElement('confab-meeting');
          m.id = 'quitter';
          for (const [k, v] of Object.entries({ 'token-endpoint': '/api/token', room, name: 'Quitter', prejoin: 'off' }))
            m.setAttribute(k, v);
          document.body.append(m);
        },
        [room] as const,
      );
      await expect.poll(() => handshakes).toBe(1);
      await expect.poll(async () => (await trackStates(page)).filter((s) => s.endsWith(':live'))).toEqual([]);
      expect((await trackStates(page)).length).toBe(before + 2);
      // Positive control: a meeting added afterwards does arrive; Quitter never does (no ghost).
      await addMeeting(page, room, 'Stayer', 's');
      await expect(bob.page.locator('confab-tile').filter({ hasText: 'Stayer' })).toBeVisible();
      await expect.poll(() => namesInRoom(room)).toEqual(['Bob', 'Stayer']);
      await expect(bob.page.locator('confab-tile').filter({ hasText: 'Quitter' })).toHaveCount(0);
    } finally {
      await bob.close();
    }
  });

  test('leave() during the handshake ends on "left" with confab-left, and Rejoin works', async ({ browser, page }) => {
    const room = uniqueRoom('leavehs');
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    let handshakes = 0;
    await page.routeWebSocket(/:7890\/rtc/, async (ws) => {
      handshakes++;
      if (handshakes === 1) await page.evaluate(() => (document.querySelector('#hs') as HTMLElement & { leave(): Promise<void> }).leave());
      ws.connectToServer();
    });
    try {
      await emptyPage(page);
      await bob.joined();
      await page.evaluate(() => {
        const w = window as unknown as { left: string[] };
        w.left = [];
        document.addEventListener('confab-left', (e) => w.left.push((e as CustomEvent<{ reason: string }>).detail.reason));
      });
      await addMeeting(page, room, 'Hesitant', 'hs');
      await expect(page.locator('#hs')).toHaveAttribute('data-state', 'left');
      expect(await page.evaluate(() => (window as unknown as { left: string[] }).left)).toEqual(['user']);
      await expect.poll(() => namesInRoom(room)).toEqual(['Bob']);
      await page.locator('#hs button[data-control="rejoin"]').click();
      await expect(page.locator('#hs')).toHaveAttribute('data-state', 'connected');
      await expect(bob.page.locator('confab-tile').filter({ hasText: 'Hesitant' })).toBeVisible();
    } finally {
      await bob.close();
    }
  });

  test('a removed element refuses commands and acquires nothing', async ({ page }) => {
    await page.addInitScript(RECORD_TRACKS);
    await emptyPage(page);
    await expect.poll(async () => (await trackStates(page)).filter((s) => s.endsWith(':live'))).toEqual([]);
    const before = (await trackStates(page)).length;
    const codes = await page.evaluate(async () => {
      const m = document.createElement('confab-meeting') as HTMLElement & { setCamera(on: boolean): Promise<void>; join(): Promise<void> };
      for (const [k, v] of Object.entries({ 'token-endpoint': '/api/token', room: 'gone', name: 'Gone', video: 'off', audio: 'off' }))
        m.setAttribute(k, v);
      document.body.append(m);
      await new Promise((r) => m.addEventListener('confab-ready', r, { once: true }));
      m.remove();
      await new Promise((r) => setTimeout(r, 0));
      const code = (p: Promise<unknown>) =>
        p.then(
          () => 'resolved',
          (e: unknown) => (e as { code?: string }).code ?? 'no code',
        );
      return [await code(m.setCamera(true)), await code(m.join())];
    });
    expect(codes).toEqual(['disposed', 'disposed']);
    expect((await trackStates(page)).length).toBe(before);
  });

  test('commands issued before the element is ready are queued in order, not dropped', async ({ browser, page }) => {
    const room = uniqueRoom('early');
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      await emptyPage(page);
      await bob.joined();
      const results = await page.evaluate(
        async ([room]) => {
          const m = document.createElement('confab-meeting');
          for (const [k, v] of Object.entries({ 'token-endpoint': '/api/token', room, name: 'Early' })) m.setAttribute(k, v);
          // Called before the element is even in the page: they wait, then run one after another in
          // this order (on, then off: in any other order the camera would end up on).
          const order: string[] = [];
          const calls = [
            m.setCamera(true).then(() => order.push('camera on')),
            m.setCamera(false).then(() => order.push('camera off')),
            m.setMicrophone(false).then(() => order.push('microphone off')),
            m.join().then(() => order.push('join')),
          ];
          document.body.append(m);
          await Promise.all(calls);
          return { order, state: (await m.getState()).state };
        },
        [room] as const,
      );
      expect(results).toEqual({ order: ['camera on', 'camera off', 'microphone off', 'join'], state: 'connected' });
      const early = bob.page.locator('confab-tile').filter({ hasText: 'Early' });
      await expect(early).toHaveAttribute('data-camera-off', '');
      await expect(early).toHaveAttribute('data-muted', '');
      await expect(page.locator('confab-control-bar button[data-control="camera"]')).toHaveAttribute('aria-pressed', 'false');
    } finally {
      await bob.close();
    }
  });

  test('loading the bundle twice does not throw', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/?room=lobby&prejoin=on');
    await page.evaluate(async () => {
      const url = '/confab.js?copy=2';
      await import(url);
    });
    await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'prejoin');
    expect(errors).toEqual([]);
  });

  test('live option changes apply without reconnecting', async ({ browser }) => {
    const room = uniqueRoom('live');
    const ada = await Participant.open(browser, { room, name: 'Ada' });
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      await ada.joined();
      await bob.joined();
      await expect(ada.tiles).toHaveCount(2);
      const joins: number = await ada.meeting.evaluate((m) => {
        const w = window as unknown as { joins: number };
        w.joins = 0;
        m.addEventListener('confab-joined', () => (w.joins += 1));
        return w.joins;
      });
      const before = await ada.meeting.evaluate((m: HTMLElement & { getState(): Promise<{ identity: string }> }) => m.getState());

      await ada.meeting.evaluate((m) => {
        m.setAttribute('theme', 'dark');
        m.setAttribute('max-tiles', '1');
        m.setAttribute('accent', '#ff0066');
      });
      await expect(ada.meeting).toHaveAttribute('data-theme', 'dark');
      await expect(ada.tiles).toHaveCount(1);
      const accent = () => ada.meeting.evaluate((m) => getComputedStyle(m).getPropertyValue('--confab-accent').trim());
      expect(await accent()).toBe('#ff0066');
      // An invalid accent is reported (banner + confab-error), and removing the attribute clears it.
      await ada.meeting.evaluate((m) => m.setAttribute('accent', 'blurple'));
      await expect(ada.page.locator('[data-config-issue="accent"]')).toContainText('blurple');
      await ada.meeting.evaluate((m) => m.removeAttribute('accent'));
      await expect(ada.page.locator('[data-config-issue="accent"]')).toHaveCount(0);
      await expect.poll(accent).toBe('');

      await ada.meeting.evaluate((m) => m.setAttribute('max-tiles', '16'));
      await expect(ada.tiles).toHaveCount(2);
      await expect(ada.meeting).toHaveAttribute('data-state', 'connected');
      const after = await ada.meeting.evaluate((m: HTMLElement & { getState(): Promise<{ identity: string }> }) => m.getState());
      expect(after.identity).toBe(before.identity);
      expect(await ada.page.evaluate(() => (window as unknown as { joins: number }).joins)).toBe(joins);
      await Participant.expectFramesFlowing(ada.tileOf(bob));
    } finally {
      await ada.close();
      await bob.close();
    }
  });
});
