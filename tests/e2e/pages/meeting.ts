// One page object for a participant's browser context. Playwright locators pierce open shadow roots.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Records every track getUserMedia hands out, to prove the widget ends them (camera light off). */
export const RECORD_TRACKS = (): void => {
  const w = window as unknown as { __confabTracks: MediaStreamTrack[]; __cspViolations: string[] };
  w.__confabTracks = [];
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  const md = navigator.mediaDevices;
  const original = md.getUserMedia.bind(md);
  md.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    w.__confabTracks.push(...stream.getTracks());
    return stream;
  };
};

export class Participant {
  readonly meeting: Locator;
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly name: string,
  ) {
    this.meeting = page.locator('confab-meeting');
  }

  static async open(browser: Browser, options: { room: string; name: string; query?: Record<string, string> }): Promise<Participant> {
    const context = await browser.newContext({ viewport: { width: 960, height: 640 } });
    await context.addInitScript(RECORD_TRACKS);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const p = new Participant(context, page, options.name);
    p.pageErrors = errors;
    const query = new URLSearchParams({ room: options.room, name: options.name, prejoin: 'off', ...options.query });
    await page.goto(`/?${query}`);
    return p;
  }

  pageErrors: string[] = [];

  async joined(): Promise<void> {
    await expect(this.meeting).toHaveAttribute('data-state', 'connected');
    await expect(this.localTile).toBeVisible();
  }

  get localTile(): Locator {
    return this.page.locator('confab-tile[data-local]');
  }

  get tiles(): Locator {
    return this.page.locator('confab-tile');
  }

  /** The tile of another participant, found by the name it shows. */
  tileOf(other: Participant): Locator {
    return this.page.locator('confab-tile:not([data-local])').filter({ hasText: other.name });
  }

  control(name: 'microphone' | 'camera' | 'screenshare' | 'leave'): Locator {
    return this.page.locator(`confab-control-bar button[data-control="${name}"]`);
  }

  /** Video frames decoded so far in a tile's <video>. */
  static async framesIn(tile: Locator): Promise<number> {
    return tile.evaluate((el) => {
      const video = el.shadowRoot?.querySelector('video');
      return video ? video.getVideoPlaybackQuality().totalVideoFrames : -1;
    });
  }

  /** Expects the decoded frame count of a tile to keep rising. */
  static async expectFramesFlowing(tile: Locator): Promise<void> {
    let before = 0;
    await expect.poll(async () => (before = await Participant.framesIn(tile)), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => Participant.framesIn(tile), { timeout: 10_000 }).toBeGreaterThan(before + 5);
  }

  /** Live remote audio tracks playing at the root of the widget. */
  async liveRemoteAudio(): Promise<number> {
    return this.meeting.evaluate(
      (m) =>
        [...(m.shadowRoot?.querySelectorAll<HTMLAudioElement>('.audio-sink audio') ?? [])].filter((a) =>
          (a.srcObject as MediaStream | null)?.getAudioTracks().some((t) => t.readyState === 'live'),
        ).length,
    );
  }

  /** readyState of every track getUserMedia produced in this page. */
  localTrackStates(): Promise<string[]> {
    return trackStates(this.page);
  }

  /** Content-Security-Policy violations seen in the page (the app serves its pages with a strict CSP). */
  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** `kind:readyState` of every track getUserMedia handed out in a page that ran RECORD_TRACKS. */
export function trackStates(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __confabTracks: MediaStreamTrack[] }).__confabTracks.map((t) => `${t.kind}:${t.readyState}`),
  );
}

/**
 * Opens one browser context per name in a fresh room, waits until everyone is in the call, runs
 * `body`, and always closes every context.
 */
export async function inCall<const N extends readonly string[]>(
  browser: Browser,
  prefix: string,
  names: N,
  body: (people: { [K in keyof N]: Participant }, room: string) => Promise<void>,
): Promise<void> {
  const room = uniqueRoom(prefix);
  const people: Participant[] = [];
  try {
    for (const name of names) people.push(await Participant.open(browser, { room, name }));
    for (const p of people) await p.joined();
    await body(people as unknown as { [K in keyof N]: Participant }, room);
  } finally {
    await Promise.all(people.map((p) => p.close()));
  }
}

export function uniqueRoom(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
