// The per-element meeting: the store, each domain's actions (what components and commands call),
// and the call's lifecycle around a session loaded on demand. No livekit-client and no Lit here.
import type { MeetingConfig } from '../config/schema.js';
import type {
  Actions,
  CallActions,
  DeviceActions,
  JoinChoices,
  NameRequirement,
  ModerationActions,
  PresenceActions,
  TrackActions,
} from './actions.js';
import type { EffectsModule } from './background.js';
import { LazyBackground } from './background-lazy.js';
import { ChatControl } from './chat-control.js';
import { ConfabError } from './commands.js';
import {
  CredentialSource,
  hasCredentials,
  isAbort,
  JoinError,
  tokenName,
  type Credentials,
  type EndpointClient,
  type TokenProvider,
} from './credentials.js';
import { DeviceControl } from './device-control.js';
import { EffectChain } from './effect-chain.js';
import { EncryptionControl } from './encryption.js';
import type { CommandTarget } from './handlers.js';
import { LayoutControl } from './layout.js';
import { LocalMedia } from './media.js';
import { MediaControl } from './media-control.js';
import { Panels } from './panels.js';
import { isActive, type PhaseEvent } from './phase.js';
import { createPreferenceStore, resolveStart, type ExplicitChoices, type PreferenceStore } from './preferences.js';
export type { ExplicitChoices };
import { lazyPresence } from './presence-lazy.js';
import { lazyModeration } from './moderation-lazy.js';
import { quietly } from './report.js';
import type { SessionFactory, SessionPort } from './session-port.js';
import { trackActions } from './track-actions.js';
import { snapshotOf } from './snapshot.js';
import { createMeetingStore, dispatch, endedCall, type MeetingStore } from './store.js';
import type { MeetingSnapshot, MeetingState, Notice } from './types.js';

export interface MeetingOptions {
  config: () => MeetingConfig;
  explicit?: () => ExplicitChoices;
  tokenProvider?: () => TokenProvider | undefined;
  preferences?: PreferenceStore;
  /** Loads the session chunk (livekit-client): src/wiring.ts in the product, a stand-in in tests. */
  loadSession: () => Promise<SessionFactory>;
  /** The token endpoint's client (with the in-call chunk). */
  loadEndpoint: () => Promise<EndpointClient>;
  /** The words of the error screen (their own chunk: a call that goes well never loads them). */
  loadErrors?: () => Promise<unknown>;
  /** The encryption key was set (a join that waits for it may start). */
  keyChanged?: () => void;
  /** Loads the effects chunk (MediaPipe); replaceable in tests. */
  loadEffects?: () => Promise<EffectsModule>;
}

export class Meeting implements CommandTarget {
  readonly store: MeetingStore = createMeetingStore();
  readonly #media = new LocalMedia(this.store);
  readonly preferences: PreferenceStore;
  readonly #chain = new EffectChain();
  readonly #devices: DeviceControl;
  readonly #credentials = new CredentialSource(() => this.#options.loadEndpoint());
  /** The credentials of the call in progress (moderation falls back to its token without a server ticket). */
  #joinedWith: Credentials | null = null;
  readonly #options: MeetingOptions;
  readonly #alive = (): void => {
    if (this.#disposed) throw new ConfabError('disposed', 'this meeting element was removed from the page');
  };
  readonly #session = (): SessionPort | null => this.#current;
  #current: SessionPort | null = null;
  #join: AbortController | null = null;
  #disposed = false;
  #seeded = false;

  // Each domain's actions: what components get (through context) and what command handlers call.
  readonly media: MediaControl;
  readonly background: LazyBackground;
  readonly chat: ChatControl;
  readonly presence: PresenceActions;
  readonly moderation: ModerationActions;
  readonly layout: LayoutControl;
  readonly panels: Panels;
  readonly devices: DeviceActions;
  readonly tracks: TrackActions;
  readonly call: CallActions;
  readonly encryption: EncryptionControl;
  /** Every domain's actions, each its own object (a component is given only the ones it shows). */
  readonly actions: Actions;

