import { describe, expect, test, vi } from 'vitest';
import { askParentForCredentials } from '../../../src/embed/parent-provider.js';
import { parseFrameMessage, parseTokenAnswer } from '../../../src/embed/protocol.js';
import { fakeWindows, ORIGIN } from './fake-windows.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXQifQ.c2ln';

const check = (value: unknown) => {
  const { token, serverUrl } = value as { token?: unknown; serverUrl?: unknown };
  if (typeof token !== 'string' || serverUrl !== 'wss://lk.example') throw new TypeError('serverUrl is not allowed');
  return { token, serverUrl };
};

describe("the frame's tokenProvider that asks the host page", () => {
  test('asks only the parent, at its origin, and takes the answer only from there', async () => {
    const { self, parent, stranger, sent, deliver } = fakeWindows();
    const provider = askParentForCredentials({ self, parent, parentOrigin: ORIGIN, check });
    const asked = provider({ room: 'standup', name: 'Pat', reason: 'expired' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.origin).toBe(ORIGIN);
    const request = parseFrameMessage(sent[0]!.message);
    expect(request).toMatchObject({ kind: 'token-request', room: 'standup', name: 'Pat', reason: 'expired' });
    const id = (request as { id: string }).id;
    const answer = { confab: 1, kind: 'token-answer', id, ok: true, value: { token: TOKEN, serverUrl: 'wss://lk.example' } };
    // A stranger's answer, one from another origin, and one for another request are all ignored.
    deliver({ ...answer, value: { token: 'forged.by.stranger', serverUrl: 'wss://lk.example' } }, { source: stranger });
    deliver({ ...answer, value: { token: 'forged.by.origin', serverUrl: 'wss://lk.example' } }, { origin: 'https://evil.example' });
    deliver({ ...answer, id: 'credentials-99', value: { token: 'other.request.token', serverUrl: 'wss://lk.example' } });
    deliver(answer);
    await expect(asked).resolves.toEqual({ token: TOKEN, serverUrl: 'wss://lk.example' });
  });

  test("the page's refusal, credentials the frame may not use and silence each fail the join with a reason", async () => {
    vi.useFakeTimers();
    try {
      const { self, parent, sent, deliver } = fakeWindows();
      const provider = askParentForCredentials({ self, parent, parentOrigin: ORIGIN, check, timeoutMs: 1000 });
      const refused = provider({ room: 'r', name: 'n', reason: 'join' });
      deliver({
        confab: 1,
        kind: 'token-answer',
        id: (sent[0]!.message as { id: string }).id,
        ok: false,
        error: { code: 'x', message: 'no seat for you' },
      });
      await expect(refused).rejects.toThrow('no seat for you');
      const elsewhere = provider({ room: 'r', name: 'n', reason: 'join' });
      deliver({
        confab: 1,
        kind: 'token-answer',
        id: (sent[1]!.message as { id: string }).id,
        ok: true,
        value: { token: TOKEN, serverUrl: 'wss://evil.example' },
      });
      await expect(elsewhere).rejects.toThrow('serverUrl is not allowed');
      const silent = provider({ room: 'r', name: 'n', reason: 'join' });
      vi.advanceTimersByTime(1000);
      await expect(silent).rejects.toThrow('within 1 s');
    } finally {
      vi.useRealTimers();
    }
  });

  test('malformed answers and requests are nothing', () => {
    expect(parseTokenAnswer({ confab: 1, kind: 'token-answer', id: {}, ok: true })).toBeNull();
    expect(parseTokenAnswer({ confab: 1, kind: 'result', id: 1, ok: true })).toBeNull();
    expect(parseTokenAnswer({ confab: 1, kind: 'token-answer', id: 1, ok: false })).toMatchObject({
      error: { code: 'token-provider-failed' },
    });
    expect(parseFrameMessage({ confab: 1, kind: 'token-request', id: 1, reason: 'whenever' })).toBeNull();
    expect(parseFrameMessage({ confab: 1, kind: 'token-request', id: 1, reason: 'join', room: 5 })).toMatchObject({ room: undefined });
  });
});
