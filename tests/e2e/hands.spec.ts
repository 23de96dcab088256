import { AccessToken } from 'livekit-server-sdk';
import { inCall, Participant } from './pages/meeting.js';
import { expect, test, type Page } from './pages/test.js';

// Raise hand against the real server: the `handRaisedAt` participant attribute, seen by everyone.

/** Records confab-hand events as `name:raised`. */
async function recordHands(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { hands: string[] };
    w.hands = [];
    document.querySelector('confab-meeting')?.addEventListener('confab-hand', (e) => {
      const d = (e as CustomEvent<{ name: string; raised: boolean }>).detail;
      w.hands.push(`${d.name}:${String(d.raised)}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { hands: string[] }).hands);
}

type Snapshot = { handRaised: boolean; participants: Array<{ name: string; handRaised: boolean; connectionQuality: string }> };
const state = (p: Participant) => p.page.evaluate(() => (document.querySelector('confab-meeting') as unknown as { getState(): Promise<Snapshot> }).getState());

test('three people: a raised hand shows on the tile for everyone, is announced to the others, and lowers', async ({ browser }) => {
  await inCall(browser, 'hands', ['Ada', 'Bob', 'Cy'] as const, async ([ada, bob, cy]) => {
    const cyHands = await recordHands(cy.page);
    const hand = ada.control('hand');
    await expect(hand).toHaveAccessibleName('Raise hand');
    await expect(hand).toHaveAttribute('aria-pressed', 'false');
    await hand.click();
    await expect(hand).toHaveAttribute('aria-pressed', 'true');
    for (const p of [bob, cy]) {
      await expect(p.tileOf(ada)).toHaveAttribute('data-hand-raised', '');
      await expect(p.tileOf(ada).getByRole('img', { name: 'Hand raised' })).toBeVisible();
    }
    await expect(cy.tileOf(bob)).not.toHaveAttribute('data-hand-raised', '');
    await expect(ada.localTile).toHaveAttribute('data-hand-raised', '');
    await expect(bob.page.locator('[data-announcer]')).toContainText(/Ada\u2069? raised their hand/);
    // Bob by the API; the snapshot says who has a hand up.
    await bob.page.evaluate(() => (document.querySelector('confab-meeting') as unknown as { raiseHand(on: boolean): Promise<void> }).raiseHand(true));
    await expect(cy.tileOf(bob)).toHaveAttribute('data-hand-raised', '');
    const snapshot = await state(cy);
    expect(snapshot.handRaised).toBe(false);
    expect(Object.fromEntries(snapshot.participants.map((p) => [p.name, p.handRaised]))).toEqual({ Cy: false, Ada: true, Bob: true });
    expect(snapshot.participants.every((p) => typeof p.connectionQuality === 'string')).toBe(true);
    expect((await state(bob)).handRaised).toBe(true);
    await hand.click();
    await expect(hand).toHaveAttribute('aria-pressed', 'false');
    for (const p of [bob, cy]) await expect(p.tileOf(ada)).not.toHaveAttribute('data-hand-raised', '');
    await expect.poll(cyHands).toEqual(['Ada:true', 'Bob:true', 'Ada:false']);
  });
});

test('a token without canUpdateOwnMetadata: the hand button says why it is disabled, and raiseHand rejects not-allowed', async ({ browser }) => {
  const room = `hands-denied-${Date.now().toString(36)}`;
  const at = new AccessToken('devkey', 'secret', { identity: `dee-${Date.now().toString(36)}`, name: 'Dee' });
  at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false });
  const dee = await Participant.openWith(browser, { name: 'Dee', attributes: { 'server-url': 'ws://127.0.0.1:7890', video: 'off', audio: 'off' }, token: await at.toJwt() });
  try {
    await dee.joined();
    const hand = dee.control('hand');
    await expect(hand).toHaveAttribute('aria-disabled', 'true');
    await expect(hand).toHaveAttribute('title', 'Raising a hand is not allowed in this meeting');
    // Playwright will not click an aria-disabled button; a user's click is a click event all the same.
    await hand.dispatchEvent('click');
    await dee.page.waitForTimeout(500);
    await expect(dee.localTile).not.toHaveAttribute('data-hand-raised', '');
    const code = await dee.page.evaluate(() =>
      (document.querySelector('confab-meeting') as unknown as { raiseHand(on: boolean): Promise<void> }).raiseHand(true).then(
        () => 'resolved',
        (e: unknown) => (e as { code?: string }).code,
      ),
    );
    expect(code).toBe('not-allowed');
  } finally {
    await dee.close();
  }
});

test('reactions="off": no hand button, and raiseHand rejects reactions-disabled', async ({ browser }) => {
  await inCall(browser, 'hands-off', ['Eve'] as const, async ([eve]) => {
    await expect(eve.control('hand')).toHaveCount(1);
    await eve.page.evaluate(() => document.querySelector('confab-meeting')?.setAttribute('reactions', 'off'));
    await expect(eve.control('hand')).toHaveCount(0);
    const code = await eve.page.evaluate(() =>
      (document.querySelector('confab-meeting') as unknown as { raiseHand(on: boolean): Promise<void> }).raiseHand(true).then(
        () => 'resolved',
        (e: unknown) => (e as { code?: string }).code,
      ),
    );
    expect(code).toBe('reactions-disabled');
  });
});
