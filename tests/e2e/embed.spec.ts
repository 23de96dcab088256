import { expect, test, type BrowserContext, type Page } from './pages/test.js';
import { Participant, uniqueRoom } from './pages/meeting.js';

// Origins: the widget is served from the app (127.0.0.1:8190); host pages (tests/e2e/fixtures) from
// localhost:8191 and localhost:8192 — other origins, all loopback, all secure contexts.
const APP = 'http://127.0.0.1:8190';
const HOST = 'http://localhost:8191';
const STRANGER = 'http://localhost:8192';

interface HostWindow {
  events: Array<{ name: string; detail: unknown }>;
  controller: {
    setMicrophone(on: boolean): Promise<void>;
    setCamera(on: boolean): Promise<void>;
    getState(): Promise<{ state: string; participants: unknown[] }>;
    destroy(): void;
  };
}

async function openHost(context: BrowserContext, options: Record<string, string>): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${HOST}/host.html`);
  await page.waitForFunction(() => 'start' in window);
  await page.evaluate(([app, opts]) => (window as unknown as { start(a: string, o: object): Promise<void> }).start(app, opts), [
    APP,
    options,
  ] as const);
  return page;
}

/** A page on `origin` that frames `src` with the given `allow` list. */
async function openFraming(context: BrowserContext, origin: string, src: string, allow: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/frame.html?${new URLSearchParams({ src, allow })}`);
  return page;
}

const hostEvents = (page: Page) => page.evaluate(() => (window as unknown as HostWindow).events.map((e) => e.name));

