import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createFrame } from '../../../src/embed/frame.js';

const APP = 'https://confab.example';

/** A host page in Node: window (messages), location, and iframes whose contentWindow records posts. */
function fakePage() {
  const win = new EventTarget();
  const frames: Array<{ posts: Array<{ message: Record<string, unknown>; origin: string }>; contentWindow: object }> = [];
  vi.stubGlobal('window', win);
  vi.stubGlobal('location', { href: 'https://host.example/page', origin: 'https://host.example' });
  vi.stubGlobal('document', {
    createElement: () => {
      const posts: Array<{ message: Record<string, unknown>; origin: string }> = [];
      const contentWindow = { postMessage: (message: Record<string, unknown>, origin: string) => posts.push({ message, origin }) };
      const frame = { posts, contentWindow, style: {}, remove() {} };
      frames.push(frame);
      return frame;
    },
  });
  const container = { append() {} } as unknown as HTMLElement;
  const fromFrame = (data: unknown, origin = APP, source: unknown = frames[0]?.contentWindow) =>
    win.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }));
  return { container, frames, fromFrame };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the host helper', () => {
  test('an encryption key goes in the fragment beside the credentials mode, never in the query', () => {
    const page = fakePage();
    createFrame(page.container, { url: `${APP}/embed.html`, room: 'r', e2ee: 'on', e2eeKey: 'correct horse', token: 'a.b.c' });
    const src = new URL((page.frames[0] as unknown as { src: string }).src);
    expect(src.searchParams.get('e2ee')).toBe('on');
    expect(src.search).not.toContain('horse');
    expect(Object.fromEntries(new URLSearchParams(src.hash.slice(1)))).toEqual({ credentials: 'parent', 'e2ee-key': 'correct horse' });
  });

  test("the page's tokenProvider answers its own frame only: a stranger window or another origin asking gets nothing", async () => {
    const page = fakePage();
    const asked: unknown[] = [];
    createFrame(page.container, {
      url: `${APP}/embed.html`,
      room: 'r',
      tokenProvider: async (request) => {
        asked.push(request);
        return { serverUrl: 'wss://lk.example', token: 'a.b.c', extra: 'never sent' } as unknown as { serverUrl: string; token: string };
      },
    });
    const src = new URL((page.frames[0] as unknown as { src: string }).src);
    expect(Object.fromEntries(new URLSearchParams(src.hash.slice(1)))).toEqual({ credentials: 'provider' });
    const request = { confab: 1, kind: 'token-request', id: 'credentials-1', room: 'r', name: 'Pat', reason: 'join' };
    page.fromFrame(request, 'https://evil.example');
    page.fromFrame(request, APP, { postMessage() {} });
    await vi.runAllTimersAsync();
    expect(asked).toEqual([]);
    expect(page.frames[0]?.posts).toEqual([]);
    page.fromFrame(request);
    await vi.runAllTimersAsync();
    expect(asked).toEqual([{ room: 'r', name: 'Pat', reason: 'join' }]);
    expect(page.frames[0]?.posts).toEqual([
      {
        message: {
          confab: 1,
          kind: 'token-answer',
          id: 'credentials-1',
          ok: true,
          value: { serverUrl: 'wss://lk.example', token: 'a.b.c' },
        },
        origin: APP,
      },
    ]);
  });

  test('commands before ready wait in order; after ready they are sent to the frame origin only', async () => {
    const page = fakePage();
    const frame = createFrame(page.container, { url: `${APP}/embed.html`, room: 'r' });
    const cam = frame.setCamera(false);
    const join = frame.join();
    expect(page.frames[0]?.posts).toEqual([]);
    page.fromFrame({ confab: 1, kind: 'event', name: 'confab-ready', detail: { version: '1' } });
    expect(page.frames[0]?.posts.map((p) => [p.message.name, p.origin])).toEqual([
      ['setCamera', APP],
      ['join', APP],
    ]);
    page.fromFrame({ confab: 1, kind: 'result', id: 1, ok: true });
    page.fromFrame({ confab: 1, kind: 'result', id: 2, ok: false, error: { code: 'token-rejected', message: 'no' } });
    await expect(cam).resolves.toBeUndefined();
    await expect(join).rejects.toMatchObject({ code: 'token-rejected' });
  });

  test('a frame that never becomes ready rejects with frame-not-ready and says so in confab-error', async () => {
    const page = fakePage();
    const frame = createFrame(page.container, { url: `${APP}/embed.html`, readyTimeout: 1000 });
    const errors: string[] = [];
    frame.on('confab-error', (e) => errors.push(e.code));
    const state = frame.getState();
    vi.advanceTimersByTime(1000);
    await expect(state).rejects.toMatchObject({ code: 'frame-not-ready' });
    await expect(frame.join()).rejects.toMatchObject({ code: 'frame-not-ready' });
    expect(errors).toEqual(['frame-not-ready']);
    // Late but ready after all: commands work again.
    page.fromFrame({ confab: 1, kind: 'event', name: 'confab-ready', detail: { version: '1' } });
    const leave = frame.leave();
    expect(page.frames[0]?.posts.map((p) => p.message.name)).toEqual(['leave']);
    page.fromFrame({ confab: 1, kind: 'result', id: page.frames[0]?.posts[0]?.message.id, ok: true });
    await expect(leave).resolves.toBeUndefined();
  });

  test('the token goes by postMessage, without a serverUrl key unless one was given', () => {
    for (const serverUrl of [undefined, 'wss://lk.example']) {
      const page = fakePage();
      createFrame(page.container, { url: `${APP}/embed.html`, token: 'a.b.c', ...(serverUrl ? { serverUrl } : {}) });
      page.fromFrame({ confab: 1, kind: 'event', name: 'confab-ready', detail: { version: '1' } });
      const sent = page.frames[0]?.posts[0]?.message;
      expect(sent?.name).toBe('setCredentials');
      const [credentials] = sent?.args as [Record<string, unknown>];
      expect(Object.keys(credentials)).toEqual(serverUrl ? ['token', 'serverUrl'] : ['token']);
      vi.unstubAllGlobals();
    }
  });

  test('messages from another origin or another window are ignored', () => {
    const page = fakePage();
    const frame = createFrame(page.container, { url: `${APP}/embed.html` });
    const seen: string[] = [];
    frame.on('confab-joined', (d) => seen.push(d.name));
    page.fromFrame({ confab: 1, kind: 'event', name: 'confab-joined', detail: { name: 'Mallory' } }, 'https://evil.example');
    expect(seen).toEqual([]);
    // The right origin from another window (a second frame or a popup on Confab's origin) is not our frame.
    const otherWindow = { postMessage() {} };
    page.fromFrame({ confab: 1, kind: 'event', name: 'confab-joined', detail: { name: 'Eve' } }, APP, otherWindow);
    page.fromFrame({ confab: 1, kind: 'event', name: 'confab-joined', detail: { name: 'Eve' } }, APP, null);
    expect(seen).toEqual([]);
    page.fromFrame({ confab: 1, kind: 'event', name: 'confab-joined', detail: { name: 'Ada' } });
    expect(seen).toEqual(['Ada']);
  });
});
