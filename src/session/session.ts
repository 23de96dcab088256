// The session owns the livekit-client Room and, with its adapters, is the only code that calls
// livekit-client. It is loaded with a dynamic import, so the element shell stays small.
import {
  ConnectionError,
  ConnectionErrorReason,
  Room,
  RoomEvent,
  Track,
  type LocalTrackPublication,
  type Participant,
} from 'livekit-client';
import { abortError, JoinError, type Credentials } from '../core/credentials.js';
import { ConfabError } from '../core/commands.js';
import { REACTION_TOPIC, type Reaction } from '../core/reactions.js';
import type { ConnectOptions, SessionHooks, SessionPort } from '../core/session-port.js';
import type { InputKind, TileSource } from '../core/types.js';
import type { ChatBinding } from './adapters/chat.js';
import { holdChat } from './adapters/chat-hold.js';
import { bindConnection } from './adapters/connection.js';
import { bindParticipants, HAND_ATTRIBUTE } from './adapters/participants.js';
import { bindTracks } from './adapters/tracks.js';

// livekit-client 2.23 registers a devicechange listener per Room that, on browsers with WeakRef, is
// a wrapper it never removes: its closure keeps the Room alive, so every join leaked a whole Room
// and one more listener (found by the 10-cycle E2E in tests/e2e/crowd.spec.ts). Without the
// registry it listens with its own handler, which disconnect() removes. We always disconnect.
(Room as unknown as { cleanupRegistry: unknown }).cleanupRegistry = false;

const SOURCE = { camera: Track.Source.Camera, microphone: Track.Source.Microphone } as const;

export function createSession(hooks: SessionHooks): SessionPort {
  return new Session(hooks);
}

class Session implements SessionPort {
  readonly #hooks: SessionHooks;
  #room: Room | null = null;
  #unbind: Array<() => void> = [];
  /** Chat's adapter, loading beside the connection (what arrives first is held: chat-hold.ts). */
  #chat: Promise<ChatBinding> | null = null;
  /** Reactions (session/adapters/reactions.ts), loaded with the first one. */
  #reactions: Promise<ReturnType<typeof import('./adapters/reactions.js').createReactions>> | null = null;
  #closed = false;
  readonly #chains: Record<InputKind, Promise<void>> = { camera: Promise.resolve(), microphone: Promise.resolve() };

  constructor(hooks: SessionHooks) {
    this.#hooks = hooks;
  }