  constructor(options: MeetingOptions) {
    this.#options = options;
    this.preferences = options.preferences ?? createPreferenceStore();
    const store = this.store;
    const alive = this.#alive;
    const session = this.#session;
    const config = () => this.#config;
    this.#devices = new DeviceControl(store, this.#media, this.preferences, session);
    const devices = this.#devices;
    this.media = new MediaControl({ store, media: this.#media, devices, chain: this.#chain, session, alive });
    this.background = new LazyBackground(
      { store, media: this.#media, preferences: this.preferences, config, load: options.loadEffects, alive },
      this.#chain,
    );
    this.chat = new ChatControl({
      enabled: () => config().chat,
      allowed: () => store.getState().permissions.canPublishData,
      session,
      alive,
    });
    this.presence = lazyPresence({ enabled: () => config().reactions, state: () => store.getState(), session, alive });
    this.moderation = lazyModeration({
      store,
      endpoint: () => config().tokenEndpoint,
      credential: () => this.#credentials.ticket ?? this.#joinedWith?.token,
      turnOn: (source) => this.media.set(source, true),
      alive,
    });
    this.layout = new LayoutControl(store, alive);
    this.panels = new Panels({
      store,
      config,
      prepareSettings: () => devices.prepareSettings(),
      // A chat chunk that cannot load puts up its own banner (the session reports it).
      warmChat: () => void this.#current?.port('chat').catch(quietly('chat')),
      alive,
    });
    this.devices = devices.actions(alive, (kind) => this.media.set(kind, true));
    this.tracks = trackActions({ store, media: this.#media, session });
    this.encryption = new EncryptionControl(
      session,
      () => config().e2ee,
      () => options.keyChanged?.(),
    );
    this.call = {
      join: (choices) => this.join(choices),
      leave: () => this.leave(),
      startAudio: async () => this.#current?.startAudio(),
      enterPrejoin: () => this.#enterPrejoin(),
      leavePrejoin: () => this.#media.setMeter(false),
      nameRequirement: () => this.nameRequirement(),
      startState: () => this.startState(),
    };
    const { call, media, background, chat, presence, moderation, layout, panels, tracks, encryption } = this;
    this.actions = { call, media, devices: this.devices, background, chat, presence, moderation, layout, panels, tracks, encryption };
  }

  get #config(): MeetingConfig {
    return this.#options.config();
  }

  startState(): { audio: boolean; video: boolean } {
    const config = this.#config;
    const { audio, video } = resolveStart(this.#options.explicit?.() ?? {}, this.preferences.load(), {
      audio: config.audio,
      video: config.video,
    });
    return { audio: this.media.wanted('microphone') ?? audio, video: this.media.wanted('camera') ?? video };
  }

  nameRequirement(): NameRequirement {
    const config = this.#config;
    if (config.token && config.serverUrl) return { name: tokenName(config.token), ask: false };
    if (this.#provider()) return { name: config.name ?? this.preferences.load().name, ask: false };
    // An invite that names its guest decides the name (the server uses it whatever is asked).
    const invited = tokenName(config.invite);
    if (invited) return { name: invited, ask: false };
    // With a token endpoint the name is the user's to give: prefilled from the host or last time, editable.
    return { name: this.#options.explicit?.().name ?? config.name ?? this.preferences.load().name, ask: true };
  }

  /** Whether a join could start now without asking anything (prejoin="off" waits for this). */
  canJoin(): boolean {
    return hasCredentials(this.#config, this.nameRequirement().name, this.#provider()) && this.encryption.ready();
  }

  #provider(): TokenProvider | undefined {
    return this.#options.tokenProvider?.();
  }

  /** Puts the meeting in a fixed state with no media and no server: for stories and component tests. */
  seed(state: Partial<MeetingState>): void {
    this.#seeded = true;
    this.#media.stopAll();
    this.store.setState(state);
  }

  /** A message from outside the core (a session domain that could not load): a banner and `confab-error`. */
  report(notice: Notice): void {
    this.store.setState((s) => ({ notices: [...s.notices.filter((n) => n.code !== notice.code || n.subject !== notice.subject), notice] }));
  }

  #enterPrejoin(): void {
    if (this.#seeded || this.#disposed) return;
    const start = this.startState();
    this.#devices.watch();
    void this.#devices.refresh();
    this.#media.setMeter(true);
    this.background.start(this.#options.explicit?.() ?? {});
    // A device that fails shows its own banner with the reason and a way forward.
    void this.media.preview('camera', start.video).catch(quietly('preview'));
    void this.media.preview('microphone', start.audio).catch(quietly('preview'));
    this.warm();
  }

  /**
   * Loads the SDK chunk and, when the name is known, fetches the credentials, so that the click on
   * Join goes straight to connecting. (livekit-client's prepareConnection is not used: it sends an
   * HTTP HEAD to the LiveKit origin, which the documented CSP, `connect-src 'self' ws: wss:`, blocks.)
   */
  warm(): void {
    // Early only: the join loads it again and reports a failure then.
    void this.#options.loadSession().catch(quietly('warm'));
    const { name } = this.nameRequirement();
    // A single-use invite is not spent before the click on Join (the name may still change).
    if (!this.#provider() && !this.#config.invite && hasCredentials(this.#config, name))
      // Early only: the join asks again and reports a failure then.
      void this.#credentials.get(this.#config, name, undefined).catch(quietly('warm'));
  }

  async join(choices: JoinChoices = {}): Promise<void> {
    this.#alive();
    if (this.#seeded || !dispatch(this.store, { type: 'join' })) return;
    const controller = new AbortController();
    this.#join = controller;
    const { signal } = controller;
    const start = this.startState();
    const name = choices.name ?? this.nameRequirement().name;
    const audio = choices.audio ?? start.audio;
    const video = choices.video ?? start.video;
    this.media.takeWishes();
    this.media.setPending('join', true);
    this.store.setState({ deviceErrors: [], panel: null });
    this.background.start(this.#options.explicit?.() ?? {});
    try {
      // An encrypted call without its key is refused before anything is spent (an invite, a token).
      const e2eeKey = this.encryption.keyForJoin();
      // The pre-join's tracks are the ones published: start what is missing while the token comes.
      const devices = Promise.all([
        // A device that fails shows its banner; the call goes on without it.
        this.media.preview('microphone', audio).catch(quietly('device')),
        this.media.preview('camera', video).catch(quietly('device')),
      ]);
      // A server with a lobby keeps us waiting here (devices on, the waiting screen) until a host decides.
      const credentials = await this.#credentials.get(this.#config, name, this.#provider(), signal, {
        waiting: (hostPresent) => (
          this.#dispatch({ type: 'waiting' }),
          this.store.setState({ lobby: { ...this.store.getState().lobby, hostPresent } })
        ),
      });
      this.#dispatch({ type: 'admitted' });
      this.#credentials.forget();
      this.#joinedWith = credentials;
      const factory = await this.#options.loadSession();
      signal.throwIfAborted();
      if (name && this.nameRequirement().ask) this.preferences.save({ name });
      this.preferences.save({ audio, video });
      const session = factory({
        store: this.store,
        dispatch: (event) => this.#dispatch(event),
        deviceError: (device, error) => this.#devices.report(device, error),
        credentials: () => this.#credentials.renew(this.#config, name, this.#provider()),
        report: (notice) => this.report(notice),
        // A guest's widget loads the host's chunk only for a request addressed to it (the lobby's packets are for hosts).
        serverPacket: (topic, payload) =>
          void (topic === 'confab.moderation' || this.store.getState().permissions.canModerate
            ? this.moderation.receive(topic, payload).catch(quietly('mod'))
            : 0),
      });
      this.#current = session;
      const joined = await session.connect(
        credentials,
        { config: this.#config, speaker: this.store.getState().devices.selected.speaker, e2eeKey },
        signal,
      );
      await devices;
      signal.throwIfAborted();
      this.#dispatch({ type: 'connected', ...joined });
      // A host learns at once who is already waiting.
      if (this.store.getState().permissions.canModerate) void this.moderation.refreshLobby().catch(quietly('lobby'));
      // Whatever the pipeline has now goes out (later changes follow through the subscription).
      await this.media.publishAll(session);
      // Wishes that arrived while connecting apply now, in the order they came.
      const late = this.media.takeWishes();
      for (const kind of ['microphone', 'camera'] as const)
        // A device that fails shows its banner; the call goes on without it.
        if (late[kind] !== undefined) await this.media.set(kind, late[kind]).catch(quietly('device'));
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      this.#current = null;
      // The screen and confab-error say it in words: those come first (a failed load leaves the code).
      await this.#options.loadErrors?.().catch(quietly('errors'));
      if (signal.aborted) return;
      // A host said no at the lobby: an ending of its own, not an error.
      const denied = error instanceof JoinError && error.code === 'denied';
      this.#dispatch(denied ? { type: 'denied' } : { type: 'error', error: toUserError(error) });
      if (denied) throw error;
      throw error instanceof ConfabError ? error : new ConfabError('join-failed', String(error));
    } finally {
      if (this.#join === controller) this.#join = null;
      this.media.setPending('join', false);
    }
  }

  async leave(): Promise<void> {
    this.#join?.abort();
    this.#join = null;
    const session = this.#current;
    this.#dispatch({ type: 'left', reason: 'user' });
    await session?.disconnect();
  }

  /** Every change of phase goes through the machine; the end of a call ends its tracks. */
  #dispatch(event: PhaseEvent): void {
    if (dispatch(this.store, event) && !isActive(this.store.getState().phase)) this.#ended();
  }

  #ended(): void {
    const session = this.#current;
    this.#current = null;
    this.#media.stopAll();
    this.store.setState(endedCall());
    this.#joinedWith = null;
    // The room may have closed itself already (a removal, the server): nothing more to end.
    if (session) void session.disconnect().catch(quietly('disconnect'));
  }

  snapshot(): MeetingSnapshot {
    return snapshotOf(this.store.getState(), this.#config.layout);
  }

  /** Fault injection for tests (livekit-client's simulateScenario). Not public API. */
  async simulate(scenario: string): Promise<void> {
    await this.#current?.simulate(scenario);
  }

  /** The element is gone: leave, end every track (previews included), and refuse everything after. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#devices.dispose();
    this.#chain.dispose();
    this.#media.dispose();
    await this.leave();
  }
}

function toUserError(error: unknown): JoinError {
  if (error instanceof JoinError) return error;
  return new JoinError('unknown', 'error.unknown', { message: error instanceof Error ? error.message : String(error) });
}
