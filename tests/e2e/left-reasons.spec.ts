import { expect, test } from './pages/test.js';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { Participant, uniqueRoom } from './pages/meeting.js';

// The server side of these tests uses LiveKit's own API, as a site owner's backend would.
const LIVEKIT_HTTP = 'http://127.0.0.1:7890';
const rooms = new RoomServiceClient(LIVEKIT_HTTP, 'devkey', 'secret');

async function leftReasons(p: Participant): Promise<string[]> {
  return p.page.evaluate(() => (window as unknown as { leftReasons: string[] }).leftReasons);
}

async function recordLeftReasons(p: Participant): Promise<void> {
  await p.meeting.evaluate((m: HTMLElement) => {
    const w = window as unknown as { leftReasons: string[] };
    w.leftReasons = [];
    m.addEventListener('confab-left', (e) => w.leftReasons.push(e.detail.reason));
  });
}

test.describe('confab-left says why', () => {
  test('removed by the server: kicked, with the reason on screen', async ({ browser }) => {
    const room = uniqueRoom('kick');
    const ada = await Participant.open(browser, { room, name: 'Ada' });
    try {
      await ada.joined();
      await recordLeftReasons(ada);
      const { identity } = await ada.meeting.evaluate((m: HTMLElement & { getState(): Promise<{ identity: string }> }) => m.getState());
      await rooms.removeParticipant(room, identity);
      await expect(ada.meeting).toHaveAttribute('data-state', 'left');
      // A screen of its own: what happened, who did it, and no Rejoin (a host removed this person).
      await expect(ada.meeting.getByRole('heading', { name: 'You were removed from the meeting' })).toBeVisible();
      await expect(ada.page.getByText('A host removed you from the meeting.')).toBeVisible();
      await expect(ada.meeting.locator('[data-control="rejoin"]')).toHaveCount(0);
      expect(await leftReasons(ada)).toEqual(['kicked']);
      expect((await ada.localTrackStates()).every((s) => s.endsWith(':ended'))).toBe(true);
    } finally {
      await ada.close();
    }
  });

  test('the room is deleted: room-closed', async ({ browser }) => {
    const room = uniqueRoom('close');
    const ada = await Participant.open(browser, { room, name: 'Ada' });
    try {
      await ada.joined();
      await recordLeftReasons(ada);
      await rooms.deleteRoom(room);
      await expect(ada.meeting).toHaveAttribute('data-state', 'left');
      await expect(ada.meeting.getByRole('heading', { name: 'The meeting has ended' })).toBeVisible();
      await expect(ada.page.getByText('The host ended the meeting for everyone.')).toBeVisible();
      await expect(ada.meeting.locator('[data-control="rejoin"]')).toHaveCount(0);
      expect(await leftReasons(ada)).toEqual(['room-closed']);
    } finally {
      await ada.close();
    }
  });

  test('the same identity joins elsewhere: duplicate-identity', async ({ browser }) => {
    const room = uniqueRoom('dup');
    const at = () => {
      const token = new AccessToken('devkey', 'secret', { identity: 'same-person', name: 'Same', ttl: 600 });
      token.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
      return token.toJwt();
    };
    const open = async (token: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto('/?room=unused&prejoin=on');
      await page.evaluate(
        ([token]) => {
          document.querySelector('confab-meeting')?.remove();
          const m = document.createElement('confab-meeting');
          m.setAttribute('server-url', 'ws://127.0.0.1:7890');
          m.setAttribute('token', token);
          m.setAttribute('prejoin', 'off');
          m.setAttribute('video', 'off');
          const w = window as unknown as { leftReasons: string[] };
          w.leftReasons = [];
          m.addEventListener('confab-left', (e) => w.leftReasons.push(e.detail.reason));
          document.body.append(m);
        },
        [token] as const,
      );
      return { context, page };
    };
    const first = await open(await at());
    try {
      await expect(first.page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      const second = await open(await at());
      await expect(second.page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      await expect(first.page.locator('confab-meeting')).toHaveAttribute('data-state', 'left');
      expect(await first.page.evaluate(() => (window as unknown as { leftReasons: string[] }).leftReasons)).toEqual(['duplicate-identity']);
      await expect(first.page.getByText('You joined this meeting from another tab or device.')).toBeVisible();
      await second.context.close();
    } finally {
      await first.context.close();
    }
  });
});
