import { inCall, Participant, uniqueRoom } from './pages/meeting.js';
import { RECORD, flowing } from './pages/video.js';
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
const state = (p: Participant) =>
  p.page.evaluate(() => (document.querySelector('confab-meeting') as unknown as { getState(): Promise<Snapshot> }).getState());

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
    await bob.page.evaluate(() =>
      (document.querySelector('confab-meeting') as unknown as { raiseHand(on: boolean): Promise<void> }).raiseHand(true),
    );
    await expect(cy.tileOf(bob)).toHaveAttribute('data-hand-raised', '');
    const snapshot = await state(cy);
    expect(snapshot.handRaised).toBe(false);
    expect(Object.fromEntries(snapshot.participants.map((p) => [p.name, p.handRaised]))).toEqual({ Cy: false, Ada: true, Bob: true });
    expect(snapshot.participants.every((p) => typeof p.connectionQuality === 'string')).toBe(true);
    expect((await state(bob)).handRaised).toBe(true);

    // Cy's participants panel: raised hands first, in the order they went up, then Cy.
    const people = cy.control('participants');
    await expect(people).toHaveAccessibleName('People, 3');
    await people.click();
    await expect(cy.meeting).toHaveAttribute('data-panel', 'participants');
    const rows = cy.scope.locator('confab-participants li');
    const order = () =>
      rows.evaluateAll((lis) =>
        lis.map(
          (li) =>
            `${li.querySelector('.name')?.textContent?.replace(/[\u2066-\u2069]/g, '') ?? ''}${li.hasAttribute('data-hand-raised') ? ' ✋' : ''}`,
        ),
      );
    await expect.poll(order).toEqual(['Ada ✋', 'Bob ✋', 'Cy (you)']);
    await expect(rows.first().getByRole('img', { name: 'Hand raised' })).toBeVisible();
    // Bob turns his microphone off: his row says so.
    await expect(rows.nth(1).getByRole('img', { name: 'Microphone off' })).toHaveCount(0);
    await bob.control('microphone').click();
    await expect(rows.nth(1).getByRole('img', { name: 'Microphone off' })).toBeVisible();
    // Focus moved into the panel.
    await expect(cy.scope.locator('confab-participants button[data-control="close-participants"]')).toBeFocused();

    // Cy pins Bob from the panel: Bob takes the stage of Cy's screen (nobody else's).
    const pinBob = rows.nth(1).locator('button[data-control="pin"]');
    await expect(pinBob).toHaveAccessibleName(/^Pin .*Bob.* to the stage$/);
    await pinBob.click();
    await expect(pinBob).toHaveAttribute('aria-pressed', 'true');
    const grid = cy.scope.locator('confab-grid');
    await expect(grid).toHaveAttribute('data-layout', 'speaker');
    await expect(grid.locator('.stage confab-tile')).toHaveAttribute('data-pinned', '');
    await expect(grid.locator('.stage confab-tile')).toContainText('Bob');
    await expect(ada.scope.locator('confab-grid')).toHaveAttribute('data-layout', 'grid');
    type Commands = {
      getState(): Promise<{ identity: string; pinned: string | null; layout: string }>;
      setLayout(l: string): Promise<void>;
      pin(i: string | null): Promise<void>;
    };
    const meetingOf = (p: Participant) => p.meeting.evaluate((m) => (m as unknown as Commands).getState());
    expect((await meetingOf(cy)).pinned).toBe((await meetingOf(bob)).identity);
    // setLayout('grid') live: no stage, the pinned tile first; unpinning returns to the usual order.
    await cy.meeting.evaluate((m) => (m as unknown as Commands).setLayout('grid'));
    await expect(grid).toHaveAttribute('data-layout', 'grid');
    await expect(grid.locator('.grid > confab-tile').first()).toHaveAttribute('data-pinned', '');
    expect((await meetingOf(cy)).layout).toBe('grid');
    await cy.meeting.evaluate((m) => (m as unknown as Commands).pin(null));
    await expect(cy.scope.locator('confab-tile[data-pinned]')).toHaveCount(0);
    await cy.meeting.evaluate((m) => (m as unknown as Commands).setLayout('auto'));

    await hand.click();
    await expect(hand).toHaveAttribute('aria-pressed', 'false');
    for (const p of [bob, cy]) await expect(p.tileOf(ada)).not.toHaveAttribute('data-hand-raised', '');
    await expect.poll(order).toEqual(['Bob ✋', 'Cy (you)', 'Ada']);
    // Escape closes the panel and gives focus back to its button.
    await cy.scope.locator('confab-participants button[data-control="close-participants"]').focus();
    await cy.page.keyboard.press('Escape');
    await expect(cy.meeting).not.toHaveAttribute('data-panel', /.*/);
    await expect(people).toBeFocused();
    await expect.poll(cyHands).toEqual(['Ada:true', 'Bob:true', 'Ada:false']);
  });
});

