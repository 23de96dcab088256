import { inCall, Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

// Full screen of the whole widget and Picture-in-Picture of the stage, in a real browser against the
// real server. Headless Chromium has the Document Picture-in-Picture API, so the PiP window is real:
// the stage's video plays in it, and its microphone and Leave buttons work.

test('full screen takes the whole widget and gives it back; the button says its state', async ({ browser }) => {
  await inCall(browser, 'fullscreen', ['Ada', 'Bob'] as const, async ([ada]) => {
    const button = ada.scope.locator('confab-control-bar [data-control="fullscreen"]');
    await expect(button).toHaveAccessibleName('Full screen');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await button.click();
    await expect.poll(() => ada.page.evaluate(() => document.fullscreenElement?.localName ?? null)).toBe('confab-meeting');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    // The widget fills the screen (the viewport, headless).
    const size = await ada.meeting.boundingBox();
    expect(size?.width).toBe(960);
    expect(size?.height).toBe(640);
    await button.click();
    await expect.poll(() => ada.page.evaluate(() => document.fullscreenElement)).toBeNull();
    await expect(button).toHaveAttribute('aria-pressed', 'false');
  });
});

test('in an iframe without the fullscreen permission the button is not offered; with it, it is', async ({ browser }) => {
  const room = uniqueRoom('frame-fs');
  const ada = await Participant.openFramed(browser, { room, name: 'Ada' });
  try {
    await ada.joined();
    await expect(ada.scope.locator('confab-control-bar [data-control="fullscreen"]')).toBeVisible();
    // The same frame, reloaded without `fullscreen` in its permissions.
    await ada.page.evaluate(() => {
      const frame = document.querySelector('iframe')!;
      frame.allow = frame.allow.replace(/;\s*fullscreen/, '');
      frame.allowFullscreen = false;
      frame.contentWindow!.location.replace(frame.src);
    });
    await ada.joined();
    await expect(ada.scope.locator('confab-control-bar [data-control="camera"]')).toBeVisible();
    await expect(ada.scope.locator('confab-control-bar [data-control="fullscreen"]')).toHaveCount(0);
  } finally {
    await ada.close();
  }
});

type PipWindow = { documentPictureInPicture: { window: Window | null } };
const pip = <T>(p: Participant, read: (doc: Document) => T) =>
  p.page.evaluate((fn) => {
    const win = (window as unknown as PipWindow).documentPictureInPicture.window;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return win ? (new Function('doc', `return (${fn})(doc)`) as (d: Document) => unknown)(win.document) : null;
  }, read.toString()) as Promise<T | null>;

test('picture-in-picture: the stage plays in a small window whose microphone and Leave buttons work', async ({ browser }) => {
  await inCall(browser, 'pip', ['Ada', 'Bob', 'Cy'] as const, async ([ada, bob]) => {
    const button = ada.scope.locator('confab-control-bar [data-control="pip"]');
    await expect(button).toHaveAccessibleName('Picture-in-picture');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    // Bob speaks (the fake microphone), so he is on the stage; his camera plays in the window.
    await expect.poll(() => pip(ada, (doc) => doc.querySelector('[data-stage]')?.textContent)).toMatch(/Bob|Cy/);
    await expect
      .poll(() =>
        pip(ada, (doc) => {
          const v = doc.querySelector('video');
          return v && v.srcObject && v.readyState >= 2 ? v.videoWidth : 0;
        }),
      )
      .toBeGreaterThan(0);
    // The frame keeps coming (a live video, not a still).
    const frames = () => pip(ada, (doc) => doc.querySelector('video')!.getVideoPlaybackQuality().totalVideoFrames);
    const before = (await frames())!;
    await expect.poll(frames).toBeGreaterThan(before + 5);
    // Its microphone button mutes Ada; the bar and Bob see it.
    await expect.poll(() => pip(ada, (doc) => doc.querySelector('[data-control="microphone"]')?.getAttribute('aria-pressed'))).toBe('true');
    await pip(ada, (doc) => (doc.querySelector('[data-control="microphone"]') as HTMLElement).click());
    await expect(ada.control('microphone')).toHaveAttribute('aria-pressed', 'false');
    await expect
      .poll(() => pip(ada, (doc) => doc.querySelector('[data-control="microphone"]')?.getAttribute('aria-pressed')))
      .toBe('false');
    await expect(bob.tileOf(ada)).toHaveAttribute('data-muted', '');
    // Closing the window from the bar, then opening it again.
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => ada.page.evaluate(() => (window as unknown as PipWindow).documentPictureInPicture.window)).toBeNull();
    await button.click();
    await expect.poll(() => pip(ada, (doc) => !!doc.querySelector('[data-control="leave"]'))).toBe(true);
    // Leave from the window: Ada is out, the window closes, the others see her go.
    await pip(ada, (doc) => (doc.querySelector('[data-control="leave"]') as HTMLElement).click());
    await expect(ada.meeting).toHaveAttribute('data-state', 'left');
    await expect.poll(() => ada.page.evaluate(() => (window as unknown as PipWindow).documentPictureInPicture.window)).toBeNull();
    await expect(bob.tileOf(ada)).toHaveCount(0);
  });
});
