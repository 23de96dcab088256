import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { buildMeet, meetUrl } from './pages/meet.js';
import { inCall, Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test, type Page } from './pages/test.js';

// Chat against the real LiveKit server: Confab to Confab, Confab to LiveKit's own VideoConference,
// hostile input, the length limit, a cut connection, late joiners and IME input.

/** Records every confab-chat-message the element fires, as `local:text`. */
async function recordChat(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { chatEvents: string[] };
    w.chatEvents = [];
    document.querySelector('confab-meeting')?.addEventListener('confab-chat-message', (e) => {
      const d = (e as CustomEvent<{ local: boolean; text: string; name: string }>).detail;
      w.chatEvents.push(`${d.local ? 'local' : d.name}:${d.text}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { chatEvents: string[] }).chatEvents);
}

const state = (p: Participant) =>
  p.page.evaluate(() =>
    (document.querySelector('confab-meeting') as unknown as { getState(): Promise<{ unread: number; panel: string | null }> }).getState(),
  );

test('three participants chat: everyone sees each message once, own ones marked and sent, unread counted until the panel opens', async ({
  browser,
}) => {
  // Three browsers with camera and microphone on two cores: the joins alone can take half a minute.
  test.setTimeout(120_000);
  await inCall(browser, 'chat3', ['Ada', 'Bob', 'Cy'] as const, async ([ada, bob, cy]) => {
    const adaEvents = await recordChat(ada.page);
    const bobEvents = await recordChat(bob.page);
    await ada.openChat();
    await ada.say('hello from Ada');
    await expect(ada.chatRows('hello from Ada')).toHaveAttribute('data-status', 'sent');
    await expect(ada.chatRows('hello from Ada')).toHaveAttribute('data-local', '');
    await expect(bob.scope.locator('[data-control="chat"] .badge')).toHaveText('1');
    expect((await state(bob)).unread).toBe(1);
    await bob.openChat();
    expect((await state(bob)).unread).toBe(0);
    await expect(bob.chatRows('hello from Ada')).toHaveCount(1);
    await expect(bob.chatRows('hello from Ada')).not.toHaveAttribute('data-local', '');
    await expect(bob.chatRows('hello from Ada')).toContainText('Ada');
    await bob.say('hi Ada, Bob here');
    await cy.openChat();
    await cy.say('and Cy');
    for (const p of [ada, bob, cy]) {
      await expect(p.chatRows()).toHaveCount(3);
      await expect(p.chatRows('and Cy')).toHaveCount(1);
    }
    // From the element's method too, which resolves with the id once sent.
    const id = await ada.page.evaluate(() =>
      (document.querySelector('confab-meeting') as unknown as { sendChatMessage(t: string): Promise<string> }).sendChatMessage(
        'by the API',
      ),
    );
    await expect(cy.chatRows('by the API')).toHaveAttribute('data-message-id', id);
    await expect.poll(adaEvents).toEqual(['local:hello from Ada', 'Bob:hi Ada, Bob here', 'Cy:and Cy', 'local:by the API']);
    await expect.poll(bobEvents).toEqual(['Ada:hello from Ada', 'local:hi Ada, Bob here', 'Cy:and Cy', 'Ada:by the API']);
  });
});

test('the list stays at the newest message; a reader who scrolled up gets a "new messages" button instead', async ({ browser }) => {
  await inCall(browser, 'chat-scroll', ['Ada', 'Bob'] as const, async ([ada, bob]) => {
    await ada.openChat();
    const send = (text: string) =>
      bob.page.evaluate(
        (t) => (document.querySelector('confab-meeting') as unknown as { sendChatMessage(t: string): Promise<string> }).sendChatMessage(t),
        text,
      );
    // Fifteen five-line messages (under the receivers' flood gate of 20 at once) overflow the panel.
    for (let i = 1; i <= 15; i++) await send(`line ${i}.\ntwo\nthree\nfour\nfive`);
    await expect(ada.chatRows('line 15.')).toBeInViewport();
    expect(await ada.chat.locator('lit-virtualizer').evaluate((list) => list.scrollHeight > 2 * list.clientHeight)).toBe(true);
    const jump = ada.chat.locator('[data-control="new-messages"]');
    await expect(jump).toHaveCount(0);
    // The reader scrolls up by hand; what arrives now must not pull them down.
    const box = (await ada.chat.locator('lit-virtualizer').boundingBox())!;
    await ada.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await ada.page.mouse.wheel(0, -3000);
    const fromEnd = () => ada.chat.locator('lit-virtualizer').evaluate((list) => list.scrollHeight - list.scrollTop - list.clientHeight);
    await expect.poll(fromEnd).toBeGreaterThan(200);
    await send('while you read above');
    await expect(jump).toBeVisible();
    expect(await fromEnd()).toBeGreaterThan(200);
    await jump.click();
    await expect(ada.chatRows('while you read above')).toBeInViewport();
    await expect(jump).toHaveCount(0);
  });
});

test('hostile names and messages stay inert text; only http(s) links, opening safely', async ({ browser }) => {
  const room = uniqueRoom('chat-hostile');
  const ada = await Participant.open(browser, { room, name: 'Ada', query: { video: 'off', audio: 'off' } });
  const evilName = '<img src=x onerror="window.__pwned=1">\u202EBob';
  const mallory = await Participant.openAs(browser, { room, identity: 'mallory', name: evilName });
  try {
    await ada.joined();
    await mallory.joined();
    await ada.openChat();
    await mallory.openChat();
    const hostile = [
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=1">',
      '<a href="javascript:window.__pwned=1">click</a> javascript:window.__pwned=1',
      '\u202Eevil\u202C https://example.com/ok',
    ];
    for (const text of hostile) await mallory.say(text);
    await expect(ada.chatRows()).toHaveCount(hostile.length);
    const seen = await ada.chat.evaluate((chat) => {
      const root = chat.shadowRoot!;
      return {
        bodies: [...root.querySelectorAll('.body')].map((b) => b.textContent),
        elements: root.querySelectorAll('script, img, iframe, [onerror]').length,
        links: [...root.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]),
        sender: root.querySelector('.sender .name')?.textContent ?? '',
      };
    });
    expect(seen.bodies.slice(0, 3)).toEqual(hostile.slice(0, 3));
    expect(seen.bodies[3]).toBe('evil https://example.com/ok');
    expect(seen.elements).toBe(0);
    expect(seen.links).toEqual([['https://example.com/ok', 'noopener noreferrer', '_blank']]);
    expect(seen.sender).not.toMatch(/[\u202A-\u202E]/);
    // The sender line is whatever the SFU says (here the name, else the identity), as text.
    expect(seen.sender.replace(/[\u2068\u2069]/g, '')).toMatch(/^(<img src=x onerror="window.__pwned=1">Bob|mallory)$/);
    expect(await ada.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  } finally {
    await Promise.all([ada.close(), mallory.close()]);
  }
});

test('a 70 kB paste is refused with a visible message, and the next short message still arrives everywhere', async ({ browser }) => {
  await inCall(browser, 'chat-long', ['Ada', 'Bob'] as const, async ([ada, bob]) => {
    await ada.openChat();
    await bob.openChat();
    const box = ada.chat.locator('textarea');
    await box.fill('x'.repeat(70_000));
    await box.press('Enter');
    await expect(ada.chat.locator('[data-error="message-too-long"]')).toBeVisible();
    await expect(ada.chat.locator('[data-error="message-too-long"]')).toContainText('70000');
    await expect(ada.chatRows()).toHaveCount(0);
    const code = await ada.page.evaluate(() =>
      (document.querySelector('confab-meeting') as unknown as { sendChatMessage(t: string): Promise<string> })
        .sendChatMessage('y'.repeat(70_000))
        .then(
          () => 'sent',
          (e: unknown) => (e as { code: string }).code,
        ),
    );
    expect(code).toBe('message-too-long');
    await ada.say('short and sweet');
    await expect(ada.chat.locator('[data-error]')).toHaveCount(0);
    await expect(bob.chatRows('short and sweet')).toHaveCount(1);
    await expect(bob.chatRows()).toHaveCount(1);
  });
});

test('a message sent while the connection is cut waits, then arrives exactly once when it returns', async ({ browser }) => {
  await inCall(browser, 'chat-cut', ['Ada', 'Bob'] as const, async ([ada, bob]) => {
    await ada.openChat();
    await bob.openChat();
    // livekit-client's full reconnect (the case where its own buffer is lost); the message is sent
    // the moment the widget says "reconnecting", and must wait for the connection to come back.
    const order = await ada.meeting.evaluate(
      (m) =>
        new Promise<string[]>((resolve) => {
          const log: string[] = [];
          const el = m as unknown as HTMLElement & {
            updateComplete: Promise<boolean>;
            sendChatMessage(t: string): Promise<string>;
            [k: symbol]: (s: string) => Promise<void>;
          };
          let sent: Promise<unknown> | null = null;
          el.addEventListener('confab-connection-state', (e) => {
            const { state } = (e as CustomEvent<{ state: string }>).detail;
            log.push(state);
            if (state === 'reconnecting' && !sent) {
              // The row's status when it first shows (the list renders it within a few frames).
              const watch = (frames: number) => {
                const rows = [
                  ...(el.shadowRoot?.querySelector('confab-chat')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-message-id]') ?? []),
                ];
                const row = rows.find((r) => r.textContent?.includes('sent during the cut'));
                if (row) log.push(`row ${row.dataset.status ?? ''}`);
                else if (frames > 0) requestAnimationFrame(() => watch(frames - 1));
              };
              sent = el.sendChatMessage('sent during the cut').then(() => log.push('resolved'));
              watch(60);
            }
            if (state === 'connected' && sent) void sent.then(() => resolve(log));
          });
          void el[Symbol.for('confab.simulate')]!('full-reconnect');
        }),
    );
    expect(order[0]).toBe('reconnecting');
    expect(order).toContain('row sending');
    expect(order.indexOf('row sending')).toBeLessThan(order.indexOf('connected'));
    expect(order.indexOf('resolved')).toBeGreaterThan(order.indexOf('connected'));
    await expect(ada.chatRows('sent during the cut')).toHaveAttribute('data-status', 'sent');
    await expect(bob.chatRows('sent during the cut')).toHaveCount(1);
    await bob.page.waitForTimeout(1500);
    await expect(bob.chatRows('sent during the cut')).toHaveCount(1);
    await expect(ada.chatRows('sent during the cut')).toHaveCount(1);
  });
});

test('a late joiner sees the earlier messages, marked; with chat-history="off" the panel says they are not available', async ({
  browser,
}) => {
  await inCall(browser, 'chat-late', ['Ada', 'Bob'] as const, async ([ada, bob], room) => {
    await ada.openChat();
    await ada.say('before you came');
    await bob.openChat();
    await bob.say('me too');
    await expect(ada.chatRows()).toHaveCount(2);
    const cy = await Participant.open(browser, { room, name: 'Cy', query: { video: 'off', audio: 'off' } });
    const dan = await Participant.open(browser, { room, name: 'Dan', query: { video: 'off', audio: 'off', 'chat-history': 'off' } });
    try {
      await cy.joined();
      await cy.openChat();
      await expect(cy.chatRows()).toHaveCount(2);
      await expect(cy.chatRows('before you came')).toHaveAttribute('data-earlier', '');
      await expect(cy.chat.locator('.divider')).toHaveCount(1);
      await dan.joined();
      await dan.openChat();
      await expect(dan.chat.locator('[data-history="unavailable"]')).toBeVisible();
      await expect(dan.chatRows()).toHaveCount(0);
      // Both are in the conversation from now on, and nobody sees a message twice.
      await ada.say('welcome');
      for (const p of [cy, dan]) await expect(p.chatRows('welcome')).toHaveCount(1);
      await expect(cy.chatRows()).toHaveCount(3);
    } finally {
      await Promise.all([cy.close(), dan.close()]);
    }
  });
});

test('chat="off": no button, no panel, commands refused, and nothing on lk.chat or the history RPC is handled', async ({ browser }) => {
  const room = uniqueRoom('chat-off');
  const off = await Participant.open(browser, { room, name: 'Ada', query: { video: 'off', audio: 'off', chat: 'off' } });
  const bob = await Participant.open(browser, { room, name: 'Bob', query: { video: 'off', audio: 'off' } });
  try {
    await off.joined();
    const events = await recordChat(off.page);
    await bob.joined();
    await expect(off.scope.locator('[data-control="chat"]')).toHaveCount(0);
    const codes = await off.page.evaluate(async () => {
      const m = document.querySelector('confab-meeting') as unknown as {
        openPanel(p: string): Promise<void>;
        sendChatMessage(t: string): Promise<string>;
      };
      const code = (p: Promise<unknown>) =>
        p.then(
          () => 'ok',
          (e: unknown) => (e as { code: string }).code,
        );
      return [await code(m.openPanel('chat')), await code(m.sendChatMessage('hi'))];
    });
    expect(codes).toEqual(['chat-disabled', 'chat-disabled']);
    await expect(off.meeting).not.toHaveAttribute('data-panel', /.*/);
    await expect(off.chat).toHaveCount(0);
    // Bob, the late joiner, asks Ada for history: no RPC method is registered, so nobody answers.
    await bob.openChat();
    await expect(bob.chat.locator('[data-history="unavailable"]')).toBeVisible();
    await bob.say('anyone there?');
    await expect(bob.chatRows('anyone there?')).toHaveAttribute('data-status', 'sent');
    await off.page.waitForTimeout(1000);
    expect(await events()).toEqual([]);
    expect((await state(off)).unread).toBe(0);
  } finally {
    await Promise.all([off.close(), bob.close()]);
  }
});

test('Enter while an IME is composing does not send; Shift+Enter is a new line; Enter sends', async ({ browser }) => {
  await inCall(browser, 'chat-ime', ['Ada', 'Bob'] as const, async ([ada, bob]) => {
    await ada.openChat();
    const box = ada.chat.locator('textarea');
    await box.fill('にほんご');
    // What a browser sends when Enter commits an IME candidate.
    await box.evaluate((el) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, bubbles: true, cancelable: true }));
    });
    await ada.page.waitForTimeout(500);
    await expect(ada.chatRows()).toHaveCount(0);
    await box.press('Shift+Enter');
    await box.pressSequentially('です');
    await expect(ada.chatRows()).toHaveCount(0);
    await box.press('Enter');
    await bob.openChat();
    await expect(bob.chatRows()).toHaveCount(1);
    await expect(bob.chat.locator('.body')).toHaveText('にほんご\nです');
  });
});

test.describe('with LiveKit’s own VideoConference in the room', () => {
  test.beforeAll(buildMeet);

  test('a VideoConference user and a Confab user chat both ways', async ({ browser }) => {
    const room = uniqueRoom('chat-meet');
    const ada = await Participant.open(browser, { room, name: 'Ada', query: { video: 'off', audio: 'off' } });
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    const meet = await context.newPage();
    try {
      await ada.joined();
      await meet.goto(meetUrl(room, 'Lee on Meet'));
      await expect(ada.tiles).toHaveCount(2, { timeout: 20_000 });
      await ada.openChat();
      await ada.say('hello VideoConference');
      await meet.locator('.lk-control-bar .lk-chat-toggle').click();
      await expect(meet.locator('.lk-chat-entry .lk-message-body').filter({ hasText: 'hello VideoConference' })).toHaveCount(1);
      await expect(meet.locator('.lk-chat-entry').filter({ hasText: 'hello VideoConference' })).toContainText('Ada');
      await meet.locator('.lk-chat-form-input').fill('hello Confab, from LiveKit');
      await meet.locator('.lk-chat-form-button').click();
      await expect(ada.chatRows('hello Confab, from LiveKit')).toHaveCount(1);
      await expect(ada.chatRows('hello Confab, from LiveKit')).toContainText('Lee on Meet');
      await ada.page.waitForTimeout(1000);
      // The legacy copy VideoConference also sends is marked to be ignored: still one row.
      await expect(ada.chatRows()).toHaveCount(2);
    } finally {
      await Promise.all([ada.close(), context.close()]);
    }
  });
});

/** A real LiveKit client of another kind in the room (tests/e2e/crowd/legacy-chat-peer.mjs). */
function legacyPeer(room: string, identity: string, historyAnswer?: string) {
  const args = ['tests/e2e/crowd/legacy-chat-peer.mjs', 'ws://127.0.0.1:7890', room, identity, ...(historyAnswer ? [historyAnswer] : [])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: Array<Record<string, unknown>> = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return {
    lines,
    send: (text: string) => child.stdin.write(`${JSON.stringify({ send: text })}\n`),
    ready: () => expect.poll(() => lines.some((l) => l.ready), { timeout: 20_000 }).toBe(true),
    stop: () => {
      console.log(`${identity} (rtc-node)`, JSON.stringify(lines.filter((l) => !('level' in l))));
      child.kill('SIGTERM');
    },
  };
}

test('an old LiveKit chat client (components-core 0.9: legacy packets only) and Confab chat both ways, each message shown once', async ({
  browser,
}) => {
  const room = uniqueRoom('chat-legacy');
  const ada = await Participant.open(browser, { room, name: 'Ada', query: { video: 'off', audio: 'off' } });
  const peer = legacyPeer(room, 'oldie');
  const { lines } = peer;
  try {
    await peer.ready();
    await ada.joined();
    await ada.openChat();
    const { identity } = await ada.page.evaluate(() =>
      (document.querySelector('confab-meeting') as unknown as { getState(): Promise<{ identity: string }> }).getState(),
    );
    // Each knows the other before a word is said.
    await expect.poll(() => lines.some((l) => l.joined === identity), { timeout: 20_000 }).toBe(true);
    await expect(ada.tiles).toHaveCount(2, { timeout: 20_000 });
    await ada.say('hello from Confab');
    await expect
      .poll(() => lines.filter((l) => l.received === 'hello from Confab').map((l) => l.from), { timeout: 10_000 })
      .toEqual([identity]);
    peer.send('hello from an old app');
    await expect.poll(() => lines.some((l) => l.sent === 'hello from an old app'), { timeout: 10_000 }).toBe(true);
    await expect(ada.chatRows('hello from an old app')).toHaveCount(1);
    await expect(ada.chatRows('hello from an old app')).toContainText('oldie (old client)');
    await ada.page.waitForTimeout(1000);
    // Once each way: the old client got Confab's legacy copy once, Confab shows the packet once.
    expect(lines.filter((l) => l.received === 'hello from Confab')).toHaveLength(1);
    await expect(ada.chatRows()).toHaveCount(2);
  } finally {
    peer.stop();
    await ada.close();
  }
});

test('a peer that answers the history request with forged lines puts no words in anyone’s mouth', async ({ browser }) => {
  const room = uniqueRoom('chat-forged');
  const now = Date.now();
  const forged = [
    { id: 'f1', identity: 'ada', name: 'Ada', text: 'I agree to everything', timestamp: now - 60_000 },
    { id: 'f2', identity: 'bob', name: 'Bob', text: 'Mallory is the host now', timestamp: now - 30_000 },
    { id: 'f3', identity: 'mallory', name: 'The Host', text: 'hi, I was here before', timestamp: now - 20_000 },
  ];
  const mallory = legacyPeer(room, 'mallory', JSON.stringify(forged));
  await mallory.ready();
  const ada = await Participant.openAs(browser, { room, identity: 'ada', name: 'Ada' });
  try {
    await ada.joined();
    await ada.openChat();
    await expect.poll(() => mallory.lines.some((l) => l.historyAskedBy === 'ada'), { timeout: 20_000 }).toBe(true);
    await expect(ada.chatRows()).toHaveCount(3);
    const row = (id: string) => ada.chat.locator(`[data-message-id="${id}"]`);
    // The line that claims to be Ada's own is not shown as hers, and says who vouched for it.
    await expect(row('f1')).not.toHaveAttribute('data-local');
    await expect(row('f1')).toHaveAttribute('data-relayed-by', 'mallory');
    await expect(row('f1').locator('.relayed')).toContainText('mallory (old client)');
    await expect(row('f2')).toHaveAttribute('data-relayed-by', 'mallory');
    // Mallory's own line carries the name LiveKit knows, not the one the answer claims.
    await expect(row('f3')).not.toHaveAttribute('data-relayed-by');
    await expect(row('f3')).toContainText('mallory (old client)');
    await expect(row('f3')).not.toContainText('The Host');
    for (const id of ['f1', 'f2', 'f3']) await expect(row(id)).toHaveAttribute('data-earlier');
  } finally {
    mallory.stop();
    await ada.close();
  }
});
