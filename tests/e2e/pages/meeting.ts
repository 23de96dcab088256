// One page object for a participant's browser context. Playwright locators pierce open shadow roots.
import type { Browser, BrowserContext, Frame, FrameLocator, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';

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

/** Where a participant's widget lives: the page itself, or the iframe a host page made with confab-frame.js. */
const HOST = 'http://localhost:8191';
const APP = 'http://127.0.0.1:8190';

export class Participant {
  readonly meeting: Locator;
  /** The page (element) or the iframe (embed.html) that holds the widget: every locator starts here. */
  readonly scope: Page | FrameLocator;
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly name: string,
    framed = false,
  ) {
    this.scope = framed ? page.frameLocator('iframe') : page;
    this.meeting = this.scope.locator('confab-meeting');
  }

  /** The same participant, embedded by a host page on another origin through the host helper. */
  static async openFramed(browser: Browser, options: { room: string; name: string; query?: Record<string, string> }): Promise<Participant> {
    const context = await browser.newContext({ viewport: { width: 960, height: 640 } });
    await context.addInitScript(RECORD_TRACKS);
    const page = await context.newPage();
    const p = new Participant(context, page, options.name, true);
    page.on('pageerror', (e) => p.pageErrors.push(e.message));
    await page.goto(`${HOST}/host.html`);
    await page.waitForFunction(() => 'start' in window);
    await page.evaluate(([app, opts]) => (window as unknown as { start(a: string, o: object): Promise<void> }).start(app, opts), [
      APP,
      { room: options.room, name: options.name, prejoin: 'off', ...options.query },
    ] as const);
    return p;
  }

  /** A participant with a token minted here for the dev server (a chosen identity or grants), camera and microphone off. */
  static async openAs(
    browser: Browser,
    options: { room: string; identity: string; name: string; grants?: Partial<VideoGrant> },
  ): Promise<Participant> {
    const at = new AccessToken('devkey', 'secret', { identity: options.identity, name: options.name });
    at.addGrant({ roomJoin: true, room: options.room, canPublish: true, canSubscribe: true, canPublishData: true, ...options.grants });
    return Participant.openWith(browser, {
      name: options.name,
      attributes: { 'server-url': 'ws://127.0.0.1:7890', video: 'off', audio: 'off' },
      token: await at.toJwt(),
    });
  }

  /** A participant whose element is set up by the test itself (e.g. a token for a server of its own). */
  static async openWith(
    browser: Browser,
    options: { name: string; attributes: Record<string, string>; token?: string; setup?: (page: Page) => Promise<void> },
  ): Promise<Participant> {
    const context = await browser.newContext({ viewport: { width: 960, height: 640 } });
    await context.addInitScript(RECORD_TRACKS);
    const page = await context.newPage();
    await options.setup?.(page);
    const p = new Participant(context, page, options.name);
    page.on('pageerror', (e) => p.pageErrors.push(e.message));
    await page.goto('/?room=unused&prejoin=on');
    await page.evaluate(
      ([attributes, token]) => {
        document.querySelector('confab-meeting')?.remove();
        const m = document.createElement('confab-meeting');
        for (const [k, v] of Object.entries({ prejoin: 'off', ...attributes })) m.setAttribute(k, v);
        if (token) m.token = token;
        // Every event, in order, for the test to read.
        const w = window as unknown as { confabEvents: string[] };
        w.confabEvents = [];
        for (const name of [
          'confab-connection-state',
          'confab-participant-joined',
          'confab-participant-left',
          'confab-left',
          'confab-joined',
        ]) {
          m.addEventListener(name, (e) => {
            const detail = (e as CustomEvent<Record<string, unknown>>).detail;
            w.confabEvents.push(
              `${name.slice(7)}${'state' in detail ? `:${String(detail.state)}` : 'reason' in detail ? `:${String(detail.reason)}` : 'name' in detail ? `:${String(detail.name)}` : ''}`,
            );
          });
        }
        document.body.append(m);
      },
      [options.attributes, options.token ?? ''] as const,
    );
    return p;
  }

  /** Events recorded by `openWith`, as `name:detail`. */
  events(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { confabEvents: string[] }).confabEvents);
  }

  /** The frame that runs the widget (for evaluating in it). */
  frame(): Frame {
    return this.page.frames().find((f) => f.url().includes('/embed.html')) ?? this.page.mainFrame();
  }

  static async open(
    browser: Browser,
    options: {
      room: string;
      name: string;
      query?: Record<string, string>;
      /** After `#` (what no server sees: an encryption key). */
      hash?: string;
      setup?: (context: BrowserContext) => Promise<void>;
    },
  ): Promise<Participant> {
    const context = await browser.newContext({ viewport: { width: 960, height: 640 } });
    await context.addInitScript(RECORD_TRACKS);
    await options.setup?.(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const p = new Participant(context, page, options.name);
    p.pageErrors = errors;
    const query = new URLSearchParams({ room: options.room, name: options.name, prejoin: 'off', ...options.query });
    await page.goto(`/?${query}${options.hash ? `#${options.hash}` : ''}`);
    return p;
  }

  pageErrors: string[] = [];

  async joined(): Promise<void> {
    await expect(this.meeting).toHaveAttribute('data-state', 'connected');
    await expect(this.localTile).toBeVisible();
  }

  get localTile(): Locator {
    return this.scope.locator('confab-tile[data-local]');
  }

  /** The tiles on screen (tiles of other pages are in the DOM, hidden: see the grid). */
  get tiles(): Locator {
    return this.scope.locator('confab-tile:visible');
  }

  /** The tile of another participant, found by the name it shows. */
  tileOf(other: { readonly name: string }): Locator {
    return this.scope.locator('confab-tile:not([data-local])').filter({ hasText: other.name });
  }

  control(name: 'microphone' | 'camera' | 'screenshare' | 'hand' | 'participants' | 'leave'): Locator {
    return this.scope.locator(`confab-control-bar button[data-control="${name}"]`);
  }

  get chat(): Locator {
    return this.scope.locator('confab-chat');
  }

  /** Chat rows (contract §6), optionally only those containing a text. */
  chatRows(text?: string): Locator {
    const rows = this.scope.locator('confab-chat [data-message-id]');
    return text === undefined ? rows : rows.filter({ hasText: text });
  }

  async openChat(): Promise<void> {
    await this.scope.locator('confab-control-bar button[data-control="chat"]').click();
    await expect(this.meeting).toHaveAttribute('data-panel', 'chat');
    await expect(this.chat.locator('textarea')).toBeFocused();
  }

  /** Types a message in the composer and presses Enter. */
  async say(text: string): Promise<void> {
    const box = this.chat.locator('textarea');
    await box.fill(text);
    await box.press('Enter');
  }

  /**
   * Expects a tile's video to be decoding: more than 5 new frames within one second, on one element
   * and stream (a tile re-attached after a reconnect restarts its count; that second is measured again).
   */
  static async expectFramesFlowing(tile: Locator): Promise<void> {
    const gained = () =>
      tile.evaluate(
        (el) =>
          new Promise<number>((resolve) => {
            const video = el.shadowRoot?.querySelector('video');
            if (!video) return resolve(-1);
            const stream = video.srcObject;
            const first = video.getVideoPlaybackQuality().totalVideoFrames;
            setTimeout(() => {
              const same = el.shadowRoot?.querySelector('video') === video && video.srcObject === stream;
              resolve(same ? video.getVideoPlaybackQuality().totalVideoFrames - first : 0);
            }, 1000);
          }),
      );
    await expect.poll(gained, { timeout: 25_000 }).toBeGreaterThan(5);
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
    return trackStates(this.frame());
  }

  /** Content-Security-Policy violations seen in the page (the app serves its pages with a strict CSP). */
  cspViolations(): Promise<string[]> {
    return this.frame().evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** `kind:readyState` of every track getUserMedia handed out in a page that ran RECORD_TRACKS. */
export function trackStates(page: Page | Frame): Promise<string[]> {
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
