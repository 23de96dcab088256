import { createServer, type Server } from 'node:http';
import type { Browser } from '@playwright/test';
import { startFaultServer, type FaultServer } from './faults/toolkit.js';
import { Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

// A token that expires during the call, then a server crash and a full reconnect. Tokens live TTL
// seconds; the crash comes after. What was seen: LiveKit's server hands every connected participant a
// refreshed token (livekit-client keeps it for reconnects), so the call goes on without asking the host
// again; the tokenProvider / token endpoint are asked only for a new join (Rejoin after "Connection
// lost", or joining another room), never with a token that is known to be stale.
const PORT = 7993;
const ENDPOINT_PORT = 7996;
const TTL = 8;

/** A meeting whose credentials come from `tokenProvider`, answered by the test with short-lived tokens. */
async function withProvider(browser: Browser, server: FaultServer, room: string, name: string, reasons: string[]) {
  const p = await Participant.openWith(browser, {
    name,
    attributes: { room, name, prejoin: 'on' },
    setup: async (page) => {
      await page.exposeFunction('mintShortToken', async (reason: string) => {
        reasons.push(reason);
        return { serverUrl: server.url, token: await server.token(room, name, TTL) };
      });
    },
  });
  await p.page.evaluate(() => {
    const m = document.querySelector('confab-meeting') as unknown as { tokenProvider: unknown };
    m.tokenProvider = ({ reason }: { reason: string }) =>
      (window as unknown as { mintShortToken(r: string): Promise<unknown> }).mintShortToken(reason);
  });
  await p.page.getByRole('button', { name: 'Join meeting' }).click();
  return p;
}

test.describe('a token that expired before a reconnect', () => {
  let server: FaultServer;
  let endpoint: Server | null = null;
  test.beforeEach(async () => {
    server = await startFaultServer(PORT);
  });
  test.afterEach(async () => {
    endpoint?.close();
    endpoint = null;
    await server.stop();
  });

  test('tokenProvider: the call goes on after the server restarts, the provider asked once', async ({ browser }) => {
    const room = uniqueRoom('expiry-provider');
    const reasons: string[] = [];
    const ada = await withProvider(browser, server, room, 'Ada', reasons);
    const bob = await withProvider(browser, server, room, 'Bob', []);
    try {
      await ada.joined();
      await bob.joined();
      await Participant.expectFramesFlowing(ada.tileOf(bob));
      expect(reasons).toEqual(['join']);
      await ada.page.waitForTimeout((TTL + 2) * 1000);
      await server.restart();
      for (const p of [ada, bob]) await expect(p.meeting).toHaveAttribute('data-state', 'connected', { timeout: 45_000 });
      await expect(ada.tiles).toHaveCount(2);
      await Participant.expectFramesFlowing(ada.tileOf(bob));
      await Participant.expectFramesFlowing(bob.tileOf(ada));
      // A reconnect is not a new join: no second request, no second participant.
      expect(reasons).toEqual(['join']);
      expect(await ada.events()).not.toContain('participant-left:Bob');
    } finally {
      await Promise.all([ada.close(), bob.close()]);
    }
  });

  test('token endpoint: the call goes on after the server restarts', async ({ browser }) => {
    const room = uniqueRoom('expiry-endpoint');
    const served: string[] = [];
    endpoint = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const name = url.searchParams.get('name') ?? 'someone';
      served.push(name);
      void server.token(url.searchParams.get('room') ?? '', name, TTL).then((token) => {
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ serverUrl: server.url, token }));
      });
    });
    await new Promise<void>((resolve) => endpoint!.listen(ENDPOINT_PORT, '127.0.0.1', resolve));
    const open = (name: string) =>
      Participant.openWith(browser, {
        name,
        attributes: { 'server-url': server.url, room, name, 'token-endpoint': `http://127.0.0.1:${ENDPOINT_PORT}/token` },
      });
    const ada = await open('Ada');
    const bob = await open('Bob');
    try {
      await ada.joined();
      await bob.joined();
      await Participant.expectFramesFlowing(ada.tileOf(bob));
      await ada.page.waitForTimeout((TTL + 2) * 1000);
      await server.restart();
      for (const p of [ada, bob]) await expect(p.meeting).toHaveAttribute('data-state', 'connected', { timeout: 45_000 });
      await Participant.expectFramesFlowing(ada.tileOf(bob));
      await Participant.expectFramesFlowing(bob.tileOf(ada));
      expect(served.sort()).toEqual(['Ada', 'Bob']);
    } finally {
      await Promise.all([ada.close(), bob.close()]);
    }
  });
});
