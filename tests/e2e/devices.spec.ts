import { expect, test, type Browser, type Page } from './pages/test.js';
import { Participant, RECORD_TRACKS, trackStates, uniqueRoom } from './pages/meeting.js';

/**
 * Makes getUserMedia fail like a real browser does, per kind: window.__fail = { video: 'NotAllowedError' }.
 * Also lets a test "unplug" devices: ids in window.__removed vanish from enumerateDevices.
 */
const BREAK_DEVICES = (): void => {
  const w = window as unknown as { __fail: Record<string, string>; __removed: string[] };
  w.__fail = JSON.parse(sessionStorage.getItem('__fail') ?? '{}') as Record<string, string>;
  w.__removed = [];
  const md = navigator.mediaDevices;
  const gum = md.getUserMedia.bind(md);
  md.getUserMedia = (c) => {
    for (const kind of ['video', 'audio'] as const) {
      const name = w.__fail[kind];
      if (c?.[kind] && name) return Promise.reject(new DOMException(`${kind} failed (${name})`, name));
    }
    return gum(c);
  };
  const enumerate = md.enumerateDevices.bind(md);
  md.enumerateDevices = async () => (await enumerate()).filter((d) => !w.__removed.includes(d.deviceId));
};

async function openPrejoin(browser: Browser, room: string, fail: Record<string, string> = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  await context.addInitScript(RECORD_TRACKS);
  await context.addInitScript(BREAK_DEVICES);
  const page = await context.newPage();
  await page.goto('/confab.config.json');
  await page.evaluate((f) => sessionStorage.setItem('__fail', JSON.stringify(f)), fail);
  await page.goto(`/?room=${room}&name=Ada`);
  await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'prejoin');
  return page;
}

const deviceErrors = (page: Page) => page.evaluate(() => (window as unknown as { deviceErrors?: string[] }).deviceErrors ?? []);
async function recordDeviceErrors(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { deviceErrors: string[] };
    w.deviceErrors = [];
    document
      .querySelector('confab-meeting')
      ?.addEventListener('confab-device-error', (e) => w.deviceErrors.push(`${e.detail.device}:${e.detail.reason}`));
  });
}

