import { buildMeet, meetUrl } from './pages/meet.js';
import { Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test, type Page } from './pages/test.js';

// End-to-end encryption against the real LiveKit server: media and chat decrypt only with the same
// key, a wrong key shows as such on both sides, re-keying mid-call recovers, and the key never leaves
// the page (no request, no storage, no console line carries it).

/** Every URL a page asked for (HTTP and WebSocket) and every console line: where a leaked key would show. */
function trace(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url(), r.postData() ?? ''));
  page.on('websocket', (w) => seen.push(w.url()));
  page.on('console', (m) => seen.push(m.text()));
  return seen;
}

type Meeting = HTMLElement & { getState(): Promise<{ encryption: string }>; setE2EEKey(key: string): Promise<void> };

/** Records confab-encryption events as `state` or `state:identity,…`. */
async function recordEncryption(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { encryption: string[] };
    w.encryption = [];
    document.querySelector('confab-meeting')?.addEventListener('confab-encryption', (e) => {
      const d = (e as CustomEvent<{ state: string; identities?: string[] }>).detail;
      w.encryption.push(d.identities ? `${d.state}:${d.identities.join(',')}` : d.state);
    });
  });
  return () => page.evaluate(() => (window as unknown as { encryption: string[] }).encryption);
}

test('same key: see, hear and chat; a wrong key shows "Can\'t decrypt" on both sides; re-keying mid-call recovers; the key never leaves the page', async ({
  browser,
}) => {
  const room = uniqueRoom('e2ee');
  const key = `correct horse ${Math.random().toString(36).slice(2, 8)}`;
  const wrong = `wrong battery ${Math.random().toString(36).slice(2, 8)}`;
  const open = (name: string, k: string) =>
    Participant.open(browser, { room, name, query: { e2ee: 'on' }, hash: new URLSearchParams({ 'e2ee-key': k }).toString() });
  const people: Participant[] = [];
  try {
    const ada = await open('Ada', key);
    people.push(ada);
    const adaTrace = trace(ada.page);
    await ada.joined();
    const adaEvents = await recordEncryption(ada.page);
    // Bob is embedded by another site through the host helper, which hands the key to the iframe in its fragment.
    const bob = await Participant.openFramed(browser, { room, name: 'Bob', query: { e2ee: 'on', e2eeKey: key } });
    people.push(bob);
    const bobTrace = trace(bob.page);
    await bob.joined();
    const cy = await open('Cy', wrong);
    people.push(cy);
    const cyTrace = trace(cy.page);
    await cy.joined();

    // The key left the address bar at once (the frame's too).
    for (const p of people) expect(new URL(p.frame().url()).hash).toBe('');
    for (const p of people) {
      await expect(p.meeting).toHaveAttribute('data-encrypted', '');
      await expect(p.scope.locator('[data-encrypted][role="status"]')).toHaveText('Encrypted end to end');
    }
    // Ada and Bob share a key: video decodes, and each tile that decrypts carries the lock.
    await Participant.expectFramesFlowing(ada.tileOf(bob));
    await Participant.expectFramesFlowing(bob.tileOf(ada));
    await expect(ada.tileOf(bob).getByRole('img', { name: 'Encrypted end to end' })).toBeVisible();
    await expect.poll(() => ada.liveRemoteAudio()).toBeGreaterThan(0);

    // Cy's key differs: Cy cannot decrypt Ada or Bob, and they cannot decrypt Cy. Said on the tile, never frozen video.
    for (const [viewer, other] of [
      [cy, ada],
      [cy, bob],
      [ada, cy],
      [bob, cy],
    ] as const) {
      await expect(viewer.tileOf(other)).toHaveAttribute('data-cant-decrypt', '');
      await expect(viewer.tileOf(other).getByRole('status')).toHaveText("Can't decrypt — keys don't match");
    }
    await expect(ada.tileOf(bob)).not.toHaveAttribute('data-cant-decrypt', '');
    // What the LiveKit server forwards to Cy cannot be decoded: not one frame of Ada's video plays there.
    const framesIn = (tile: typeof ada.localTile) =>
      tile.evaluate(async (el) => {
        const video = el.shadowRoot?.querySelector('video');
        const count = () => video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
        const first = count();
        await new Promise((r) => setTimeout(r, 1500));
        return count() - first;
      });
    expect(await framesIn(cy.tileOf(ada))).toBe(0);
    const cyIdentity = await cy.localTile.getAttribute('data-identity');
    await expect.poll(adaEvents).toContain(`key-mismatch:${cyIdentity}`);
    expect(await ada.meeting.evaluate((m) => (m as Meeting).getState().then((s) => s.encryption))).toBe('key-mismatch');

    // Chat is encrypted too: Bob reads Ada's message, Cy's wrong key reads nothing.
    await ada.openChat();
    await ada.say('the plans are in the blue folder');
    await bob.openChat();
    await expect(bob.chatRows('the plans are in the blue folder')).toHaveCount(1);
    await cy.openChat();
    await ada.say('second line after the first');
    await expect(bob.chatRows('second line after the first')).toHaveCount(1);
    await expect(cy.chatRows()).toHaveCount(0);

    // Cy is given the right key mid-call: no reconnect, and both sides decrypt again.
    await cy.meeting.evaluate((m, k) => (m as Meeting).setE2EEKey(k), key);
    for (const [viewer, other] of [
      [cy, ada],
      [ada, cy],
      [bob, cy],
    ] as const)
      await expect(viewer.tileOf(other)).not.toHaveAttribute('data-cant-decrypt', '', { timeout: 20_000 });
    await Participant.expectFramesFlowing(cy.tileOf(ada));
    await expect.poll(adaEvents).toContain('on');
    await ada.say('now everyone reads this');
    await expect(cy.chatRows('now everyone reads this')).toHaveCount(1);
    await expect(cy.meeting).toHaveAttribute('data-state', 'connected');

    // Settings say what is encrypted and what the server still sees.
    await ada.meeting.evaluate((m) => (m as HTMLElement & { openPanel(p: string): Promise<void> }).openPanel('settings'));
    const scope = ada.scope.locator('confab-settings [data-encryption-scope]');
    await expect(scope.getByRole('heading', { name: 'End-to-end encryption' })).toBeVisible();
    await expect(scope).toContainText('audio, video, screen share, chat, reactions and earlier messages');
    await expect(scope).toContainText('Not encrypted, because the meeting server relays them: names, raised hands');

    // The key went nowhere: no request, WebSocket URL, request body or console line, no storage.
    for (const [p, seen] of [
      [ada, adaTrace],
      [bob, bobTrace],
      [cy, cyTrace],
    ] as const) {
      const stored = await p.frame().evaluate(() => {
        try {
          return [localStorage, sessionStorage]
            .flatMap((store) => Object.keys(store).map((k) => `${k}=${store.getItem(k) ?? ''}`))
            .join('\n');
        } catch {
          return ''; // A third-party frame here has no storage at all.
        }
      });
      for (const k of [key, wrong]) {
        for (const form of [k, encodeURIComponent(k), k.replace(/ /g, '+')]) {
          expect(seen.filter((s) => s.includes(form))).toEqual([]);
          expect(stored).not.toContain(form);
        }
      }
      expect(await p.cspViolations()).toEqual([]);
      expect(p.pageErrors).toEqual([]);
    }
  } finally {
    await Promise.all(people.map((p) => p.close()));
  }
});

