// The session owns the livekit-client Room and is the only code that calls livekit-client.
// It is loaded with a dynamic import when the user joins, so the element shell stays small.
import {
  ConnectionError,
  ConnectionErrorReason,
  Room,
  RoomEvent,
  Track,
  type DisconnectReason,
  type Participant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from 'livekit-client';
import type { Emit } from '../events.js';
import { bindRoom, leftReasonOf } from './adapters.js';
import type { MeetingStore } from './store.js';
import { DEVICE_KIND, type DeviceKind, type MediaKind, type MeetingError, type TileSource } from './types.js';

export interface ConnectOptions {
  serverUrl: string;
  token: string;
  audio: boolean;
  video: boolean;
  /** Chosen devices (null: the browser default). */
  devices: Readonly<Record<MediaKind, string | null>>;
}

/** A join failure with a stable code, safe to show and to send in `confab-error`. */
export class JoinFailure extends Error implements MeetingError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class Session {
  #room: Room | null = null;
  #binding: { syncAll(): void; dispose(): void } | null = null;
  #leaving = false;
  #audioSink: HTMLElement | null = null;
  readonly #store: MeetingStore;
  readonly #emit: Emit;
  readonly #deviceError: (device: DeviceKind, error: unknown) => void;

  constructor(store: MeetingStore, emit: Emit, deviceError: (device: DeviceKind, error: unknown) => void) {
    this.#store = store;
    this.#emit = emit;
    this.#deviceError = deviceError;
  }

  async connect(options: ConnectOptions): Promise<void> {
    if (this.#room) throw new JoinFailure('already-joined', 'already in a meeting');
    const { camera, microphone, speaker } = options.devices;
    const room = new Room({
      adaptiveStream: true,
      dynacast: true,
      stopLocalTrackOnUnpublish: true,
      // Ideal, not exact: a remembered device that is gone must not cost the user their camera.
      videoCaptureDefaults: camera ? { deviceId: camera } : {},
      audioCaptureDefaults: microphone ? { deviceId: microphone } : {},
      audioOutput: speaker ? { deviceId: speaker } : {},
    });
    this.#room = room;
    this.#leaving = false;
    this.#binding = bindRoom(room, this.#store, this.#emit, (reason) => this.#onDisconnected(room, reason));
    room.on(RoomEvent.TrackSubscribed, this.#onTrackSubscribed).on(RoomEvent.TrackUnsubscribed, this.#onTrackUnsubscribed);

    try {
      await room.connect(options.serverUrl, options.token);
    } catch (error) {
      this.#teardown(room);
      await room.disconnect(true).catch(() => undefined);
      if (this.#leaving) return;
      throw toJoinFailure(error, options.serverUrl);
    }
    if (this.#room !== room) return; // left or removed while connecting

    this.#binding.syncAll();
    const local = room.localParticipant;
    this.#store.setState({ phase: 'connected', room: room.name, localIdentity: local.identity, audioBlocked: !room.canPlaybackAudio });
    this.#emit('confab-joined', { room: room.name, identity: local.identity, name: local.name || local.identity });
    for (const p of room.remoteParticipants.values()) {
      this.#emit('confab-participant-joined', { identity: p.identity, name: p.name || p.identity });
    }
    await Promise.all([this.setMicrophone(options.audio), this.setCamera(options.video)]);
  }

  /** Leaves the room; every local track is stopped. */
  async leave(): Promise<void> {
    const room = this.#room;
    if (!room) return;
    this.#leaving = true;
    await room.disconnect(true);
    // The Disconnected event normally tears down; make sure even if the SDK was still connecting.
    if (this.#room === room) this.#onDisconnected(room, undefined);
  }

  async setMicrophone(on: boolean): Promise<void> {
    await this.#setDevice('microphone', on);
  }

  async setCamera(on: boolean): Promise<void> {
    await this.#setDevice('camera', on);
  }

  /** Switches a device without rejoining; the published track keeps its sid, so others see no gap. */
  async switchDevice(kind: MediaKind, deviceId: string): Promise<boolean> {
    const room = this.#room;
    if (!room) return false;
    return room.switchActiveDevice(DEVICE_KIND[kind], deviceId, true);
  }

  /** The device a kind is using now (as the SDK reports it). */
  activeDevice(kind: MediaKind): string | undefined {
    return this.#room?.getActiveDevice(DEVICE_KIND[kind]);
  }

  /** Starts or stops sharing the screen; a cancelled picker or a refusal is a named device error. */
  async setScreenShare(on: boolean): Promise<void> {
    const room = this.#room;
    if (!room) return;
    try {
      await room.localParticipant.setScreenShareEnabled(on, { audio: false, selfBrowserSurface: 'exclude' });
    } catch (error) {
      if (this.#room === room) this.#deviceError('screen', error);
    }
  }

  async startAudio(): Promise<void> {
    await this.#room?.startAudio();
    this.#store.setState({ audioBlocked: this.#room ? !this.#room.canPlaybackAudio : false });
  }

  /** Attaches a participant's camera or screen to a video element; returns the detach function. */
  attachVideo(identity: string, source: TileSource, element: HTMLVideoElement): () => void {
    const room = this.#room;
    if (!room) return () => undefined;
    const participant: Participant | undefined =
      room.localParticipant.identity === identity ? room.localParticipant : room.remoteParticipants.get(identity);
    const track = participant?.getTrackPublication(source === 'screen' ? Track.Source.ScreenShare : Track.Source.Camera)?.track;
    if (!track) return () => undefined;
    track.attach(element);
    return () => track.detach(element);
  }

  /** Remote audio is played once, at the root of the widget. */
  setAudioSink(element: HTMLElement | null): void {
    this.#audioSink = element;
    if (!element || !this.#room) return;
    for (const p of this.#room.remoteParticipants.values()) {
      for (const pub of p.audioTrackPublications.values()) {
        if (pub.track) this.#playAudio(pub.track, p.identity);
      }
    }
  }

  async #setDevice(kind: 'microphone' | 'camera', on: boolean): Promise<void> {
    const room = this.#room;
    if (!room) return;
    const local = room.localParticipant;
    try {
      if (kind === 'microphone') await local.setMicrophoneEnabled(on);
      else await local.setCameraEnabled(on);
    } catch (error) {
      if (this.#room === room) this.#deviceError(kind, error);
    }
    // Left while the device was starting: the track published late must not keep the camera light on.
    if (this.#room !== room) stopLocalTracks(room);
  }

  #playAudio(track: Track, identity: string) {
    if (!this.#audioSink) return;
    const existing = track.attachedElements.find((el) => el.parentElement === this.#audioSink);
    if (existing) return;
    const element = track.attach();
    element.dataset.identity = identity;
    this.#audioSink.append(element);
  }

  #onTrackSubscribed = (track: RemoteTrack, _pub: RemoteTrackPublication, participant: Participant) => {
    if (track.kind === Track.Kind.Audio) this.#playAudio(track, participant.identity);
  };

  #onTrackUnsubscribed = (track: RemoteTrack) => {
    if (track.kind === Track.Kind.Audio) for (const el of track.detach()) el.remove();
  };

  #onDisconnected(room: Room, reason: DisconnectReason | undefined) {
    if (this.#room !== room) return;
    const leftReason = this.#leaving ? 'user' : leftReasonOf(reason);
    this.#teardown(room);
    stopLocalTracks(room);
    this.#store.setState({
      phase: 'left',
      leftReason,
      participants: {},
      activeSpeakers: [],
      audioBlocked: false,
      localIdentity: null,
    });
    this.#emit('confab-connection-state', { state: 'disconnected' });
    this.#emit('confab-left', { reason: leftReason });
  }

  #teardown(room: Room) {
    this.#binding?.dispose();
    this.#binding = null;
    room.off(RoomEvent.TrackSubscribed, this.#onTrackSubscribed).off(RoomEvent.TrackUnsubscribed, this.#onTrackUnsubscribed);
    for (const p of room.remoteParticipants.values()) {
      for (const pub of p.audioTrackPublications.values()) pub.track?.detach().forEach((el) => el.remove());
    }
    if (this.#room === room) this.#room = null;
  }
}

function stopLocalTracks(room: Room) {
  for (const pub of room.localParticipant.trackPublications.values()) pub.track?.stop();
}

function toJoinFailure(error: unknown, serverUrl: string): JoinFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConnectionError) {
    switch (error.reason) {
      case ConnectionErrorReason.NotAllowed:
        return new JoinFailure('token-rejected', message);
      case ConnectionErrorReason.ServerUnreachable:
      case ConnectionErrorReason.WebSocket:
      case ConnectionErrorReason.Timeout:
      case ConnectionErrorReason.ServiceNotFound:
        return new JoinFailure('server-unreachable', serverUrl);
      case ConnectionErrorReason.Cancelled:
        return new JoinFailure('cancelled', message);
      default:
        break;
    }
  }
  return new JoinFailure('connection-failed', message);
}
