import { EventEmitter } from 'node:events';
import { ConnectionState, DisconnectReason, RoomEvent, Track, type Room } from 'livekit-client';
import { describe, expect, test } from 'vitest';
import type { PhaseEvent } from '../../../src/core/phase.js';
import { createMeetingStore, participantView } from '../../../src/core/store.js';
import type { MeetingStore } from '../../../src/core/store.js';
import { connection } from '../../../src/session/adapters/connection.js';
import { permissions } from '../../../src/session/adapters/permissions.js';
import { bindParticipants } from '../../../src/session/adapters/participants.js';
import { tracks } from '../../../src/session/adapters/tracks.js';
import type { DomainSpec } from '../../../src/session/domain.js';

/** Binds a domain as the session does, with a context of the test's own. */
function bind(
  spec: DomainSpec,
  room: unknown,
  store: MeetingStore,
  dispatch: (e: PhaseEvent) => void = () => undefined,
  resync = () => undefined,
) {
  const config = {} as never;
  const context = {
    store,
    options: { config, speaker: null, e2eeKey: null },
    credentials: { serverUrl: 'ws://x', token: 'x.y.z' },
    dispatch,
    resync,
    report: () => undefined,
    serverPacket: () => undefined,
  };
  return spec.bind!(room as Room, context, []);
}

interface FakePublication {
  isMuted: boolean;
  trackSid: string;
  track?: object;
}

/** A participant as the SDK hands it to event listeners: identity, name and publications by source. */
class FakeParticipant {
  trackPublications = new Map<string, FakePublication>();
  isSpeaking = false;
  connectionQuality = 'excellent';
  attributes: Record<string, string> = {};
  permissions: { canUpdateMetadata: boolean } | undefined = undefined;
  constructor(
    public identity: string,
    public name = '',
  ) {}
  getTrackPublication(source: Track.Source) {
    return this.trackPublications.get(source);
  }
  publish(source: Track.Source, pub: FakePublication) {
    this.trackPublications.set(source, pub);
    return this;
  }
}

/** Just enough of a Room: an event emitter with the participants the adapters read. */
function fakeRoom() {
  const emitter = new EventEmitter() as EventEmitter & {
    localParticipant: FakeParticipant;
    remoteParticipants: Map<string, FakeParticipant>;
    canPlaybackAudio: boolean;
    isRecording: boolean;
    state: ConnectionState;
  };
  emitter.state = ConnectionState.Connected;
  emitter.localParticipant = new FakeParticipant('me', 'Me');
  emitter.remoteParticipants = new Map();
  emitter.canPlaybackAudio = true;
  emitter.isRecording = false;
  return emitter;
}

