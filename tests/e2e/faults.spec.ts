import { startFaultServer, type FaultServer } from './faults/toolkit.js';
import { Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

// Each test runs its own LiveKit server (ports 7990–7992) and breaks it for real: no mocked SFU.
const PORT = 7990;

async function twoInCall(browser: import('@playwright/test').Browser, server: FaultServer, prefix: string) {
  const room = uniqueRoom(prefix);
  const open = async (name: string) =>
    Participant.openWith(browser, { name, attributes: { 'server-url': server.url }, token: await server.token(room, name) });
  const ada = await open('Ada');
  const bob = await open('Bob');
  await ada.joined();
  await bob.joined();
  await Participant.expectFramesFlowing(ada.tileOf(bob));
  return { ada, bob, room };
}

test.describe('faults survived, against a real LiveKit server', () => {
  let server: FaultServer;
  test.beforeEach(async () => {
    server = await startFaultServer(PORT);
  });
  test.afterEach(async () => {
    await server.stop();
  });

  test('the server crashes (SIGKILL) and restarts: "Reconnecting…", then the call resumes with nobody leaving or joining twice', async ({
    browser,
  }) => {
    const { ada, bob } = await twoInCall(browser, server, 'crash');
    try {
      const before = await ada.events();
      await server.kill();
      for (const p of [ada, bob]) {
        await expect(p.meeting).toHaveAttribute('data-state', 'reconnecting');
        await expect(p.page.getByText('Connection lost. Reconnecting…')).toBeVisible();
      }
      await server.restart();
      for (const p of [ada, bob]) await expect(p.meeting).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      await expect(ada.tiles).toHaveCount(2);
      await expect(bob.tiles).toHaveCount(2);
      await Participant.expectFramesFlowing(ada.tileOf(bob));
      await Participant.expectFramesFlowing(bob.tileOf(ada));
      // Only connection states between: no "Bob left" / "Bob joined" for someone who never left
      // (the live-region announcer reads the same diff as these events).
      const during = (await ada.events()).slice(before.length);
      expect(during).toEqual(['connection-state:reconnecting', 'connection-state:connected']);
    } finally {
      await ada.close();
      await bob.close();
    }
  });

  test('while someone is not back yet, the others see "Reconnecting…" on their tile, not a frozen frame; then they return', async ({
    browser,
  }) => {
    const room = uniqueRoom('away');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let bobSockets = 0;
    const ada = await Participant.openWith(browser, {
      name: 'Ada',
      attributes: { 'server-url': server.url },
      token: await server.token(room, 'Ada'),
    });
    // Bob's first connection goes through; his reconnects wait until the test lets them.
    const bob = await Participant.openWith(browser, {
      name: 'Bob',
      attributes: { 'server-url': server.url },
      token: await server.token(room, 'Bob'),
      setup: (page) =>
        page.routeWebSocket(/:7990\/rtc/, async (ws) => {
          if (bobSockets++ > 0) await released;
          ws.connectToServer();
        }),
    });
    try {
      await ada.joined();
      await bob.joined();
      await Participant.expectFramesFlowing(ada.tileOf(bob));
      const before = await ada.events();
      await server.restart();
      await expect(ada.meeting).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      await expect(bob.meeting).toHaveAttribute('data-state', 'reconnecting');
      const bobOnAda = ada.tileOf(bob);
      await expect(bobOnAda).toHaveAttribute('data-reconnecting', '');
      await expect(bobOnAda).toContainText('Reconnecting…');
      release();
      await expect(bob.meeting).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      await expect(bobOnAda).not.toHaveAttribute('data-reconnecting', '');
      await Participant.expectFramesFlowing(bobOnAda);
      await expect(ada.tiles).toHaveCount(2);
      const during = (await ada.events()).slice(before.length);
      expect(during).toEqual(['connection-state:reconnecting', 'connection-state:connected']);
    } finally {
      release();
      await ada.close();
      await bob.close();
    }
  });

  test('a 5-second freeze (SIGSTOP, SIGCONT) is ridden out: the call goes on', async ({ browser }) => {
    const { ada, bob } = await twoInCall(browser, server, 'freeze');
    try {
      server.freeze();
      await new Promise((resolve) => setTimeout(resolve, 5000));
      server.thaw();
      for (const p of [ada, bob]) await expect(p.meeting).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      await Participant.expectFramesFlowing(ada.tileOf(bob));
      await Participant.expectFramesFlowing(bob.tileOf(ada));
      expect((await ada.events()).filter((e) => e.startsWith('participant-left') || e.startsWith('left'))).toEqual([]);
    } finally {
      await ada.close();
      await bob.close();
    }
  });

  test('chat: messages sent into a frozen server and while reconnecting each arrive exactly once, and show as sent', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const { ada, bob } = await twoInCall(browser, server, 'chat-freeze');
    const send = (text: string) =>
      void ada.meeting.evaluate((m, t) => {
        // The element's method; its promise settles after the outage (kept, not awaited here).
        const w = window as unknown as { sends: Record<string, string> };
        w.sends ??= {};
        (m as unknown as { sendChatMessage(t: string): Promise<string> }).sendChatMessage(t).then(
          (id) => (w.sends[t] = id),
          (e: unknown) => (w.sends[t] = `rejected:${(e as { code?: string }).code ?? ''}`),
        );
      }, text);
    try {
      await ada.openChat();
      await bob.openChat();
      await ada.say('before the freeze');
      await expect(bob.chatRows('before the freeze')).toHaveCount(1);
      server.freeze();
      // Not noticed yet: this goes into a connection that carries nothing.
      send('into the frozen server');
      await expect(ada.meeting).toHaveAttribute('data-state', 'reconnecting', { timeout: 60_000 });
      // Noticed: this one waits in the queue.
      send('while reconnecting');
      await expect(ada.chatRows('while reconnecting')).toHaveAttribute('data-status', 'sending');
      server.thaw();
      for (const p of [ada, bob]) await expect(p.meeting).toHaveAttribute('data-state', 'connected', { timeout: 45_000 });
      for (const text of ['into the frozen server', 'while reconnecting']) {
        await expect(ada.chatRows(text)).toHaveAttribute('data-status', 'sent', { timeout: 20_000 });
        await expect(bob.chatRows(text)).toHaveCount(1, { timeout: 20_000 });
      }
      // sendChatMessage resolved with each message's id (the id every receiver shows).
      const sends = () => ada.page.evaluate(() => (window as unknown as { sends: Record<string, string> }).sends);
      await expect.poll(async () => Object.keys(await sends()).length).toBe(2);
      for (const [text, id] of Object.entries(await sends())) await expect(bob.chatRows(text)).toHaveAttribute('data-message-id', id);
      // And only once, also after any resend has had time to land.
      await bob.page.waitForTimeout(3000);
      for (const text of ['before the freeze', 'into the frozen server', 'while reconnecting']) {
        await expect(bob.chatRows(text)).toHaveCount(1);
        await expect(ada.chatRows(text)).toHaveCount(1);
      }
    } finally {
      await ada.close();
      await bob.close();
    }
  });

  test('a server that stays gone ends in "Connection lost" with confab-left network, never a frozen call; Rejoin works once it is back', async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const room = uniqueRoom('gone');
    const ada = await Participant.openWith(browser, {
      name: 'Ada',
      attributes: { 'server-url': server.url },
      token: await server.token(room, 'Ada'),
    });
    try {
      await ada.joined();
      await server.kill();
      await expect(ada.meeting).toHaveAttribute('data-state', 'reconnecting');
      await expect(ada.meeting).toHaveAttribute('data-state', 'left', { timeout: 90_000 });
      await expect(ada.page.getByText('The connection to the meeting was lost.')).toBeVisible();
      expect(await ada.events()).toContain('left:network');
      expect((await ada.localTrackStates()).filter((s) => s.endsWith(':live'))).toEqual([]);
      await server.restart();
      await ada.page.locator('confab-meeting button[data-control="rejoin"]').click();
      await ada.joined();
    } finally {
      await ada.close();
    }
  });

  for (const scenario of ['resume-reconnect', 'full-reconnect', 'node-failure'] as const) {
    test(`livekit-client's "${scenario}" path keeps the call and everyone in it`, async ({ browser }) => {
      const { ada, bob } = await twoInCall(browser, server, scenario);
      try {
        const before = await ada.events();
        await ada.meeting.evaluate(
          (m, s) => (m as unknown as { [k: symbol]: (s: string) => Promise<void> })[Symbol.for('confab.simulate')]!(s),
          scenario,
        );
        await expect(ada.meeting).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
        await Participant.expectFramesFlowing(ada.tileOf(bob));
        await Participant.expectFramesFlowing(bob.tileOf(ada));
        await expect(ada.tiles).toHaveCount(2);
        const during = (await ada.events()).slice(before.length);
        expect(during.filter((e) => e.startsWith('participant-') || e.startsWith('left'))).toEqual([]);
      } finally {
        await ada.close();
        await bob.close();
      }
    });
  }

  test('"server-leave" from the SDK ends the call honestly, and Rejoin works', async ({ browser }) => {
    const room = uniqueRoom('leave');
    const ada = await Participant.openWith(browser, {
      name: 'Ada',
      attributes: { 'server-url': server.url },
      token: await server.token(room, 'Ada'),
    });
    try {
      await ada.joined();
      await ada.meeting.evaluate((m) =>
        (m as unknown as { [k: symbol]: (s: string) => Promise<void> })[Symbol.for('confab.simulate')]!('server-leave'),
      );
      // The server asks the client to leave: an end the user is told about, never a frozen call.
      await expect(ada.meeting).toHaveAttribute('data-state', 'left');
      expect((await ada.events()).slice(-2)).toEqual(['connection-state:disconnected', 'left:network']);
      await expect(ada.page.getByText('The connection to the meeting was lost.')).toBeVisible();
      await ada.page.locator('confab-meeting button[data-control="rejoin"]').click();
      await ada.joined();
    } finally {
      await ada.close();
    }
  });
});