test('e2ee="on" without a key: Join is refused with the reason, never joined in the clear', async ({ browser }) => {
  const p = await Participant.open(browser, { room: uniqueRoom('e2ee-nokey'), name: 'Dee', query: { e2ee: 'on', prejoin: 'on' } });
  const sockets: string[] = [];
  p.page.on('websocket', (w) => sockets.push(w.url()));
  try {
    const join = p.scope.getByRole('button', { name: 'Join meeting' });
    await expect(join).toBeVisible();
    await expect(p.meeting).toHaveAttribute('data-state', 'prejoin');
    await join.click();
    await expect(p.meeting).toHaveAttribute('data-state', 'error');
    await expect(p.meeting.getByRole('alert')).toContainText('This meeting is end-to-end encrypted, but no key was given.');
    expect(sockets).toEqual([]);
  } finally {
    await p.close();
  }
});

test('prejoin="off" without a key says it waits for the key, and joins encrypted once the page gives it', async ({ browser }) => {
  const p = await Participant.open(browser, { room: uniqueRoom('e2ee-later'), name: 'Lee', query: { e2ee: 'on', prejoin: 'off' } });
  const sockets: string[] = [];
  p.page.on('websocket', (w) => sockets.push(w.url()));
  try {
    const waiting = p.meeting.locator('[data-waiting-for="key"]');
    await expect(waiting).toHaveText('Waiting for the encryption key…');
    await expect(waiting).toHaveRole('status');
    expect(sockets).toEqual([]);
    await p.meeting.evaluate((m) => ((m as unknown as { e2eeKey: string }).e2eeKey = 'given later'));
    await expect(p.meeting).toHaveAttribute('data-state', 'connected');
    await expect(p.meeting).toHaveAttribute('data-encrypted', '');
  } finally {
    await p.close();
  }
});