test('a token without canUpdateOwnMetadata: the hand button says why it is disabled, and raiseHand rejects not-allowed', async ({
  browser,
}) => {
  const room = `hands-denied-${Date.now().toString(36)}`;
  const dee = await Participant.openAs(browser, {
    room,
    identity: `dee-${Date.now().toString(36)}`,
    name: 'Dee',
    grants: { canUpdateOwnMetadata: false },
  });
  try {
    await dee.joined();
    const hand = dee.control('hand');
    await expect(hand).toHaveAttribute('aria-disabled', 'true');
    await expect(hand).toHaveAccessibleDescription('Raising a hand is not allowed in this meeting');
    await expect(hand).toHaveAttribute('data-tip', 'Raising a hand is not allowed in this meeting');
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

test('reactions="off" and participants="off": no hand or People button, and raiseHand and openPanel reject', async ({ browser }) => {
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
    // participants="off" likewise: no People button, and the panel does not open from code.
    await expect(eve.control('participants')).toHaveCount(1);
    await eve.page.evaluate(() => document.querySelector('confab-meeting')?.setAttribute('participants', 'off'));
    await expect(eve.control('participants')).toHaveCount(0);
    const panel = await eve.page.evaluate(() =>
      (document.querySelector('confab-meeting') as unknown as { openPanel(p: string): Promise<void> }).openPanel('participants').then(
        () => 'resolved',
        (e: unknown) => (e as { code?: string }).code,
      ),
    );
    expect(panel).toBe('participants-disabled');
  });
});

test('reactions: the picker sends an emoji that floats over the sender’s tile for everyone, and sendReaction refuses what is not offered or too fast', async ({
  browser,
}) => {
  await inCall(browser, 'reactions', ['Ada', 'Bob'] as const, async ([ada, bob]) => {
    await bob.page.evaluate(() => {
      const w = window as unknown as { reactions: string[] };
      w.reactions = [];
      document.querySelector('confab-meeting')?.addEventListener('confab-reaction', (e) => {
        const d = (e as CustomEvent<{ name: string; emoji: string }>).detail;
        w.reactions.push(`${d.name}:${d.emoji}`);
      });
    });
    // By keyboard: the picker opens, an emoji is sent, Escape closes it and focus goes back.
    const open = ada.scope.locator('confab-control-bar button[data-control="reactions"]');
    await expect(open).toHaveAccessibleName('Send a reaction');
    await open.focus();
    await ada.page.keyboard.press('Enter');
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    const picker = ada.scope.locator('confab-control-bar').getByRole('group', { name: 'Reactions' });
    await picker.getByRole('button', { name: 'Thumbs up' }).click();
    await expect(bob.tileOf(ada).locator('.reaction')).toHaveText('👍');
    await expect(ada.localTile.locator('.reaction')).toHaveText('👍');
    await expect(bob.tileOf(bob).locator('.reaction')).toHaveCount(0);
    await expect.poll(() => bob.page.evaluate(() => (window as unknown as { reactions: string[] }).reactions)).toEqual(['Ada:👍']);
    await ada.page.keyboard.press('Escape');
    await expect(open).toHaveAttribute('aria-expanded', 'false');
    await expect(open).toBeFocused();
    // It leaves after a few seconds.
    await expect(bob.tileOf(ada).locator('.reaction')).toHaveCount(0, { timeout: 8000 });

    const send = (emoji: string) =>
      ada.page.evaluate(
        (e) =>
          (document.querySelector('confab-meeting') as unknown as { sendReaction(e: string): Promise<void> }).sendReaction(e).then(
            () => 'sent',
            (error: unknown) => (error as { code?: string }).code,
          ),
        emoji,
      );
    expect(await send('🖕')).toBe('bad-argument');
    expect(await send('<img src=x onerror=alert(1)>')).toBe('bad-argument');
    const burst = [];
    for (let i = 0; i < 6; i++) burst.push(await send('🎉'));
    expect(burst).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'rate-limited']);
    await expect(bob.tileOf(ada).locator('.reaction')).toHaveCount(5);
  });
});