describe('the participants adapter', () => {
  test('someone connecting, renaming, speaking and leaving is mirrored in the store, by SDK events alone', async () => {
    const room = fakeRoom();
    const store = createMeetingStore();
    const binding = bindParticipants(room as unknown as Room, store);
    binding.sync();
    expect([...store.getState().participants.keys()]).toEqual(['me']);
    const bob = new FakeParticipant('bob', 'Bob');
    room.remoteParticipants.set('bob', bob);
    room.emit(RoomEvent.ParticipantConnected, bob);
    expect(store.getState().participants.get('bob')).toMatchObject({ name: 'Bob', local: false });
    bob.name = 'Robert';
    room.emit(RoomEvent.ParticipantNameChanged, 'Robert', bob);
    expect(store.getState().participants.get('bob')?.name).toBe('Robert');
    room.emit(RoomEvent.ActiveSpeakersChanged, [bob]);
    expect(store.getState().activeSpeakers).toEqual(['bob']);
    room.remoteParticipants.delete('bob');
    room.emit(RoomEvent.ParticipantDisconnected, bob);
    await Promise.resolve();
    expect(store.getState().participants.has('bob')).toBe(false);
    expect(store.getState().activeSpeakers).toEqual([]);
    binding.dispose();
    room.emit(RoomEvent.ParticipantConnected, new FakeParticipant('late'));
    expect(store.getState().participants.has('late')).toBe(false);
  });

  test('a raised hand comes from the handRaisedAt attribute (bad values count as lowered)', () => {
    const room = fakeRoom();
    const store = createMeetingStore();
    const binding = bindParticipants(room as unknown as Room, store);
    binding.sync();
    const bob = new FakeParticipant('bob', 'Bob');
    room.remoteParticipants.set('bob', bob);
    room.emit(RoomEvent.ParticipantConnected, bob);
    const hand = () => store.getState().participants.get('bob')?.handRaisedAt;
    for (const [value, expected] of [
      ['2026-11-24T20:00:00.000Z', Date.parse('2026-11-24T20:00:00.000Z')],
      ['', 0],
      ['not a time', 0],
      ['x'.repeat(10_000), 0],
    ] as const) {
      bob.attributes = { handRaisedAt: value };
      room.emit(RoomEvent.ParticipantAttributesChanged, { handRaisedAt: value }, bob);
      expect(hand()).toBe(expected);
    }
    binding.dispose();
  });

  test('a full reconnect, which drops everyone locally before it says it reconnects, makes nobody leave', async () => {
    const room = fakeRoom();
    const store = createMeetingStore();
    const binding = bindParticipants(room as unknown as Room, store, 30);
    const bob = new FakeParticipant('bob', 'Bob');
    const cy = new FakeParticipant('cy', 'Cy');
    room.remoteParticipants.set('bob', bob).set('cy', cy);
    binding.sync();
    const before = store.getState().participants;
    // livekit-client's order: every remote participant disconnected, then the state changes.
    room.emit(RoomEvent.ParticipantDisconnected, bob);
    room.emit(RoomEvent.ParticipantDisconnected, cy);
    room.state = ConnectionState.Reconnecting;
    await Promise.resolve();
    expect(store.getState().participants).toBe(before);
    // Back: Bob is there again, Cy is not (yet): she shows as reconnecting for a grace period…
    room.remoteParticipants.delete('cy');
    room.state = ConnectionState.Connected;
    room.emit(RoomEvent.ParticipantConnected, bob);
    binding.sync();
    expect(store.getState().participants.get('bob')?.reconnecting).toBe(false);
    expect(store.getState().participants.get('cy')?.reconnecting).toBe(true);
    // …and is gone once it is over; had she come back, the flag would just clear.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect([...store.getState().participants.keys()]).toEqual(['me', 'bob']);
  });

  test('someone back within the grace period was never gone', async () => {
    const room = fakeRoom();
    const store = createMeetingStore();
    const binding = bindParticipants(room as unknown as Room, store, 30);
    const cy = new FakeParticipant('cy', 'Cy');
    room.remoteParticipants.set('cy', cy);
    binding.sync();
    room.remoteParticipants.delete('cy');
    binding.sync();
    expect(store.getState().participants.get('cy')?.reconnecting).toBe(true);
    room.remoteParticipants.set('cy', cy);
    room.emit(RoomEvent.ParticipantConnected, cy);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(store.getState().participants.get('cy')).toMatchObject({ reconnecting: false, name: 'Cy' });
  });

  test('connection quality reaches the tile view, "lost" included', () => {
    const room = fakeRoom();
    const store = createMeetingStore();
    bindParticipants(room as unknown as Room, store).sync();
    const bob = new FakeParticipant('bob', 'Bob');
    room.remoteParticipants.set('bob', bob);
    room.emit(RoomEvent.ParticipantConnected, bob);
    bob.connectionQuality = 'lost';
    room.emit(RoomEvent.ConnectionQualityChanged, 'lost', bob);
    expect(store.getState().participants.get('bob')?.quality).toBe('lost');
  });

  test('identities such as __proto__ and constructor are ordinary participants', () => {
    const room = fakeRoom();
    const store = createMeetingStore();
    bindParticipants(room as unknown as Room, store).sync();
    for (const identity of ['__proto__', 'constructor', 'hasOwnProperty']) {
      const p = new FakeParticipant(identity, identity.toUpperCase());
      room.remoteParticipants.set(identity, p);
      room.emit(RoomEvent.ParticipantConnected, p);
    }
    const state = store.getState();
    expect([...state.participants.keys()]).toEqual(['me', '__proto__', 'constructor', 'hasOwnProperty']);
    expect(participantView(state, '__proto__')?.name).toBe('__PROTO__');
    expect(participantView(state, 'toString')).toBeUndefined();
  });
});

