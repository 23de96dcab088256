// Hosts and guests, against the real Confab server (two instances on one Redis, the invite policy),
// the real LiveKit and real Chromium: the lobby (knock → admit with video both ways, deny, cancel,
// across instances), moderation the server enforces (mute, remove, mute all, lock, end for all), a
// guest's forged call refused, and recording not offered without an Egress service.
import { resolve } from 'node:path';
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { startRedis } from '../../scripts/livekit.mjs';
import { signInvite } from '../../server/invites.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { enCall } from '../../src/i18n/en-call.js';
import { enEndings } from '../../src/i18n/en-endings.js';
import { enModeration } from '../../src/i18n/en-moderation.js';
import { Participant, RECORD_TRACKS, uniqueRoom } from './pages/meeting.js';
import { expect, test, type Browser, type Page } from './pages/test.js';

const PORTS = [8294, 8295] as const;
const REDIS_PORT = 6394;
const INVITE_SECRET = 'moderation-invite-secret-long-enough-0123456789';
const LIVEKIT = 'ws://127.0.0.1:7890';
const rooms = new RoomServiceClient('http://127.0.0.1:7890', 'devkey', 'secret');

let redis: { stop(): Promise<void>; address: string };
let servers: RunningServer[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  redis = await startRedis({ port: REDIS_PORT });
  for (const port of PORTS)
    servers.push(
      await startServer({
        logger: false,
        env: {
          // A development box (LiveKit's dev keys), with the production policy.
          NODE_ENV: 'development',
          PORT: String(port),
          HOST: '127.0.0.1',
          LIVEKIT_URL: LIVEKIT,
          LIVEKIT_API_KEY: 'devkey',
          LIVEKIT_API_SECRET: 'secret',
          CONFAB_POLICY: 'invite',
          CONFAB_INVITE_SECRET: INVITE_SECRET,
          CONFAB_ALLOWED_HOSTS: '127.0.0.1:*',
          CONFAB_ALLOWED_ORIGINS: 'http://127.0.0.1:*',
          CONFAB_STATIC_DIR: resolve(import.meta.dirname, '../../dist'),
          REDIS_URL: `redis://${redis.address}`,
        },
      }),
    );
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await redis?.stop();
});

const invite = (room: string, name: string, role: 'host' | 'guest', extra: { lobby?: boolean; singleUse?: boolean } = {}) =>
  signInvite(INVITE_SECRET, { room, name, role, ttlSeconds: 600, ...extra });

/** Someone opening their invite link (at instance 0 or 1), with every confab-* event recorded. */
async function arrive(
  browser: Browser,
  link: { invite: string; server?: 0 | 1 },
): Promise<{ page: Page; events: () => Promise<string[]>; answers: Array<Record<string, unknown>>; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 960, height: 640 } });
  await context.addInitScript(RECORD_TRACKS);
  await context.addInitScript(() => {
    const w = window as unknown as { confabEvents: string[] };
    w.confabEvents = [];
    for (const name of ['confab-lobby', 'confab-knock', 'confab-left', 'confab-joined'])
      addEventListener(name, (e) => {
        const d = (e as CustomEvent<{ state?: string; reason?: string; name?: string }>).detail;
        w.confabEvents.push(`${name.slice(7)}:${d.state ?? d.reason ?? d.name ?? ''}`);
      });
  });
  const page = await context.newPage();
  // What the server answered the widget (its rejoin ticket is its credential for moderation calls).
  const answers: Array<Record<string, unknown>> = [];
  page.on('response', (r) => {
    if (/\/api\/(token|lobby\/wait)$/.test(r.url()) && r.status() === 200)
      void r.json().then(
        (body: Record<string, unknown>) => answers.push(body),
        () => undefined,
      );
  });
  await page.goto(`http://127.0.0.1:${PORTS[link.server ?? 0]}/embed.html?prejoin=off#invite=${link.invite}`);
  return {
    page,
    answers,
    events: () => page.evaluate(() => (window as unknown as { confabEvents: string[] }).confabEvents),
    close: () => context.close(),
  };
}

