// The session owns the livekit-client Room and, with its domains (domains.ts), is the only code that
// calls livekit-client. It is loaded with a dynamic import, so the element shell stays small.
import {
  ConnectionError,
  ConnectionErrorReason,
  Room,
  Track,
  type LocalTrackPublication,
  type Participant,
  type RoomOptions,
} from 'livekit-client';
import { abortError, JoinError, type Credentials } from '../core/credentials.js';
import { ConfabError } from '../core/commands.js';
import { tokenExpired } from '../core/jwt.js';
import { quietly } from '../core/report.js';
import type { ConnectOptions, DomainPorts, SessionHooks, SessionPort } from '../core/session-port.js';
import type { InputKind, TileSource } from '../core/types.js';
import type { Binding, DomainContext, DomainSpec } from './domain.js';
import { DOMAINS } from './domains.js';
import { hold, type Hold } from './hold.js';

// livekit-client 2.23 registers a devicechange listener per Room that, on browsers with WeakRef, is
// a wrapper it never removes: its closure keeps the Room alive, so every join leaked a whole Room
// and one more listener (found by the 10-cycle E2E in tests/e2e/crowd.spec.ts). Without the
// registry it listens with its own handler, which disconnect() removes. We always disconnect.
(Room as unknown as { cleanupRegistry: unknown }).cleanupRegistry = false;

const SOURCE = { camera: Track.Source.Camera, microphone: Track.Source.Microphone } as const;

export function createSession(hooks: SessionHooks): SessionPort {
  return new Session(hooks);
}

interface Lazy {
  spec: DomainSpec;
  hold: Hold;
  binding: Promise<Binding> | null;
}

class Session implements SessionPort {
  readonly #hooks: SessionHooks;
  #room: Room | null = null;
  #context: DomainContext | null = null;
  readonly #bound = new Map<string, Binding>();
  readonly #lazy = new Map<string, Lazy>();
  #connected = false;
  #closed = false;
  readonly #chains: Record<InputKind, Promise<void>> = { camera: Promise.resolve(), microphone: Promise.resolve() };

  constructor(hooks: SessionHooks) {
    this.#hooks = hooks;
  }

  async connect(credentials: Credentials, options: ConnectOptions, signal: AbortSignal): Promise<{ room: string; identity: string }> {
    signal.throwIfAborted();
    try {
      return await this.#open(credentials, options, signal);
    } catch (error) {
      // A token that expired before it was used: asked for once more (the host's tokenProvider, the endpoint).
      if (!(error instanceof JoinError) || error.code !== 'token-rejected' || !tokenExpired(credentials.token, Date.now(), 0)) throw error;
      const fresh = await this.#hooks.credentials('expired');
      signal.throwIfAborted();
      this.#closed = false;
      return this.#open(fresh, options, signal);
    }
  }