describe('the permissions adapter', () => {
  test("the token's grants at join, then the server's changes as LiveKit reports them; others' changes are not ours", () => {
    const room = fakeRoom();
    const store = createMeetingStore();
    const payload = btoa(JSON.stringify({ video: { roomJoin: true, roomAdmin: true, canUpdateOwnMetadata: true } }));
    const context = {
      store,
      options: { config: {} as never, speaker: null, e2eeKey: null },
      credentials: { serverUrl: 'ws://x', token: `h.${payload}.s` },
      dispatch: () => undefined,
      resync: () => undefined,
      report: () => undefined,
      serverPacket: () => undefined,
    };
    const binding = permissions.bind!(room as unknown as Room, context, []);
    binding.sync?.('connected');
    expect(store.getState().permissions).toMatchObject({ role: 'host', canPublish: true, canUpdateOwnMetadata: true, canModerate: true });
    const first = store.getState().permissions;
    // The same again: the slice does not change (no second confab-permissions).
    binding.sync?.('reconnected');
    expect(store.getState().permissions).toBe(first);
    // A host takes the camera away: only the microphone may be published now.
    room.localParticipant.permissions = { canPublish: true, canPublishSources: [2], canUpdateMetadata: true } as never;
    room.emit(RoomEvent.ParticipantPermissionsChanged, undefined, room.localParticipant);
    expect(store.getState().permissions).toMatchObject({ canPublishSources: ['microphone'], role: 'host' });
    const bob = new FakeParticipant('bob', 'Bob');
    bob.permissions = { canPublish: false } as never;
    room.emit(RoomEvent.ParticipantPermissionsChanged, undefined, bob);
    expect(store.getState().permissions.canPublishSources).toEqual(['microphone']);
    binding.dispose();
    room.localParticipant.permissions = { canPublish: false } as never;
    room.emit(RoomEvent.ParticipantPermissionsChanged, undefined, room.localParticipant);
    expect(store.getState().permissions.canPublish).toBe(true);
  });
});

describe('the tracks adapter', () => {
  test('publishing, muting and unpublishing change what the tile shows', async () => {
    const room = fakeRoom();
    const store = createMeetingStore();
    bind(tracks, room, store).sync?.('connected');
    const bob = new FakeParticipant('bob');
    room.remoteParticipants.set('bob', bob);
    const camera = { isMuted: false, trackSid: 'TR_cam', track: {} };
    bob.publish(Track.Source.Camera, camera).publish(Track.Source.Microphone, { isMuted: false, trackSid: 'TR_mic', track: {} });
    room.emit(RoomEvent.TrackSubscribed, {}, camera, bob);
    expect(store.getState().media.get('bob')).toMatchObject({
      camera: true,
      cameraTrackSid: 'TR_cam',
      microphone: true,
      audioTrackSid: 'TR_mic',
    });
    camera.isMuted = true;
    room.emit(RoomEvent.TrackMuted, camera, bob);
    expect(store.getState().media.get('bob')).toMatchObject({ camera: false, cameraTrackSid: null });
    bob.publish(Track.Source.ScreenShare, { isMuted: false, trackSid: 'TR_screen', track: {} });
    room.emit(RoomEvent.TrackSubscribed, {}, {}, bob);
    expect(store.getState().media.get('bob')).toMatchObject({ screenshare: true, screenTrackSid: 'TR_screen' });
    room.remoteParticipants.delete('bob');
    room.emit(RoomEvent.ParticipantDisconnected, bob);
    await Promise.resolve();
    expect(store.getState().media.has('bob')).toBe(false);
  });

  test('the local microphone is never played back (no audio sid for the local participant)', () => {
    const room = fakeRoom();
    room.localParticipant.publish(Track.Source.Microphone, { isMuted: false, trackSid: 'TR_me', track: {} });
    const store = createMeetingStore();
    bind(tracks, room, store).sync?.('connected');
    expect(store.getState().media.get('me')).toMatchObject({ microphone: true, audioTrackSid: null });
  });
});

