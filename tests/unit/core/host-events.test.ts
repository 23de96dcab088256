import { CALL_EVENTS } from '../../../src/core/host-events-call.js';
import { describe, expect, test } from 'vitest';
import { permissionsOf } from '../../../src/core/grants.js';
import { diff, feedHostEvents } from '../../../src/core/host-events.js';
import { snapshotOf } from '../../../src/core/snapshot.js';
import { createMeetingStore, dispatch, initialState } from '../../../src/core/store.js';
import type { MediaView, MeetingState, PersonView } from '../../../src/core/types.js';
import { enEndings } from '../../../src/i18n/en-endings.js';
import { addEnglish, createTranslator } from '../../../src/i18n/i18n.js';

// A failed join's words come with their chunk (src/call-endings.ts), loaded before the error is shown.
addEnglish(enEndings);
const t = createTranslator('en');
const person = (identity: string, local = false, name = identity): PersonView => ({
  identity,
  name,
  local,
  joinedAt: local ? 0 : 1,
  quality: 'good',
  reconnecting: false,
  handRaisedAt: 0,
});
const media = (over: Partial<MediaView> = {}): MediaView => ({
  microphone: true,
  camera: true,
  cameraTrackSid: null,
  screenshare: false,
  screenTrackSid: null,
  audioTrackSid: null,
  ...over,
});
const inCall = (extra: Partial<MeetingState> = {}): MeetingState => ({
  ...initialState(),
  phase: 'connected',
  room: 'r',
  localIdentity: 'me',
  participants: new Map([
    ['me', person('me', true, 'Me')],
    ['bob', person('bob', false, 'Bob')],
  ]),
  media: new Map([
    ['me', media()],
    ['bob', media()],
  ]),
  ...extra,
});
const names = (before: MeetingState, after: MeetingState) => diff(before, after, t, CALL_EVENTS).events.map((e) => e.name);