const state = (page: Page) => page.locator('confab-meeting');
const connected = (page: Page) => expect(state(page)).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
const remoteTile = (page: Page, name: string) => page.locator('confab-tile:not([data-local])').filter({ hasText: name });

test('knock → admit: the guest waits with a screen of their own, the host admits from the notice, both see video; across two instances', async ({
  browser,
}) => {
  const room = uniqueRoom('lobby');
  // The host comes in through instance 1, the guest knocks at instance 0: the queue is in Redis.
  const host = await arrive(browser, { invite: await invite(room, 'Hana', 'host'), server: 1 });
  const guest = await arrive(browser, { invite: await invite(room, 'Gus', 'guest', { lobby: true }), server: 0 });
  try {
    await connected(host.page);
    await expect(state(guest.page)).toHaveAttribute('data-state', 'waiting');
    await expect(guest.page.locator('[data-lobby="waiting"]')).toContainText(enEndings['waiting.hostHere']);
    // Their own camera plays on the waiting screen (the track the call will publish).
    await Participant.expectFramesFlowing(state(guest.page));
    const knock = host.page.locator('[data-knock]');
    await expect(knock).toContainText(enModeration['moderation.knock'].replace('{name}', '\u2068Gus\u2069'));
    await expect.poll(host.events).toContain('knock:Gus');
    const lobby = await state(host.page).evaluate((m) =>
      (m as unknown as { getState(): Promise<{ lobby: Array<{ name: string }> }> }).getState(),
    );
    expect(lobby.lobby.map((k) => k.name)).toEqual(['Gus']);
    // The camera the guest waited with is the one published: no second getUserMedia.
    const tracksBefore = await guest.page.evaluate(() => (window as unknown as { __confabTracks: unknown[] }).__confabTracks.length);
    const clicked = Date.now();
    await knock.getByRole('button', { name: enModeration['moderation.admit'] }).click();
    await connected(guest.page);
    await Participant.expectFramesFlowing(remoteTile(guest.page, 'Hana'));
    const admittedToVideoMs = Date.now() - clicked;
    await Participant.expectFramesFlowing(remoteTile(host.page, 'Gus'));
    console.log('lobby', JSON.stringify({ admitClickToVideoMs: admittedToVideoMs }));
    expect(await guest.page.evaluate(() => (window as unknown as { __confabTracks: unknown[] }).__confabTracks.length)).toBe(tracksBefore);
    await expect.poll(guest.events).toEqual(expect.arrayContaining(['lobby:waiting', 'lobby:admitted', 'joined:Gus']));
    await expect(knock).toHaveCount(0);
  } finally {
    await Promise.all([host.close(), guest.close()]);
  }
});

test('knock → deny ends on a screen of its own; knock → cancel leaves every host list', async ({ browser }) => {
  const room = uniqueRoom('deny');
  const host = await arrive(browser, { invite: await invite(room, 'Hana', 'host') });
  const denied = await arrive(browser, { invite: await invite(room, 'Dee', 'guest', { lobby: true }) });
  try {
    await connected(host.page);
    await host.page.locator('[data-knock]').getByRole('button', { name: enModeration['moderation.deny'] }).click();
    await expect(state(denied.page)).toHaveAttribute('data-state', 'left');
    await expect(denied.page.locator('[data-left="denied"]')).toContainText(enEndings['left.reason.denied']);
    await expect.poll(denied.events).toEqual(expect.arrayContaining(['lobby:waiting', 'lobby:denied', 'left:denied']));

    const cancelled = await arrive(browser, { invite: await invite(room, 'Cass', 'guest', { lobby: true }) });
    await expect(host.page.locator('[data-knock]')).toContainText('Cass');
    await cancelled.page.locator('[data-control="cancel-waiting"]').click();
    await expect(state(cancelled.page)).toHaveAttribute('data-state', 'left');
    await expect(host.page.locator('[data-knock]')).toHaveCount(0);
    await cancelled.close();
  } finally {
    await Promise.all([host.close(), denied.close()]);
  }
});