test('adaptive video: the stage receives a large picture and the strip small ones, and they trade places with the pin', async ({
  browser,
}) => {
  await inCall(browser, 'sizes', ['Ada', 'Bob', 'Cy'] as const, async ([ada, bob, cy]) => {
    type Commands = {
      pin(i: string | null): Promise<void>;
      getState(): Promise<{ participants: Array<{ identity: string; name: string }> }>;
    };
    const people = () => ada.meeting.evaluate((m) => (m as unknown as Commands).getState()).then((s) => s.participants);
    // Joined is not yet "sees everyone": wait until Ada's own state lists all three.
    await expect.poll(async () => (await people()).length, { timeout: 20_000 }).toBe(3);
    const ids = Object.fromEntries((await people()).map((p) => [p.name, p.identity]));
    /** The decoded width of the picture a tile shows (what the server sends it, after adaptive stream). */
    const width = (who: typeof bob) => ada.tileOf(who).evaluate((tile) => tile.shadowRoot?.querySelector('video')?.videoWidth ?? 0);
    const fit = (w: number) => (w >= 640 ? 'large' : w > 0 && w <= 320 ? 'small' : `${w} px`);
    const sizes = async () => ({ bob: fit(await width(bob)), cy: fit(await width(cy)) });
    await ada.meeting.evaluate((m, id) => (m as unknown as Commands).pin(id), ids.Bob);
    await expect(ada.tileOf(bob)).toHaveAttribute('data-pinned', '');
    // Bob on the stage (hundreds of pixels wide), Cy in the strip (about 200): each gets a layer to fit.
    await expect.poll(sizes, { timeout: 20_000 }).toEqual({ bob: 'large', cy: 'small' });
    await ada.meeting.evaluate((m, id) => (m as unknown as Commands).pin(id), ids.Cy);
    await expect.poll(sizes, { timeout: 20_000 }).toEqual({ bob: 'small', cy: 'large' });
  });
});

test('a sheet over the grid in a narrow box: the tiles wholly behind it receive no video until it closes', async ({ browser }) => {
  const room = uniqueRoom('sheet');
  const setup = async (context: import('@playwright/test').BrowserContext) => {
    await context.addInitScript(RECORD);
  };
  const ada = await Participant.open(browser, { room, name: 'Ada', setup });
  const others = [await Participant.open(browser, { room, name: 'Bob' }), await Participant.open(browser, { room, name: 'Cy' })];
  try {
    for (const p of [ada, ...others]) await p.joined();
    // Ada's widget in a 320×480 box: three tiles in a column; the chat sheet covers the lower two.
    await ada.page.evaluate(() => {
      const meeting = document.querySelector('confab-meeting') as HTMLElement;
      const box = document.createElement('div');
      for (const [k, v] of Object.entries({ position: 'fixed', left: '0', top: '0', width: '320px', height: '480px', 'z-index': '9' }))
        box.style.setProperty(k, v);
      box.append(meeting);
      document.body.append(box);
    });
    await expect(ada.tiles).toHaveCount(3);
    const remoteIds = () =>
      ada.scope
        .locator('confab-tile:not([data-local])')
        .evaluateAll((tiles) =>
          tiles.map((t) => (t.shadowRoot?.querySelector('video')?.srcObject as MediaStream | null)?.getVideoTracks()[0]?.id ?? ''),
        );
    const flows = async () => {
      const ids = await remoteIds();
      return (await flowing(ada.page)).filter((id) => ids.includes(id)).length;
    };
    await expect.poll(flows, { timeout: 20_000 }).toBe(2);
    await ada.openChat();
    await expect(ada.scope.locator('confab-tile[data-covered]:not([data-local])')).toHaveCount(2);
    await expect(ada.localTile).not.toHaveAttribute('data-covered', '');
    await expect.poll(flows, { timeout: 20_000 }).toBe(0);
    await ada.page.keyboard.press('Escape');
    await expect(ada.meeting).not.toHaveAttribute('data-panel', /.*/);
    await expect(ada.scope.locator('confab-tile[data-covered]')).toHaveCount(0);
    await expect.poll(flows, { timeout: 20_000 }).toBe(2);
  } finally {
    await Promise.all([ada, ...others].map((p) => p.close()));
  }
});
