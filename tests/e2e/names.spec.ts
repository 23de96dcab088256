import { AccessToken } from 'livekit-server-sdk';
import { Participant, uniqueRoom } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

// Remote names come from whoever minted the token: the SFU passes anything on. These are hostile.
async function tokenFor(room: string, name: string) {
  const at = new AccessToken('devkey', 'secret', { identity: `hostile-${Math.random().toString(36).slice(2, 8)}`, name });
  at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
  return at.toJwt();
}

test('hostile remote names cannot reorder, hide or flood what others see and hear', async ({ browser }) => {
  const room = uniqueRoom('names');
  const ada = await Participant.open(browser, { room, name: 'Ada', query: { video: 'off' } });
  const people = [ada];
  try {
    await ada.joined();
    const hostile = [
      { name: '\u202Enoyl\u202C', shown: 'noyl' }, // a right-to-left override that would flip the line
      { name: `Mallory ${'x'.repeat(10_000)}`, shown: null },
      { name: '\u200B\u200B\u200B', shown: null }, // nothing visible: the identity stands in
    ];
    for (const h of hostile) {
      const p = await Participant.openWith(browser, {
        name: h.name,
        attributes: { 'server-url': 'ws://127.0.0.1:7890', video: 'off' },
        token: await tokenFor(room, h.name),
      });
      people.push(p);
      await p.joined();
    }
    await expect(ada.tiles).toHaveCount(4);
    const labels = await ada.page.locator('confab-tile').evaluateAll((tiles) =>
      tiles.map((t) => ({
        label: t.shadowRoot?.querySelector('.name')?.textContent ?? '',
        initials: t.shadowRoot?.querySelector('.avatar span')?.textContent ?? '',
      })),
    );
    for (const { label, initials } of labels) {
      // No override survives; every name is isolated, bounded, and has a visible initial.
      expect(label).not.toMatch(/[\u202A-\u202E]/);
      expect(label.startsWith('\u2068')).toBe(true);
      expect(Array.from(label).length).toBeLessThan(80);
      expect(initials.trim().length).toBeGreaterThan(0);
      expect(initials).not.toMatch(/[\u200B\u202E]/);
    }
    expect(labels[0]?.label).toBe('\u2068Ada\u2069 (you)');
    expect(labels.map((l) => l.label)).toContain('\u2068noyl\u2069');
    expect(labels.some((l) => l.label.startsWith('\u2068hostile-'))).toBe(true);
    // The screen reader hears a clipped name, not ten thousand characters.
    const announced = await ada.page.locator('[data-announcer]').textContent({ timeout: 5000 });
    expect((announced ?? '').length).toBeLessThan(200);
  } finally {
    await Promise.all(people.map((p) => p.close()));
  }
});
