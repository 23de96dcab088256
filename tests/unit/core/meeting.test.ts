import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { MeetingConfig } from '../../../src/config/schema.js';
import { ConfabError } from '../../../src/core/commands.js';
import type { Credentials } from '../../../src/core/credentials.js';
import { Meeting } from '../../../src/core/meeting.js';
import type { SessionHooks, SessionPort } from '../../../src/core/session-port.js';
import { createPreferenceStore } from '../../../src/core/preferences.js';

/** A device track as getUserMedia hands it out; `stopped` says whether the light went off. */
class FakeTrack {
  stopped = false;
  readonly readyState = 'live';
  constructor(
    readonly kind: 'audio' | 'video',
    readonly deviceId = 'dev',
  ) {}
  stop() {
    this.stopped = true;
  }
  getSettings() {
    return { deviceId: this.deviceId };
  }
  addEventListener() {}
}

let tracks: FakeTrack[];
let gumCalls: number;
let denyMicrophone: boolean;
let audioContexts: number;

beforeEach(() => {
  tracks = [];
  gumCalls = 0;
  denyMicrophone = false;
  audioContexts = 0;
  vi.stubGlobal('navigator', {
    mediaDevices: {
      getUserMedia: async (c: MediaStreamConstraints) => {
        gumCalls++;
        await Promise.resolve();
        if (c.audio && denyMicrophone) throw Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
        const track = new FakeTrack(c.video ? 'video' : 'audio');
        tracks.push(track);
        return {
          getVideoTracks: () => (track.kind === 'video' ? [track] : []),
          getAudioTracks: () => (track.kind === 'audio' ? [track] : []),
          getTracks: () => [track],
        };
      },
      enumerateDevices: async () => [],
      addEventListener() {},
      removeEventListener() {},
    },
    languages: ['en'],
  });
  vi.stubGlobal(
    'AudioContext',
    class {
      constructor() {
        audioContexts++;
      }
      createAnalyser() {
        return { fftSize: 0, getFloatTimeDomainData() {} };
      }
      createMediaStreamSource() {
        return { connect() {} };
      }
      resume() {
        return Promise.resolve();
      }
      close() {
        return Promise.resolve();
      }
    },
  );
  vi.stubGlobal('MediaStream', class {});
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function config(values: Record<string, string>): MeetingConfig {
  return parseConfig((name) => values[name]).config;
}

/** A session whose connect waits until the test lets it finish. */
function fakeSession() {
  const log: string[] = [];
  let finish!: () => void;
  const connected = new Promise<void>((resolve) => (finish = resolve));
  let hooks!: SessionHooks;
  const session: SessionPort = {
    async connect(credentials: Credentials, options, signal) {
      log.push(`connect ${credentials.token}`);
      if (options.e2eeKey) log.push(`e2ee key ${options.e2eeKey}`);
      signal.addEventListener('abort', () => log.push('aborted'));
      await connected;
      if (signal.aborted) {
        log.push('closed after a late connect');
        throw new DOMException('cancelled', 'AbortError');
      }
      hooks.store.setState({
        participants: new Map([
          ['me', { identity: 'me', name: 'Me', local: true, joinedAt: 0, quality: 'good' as const, reconnecting: false, handRaisedAt: 0 }],
        ]),
      });
      return { room: 'r', identity: 'me' };
    },
    publish: async (kind, track) => void log.push(`publish ${kind} ${track ? 'track' : 'none'}`),
    setScreenShare: async () => undefined,
    switchSpeaker: async () => undefined,
    activeSpeaker: () => undefined,
    startAudio: async () => undefined,
    attachVideo: () => () => undefined,
    attachAudio: () => () => undefined,
    disconnect: async () => void log.push('disconnect'),
    simulate: async () => undefined,
    port: (async (name: string) => {
      if (name === 'encryption') return { setKey: async (key: string) => void log.push(`re-key ${key}`) };
      if (name !== 'chat') throw new Error(`no ${name} port here`);
      return {
        send: async (text: string) => {
          log.push(`chat ${text}`);
          return 'id-1';
        },
        retry: async (id: string) => id,
      };
    }) as SessionPort['port'],
  };
  const factory = (h: SessionHooks) => {
    hooks = h;
    return session;
  };
  return { log, finish, factory };
}

function meetingWith(values: Record<string, string>, session = fakeSession()) {
  let current = config(values);
  const meeting = new Meeting({
    config: () => current,
    preferences: createPreferenceStore(() => undefined),
    loadSession: async () => session.factory,
    loadEndpoint: () => import('../../../src/core/endpoint.js'),
  });
  return { meeting, session, setConfig: (v: Record<string, string>) => (current = config(v)) };
}

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJuYW1lIjoiQWRhIn0.sig';

describe('end-to-end encryption', () => {
  test('without a key the join is refused before anything is spent; the key reaches the session at join and when it changes', async () => {
    const refused = meetingWith({ 'server-url': 'ws://x', token: TOKEN, audio: 'off', video: 'off', e2ee: 'on' });
    await expect(refused.meeting.join()).rejects.toMatchObject({ code: 'e2ee-key-missing' });
    expect(refused.meeting.store.getState()).toMatchObject({ phase: 'error', error: { code: 'e2ee-key-missing' } });
    expect(refused.session.log).toEqual([]);

    const { meeting, session } = meetingWith({ 'server-url': 'ws://x', token: TOKEN, audio: 'off', video: 'off', e2ee: 'on' });
    // prejoin="off" waits for the key (it may come later, by postMessage).
    expect(meeting.canJoin()).toBe(false);
    await meeting.encryption.setKey('first key');
    expect(meeting.canJoin()).toBe(true);
    session.finish();
    await meeting.join();
    expect(session.log).toContain('e2ee key first key');
    await meeting.encryption.setKey('second key');
    expect(session.log).toContain('re-key second key');
    // e2ee="off": a key given is never handed on.
    const plain = meetingWith({ 'server-url': 'ws://x', token: TOKEN, audio: 'off', video: 'off' });
    await plain.meeting.encryption.setKey('unused');
    plain.session.finish();
    await plain.meeting.join();
    expect(plain.session.log.filter((l) => l.includes('unused'))).toEqual([]);
  });
});

describe('the meeting core', () => {
  test('a leave during the handshake ends on "left", and a room that connects afterwards is closed', async () => {
    const { meeting, session } = meetingWith({ 'server-url': 'ws://x', token: TOKEN, audio: 'off', video: 'off' });
    const join = meeting.join();
    await vi.waitFor(() => expect(session.log).toContain(`connect ${TOKEN}`));
    await meeting.leave();
    expect(meeting.store.getState()).toMatchObject({ phase: 'left', leftReason: 'user' });
    session.finish();
    await join;
    expect(session.log).toContain('aborted');
    expect(session.log).toContain('closed after a late connect');
    expect(meeting.store.getState().phase).toBe('left');
    // And a later join is not stuck: it connects again.
    const again = meetingWith({ 'server-url': 'ws://x', token: TOKEN, audio: 'off', video: 'off' });
    again.session.finish();
    await again.meeting.join();
    expect(again.meeting.store.getState().phase).toBe('connected');
  });

  test('the pre-join tracks are the ones published: no second getUserMedia at join', async () => {
    const { meeting, session } = meetingWith({ 'server-url': 'ws://x', token: TOKEN });
    meeting.call.enterPrejoin();
    await vi.waitFor(() => expect(meeting.store.getState().local).toMatchObject({ camera: 'live', microphone: 'live' }));
    expect(gumCalls).toBe(2);
    session.finish();
    await meeting.join();
    expect(gumCalls).toBe(2);
    expect(session.log).toEqual(expect.arrayContaining(['publish microphone track', 'publish camera track']));
    expect(tracks.every((t) => !t.stopped)).toBe(true);
    await meeting.leave();
    expect(tracks.every((t) => t.stopped)).toBe(true);
  });

  test('a denied microphone rejects setMicrophone with a typed error, and is reported', async () => {
    denyMicrophone = true;
    const { meeting } = meetingWith({ 'server-url': 'ws://x', token: TOKEN });
    const error = await meeting.media.setMicrophone(true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfabError);
    expect((error as ConfabError).code).toBe('device-denied');
    expect(meeting.store.getState().deviceErrors).toMatchObject([{ device: 'microphone', reason: 'denied' }]);
  });

  test('a screen share that failed leaves no banner once a later share is live', async () => {
    const fake = fakeSession();
    let attempts = 0;
    const factory = (h: SessionHooks) => {
      const port = fake.factory(h);
      port.setScreenShare = async (on) => {
        if (on && ++attempts === 1) throw new DOMException('the picker was closed', 'NotAllowedError');
      };
      return port;
    };
    const { meeting } = meetingWith({ 'server-url': 'ws://x', token: TOKEN, audio: 'off', video: 'off' }, { ...fake, factory });
    fake.finish();
    await meeting.join();
    await expect(meeting.media.setScreenShare(true)).rejects.toMatchObject({ code: 'device-denied' });
    expect(meeting.store.getState().deviceErrors).toMatchObject([{ device: 'screen' }]);
    await meeting.media.setScreenShare(true);
    expect(meeting.store.getState().deviceErrors).toEqual([]);
  });

  test('a disposed meeting refuses every action and acquires nothing', async () => {
    const { meeting } = meetingWith({ 'server-url': 'ws://x', token: TOKEN });
    await meeting.dispose();
    await expect(meeting.media.setCamera(true)).rejects.toMatchObject({ code: 'disposed' });
    await expect(meeting.join()).rejects.toMatchObject({ code: 'disposed' });
    meeting.call.enterPrejoin();
    await new Promise((r) => setTimeout(r, 10));
    expect(gumCalls).toBe(0);
  });

  test('removed while a device is starting: the track is stopped and no meter (AudioContext, timer) starts', async () => {
    const { meeting } = meetingWith({ 'server-url': 'ws://x', token: TOKEN });
    meeting.call.enterPrejoin();
    await meeting.dispose();
    await new Promise((r) => setTimeout(r, 10));
    expect(gumCalls).toBe(2);
    expect(tracks.every((t) => t.stopped)).toBe(true);
    expect(audioContexts).toBe(0);
  });

  test('a room changed after the warm-up joins the new room (endpoint answers are keyed on every input)', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: URL) => {
      urls.push(String(url));
      return new Response(JSON.stringify({ serverUrl: 'ws://x', token: `token-for-${url.searchParams.get('room')}` }), { status: 200 });
    });
    const { meeting, session, setConfig } = meetingWith({
      'token-endpoint': 'http://app/api/token',
      room: 'patient-A',
      name: 'Ada',
      audio: 'off',
      video: 'off',
    });
    meeting.warm();
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    setConfig({ 'token-endpoint': 'http://app/api/token', room: 'patient-B', name: 'Ada', audio: 'off', video: 'off' });
    session.finish();
    await meeting.join();
    expect(session.log[0]).toBe('connect token-for-patient-B');
  });

  test('a token set after the warm-up wins over the endpoint', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ serverUrl: 'ws://x', token: 'from-endpoint' }), { status: 200 }));
    const { meeting, session, setConfig } = meetingWith({
      'token-endpoint': 'http://app/api/token',
      room: 'a',
      name: 'Ada',
      audio: 'off',
      video: 'off',
    });
    meeting.warm();
    setConfig({
      'token-endpoint': 'http://app/api/token',
      room: 'a',
      name: 'Ada',
      'server-url': 'ws://x',
      token: TOKEN,
      audio: 'off',
      video: 'off',
    });
    session.finish();
    await meeting.join();
    expect(session.log[0]).toBe(`connect ${TOKEN}`);
  });

  test('a hung token endpoint never holds a leave', async () => {
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    const { meeting } = meetingWith({ 'token-endpoint': 'http://app/api/token', room: 'a', name: 'Ada', audio: 'off', video: 'off' });
    const join = meeting.join();
    await meeting.leave();
    await join;
    expect(meeting.store.getState()).toMatchObject({ phase: 'left', leftReason: 'user' });
  });

  test("with a token, the pre-join shows the token's name and does not ask for one", () => {
    const { meeting } = meetingWith({ 'server-url': 'ws://x', token: TOKEN });
    expect(meeting.nameRequirement()).toEqual({ name: 'Ada', ask: false });
    const endpoint = meetingWith({ 'token-endpoint': '/api/token', room: 'a' });
    expect(endpoint.meeting.nameRequirement()).toEqual({ name: undefined, ask: true });
  });
});