test.describe('pre-join and devices', () => {
  test('the pre-join shows a live mirrored preview, a moving meter and every device', async ({ browser }) => {
    const page = await openPrejoin(browser, uniqueRoom('preview'));
    try {
      const video = page.locator('confab-prejoin video');
      await expect(page.locator('confab-prejoin .preview')).toHaveAttribute('data-preview', 'live');
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames)).toBeGreaterThan(5);
      expect(await video.evaluate((v) => getComputedStyle(v).transform)).toContain('matrix(-1');
      // Chromium's fake microphone beeps: the meter must move with it.
      const loudest = await page.locator('confab-prejoin [role="meter"]').evaluate(
        (meter) =>
          new Promise<number>((resolve) => {
            let max = 0;
            const timer = setInterval(() => (max = Math.max(max, Number(meter.getAttribute('aria-valuenow')))), 50);
            setTimeout(() => {
              clearInterval(timer);
              resolve(max);
            }, 3000);
          }),
      );
      expect(loudest).toBeGreaterThan(20);
      await expect(page.locator('select[data-device="camera"] option')).toHaveCount(3);
      await expect(page.locator('select[data-device="microphone"] option')).toHaveCount(3);
      await expect(page.locator('select[data-device="speaker"]')).toBeVisible();
      await expect(page.locator('confab-prejoin input[name="name"]')).toHaveValue('Ada');

      await page.getByRole('button', { name: 'Join meeting' }).click();
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      // One pipeline: the pre-join's two tracks are the ones the call publishes — no second
      // getUserMedia, so the camera never blinks at Join.
      await expect(page.locator('confab-tile[data-local]')).not.toHaveAttribute('data-camera-off', '');
      await expect.poll(async () => (await trackStates(page)).sort()).toEqual(['audio:live', 'video:live']);
      // The connection warm-up during the pre-join stays inside the documented CSP.
      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test('cancelling the pre-join ends every track, previews included', async ({ browser }) => {
    const page = await openPrejoin(browser, uniqueRoom('cancel'));
    try {
      await expect.poll(async () => (await trackStates(page)).filter((s) => s.endsWith(':live')).length).toBe(2);
      await page.evaluate(() => document.querySelector('confab-meeting')?.remove());
      // Checked right after the removal, with no waiting: the camera light goes off at once.
      expect((await trackStates(page)).sort()).toEqual(['audio:ended', 'video:ended']);
    } finally {
      await page.context().close();
    }
  });

  test('a denied camera is named with how to re-allow it, and the user can join without it', async ({ browser }) => {
    const room = uniqueRoom('denied');
    const page = await openPrejoin(browser, room, { video: 'NotAllowedError' });
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      const error = page.locator('confab-prejoin [data-device-error="camera"]');
      await expect(error).toHaveAttribute('data-reason', 'denied');
      await expect(error).toContainText('Camera access was denied');
      await expect(error).toContainText('Always allow');
      await expect(page.locator('confab-prejoin .preview')).toHaveAttribute('data-preview', 'off');
      await recordDeviceErrors(page);
      await page.getByRole('button', { name: 'Join without camera' }).click();
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      await bob.joined();
      const ada = bob.page.locator('confab-tile:not([data-local])').filter({ hasText: 'Ada' });
      await expect(ada).toHaveAttribute('data-camera-off', '');
      await expect(ada).not.toHaveAttribute('data-muted', '');
      // Turning the camera on in the call tries again and names the failure again.
      await page.locator('confab-control-bar button[data-control="camera"]').click();
      await expect.poll(() => deviceErrors(page)).toContain('camera:denied');
      await expect(page.locator('[data-device-error="camera"]').first()).toBeVisible();
    } finally {
      await page.context().close();
      await bob.close();
    }
  });

  test('no devices at all: named, and the user can join to listen', async ({ browser }) => {
    const room = uniqueRoom('nodevice');
    const page = await openPrejoin(browser, room, { video: 'NotFoundError', audio: 'NotFoundError' });
    try {
      await expect(page.locator('confab-prejoin [data-device-error="camera"]')).toContainText('No camera was found.');
      await expect(page.locator('confab-prejoin [data-device-error="microphone"]')).toContainText('No microphone was found.');
      await page.getByRole('button', { name: 'Join to listen only' }).click();
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      await expect(page.locator('confab-control-bar button[data-control="microphone"]')).toHaveAttribute('aria-pressed', 'false');
      await expect(page.locator('confab-control-bar button[data-control="camera"]')).toHaveAttribute('aria-pressed', 'false');
    } finally {
      await page.context().close();
    }
  });

  test('a camera in use by another app is named, and Try again recovers when it is free', async ({ browser }) => {
    const page = await openPrejoin(browser, uniqueRoom('inuse'), { video: 'NotReadableError' });
    try {
      const error = page.locator('confab-prejoin [data-device-error="camera"]');
      await expect(error).toHaveAttribute('data-reason', 'in-use');
      await expect(error).toContainText('in use by another application');
      await page.evaluate(() => ((window as unknown as { __fail: Record<string, string> }).__fail = {}));
      await error.getByRole('button', { name: 'Try again' }).click();
      await expect(page.locator('confab-prejoin .preview')).toHaveAttribute('data-preview', 'live');
      await expect(error).toHaveCount(0);
    } finally {
      await page.context().close();
    }
  });

  test('switching the camera mid-call keeps the other participant seeing video', async ({ browser }) => {
    const room = uniqueRoom('switch');
    const ada = await Participant.open(browser, { room, name: 'Ada' });
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      await ada.joined();
      await bob.joined();
      const adaOnBob = bob.tileOf(ada);
      await Participant.expectFramesFlowing(adaOnBob);
      await ada.page.locator('confab-control-bar button[data-control="settings"]').click();
      const select = ada.page.locator('confab-settings select[data-device="camera"]');
      // The dialog is a lazy chunk: its lists fill as it renders.
      await expect(select.locator('option')).toHaveText(['fake_device_0', 'fake_device_1', 'fake_device_2']);
      // Chromium's fake_device_1 delivers Y16 (depth) frames, which no encoder takes; 2 is a camera.
      await select.selectOption({ label: 'fake_device_2' });
      await expect
        .poll(() =>
          ada.localTile.evaluate(
            (el) => (el.shadowRoot?.querySelector('video')?.srcObject as MediaStream | null)?.getVideoTracks()[0]?.label ?? '',
          ),
        )
        .toContain('fake_device_2');
      await Participant.expectFramesFlowing(adaOnBob);
      await ada.page.keyboard.press('Escape');
      await expect(ada.page.locator('confab-settings dialog')).not.toHaveAttribute('open', '');
      await expect(ada.control('camera')).toHaveAttribute('aria-pressed', 'true');
    } finally {
      await ada.close();
      await bob.close();
    }
  });

  test('an unplugged camera falls back to another, with a toast, and comes back when replugged', async ({ browser }) => {
    const room = uniqueRoom('unplug');
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await context.addInitScript(BREAK_DEVICES);
    const page = await context.newPage();
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      await page.goto(`/?room=${room}&name=Ada&prejoin=off`);
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      await bob.joined();
      const adaOnBob = bob.page.locator('confab-tile:not([data-local])').filter({ hasText: 'Ada' });
      await Participant.expectFramesFlowing(adaOnBob);
      const [first, depth] = await page.evaluate(async () => {
        const cams = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
        return [cams[0]!.deviceId, cams[1]!.deviceId];
      });
      const cameraLabel = () =>
        page
          .locator('confab-tile[data-local]')
          .evaluate((el) => (el.shadowRoot?.querySelector('video')?.srcObject as MediaStream | null)?.getVideoTracks()[0]?.label ?? '');
      await expect.poll(cameraLabel).toBe('fake_device_0');

      await page.evaluate(
        (id) => {
          // This machine has cameras 0 and 2 (fake_device_1 is a Y16 depth stream no encoder takes).
          (window as unknown as { __removed: string[] }).__removed = id;
          navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
        },
        [first, depth],
      );
      await expect(page.locator('[data-toast="devices.switched"]')).toContainText('fake_device_2');
      await expect.poll(cameraLabel).toBe('fake_device_2');
      await Participant.expectFramesFlowing(adaOnBob);

      await page.evaluate(() => {
        const w = window as unknown as { __removed: string[] };
        w.__removed = w.__removed.slice(1);
        navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
      });
      await expect(page.locator('[data-toast="devices.restored"]')).toContainText('fake_device_0');
      await expect.poll(cameraLabel).toBe('fake_device_0');
    } finally {
      await context.close();
      await bob.close();
    }
  });

  test('choices are remembered: prejoin="auto" skips the pre-join next time, with the saved name and camera off', async ({ browser }) => {
    const room = uniqueRoom('prefs');
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`/?room=${room}&prejoin=auto`);
      await page.locator('confab-prejoin input[name="name"]').fill('Grace');
      await page.locator('confab-prejoin button[data-control="camera"]').click();
      await page.getByRole('button', { name: 'Join meeting' }).click();
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      await page.locator('confab-control-bar button[data-control="leave"]').click();

      await page.goto(`/?room=${room}&prejoin=auto`);
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      await expect(page.locator('confab-tile[data-local]')).toContainText('Grace');
      await expect(page.locator('confab-tile[data-local]')).toHaveAttribute('data-camera-off', '');
      // An explicit attribute beats the saved preference.
      await page.goto(`/?room=${room}&prejoin=auto&video=on`);
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      await expect(page.locator('confab-tile[data-local]')).not.toHaveAttribute('data-camera-off', '');
    } finally {
      await context.close();
    }
  });

  test('a remembered camera that is gone does not cost the user their camera', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto('/confab.config.json');
      await page.evaluate(() =>
        localStorage.setItem('confab.preferences.v1', JSON.stringify({ cameraId: 'unplugged-last-week', microphoneId: 'gone-too' })),
      );
      await page.goto(`/?room=${uniqueRoom('stale')}&name=Ada`);
      await expect(page.locator('confab-prejoin .preview')).toHaveAttribute('data-preview', 'live');
      await expect(page.locator('confab-prejoin [data-device-error]')).toHaveCount(0);
      await expect(page.locator('select[data-device="camera"]')).toHaveValue(/.+/);
      await page.getByRole('button', { name: 'Join meeting' }).click();
      await expect(page.locator('confab-tile[data-local]')).not.toHaveAttribute('data-camera-off', '');
    } finally {
      await context.close();
    }
  });

  test('an invalid option counts as absent: video="maybe" and audio="perhaps" leave the saved choices in charge, and say so', async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto('/confab.config.json');
      await page.evaluate(() => localStorage.setItem('confab.preferences.v1', JSON.stringify({ video: false, audio: false })));
      await page.goto(`/?room=${uniqueRoom('maybe')}&name=Ada&video=maybe&audio=perhaps`);
      await expect(page.locator('[data-config-issue="video"]')).toBeVisible();
      await expect(page.locator('[data-config-issue="audio"]')).toBeVisible();
      // The saved "camera off" and "microphone off" hold (the defaults would turn both on).
      await expect(page.locator('confab-prejoin .preview')).toHaveAttribute('data-preview', 'off');
      await expect(page.locator('confab-prejoin [data-control="microphone"]')).toHaveAttribute('aria-pressed', 'false');
    } finally {
      await context.close();
    }
  });

  test('a storage that throws (third-party iframe) changes nothing visible', async ({ browser }) => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`/?room=${uniqueRoom('nostorage')}&name=Ada`);
      await page.getByRole('button', { name: 'Join meeting' }).click();
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