  async connect(credentials: Credentials, options: ConnectOptions, signal: AbortSignal): Promise<{ room: string; identity: string }> {
    signal.throwIfAborted();
    const room = new Room({
      adaptiveStream: true,
      dynacast: true,
      // Screen shares end with their publication; camera and microphone are muted, never unpublished.
      stopLocalTrackOnUnpublish: true,
      audioOutput: options.speaker ? { deviceId: options.speaker } : {},
    });
    this.#room = room;
    const { store } = this.#hooks;
    const participants = bindParticipants(room, store);
    const tracks = bindTracks(room, store);
    const resync = () => {
      participants.sync();
      tracks.sync();
    };
    this.#unbind = [
      () => participants.dispose(),
      () => tracks.dispose(),
      bindConnection(room, store, (e) => this.#hooks.dispatch(e), resync),
    ];
    const onData = (payload: Uint8Array, participant?: { identity: string }, _kind?: unknown, topic?: string) => {
      if (participant && (!topic || topic === REACTION_TOPIC))
        void this.#reactionsLoaded().then((r) => r.receive(payload, participant.identity, topic));
    };
    room.on(RoomEvent.DataReceived, onData);
    this.#unbind.push(() => {
      room.off(RoomEvent.DataReceived, onData);
      void this.#reactions?.then((r) => r.dispose());
      this.#reactions = null;
    });
    // chat="off": no handlers at all, so nothing on lk.chat reaches this widget.
    if (options.chat.enabled) {
      const release = holdChat(room);
      const chat = import('./adapters/chat.js').then((m) => m.bindChat(room, store, { history: options.chat.history }, release()));
      this.#chat = chat;
      // A chunk that fails to load is reported where chat is used (send, retry), not as unhandled.
      chat.catch(() => undefined);
      this.#unbind.push(
        () =>
          void chat.then(
            (c) => c.dispose(),
            () => undefined,
          ),
      );
    }
    // A leave during the handshake closes the room, whether it connects afterwards or not: no ghost.
    const onAbort = () => void this.disconnect();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await room.connect(credentials.serverUrl, credentials.token);
      signal.throwIfAborted();
      if (this.#closed) throw abortError();
    } catch (error) {
      const cancelled = signal.aborted || this.#closed;
      await this.disconnect();
      if (cancelled) throw abortError();
      throw toJoinError(error, credentials.serverUrl);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    resync();
    void this.#chat?.then(
      (c) => c.start(),
      () => undefined,
    );
    store.setState({ audioBlocked: !room.canPlaybackAudio });
    return { room: room.name, identity: room.localParticipant.identity };
  }

  /** Publishes of one kind run one after another: two at once would publish the same track twice. */
  publish(kind: InputKind, track: MediaStreamTrack | null): Promise<void> {
    const run = this.#chains[kind].then(() => this.#publish(kind, track));
    this.#chains[kind] = run.catch(() => undefined);
    return run;
  }

  async #publish(kind: InputKind, track: MediaStreamTrack | null): Promise<void> {
    const room = this.#room;
    if (!room || this.#closed) return;
    const local = room.localParticipant;
    const publication: LocalTrackPublication | undefined = local.getTrackPublication(SOURCE[kind]);
    const current = publication?.track;
    if (!track) {
      if (current && !current.isMuted) await current.mute();
      return;
    }
    if (!current) {
      await local.publishTrack(track, { source: SOURCE[kind] });
      return;
    }
    if (current.mediaStreamTrack !== track) await current.replaceTrack(track, true);
    if (current.isMuted) await current.unmute();
  }

  async setScreenShare(on: boolean): Promise<void> {
    const room = this.#room;
    if (!room) return;
    await room.localParticipant.setScreenShareEnabled(on, { audio: false, selfBrowserSurface: 'exclude' });
  }

  async setHand(on: boolean): Promise<void> {
    // An ISO time when raised, '' when lowered: the convention other LiveKit apps read (La Suite Meet).
    await this.#room?.localParticipant.setAttributes({ [HAND_ATTRIBUTE]: on ? new Date().toISOString() : '' });
  }

  #reactionsLoaded() {
    const { store } = this.#hooks;
    this.#reactions ??= import('./adapters/reactions.js').then((m) => m.createReactions(store));
    return this.#reactions;
  }

  async sendReaction(emoji: Reaction): Promise<void> {
    const room = this.#room;
    if (!room) return;
    const reactions = await this.#reactionsLoaded();
    await room.localParticipant.publishData(reactions.packet(emoji), { reliable: true, topic: REACTION_TOPIC });
    reactions.show(room.localParticipant.identity, emoji);
  }

  async switchSpeaker(id: string): Promise<void> {
    await this.#room?.switchActiveDevice('audiooutput', id, true);
  }

  activeSpeaker(): string | undefined {
    return this.#room?.getActiveDevice('audiooutput');
  }

  async startAudio(): Promise<void> {
    const room = this.#room;
    if (!room) return;
    await room.startAudio();
    this.#hooks.store.setState({ audioBlocked: !room.canPlaybackAudio });
  }

  attachVideo(identity: string, source: TileSource, element: HTMLVideoElement): () => void {
    const track = this.#participant(identity)?.getTrackPublication(
      source === 'screen' ? Track.Source.ScreenShare : Track.Source.Camera,
    )?.track;
    if (!track) return () => undefined;
    track.attach(element);
    return () => track.detach(element);
  }

  attachAudio(identity: string, element: HTMLAudioElement): () => void {
    const participant = this.#participant(identity);
    const track =
      participant && participant !== this.#room?.localParticipant
        ? participant.getTrackPublication(Track.Source.Microphone)?.track
        : undefined;
    if (!track) return () => undefined;
    track.attach(element);
    return () => track.detach(element);
  }

  #participant(identity: string): Participant | undefined {
    const room = this.#room;
    if (!room) return undefined;
    return room.localParticipant.identity === identity ? room.localParticipant : room.remoteParticipants.get(identity);
  }

  sendChat(text: string): Promise<string> {
    if (!this.#chat || this.#closed) return Promise.reject(new ConfabError('not-connected', 'chat needs a call with chat on'));
    return this.#chat.then((c) => c.send(text));
  }

  retryChat(id: string): Promise<string> {
    if (!this.#chat || this.#closed) return Promise.reject(new ConfabError('not-connected', 'chat needs a call with chat on'));
    return this.#chat.then((c) => c.retry(id));
  }

  async simulate(scenario: string): Promise<void> {
    await this.#room?.simulateScenario(scenario as Parameters<Room['simulateScenario']>[0]);
  }

  async disconnect(): Promise<void> {
    const room = this.#room;
    if (!room || this.#closed) return;
    this.#closed = true;
    for (const unbind of this.#unbind) unbind();
    this.#unbind = [];
    await room.disconnect(true).catch(() => undefined);
  }
}

function toJoinError(error: unknown, serverUrl: string): JoinError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConnectionError) {
    switch (error.reason) {
      case ConnectionErrorReason.NotAllowed:
        return new JoinError('token-rejected', 'error.tokenRejected', { message });
      case ConnectionErrorReason.ServerUnreachable:
      case ConnectionErrorReason.WebSocket:
      case ConnectionErrorReason.Timeout:
      case ConnectionErrorReason.ServiceNotFound:
        return new JoinError('server-unreachable', 'error.serverUnreachable', { url: serverUrl });
      case ConnectionErrorReason.Cancelled:
        return new JoinError('cancelled', 'error.unknown', { message });
      default:
        break;
    }
  }
  return new JoinError('connection-failed', 'error.unknown', { message });
}