test('a host mutes a guest (LiveKit agrees), mutes everyone, removes one who cannot come back with the same invite', async ({
  browser,
}) => {
  const room = uniqueRoom('moderate');
  const host = await arrive(browser, { invite: await invite(room, 'Hana', 'host') });
  const guestInvite = await invite(room, 'Gus', 'guest', { singleUse: true });
  const guest = await arrive(browser, { invite: guestInvite });
  const other = await arrive(browser, { invite: await invite(room, 'Ola', 'guest') });
  const micMuted = async (identityName: string) => {
    const p = (await rooms.listParticipants(room)).find((x) => x.name === identityName);
    return p?.tracks.find((t) => t.source === TrackSource.MICROPHONE)?.muted ?? null;
  };
  try {
    await Promise.all([connected(host.page), connected(guest.page), connected(other.page)]);
    await expect.poll(() => micMuted('Gus')).toBe(false);
    await host.page.locator('confab-control-bar [data-control="participants"]').click();
    const row = host.page.locator('confab-participants li[data-identity]').filter({ hasText: 'Gus' });
    await row.locator('[data-moderate]').click();
    await row.locator('[data-action="mute"]').click();
    await expect(guest.page.locator('confab-control-bar [data-control="microphone"]')).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => micMuted('Gus')).toBe(true);
    // LiveKit cannot unmute anyone: the host asks, the guest sees the request and answers it. This time
    // from the guest's tile, with People closed: it opens on their actions, focus on the first.
    await host.page.locator('confab-control-bar [data-control="participants"]').click();
    await expect(host.page.locator('confab-participants')).toHaveCount(0);
    const tile = remoteTile(host.page, 'Gus');
    await tile.hover();
    await tile.getByRole('button', { name: enCall['moderation.actionsFor'].replace('{name}', '\u2068Gus\u2069') }).click();
    await expect(row.locator('[data-action="ask-unmute"]')).toBeFocused();
    await host.page.keyboard.press('Enter');
    const asked = guest.page.locator('[data-unmute-asked="microphone"]');
    await expect(asked).toContainText(enModeration['moderation.askedMicrophone']);
    await asked.getByRole('button', { name: enModeration['moderation.turnOn'] }).click();
    await expect(guest.page.locator('confab-control-bar [data-control="microphone"]')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => micMuted('Gus')).toBe(false);

    await host.page.locator('confab-control-bar [data-control="more"]').click();
    await host.page.locator('confab-control-bar [data-control="mute-all"]').click();
    await expect.poll(() => micMuted('Ola')).toBe(true);
    // Recording is not offered without an Egress service, and the API says so.
    await host.page.locator('confab-control-bar [data-control="more"]').click();
    await expect(host.page.locator('confab-control-bar [data-control="lock"]')).toBeVisible();
    await expect(host.page.locator('confab-control-bar [data-control="record"]')).toHaveCount(0);
    const recording = await host.page.locator('confab-meeting').evaluate((m) =>
      (m as unknown as { startRecording(): Promise<void> }).startRecording().then(
        () => 'started',
        (e: unknown) => (e as { code: string }).code,
      ),
    );
    expect(recording).toBe('recording-not-configured');
    await host.page.keyboard.press('Escape');

    await row.locator('[data-moderate]').click();
    await row.locator('[data-action="remove"]').click();
    await row.locator('[data-action="confirm-remove"]').click();
    await expect(guest.page.locator('[data-left="kicked"]')).toContainText(enEndings['left.reason.kicked']);
    await expect.poll(guest.events).toContain('left:kicked');
    // The same invite link again: refused, with words of its own.
    const again = await arrive(browser, { invite: guestInvite });
    await expect(again.page.locator('confab-meeting [role="alert"]')).toHaveText(/./);
    await expect(state(again.page)).toHaveAttribute('data-state', 'error');
    await again.close();
  } finally {
    await Promise.all([host.close(), guest.close(), other.close()]);
  }
});