  async #open(credentials: Credentials, options: ConnectOptions, signal: AbortSignal): Promise<{ room: string; identity: string }> {
    const specs = DOMAINS.filter((d) => d.enabled?.(options) ?? true);
    const prepared = new Map(
      await Promise.all(specs.flatMap((d) => (d.prepare ? [d.prepare(options).then((p) => [d.name, p] as const)] : []))),
    );
    signal.throwIfAborted();
    const room = new Room({
      adaptiveStream: true,
      dynacast: true,
      // Screen shares end with their publication; camera and microphone are muted, never unpublished.
      stopLocalTrackOnUnpublish: true,
      audioOutput: options.speaker ? { deviceId: options.speaker } : {},
      ...(Object.assign(
        {},
        ...specs.map((d) => d.roomOptions?.(options) ?? prepared.get(d.name)?.roomOptions ?? {}),
      ) as Partial<RoomOptions>),
    } satisfies RoomOptions);
    this.#room = room;
    const { store, dispatch, report } = this.#hooks;
    const context: DomainContext = {
      store,
      options,
      credentials,
      dispatch,
      report,
      serverPacket: (topic, payload) => this.#hooks.serverPacket(topic, payload),
      resync: () => this.#sync('reconnected'),
    };
    this.#context = context;
    for (const spec of specs) {
      const bind = spec.bind ?? prepared.get(spec.name)?.bind;
      if (bind) this.#bound.set(spec.name, bind(room, context, []));
      else if (spec.load) {
        const lazy: Lazy = { spec, hold: hold(room, spec.holds ?? {}, () => void this.#load(spec.name)), binding: null };
        this.#lazy.set(spec.name, lazy);
        if (spec.load.when === 'connect') void this.#load(spec.name);
      }
    }
    // A leave during the handshake closes the room, whether it connects afterwards or not: no ghost.
    const onAbort = () => void this.disconnect();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await room.connect(credentials.serverUrl, credentials.token);
      signal.throwIfAborted();
      if (this.#closed) throw abortError();
      await Promise.all([...this.#bound.values()].flatMap((b) => (b.ready ? [b.ready] : [])));
      signal.throwIfAborted();
    } catch (error) {
      const cancelled = signal.aborted || this.#closed;
      await this.disconnect();
      if (cancelled) throw abortError();
      throw toJoinError(error, credentials.serverUrl);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    this.#connected = true;
    this.#sync('connected');
    return { room: room.name, identity: room.localParticipant.identity };
  }

  /** Every bound domain reads the room as it is now. */
  #sync(reason: 'connected' | 'reconnected') {
    for (const binding of this.#bound.values()) binding.sync?.(reason);
  }

  /** Loads a lazy domain's code once and binds it with what was held; a chunk that fails is reported. */
  #load(name: string): Promise<Binding> {
    const lazy = this.#lazy.get(name);
    const room = this.#room;
    const context = this.#context;
    if (!lazy?.spec.load || !room || !context) return Promise.reject(new ConfabError('not-connected', `${name} needs a call`));
    lazy.binding ??= lazy.spec.load.code().then(
      (bind) => {
        if (this.#closed) throw new ConfabError('not-connected', 'the call ended');
        const binding = bind(room, context, lazy.hold.release());
        this.#bound.set(name, binding);
        const { items } = lazy.hold.overflow;
        if (items) {
          this.#hooks.report({
            code: 'held-dropped',
            key: 'error.heldDropped',
            params: { feature: name, count: String(items) },
            subject: name,
          });
        }
        if (this.#connected) binding.sync?.('connected');
        return binding;
      },
      (error: unknown) => {
        const dropped = lazy.hold.discard();
        this.#hooks.report({ code: 'feature-unavailable', key: 'error.featureUnavailable', params: { feature: name }, subject: name });
        console.debug(`[confab] the ${name} chunk did not load; ${dropped.items} held item(s) dropped:`, error);
        throw new ConfabError('not-connected', `${name} could not be loaded`);
      },
    );
    return lazy.binding;
  }

  port<K extends keyof DomainPorts>(name: K): Promise<DomainPorts[K]> {
    if (this.#closed) return Promise.reject(new ConfabError('not-connected', `${name} needs a call`));
    const bound = this.#bound.get(name);
    if (bound) return Promise.resolve(bound as unknown as DomainPorts[K]);
    if (!this.#lazy.has(name)) return Promise.reject(new ConfabError('not-connected', `${name} is off in this call`));
    return this.#load(name) as unknown as Promise<DomainPorts[K]>;
  }

  /** Publishes of one kind run one after another: two at once would publish the same track twice. */
  publish(kind: InputKind, track: MediaStreamTrack | null): Promise<void> {
    const run = this.#chains[kind].then(() => this.#publish(kind, track));
    // The caller gets the failure through `run`; the chain only has to go on.
    this.#chains[kind] = run.catch(quietly('publish'));
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
    const publication = this.#participant(identity)?.getTrackPublication(
      source === 'screen' ? Track.Source.ScreenShare : Track.Source.Camera,
    );
    const track = publication?.track;
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

  async simulate(scenario: string): Promise<void> {
    await this.#room?.simulateScenario(scenario as Parameters<Room['simulateScenario']>[0]);
  }

  async disconnect(): Promise<void> {
    const room = this.#room;
    if (!room || this.#closed) return;
    this.#closed = true;
    for (const binding of this.#bound.values()) binding.dispose();
    this.#bound.clear();
    for (const lazy of this.#lazy.values()) if (!lazy.binding) lazy.hold.discard();
    this.#lazy.clear();
    // The room may be closing already (the server ended it): nothing more to end.
    await room.disconnect(true).catch(quietly('disconnect'));
  }
}

function toJoinError(error: unknown, serverUrl: string): JoinError {
  if (error instanceof JoinError) return error;
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