describe('host events from one diff of the store', () => {
  test('joining fires connection-state, joined, one participant-joined per person already there, then what the server allows', () => {
    const before = { ...inCall(), phase: 'connecting' as const, localIdentity: null };
    const host = permissionsOf({ roomAdmin: true, canUpdateOwnMetadata: true, canPublishSources: ['camera', 'microphone'] });
    const events = diff(before, inCall({ permissions: host }), t, CALL_EVENTS).events;
    expect(events).toEqual([
      { name: 'confab-connection-state', detail: { state: 'connected' } },
      { name: 'confab-joined', detail: { room: 'r', identity: 'me', name: 'Me' } },
      { name: 'confab-participant-joined', detail: { identity: 'bob', name: 'Bob' } },
      {
        name: 'confab-permissions',
        detail: {
          role: 'host',
          canPublish: true,
          canPublishSources: ['camera', 'microphone'],
          canChat: true,
          canModerate: true,
          canRecord: false,
        },
      },
    ]);
  });

  test('the server changing what we may do fires confab-permissions once; the same grants again fire nothing', () => {
    const call = inCall();
    const muted = inCall({ permissions: permissionsOf({ canPublish: false }) });
    expect(diff(call, muted, t, CALL_EVENTS).events).toEqual([
      {
        name: 'confab-permissions',
        detail: { role: 'guest', canPublish: false, canPublishSources: [], canChat: true, canModerate: false, canRecord: false },
      },
    ]);
    expect(diff(muted, { ...muted }, t, CALL_EVENTS).events).toEqual([]);
  });

  test.each<[string, Partial<MeetingState>, Partial<MeetingState>, Array<[string, unknown]>]>([
    [
      'knocked: in the lobby',
      { phase: 'connecting' },
      { phase: 'waiting' },
      [
        ['confab-connection-state', { state: 'waiting' }],
        ['confab-lobby', { state: 'waiting' }],
      ],
    ],
    [
      'let in',
      { phase: 'waiting' },
      { phase: 'connecting' },
      [
        ['confab-connection-state', { state: 'connecting' }],
        ['confab-lobby', { state: 'admitted' }],
      ],
    ],
    [
      'refused',
      { phase: 'waiting' },
      { phase: 'left', leftReason: 'denied' },
      [
        ['confab-connection-state', { state: 'disconnected' }],
        ['confab-lobby', { state: 'denied' }],
        ['confab-left', { reason: 'denied' }],
      ],
    ],
    [
      'cancelled while waiting',
      { phase: 'waiting' },
      { phase: 'left', leftReason: 'user' },
      [
        ['confab-connection-state', { state: 'disconnected' }],
        ['confab-left', { reason: 'user' }],
      ],
    ],
  ])('the lobby, %s', (_name, before, after, expected) => {
    const events = diff({ ...initialState(), ...before }, { ...initialState(), ...after }, t, CALL_EVENTS).events;
    expect(events.map((e) => [e.name, e.detail])).toEqual(expected);
  });

  test("a hand raised or lowered fires confab-hand once; only others' raised hands are announced", () => {
    const before = inCall();
    const up = (who: string, name: string, local: boolean, at: number) => ({ ...person(who, local, name), handRaisedAt: at });
    const bobUp = inCall({
      participants: new Map([
        ['me', person('me', true, 'Me')],
        ['bob', up('bob', 'Bob', false, 1000)],
      ]),
    });
    const d = diff(before, bobUp, t, CALL_EVENTS);
    expect(d.events).toEqual([{ name: 'confab-hand', detail: { identity: 'bob', name: 'Bob', raised: true } }]);
    expect(d.presence).toEqual([{ kind: 'hand', name: 'Bob' }]);
    // A new time for a hand already up is not news; lowering is an event without an announcement.
    expect(
      diff(
        bobUp,
        inCall({
          participants: new Map([
            ['me', person('me', true, 'Me')],
            ['bob', up('bob', 'Bob', false, 2000)],
          ]),
        }),
        t,
        CALL_EVENTS,
      ).events,
    ).toEqual([]);
    const down = diff(bobUp, before, t, CALL_EVENTS);
    expect(down.events).toEqual([{ name: 'confab-hand', detail: { identity: 'bob', name: 'Bob', raised: false } }]);
    expect(down.presence).toEqual([]);
    const mine = diff(
      before,
      inCall({
        participants: new Map([
          ['me', up('me', 'Me', true, 5)],
          ['bob', person('bob', false, 'Bob')],
        ]),
      }),
      t,
      CALL_EVENTS,
    );
    expect(mine.events).toEqual([{ name: 'confab-hand', detail: { identity: 'me', name: 'Me', raised: true } }]);
    expect(mine.presence).toEqual([]);
  });

  test('someone arriving or leaving fires once, and is announced', () => {
    const before = inCall();
    const after = inCall({ participants: new Map([...before.participants, ['cy', person('cy', false, 'Cy')]]) });
    const d = diff(before, after, t, CALL_EVENTS);
    expect(d.events).toEqual([{ name: 'confab-participant-joined', detail: { identity: 'cy', name: 'Cy' } }]);
    expect(d.presence).toEqual([{ kind: 'joined', name: 'Cy' }]);
    expect(names(after, before)).toEqual(['confab-participant-left']);
  });

  test('no participant events outside a call (the initial population is the joined event)', () => {
    const before = { ...inCall(), phase: 'connecting' as const, participants: new Map() };
    const after = { ...before, participants: inCall().participants };
    expect(names(before, after)).toEqual([]);
  });

  test('leaving fires disconnected then left with the reason; an error fires its translated message', () => {
    expect(diff(inCall(), { ...inCall(), phase: 'left', leftReason: 'kicked' }, t, CALL_EVENTS).events).toEqual([
      { name: 'confab-connection-state', detail: { state: 'disconnected' } },
      { name: 'confab-left', detail: { reason: 'kicked' } },
    ]);
    const connecting = { ...initialState(), phase: 'connecting' as const };
    const failed = {
      ...connecting,
      phase: 'error' as const,
      error: { code: 'server-unreachable', key: 'error.serverUnreachable' as const, params: { url: 'ws://x' } },
    };
    expect(diff(connecting, failed, t, CALL_EVENTS).events).toEqual([
      { name: 'confab-connection-state', detail: { state: 'disconnected' } },
      { name: 'confab-error', detail: { code: 'server-unreachable', message: 'The meeting server at ws://x could not be reached.' } },
    ]);
  });

  test('reconnecting and resuming are connection states; nobody joins or leaves because of them', () => {
    const call = inCall();
    const reconnecting = { ...call, phase: 'reconnecting' as const };
    expect(names(call, reconnecting)).toEqual(['confab-connection-state']);
    expect(names(reconnecting, call)).toEqual(['confab-connection-state']);
  });

  test('screen sharing, speakers and device errors fire on change only', () => {
    const call = inCall();
    const sharing = inCall({ media: new Map([...call.media, ['bob', media({ screenshare: true })]]) });
    expect(diff(call, sharing, t, CALL_EVENTS).events).toEqual([{ name: 'confab-screenshare', detail: { identity: 'bob', active: true } }]);
    expect(names(sharing, sharing)).toEqual([]);
    const speaking = inCall({ activeSpeakers: ['bob'] });
    expect(names(call, speaking)).toEqual(['confab-active-speakers']);
    expect(names(speaking, inCall({ activeSpeakers: ['bob'] }))).toEqual([]);
    const denied = inCall({ deviceErrors: [{ device: 'camera', reason: 'denied', seq: 1 }] });
    expect(names(call, denied)).toEqual(['confab-device-error']);
    // The same failure reported again is a new event (a new seq), an unchanged list is none.
    expect(names(denied, inCall({ deviceErrors: [{ device: 'camera', reason: 'denied', seq: 2 }] }))).toEqual(['confab-device-error']);
    expect(names(denied, inCall({ deviceErrors: [...denied.deviceErrors] }))).toEqual([]);
  });

  test('the user hears their own microphone and camera changes', () => {
    const call = inCall();
    expect(diff(call, inCall({ media: new Map([...call.media, ['me', media({ microphone: false })]]) }), t, CALL_EVENTS).self).toBe(
      'announce.microphoneOff',
    );
    expect(diff(call, inCall({ media: new Map([...call.media, ['me', media({ camera: false })]]) }), t, CALL_EVENTS).self).toBe(
      'announce.cameraOff',
    );
  });

  test('a participant whose identity is __proto__ is an ordinary participant', () => {
    const call = inCall();
    const after = inCall({ participants: new Map([...call.participants, ['__proto__', person('__proto__', false, 'Proto')]]) });
    expect(diff(call, after, t, CALL_EVENTS).events).toEqual([
      { name: 'confab-participant-joined', detail: { identity: '__proto__', name: 'Proto' } },
    ]);
  });

  test('the feed fires each event once, in the order the store changed', () => {
    const store = createMeetingStore();
    const fired: string[] = [];
    feedHostEvents(
      store,
      () => t,
      (e) => fired.push(e.name === 'confab-connection-state' ? `state:${e.detail.state}` : e.name),
    ).use(CALL_EVENTS);
    dispatch(store, { type: 'join' });
    store.setState({ participants: inCall().participants, media: inCall().media });
    dispatch(store, { type: 'connected', room: 'r', identity: 'me' });
    dispatch(store, { type: 'connected', room: 'r', identity: 'me' });
    dispatch(store, { type: 'left', reason: 'user' });
    dispatch(store, { type: 'left', reason: 'user' });
    expect(fired).toEqual([
      'state:connecting',
      'state:connected',
      'confab-joined',
      'confab-participant-joined',
      'confab-permissions',
      'state:disconnected',
      'confab-left',
    ]);
  });
});