describe('the connection adapter', () => {
  test.each([
    [DisconnectReason.CLIENT_INITIATED, { type: 'left', reason: 'user' }],
    [DisconnectReason.PARTICIPANT_REMOVED, { type: 'left', reason: 'kicked' }],
    [DisconnectReason.DUPLICATE_IDENTITY, { type: 'left', reason: 'duplicate-identity' }],
    [DisconnectReason.ROOM_DELETED, { type: 'left', reason: 'room-closed' }],
    [DisconnectReason.ROOM_CLOSED, { type: 'left', reason: 'room-closed' }],
    [DisconnectReason.SIGNAL_CLOSE, { type: 'lost' }],
    [undefined, { type: 'lost' }],
  ])('a disconnect for reason %s tells the phase machine %o', (reason, expected) => {
    const room = fakeRoom();
    const events: PhaseEvent[] = [];
    bind(connection, room, createMeetingStore(), (e) => events.push(e));
    room.emit(RoomEvent.Disconnected, reason);
    expect(events).toEqual([expected]);
  });

  test("sound reported blocked where the browser allows it (Firefox's slow AudioContext) is started, not announced", async () => {
    const store = createMeetingStore();
    const started: string[] = [];
    const room = Object.assign(fakeRoom(), {
      canPlaybackAudio: false,
      startAudio: async () => {
        started.push('startAudio');
        room.canPlaybackAudio = true;
      },
    });
    const policy = { answer: 'allowed' };
    const nav = globalThis.navigator as unknown as Record<string, unknown>;
    const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', {
      value: { ...nav, getAutoplayPolicy: () => policy.answer },
      configurable: true,
    });
    try {
      const binding = bind(connection, room, store);
      binding.sync?.('connected');
      await Promise.resolve();
      expect(started).toEqual(['startAudio']);
      expect(store.getState().audioBlocked).toBe(false);
      // Where the browser says no, it is blocked, and the user is asked (no start without a gesture).
      policy.answer = 'disallowed';
      room.canPlaybackAudio = false;
      room.emit(RoomEvent.AudioPlaybackStatusChanged, false);
      expect(store.getState().audioBlocked).toBe(true);
      expect(started).toEqual(['startAudio']);
      // A start that fails after all tells the user too.
      policy.answer = 'allowed';
      room.startAudio = () => Promise.reject(new Error('NotAllowedError'));
      room.emit(RoomEvent.AudioPlaybackStatusChanged, false);
      store.setState({ audioBlocked: false });
      await Promise.resolve();
      await Promise.resolve();
      expect(store.getState().audioBlocked).toBe(true);
    } finally {
      if (before) Object.defineProperty(globalThis, 'navigator', before);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  test('the room being recorded is mirrored: at join (a recording already running) and when it starts or stops', () => {
    const room = Object.assign(fakeRoom(), { isRecording: true });
    const store = createMeetingStore();
    const binding = bind(connection, room, store);
    binding.sync?.('connected');
    expect(store.getState().recording).toBe(true);
    room.emit(RoomEvent.RecordingStatusChanged, false);
    expect(store.getState().recording).toBe(false);
    room.emit(RoomEvent.RecordingStatusChanged, true);
    expect(store.getState().recording).toBe(true);
    binding.dispose();
    room.emit(RoomEvent.RecordingStatusChanged, false);
    expect(store.getState().recording).toBe(true);
  });

  test('everyone is told once each time recording starts (at join too); a dismissed notice stays dismissed while it runs', () => {
    const room = Object.assign(fakeRoom(), { isRecording: true });
    const store = createMeetingStore();
    const binding = bind(connection, room, store);
    binding.sync?.('connected');
    expect(store.getState().recordingNotice).toBe(true);
    store.setState({ recordingNotice: false });
    // A resync (a reconnect) while it runs does not tell again.
    binding.sync?.('reconnected');
    expect(store.getState().recordingNotice).toBe(false);
    room.emit(RoomEvent.RecordingStatusChanged, false);
    expect(store.getState().recordingNotice).toBe(false);
    room.emit(RoomEvent.RecordingStatusChanged, true);
    expect(store.getState().recordingNotice).toBe(true);
    binding.dispose();
  });

  test('reconnecting, then reconnected: the participants are re-read before the call resumes', () => {
    const room = fakeRoom();
    const log: string[] = [];
    const store = createMeetingStore();
    const binding = bind(
      connection,
      room,
      store,
      (e) => log.push(e.type),
      () => void log.push('resync'),
    );
    room.emit(RoomEvent.Reconnecting);
    room.emit(RoomEvent.Reconnected);
    room.canPlaybackAudio = false;
    room.emit(RoomEvent.AudioPlaybackStatusChanged);
    expect(log).toEqual(['reconnecting', 'resync', 'resumed']);
    expect(store.getState().audioBlocked).toBe(true);
    binding.dispose();
    room.emit(RoomEvent.Reconnecting);
    expect(log).toHaveLength(3);
  });
});