test.describe('with LiveKit’s own VideoConference in the room', () => {
  test.beforeAll(buildMeet);

  test('a LiveKit Meet-style page with the same passphrase sees Confab and is seen; with another it is not', async ({ browser }) => {
    const room = uniqueRoom('e2ee-meet');
    const key = `shared ${Math.random().toString(36).slice(2, 8)}`;
    const ada = await Participant.open(browser, {
      room,
      name: 'Ada',
      query: { e2ee: 'on' },
      hash: new URLSearchParams({ 'e2ee-key': key }).toString(),
    });
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    let meet = await context.newPage();
    // A VideoConference page with the camera on: LiveKit's own publisher, encrypted with the passphrase.
    // (A page of its own each time: a new hash alone would not reload it.)
    const visit = async (passphrase: string) => {
      await meet.close();
      meet = await context.newPage();
      await meet.goto(meetUrl(room, 'Lee on Meet', passphrase).replace('index.html?', 'index.html?bench=1&'));
      await meet.locator('#join').click();
    };
    try {
      await ada.joined();
      await visit(key);
      await Participant.expectFramesFlowing(ada.tileOf({ name: 'Lee on Meet' }));
      await expect(ada.tileOf({ name: 'Lee on Meet' })).not.toHaveAttribute('data-cant-decrypt', '');
      // And VideoConference decodes Confab's camera (its <video> elements advance).
      const decodedOnMeet = () =>
        meet.evaluate(async () => {
          const videos = [...document.querySelectorAll('video')].filter(
            (v) => !v.closest('.lk-participant-tile[data-lk-local-participant="true"]'),
          );
          const frames = () => videos.reduce((n, v) => n + v.getVideoPlaybackQuality().totalVideoFrames, 0);
          const before = frames();
          await new Promise((r) => setTimeout(r, 1000));
          return frames() - before;
        });
      await expect.poll(decodedOnMeet, { timeout: 20_000 }).toBeGreaterThan(5);

      // The same page with another passphrase: Ada is told she cannot decrypt it.
      await visit(`not ${key}`);
      await expect(ada.tileOf({ name: 'Lee on Meet' })).toHaveAttribute('data-cant-decrypt', '', { timeout: 20_000 });
    } finally {
      await Promise.all([ada.close(), context.close()]);
    }
  });
});

test.describe('a page whose Content-Security-Policy forbids workers', () => {
  // The refusal is the point: the browser's report of it is expected here.
  test.use({ allowCspViolations: /worker-src|Refused to create a worker/ });

  test('an encrypted join is refused with the reason, and no connection to LiveKit is ever opened', async ({ page }) => {
    const policy = [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "worker-src 'none'",
      "connect-src 'self' ws://127.0.0.1:7890 http://127.0.0.1:7890",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob: mediastream:",
    ].join('; ');
    await page.route('**/no-workers.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': policy },
        body: `<!doctype html><script type="module" src="/confab.js"></script>
          <confab-meeting token-endpoint="/api/token" room="${uniqueRoom('e2ee-csp')}" name="Eve" e2ee="on" audio="off" video="off"></confab-meeting>`,
      }),
    );
    const sockets: string[] = [];
    page.on('websocket', (w) => sockets.push(w.url()));
    await page.goto('/no-workers.html');
    const meeting = page.locator('confab-meeting');
    await expect(meeting).toHaveAttribute('data-state', 'prejoin');
    await meeting.evaluate((m) => {
      (m as HTMLElement & { e2eeKey: string }).e2eeKey = 'a key that never gets used';
    });
    await meeting.evaluate((m) => (m as HTMLElement & { join(): Promise<void> }).join().catch(() => undefined));
    await expect(meeting).toHaveAttribute('data-state', 'error');
    await expect(meeting.getByRole('alert')).toContainText('Encryption could not start');
    await expect(meeting.getByRole('alert')).toContainText('You did not join unencrypted.');
    expect(sockets).toEqual([]);
  });
});