test.describe('embedding through an iframe and the host helper', () => {
  test('a host page on another origin hears the events and commands the meeting', async ({ browser }) => {
    const room = uniqueRoom('embed');
    const context = await browser.newContext();
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      const host = await openHost(context, { room, name: 'Hosted Ada', prejoin: 'off' });
      await bob.joined();
      await expect
        .poll(() => hostEvents(host))
        .toEqual(expect.arrayContaining(['confab-ready', 'confab-joined', 'confab-participant-joined']));
      const hosted = bob.page.locator('confab-tile:not([data-local])').filter({ hasText: 'Hosted Ada' });
      await expect(hosted).toBeVisible();
      await expect(hosted).not.toHaveAttribute('data-muted', '');
      await expect(hosted).not.toHaveAttribute('data-camera-off', '');

      await expect(host.frameLocator('iframe').locator('confab-control-bar button[data-control="screenshare"]')).toBeVisible();
      await host.evaluate(() => (window as unknown as HostWindow).controller.setMicrophone(false));
      await expect(hosted).toHaveAttribute('data-muted', '');
      await host.evaluate(() => (window as unknown as HostWindow).controller.setCamera(false));
      await expect(hosted).toHaveAttribute('data-camera-off', '');

      const state = await host.evaluate(() => (window as unknown as HostWindow).controller.getState());
      expect(state).toMatchObject({ state: 'connected', microphone: false, camera: false });
      expect(state.participants).toHaveLength(2);

      const rejected = await host.evaluate(() =>
        (window as unknown as { controller: { setMicrophone(v: unknown): Promise<void> } }).controller.setMicrophone('yes').then(
          () => 'accepted',
          (e: unknown) => (e as { code: string }).code,
        ),
      );
      expect(rejected).toBe('bad-argument');

      // The iframe URL carries presentation options and parent-origin, never a token.
      const src = await host.locator('iframe').getAttribute('src');
      expect(src).toContain(`parent-origin=${encodeURIComponent(HOST)}`);
      expect(src).not.toContain('token');
      expect(await host.locator('iframe').getAttribute('allow')).toContain('display-capture');
    } finally {
      await context.close();
      await bob.close();
    }
  });

  test('the helper hands a server-minted token to the frame by postMessage, never in the URL', async ({ browser, request }) => {
    const room = uniqueRoom('handover');
    const minted = (await (await request.get(`/api/token?room=${room}&name=Token%20Tess`)).json()) as { token: string; serverUrl: string };
    const context = await browser.newContext();
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      const host = await openHost(context, { token: minted.token, serverUrl: minted.serverUrl, prejoin: 'off' });
      await bob.joined();
      await expect(bob.page.locator('confab-tile:not([data-local])').filter({ hasText: 'Token Tess' })).toBeVisible();
      await expect.poll(() => hostEvents(host)).toContain('confab-joined');
      expect(await host.locator('iframe').getAttribute('src')).not.toContain(minted.token.slice(0, 20));
    } finally {
      await context.close();
      await bob.close();
    }
  });

  test("the helper's tokenProvider answers the frame's requests for credentials, and its failure is the frame's, never a fallback", async ({
    browser,
  }) => {
    const room = uniqueRoom('provider');
    const context = await browser.newContext();
    // Requests the frame itself makes to a token endpoint (the host's provider fetches one too).
    const frameTokenRequests: string[] = [];
    context.on('request', (r) => {
      if (r.url().includes('/api/token') && r.frame().parentFrame()) frameTokenRequests.push(r.url());
    });
    try {
      const host = await openHost(context, { room, name: 'Prov Pat', prejoin: 'off', tokenProviderFrom: `${APP}/api/token` });
      const frame = host.frameLocator('iframe');
      await expect(frame.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      await expect(frame.locator('confab-tile[data-local]')).toContainText('Prov Pat');
      expect(await host.evaluate(() => (window as unknown as { providerCalls: unknown[] }).providerCalls)).toEqual([
        { room, name: 'Prov Pat', reason: 'join' },
      ]);
      expect(await host.locator('iframe').getAttribute('src')).toContain('#credentials=provider');

      const refused = await openHost(context, { room, name: 'Prov Pat', prejoin: 'off', tokenProviderFails: 'no seat for you' });
      await expect(refused.frameLocator('iframe').locator('confab-meeting')).toHaveAttribute('data-state', 'error');
      await expect(refused.frameLocator('iframe').locator('confab-meeting [role="alert"]')).toContainText('no seat for you');
      await expect
        .poll(() => refused.evaluate(() => (window as unknown as HostWindow).events.find((e) => e.name === 'confab-error')?.detail))
        .toMatchObject({ code: 'token-provider-failed' });
      // Neither frame asked the deployment's token endpoint: the page's provider is the only source.
      expect(frameTokenRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('credentials the helper hands over that the frame cannot use are refused visibly: never a join as someone else', async ({
    browser,
  }) => {
    const room = uniqueRoom('refused-credentials');
    const context = await browser.newContext();
    try {
      for (const options of [
        { token: 'not-a-jwt', name: 'Mallory' } as Record<string, string>,
        { token: 'a.b.c', serverUrl: 'wss://elsewhere.example', name: 'Mallory' },
      ]) {
        const tokenRequests: string[] = [];
        context.on('request', (r) => {
          if (r.url().includes('/api/token')) tokenRequests.push(r.url());
        });
        // With a room and a name, the deployment's token endpoint could join at once: it must not.
        const host = await openHost(context, { ...options, room, prejoin: 'off' });
        await expect.poll(() => hostEvents(host)).toContain('confab-error');
        const errors = await host.evaluate(() => (window as unknown as HostWindow).events.filter((e) => e.name === 'confab-error'));
        expect(errors.map((e) => (e.detail as { code: string }).code)).toContain('bad-credentials');
        const frame = host.frameLocator('iframe');
        await expect(frame.locator('confab-meeting [data-notice="embed.credentialsRefused"]')).toContainText('credentials it cannot use');
        // It did not fall back to the deployment's token endpoint as a new identity.
        await expect(frame.locator('confab-meeting')).not.toHaveAttribute('data-state', 'connected');
        expect(tokenRequests).toEqual([]);
        expect((await hostEvents(host)).includes('confab-joined')).toBe(false);
        await host.close();
      }
    } finally {
      await context.close();
    }
  });

  test('a page on a third origin can neither command the meeting nor hear from it', async ({ browser }) => {
    const room = uniqueRoom('stranger');
    const context = await browser.newContext();
    const bob = await Participant.open(browser, { room, name: 'Bob' });
    try {
      const embedUrl = `${APP}/embed.html?room=${room}&name=Eve&prejoin=off&parent-origin=${encodeURIComponent(HOST)}`;
      const stranger = await openFraming(context, STRANGER, embedUrl, 'camera; microphone');
      await bob.joined();
      const eve = bob.page.locator('confab-tile:not([data-local])').filter({ hasText: 'Eve' });
      await expect(eve).toBeVisible();
      await expect(eve).not.toHaveAttribute('data-muted', '');

      await stranger.evaluate(() => (window as unknown as { attack(): void }).attack());
      // Positive control: a change made inside the frame after the attack reaches Bob; the attack,
      // delivered before it, did not.
      await stranger.frameLocator('#f').locator('confab-control-bar button[data-control="camera"]').click();
      await expect(eve).toHaveAttribute('data-camera-off', '');
      await expect(eve).not.toHaveAttribute('data-muted', '');
      await expect(stranger.frameLocator('#f').locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      expect(await stranger.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
    } finally {
      await context.close();
      await bob.close();
    }
  });

  test('an iframe without camera permission names what the embedding page must add', async ({ browser }) => {
    const context = await browser.newContext();
    try {
      const src = `${APP}/embed.html?room=${uniqueRoom('policy')}&name=Ada&prejoin=off`;
      const page = await openFraming(context, HOST, src, 'microphone');
      const frame = page.frameLocator('#f');
      await expect(frame.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      const banner = frame.locator('[data-device-error="camera"][data-reason="policy-blocked"]');
      await expect(banner).toContainText('"camera"');
      await expect(banner.getByRole('button', { name: 'Open in a new tab' })).toBeVisible();
      await expect(frame.locator('confab-control-bar button[data-control="microphone"]')).toHaveAttribute('aria-pressed', 'true');
      // Without display-capture in the allow list, screen share is not offered at all.
      await expect(frame.locator('confab-control-bar button[data-control="screenshare"]')).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test('a token in the query string is refused with a visible explanation', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      '/embed.html?room=r1&name=Ada&token=aaa.bbb.ccc&server-url=wss%3A%2F%2Fevil.example&token-endpoint=https%3A%2F%2Fevil.example',
    );
    await expect(page.locator('[data-notice="embed.tokenInQuery"]')).toContainText('refused');
    await expect(page.locator('[data-notice="embed.serverNotAllowed"]')).toContainText('wss://evil.example');
    await expect(page.locator('[data-notice="embed.optionNotFromUrl"]')).toContainText('token-endpoint');
    expect(errors).toEqual([]);
  });

  test('generated bad parameter values never produce a page error', async ({ page }) => {
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const names = [
      'room',
      'name',
      'audio',
      'video',
      'prejoin',
      'blur',
      'chat',
      'layout',
      'max-tiles',
      'theme',
      'accent',
      'lang',
      'parent-origin',
      'server-url',
      'token',
      'assets-base',
      '__proto__',
      'constructor[prototype][x]',
    ];
    const values = [
      '<img src=x onerror=alert(1)>',
      '-1',
      '99999999999999999999',
      'x'.repeat(3000),
      '{"__proto__":{"x":1}}',
      'javascript:alert(1)',
      '\u202e\u0000bad',
      '%E0%A4%A',
    ];
    // Every parameter once per page, all with the same hostile value: each (parameter, value) pair is
    // parsed (a parameter repeated in one URL would only ever have its first value read).
    // (Grouped so an address stays under the server's header limit.)
    const checked = ['audio', 'video', 'prejoin', 'layout', 'theme', 'max-tiles'];
    for (const value of values) {
      const pairs = names.map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
      const groups: string[][] = [[]];
      for (const pair of pairs) {
        const last = groups[groups.length - 1]!;
        if (last.join('&').length + pair.length > 10_000) groups.push([pair]);
        else last.push(pair);
      }
      for (const group of groups) {
        await page.goto(`/embed.html?${group.join('&')}#token=%3Cscript%3E`);
        await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', /prejoin|error|connecting/);
        expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).x)).toBeUndefined();
        // Every option in this address that cannot take the value says so: proof that each was read.
        for (const name of checked.filter((n) => group.some((p) => p.startsWith(`${n}=`)))) {
          await expect(page.locator(`[data-config-issue="${name}"]`)).toBeVisible();
        }
      }
    }
    // Positive control: the values really were parsed — an out-of-range max-tiles is reported.
    await page.goto(`/embed.html?max-tiles=-1`);
    await expect(page.locator('[data-config-issue="max-tiles"]')).toBeVisible();
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
  });
});