test('a guest’s own call to a host route is refused (403), an expired or other-room host token too (401), and nothing changes', async ({
  browser,
}) => {
  const room = uniqueRoom('forged');
  const host = await arrive(browser, { invite: await invite(room, 'Hana', 'host') });
  const guest = await arrive(browser, { invite: await invite(room, 'Gus', 'guest') });
  try {
    await Promise.all([connected(host.page), connected(guest.page)]);
    // The guest's own widget refuses first…
    const refused = await guest.page.locator('confab-meeting').evaluate((m) =>
      (m as unknown as { endMeeting(): Promise<void> }).endMeeting().then(
        () => 'ended',
        (e: unknown) => (e as { code: string }).code,
      ),
    );
    expect(refused).toBe('not-allowed');
    // …and the server refuses the same calls made by hand with the guest's own credentials: the rejoin
    // ticket their widget holds, and a LiveKit token like theirs (no roomAdmin).
    const ticket = guest.answers.find((a) => typeof a.rejoin === 'string')?.rejoin as string;
    expect(ticket).toBeTruthy();
    const people = await rooms.listParticipants(room);
    const hostIdentity = people.find((p) => p.name === 'Hana')!.identity;
    const guestIdentity = people.find((p) => p.name === 'Gus')!.identity;
    /** A host route called by hand with a credential: the status the server answers. */
    const callAs = async (credential: string, route: string, body: object) =>
      (
        await fetch(`http://127.0.0.1:${PORTS[0]}/api/${route}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
          body: JSON.stringify(body),
        })
      ).status;
    const { AccessToken } = await import('livekit-server-sdk');
    const at = new AccessToken('devkey', 'secret', { identity: guestIdentity });
    at.addGrant({ roomJoin: true, room });
    for (const credential of [ticket, await at.toJwt()])
      for (const [route, body] of [
        ['moderation/remove', { room, identity: hostIdentity }],
        ['moderation/end', { room }],
        ['moderation/mute-all', { room }],
        ['lobby/admit-all', { room }],
      ] as const) {
        expect(await callAs(credential, route, body), route).toBe(403);
      }
    // A host's own LiveKit token does not open these routes once it has expired, nor one for another room (401).
    const { SignJWT } = await import('jose');
    const now = Math.floor(Date.now() / 1000);
    const hostToken = (forRoom: string, exp: number) =>
      new SignJWT({ video: { roomJoin: true, room: forRoom, roomAdmin: true } })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('devkey')
        .setSubject(hostIdentity)
        .setNotBefore(now - 7200)
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode('secret'));
    for (const credential of [await hostToken(room, now - 3600), await hostToken(`${room}-elsewhere`, now + 3600)])
      for (const [route, body] of [
        ['moderation/remove', { room, identity: guestIdentity }],
        ['moderation/end', { room }],
      ] as const) {
        expect(await callAs(credential, route, body), route).toBe(401);
      }
    // LiveKit itself says nothing changed: both still in the room.
    expect((await rooms.listParticipants(room)).map((p) => p.name).sort()).toEqual(['Gus', 'Hana']);
    await connected(host.page);
  } finally {
    await Promise.all([host.close(), guest.close()]);
  }
});

test('a locked meeting sends new guests to the lobby; end for all closes it for everyone', async ({ browser }) => {
  const room = uniqueRoom('lock');
  const host = await arrive(browser, { invite: await invite(room, 'Hana', 'host') });
  const guest = await arrive(browser, { invite: await invite(room, 'Gus', 'guest') });
  try {
    await Promise.all([connected(host.page), connected(guest.page)]);
    await host.page.locator('confab-control-bar [data-control="more"]').click();
    await host.page.locator('confab-control-bar [data-control="lock"]').click();
    await expect(host.page.locator('confab-control-bar [data-control="lock"]')).toHaveAttribute('aria-pressed', 'true');
    const late = await arrive(browser, { invite: await invite(room, 'Lou', 'guest') });
    await expect(state(late.page)).toHaveAttribute('data-state', 'waiting');
    await expect(host.page.locator('[data-knock]')).toContainText('Lou');
    await late.close();

    await host.page.locator('confab-control-bar [data-control="more"]').click();
    await host.page.locator('confab-control-bar [data-control="end-for-all"]').click();
    await host.page.locator('confab-control-bar [data-control="confirm-end"]').click();
    await expect(guest.page.locator('[data-left="room-closed"]')).toContainText(enEndings['left.reason.room-closed']);
    await expect.poll(guest.events).toContain('left:room-closed');
    await expect.poll(async () => (await rooms.listRooms([room])).length).toBe(0);
  } finally {
    await Promise.all([host.close(), guest.close()]);
  }
});