describe('confab-encryption and getState().encryption', () => {
  test('on, then who cannot be decrypted as they come and go, then on again; nothing while nothing changed', () => {
    const events = (before: MeetingState, after: MeetingState) =>
      diff(before, after, t, CALL_EVENTS)
        .events.filter((e) => e.name === 'confab-encryption')
        .map((e) => e.detail);
    const plain = inCall();
    const on = inCall({ encryption: { on: true, mismatched: [] } });
    const cy = inCall({ encryption: { on: true, mismatched: ['cy'] } });
    const cyAndDee = inCall({ encryption: { on: true, mismatched: ['cy', 'dee'] } });
    expect(events(plain, on)).toEqual([{ state: 'on' }]);
    expect(events(on, cy)).toEqual([{ state: 'key-mismatch', identities: ['cy'] }]);
    expect(events(cy, cyAndDee)).toEqual([{ state: 'key-mismatch', identities: ['cy', 'dee'] }]);
    expect(events(cyAndDee, inCall({ encryption: { on: true, mismatched: ['cy', 'dee'] } }))).toEqual([]);
    expect(events(cyAndDee, on)).toEqual([{ state: 'on' }]);
    expect([plain, on, cy].map((s) => snapshotOf(s, 'auto').encryption)).toEqual(['off', 'on', 'key-mismatch']);
  });
});
