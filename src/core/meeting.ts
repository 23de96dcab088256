// The per-element meeting: the store, the actions components and commands call, and a lazily loaded
// session. No livekit-client and no Lit here.
import type { Layout, MeetingConfig } from '../config/schema.js';
import type { JoinChoices, MeetingActions, NameRequirement, TrackRef } from './actions.js';
import { CHAT_MAX_CHARS, markRead, tooLong } from './chat-state.js';
import { LayoutControl } from './layout.js';
import { Presence } from './presence.js';
import type { EffectsModule } from './background.js';
import { LazyBackground, type ExplicitBackground } from './background-lazy.js';
import { ConfabError } from './commands.js';
import { CredentialSource, hasCredentials, isAbort, JoinError, tokenName, type TokenProvider } from './credentials.js';
import { DeviceControl } from './device-control.js';
import { LocalMedia } from './media.js';
import { inCall, isActive } from './phase.js';
import { createPreferenceStore, resolveStart, type PreferenceStore } from './preferences.js';
import { loadDefaultSession, type SessionFactory, type SessionPort } from './session-port.js';
import { snapshotOf } from './snapshot.js';
import { createMeetingStore, dispatch, type MeetingStore } from './store.js';
import type { PhaseEvent } from './phase.js';
import type { DeviceKind, InputKind, MediaKind, MeetingSnapshot, MeetingState, Panel } from './types.js';

/** Options the host set explicitly (they beat saved preferences). */
export interface ExplicitChoices extends ExplicitBackground {
  audio?: boolean;
  video?: boolean;
  name?: string;
}

export interface MeetingOptions {
  config: () => MeetingConfig;
  explicit?: () => ExplicitChoices;
  tokenProvider?: () => TokenProvider | undefined;
  preferences?: PreferenceStore;
  /** Loads the session chunk (livekit-client); replaceable in tests. */
  loadSession?: () => Promise<SessionFactory>;
  /** Loads the effects chunk (MediaPipe); replaceable in tests. */
  loadEffects?: () => Promise<EffectsModule>;
}

export class Meeting implements MeetingActions {
  readonly store: MeetingStore = createMeetingStore();
  readonly media = new LocalMedia(this.store);
  readonly preferences: PreferenceStore;
  readonly #devices: DeviceControl;
  readonly #credentials = new CredentialSource();
  readonly #options: Required<Omit<MeetingOptions, 'preferences' | 'loadEffects'>>;
  readonly #background: LazyBackground;
  readonly #layout = new LayoutControl(this.store);
  readonly #presence = new Presence({
    enabled: () => this.#config.reactions,
    state: () => this.store.getState(),
    session: () => this.#session,
  });
  #session: SessionPort | null = null;
  #join: AbortController | null = null;
  #disposed = false;
  #seeded = false;
  /** Microphone/camera wishes before the call runs (commands, pre-join toggles): shape the join, never dropped. */
  #wanted: Partial<Record<InputKind, boolean>> = {};
  #publishing: Record<InputKind, Promise<void>> = { camera: Promise.resolve(), microphone: Promise.resolve() };

  constructor(options: MeetingOptions) {
    this.#options = {
      config: options.config,
      explicit: options.explicit ?? (() => ({})),
      tokenProvider: options.tokenProvider ?? (() => undefined),
      loadSession: options.loadSession ?? loadDefaultSession,
    };
    this.preferences = options.preferences ?? createPreferenceStore();
    this.#background = new LazyBackground({
      store: this.store,
      media: this.media,
      preferences: this.preferences,
      config: () => this.#config,
      load: options.loadEffects,
    });
    this.#devices = new DeviceControl(this.store, this.media, this.preferences, () => this.#session);
    // Whatever the pipeline outputs is what the call sends: a device switch, an unplugged camera or
    // a processor swap all reach the session through here, in order per kind.
    this.media.subscribe((kind, track) => {
      const session = this.#session;
      // Before the call is up, the join publishes whatever the pipeline has once connected.
      if (!session || !inCall(this.store.getState().phase)) return;
      this.#publishing[kind] = this.#publishing[kind].then(() => session.publish(kind, track)).catch(() => undefined);
      return this.#publishing[kind];
    });
  }

  get #config(): MeetingConfig {
    return this.#options.config();
  }

  /** Disposed is terminal: every action rejects and nothing is acquired. */
  #alive(): void {
    if (this.#disposed) throw new ConfabError('disposed', 'this meeting element was removed from the page');
  }

  startState(): { audio: boolean; video: boolean } {
    const config = this.#config;
    const { audio, video } = resolveStart(this.#options.explicit(), this.preferences.load(), { audio: config.audio, video: config.video });
    return { audio: this.#wanted.microphone ?? audio, video: this.#wanted.camera ?? video };
  }

  nameRequirement(): NameRequirement {
    const config = this.#config;
    if (config.token && config.serverUrl) return { name: tokenName(config.token), ask: false };
    if (this.#options.tokenProvider()) return { name: config.name ?? this.preferences.load().name, ask: false };
    // With a token endpoint the name is the user's to give: prefilled from the host or last time, editable.
    return { name: this.#options.explicit().name ?? this.#config.name ?? this.preferences.load().name, ask: true };
  }

  /** Whether a join could start now without asking anything (prejoin="off" waits for this). */
  canJoin(): boolean {
    return hasCredentials(this.#config, this.nameRequirement().name, this.#options.tokenProvider());
  }

  /** Puts the meeting in a fixed state with no media and no server: for stories and component tests. */
  seed(state: Partial<MeetingState>): void {
    this.#seeded = true;
    this.media.stopAll();
    this.store.setState(state);
  }

  enterPrejoin(): void {
    if (this.#seeded || this.#disposed) return;
    const start = this.startState();
    this.#devices.watch();
    void this.#devices.refresh();
    this.media.setMeter(true);
    this.#background.start(this.#options.explicit());
    void this.#preview('camera', start.video).catch(() => undefined);
    void this.#preview('microphone', start.audio).catch(() => undefined);
    this.warm();
  }

  leavePrejoin(): void {
    this.media.setMeter(false);
  }

  /**
   * Loads the SDK chunk and, when the name is known, fetches the credentials, so that the click on
   * Join goes straight to connecting. (livekit-client's prepareConnection is not used: it sends an
   * HTTP HEAD to the LiveKit origin, which the documented CSP, `connect-src 'self' ws: wss:`, blocks.)
   */
  warm(): void {
    void this.#options.loadSession().catch(() => undefined);
    const { name } = this.nameRequirement();
    if (!this.#options.tokenProvider() && hasCredentials(this.#config, name))
      void this.#credentials.get(this.#config, name, undefined).catch(() => undefined);
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
    this.#wanted = {};
    this.#setPending('join', true);
    this.store.setState({ deviceErrors: [], panel: null });
    this.#background.start(this.#options.explicit());
    try {
      // The pre-join's tracks are the ones published: start what is missing while the token comes.
      const devices = Promise.all([
        this.#preview('microphone', audio).catch(() => undefined),
        this.#preview('camera', video).catch(() => undefined),
      ]);
      const credentials = await this.#credentials.get(this.#config, name, this.#options.tokenProvider(), signal);
      this.#credentials.forget();
      const factory = await this.#options.loadSession();
      signal.throwIfAborted();
      if (name && this.nameRequirement().ask) this.preferences.save({ name });
      this.preferences.save({ audio, video });
      const session = factory({
        store: this.store,
        dispatch: (event) => this.#dispatch(event),
        deviceError: (device, error) => this.#devices.report(device, error),
      });
      this.#session = session;
      const chat = { enabled: this.#config.chat, history: this.#config.chatHistory };
      const joined = await session.connect(credentials, { speaker: this.store.getState().devices.selected.speaker, chat }, signal);
      await devices;
      signal.throwIfAborted();
      this.#dispatch({ type: 'connected', ...joined });
      // Whatever the pipeline has now goes out (later changes follow through the subscription).
      await Promise.all(
        (['microphone', 'camera'] as const).map((kind) =>
          session.publish(kind, this.media.output(kind)).catch((e: unknown) => this.#devices.report(kind, e)),
        ),
      );
      // Wishes that arrived while connecting apply now, in the order they came.
      const late = this.#wanted;
      this.#wanted = {};
      for (const kind of ['microphone', 'camera'] as const)
        if (late[kind] !== undefined) await this.#setDevice(kind, late[kind]).catch(() => undefined);
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      this.#session = null;
      this.#dispatch({ type: 'error', error: toUserError(error) });
      throw error instanceof ConfabError ? error : new ConfabError('join-failed', String(error));
    } finally {
      if (this.#join === controller) this.#join = null;
      this.#setPending('join', false);
    }
  }

  async leave(): Promise<void> {
    this.#join?.abort();
    this.#join = null;
    const session = this.#session;
    this.#dispatch({ type: 'left', reason: 'user' });
    await session?.disconnect();
  }

  /** Every change of phase goes through the machine; the end of a call ends its tracks. */
  #dispatch(event: PhaseEvent): void {
    if (dispatch(this.store, event) && !isActive(this.store.getState().phase)) this.#ended();
  }

  #ended(): void {
    const session = this.#session;
    this.#session = null;
    this.media.stopAll();
    this.store.setState({ participants: new Map(), media: new Map(), activeSpeakers: [], audioBlocked: false, panel: null });
    if (session) void session.disconnect().catch(() => undefined);
  }

  setMicrophone(on: boolean): Promise<void> {
    return this.#setDevice('microphone', on);
  }

  setCamera(on: boolean): Promise<void> {
    return this.#setDevice('camera', on);
  }

  async #setDevice(kind: InputKind, on: boolean): Promise<void> {
    this.#alive();
    const { phase } = this.store.getState();
    if (phase !== 'connected' && phase !== 'reconnecting') {
      // Not in a call yet: remember the wish for the join, and show it in the preview.
      this.#wanted[kind] = on;
      if (phase === 'prejoin') await this.#preview(kind, on);
      return;
    }
    await this.#pending(kind, async () => {
      await this.#preview(kind, on);
      await this.#publishing[kind];
    });
  }

  /** Starts or stops a local device; a failure is reported (banner, event) and rejects with its reason. */
  async #preview(kind: InputKind, on: boolean): Promise<void> {
    if (!on) return this.media.stop(kind);
    // A camera with an effect on starts through it: its first frame is already processed.
    const effect = kind === 'camera' ? this.#background.settled() : null;
    if (effect) await effect;
    if (this.media.output(kind)) return;
    this.#devices.clearError(kind);
    try {
      await this.media.start(kind, this.store.getState().devices.selected[kind]);
    } catch (error) {
      throw this.#devices.report(kind, error);
    }
    await this.#devices.afterStart(kind);
  }

  // Background effects: the control owns them (src/core/background.ts); here only the verbs.
  setBlur = (on: boolean): Promise<void> => this.#background.setBlur(on, this.#disposed);
  setBackgroundImage = (url: string | null): Promise<void> => this.#background.setImage(url, this.#disposed);
  setBlurStrength = (strength: number): void => this.#background.setStrength(strength);

  // Raise hand and reactions: src/core/presence.ts; pin and layout: src/core/layout.ts.
  raiseHand = (on: boolean): Promise<void> => this.#presence.raiseHand(on, this.#disposed);
  sendReaction = (emoji: string): Promise<void> => this.#presence.sendReaction(emoji, this.#disposed);
  pin = (identity: string | null): Promise<void> => this.#layout.pin(identity, this.#disposed);
  setLayout = (layout: Layout): Promise<void> => this.#layout.setLayout(layout, this.#disposed);

  async setScreenShare(on: boolean): Promise<void> {
    this.#alive();
    const session = this.#session;
    if (!session) throw new ConfabError('not-connected', 'screen sharing needs a call');
    await this.#pending('screenshare', async () => {
      try {
        await session.setScreenShare(on);
      } catch (error) {
        throw this.#devices.report('screen', error);
      }
    });
  }

  switchDevice(kind: MediaKind, id: string): Promise<void> {
    this.#alive();
    return this.#devices.choose(kind, id);
  }

  retryDevice(kind: InputKind): Promise<void> {
    return this.#setDevice(kind, true);
  }

  dismissDeviceError(device: DeviceKind): void {
    this.#devices.clearError(device);
  }

  async openPanel(panel: Panel): Promise<void> {
    this.#alive();
    if (panel === 'chat' && !this.#config.chat) throw new ConfabError('chat-disabled', 'chat is off');
    if (panel === 'participants' && !this.#config.participants)
      throw new ConfabError('participants-disabled', 'the participants panel is off');
    if (panel === 'settings') await this.#devices.prepareSettings();
    this.store.setState((s) => ({ panel, chat: markRead(s) }));
  }

  closePanel(): void {
    this.store.setState((s) => ({ panel: null, chat: markRead(s) }));
  }

  /** Resolves with the message id once it is sent; queued while reconnecting. */
  async sendChatMessage(text: string): Promise<string> {
    this.#alive();
    if (!this.#config.chat) throw new ConfabError('chat-disabled', 'chat is off');
    if (tooLong(text)) throw new ConfabError('message-too-long', `a message has at most ${CHAT_MAX_CHARS} characters`);
    if (!this.#session) throw new ConfabError('not-connected', 'chat needs a call');
    return this.#session.sendChat(text);
  }

  async retryChatMessage(id: string): Promise<string> {
    this.#alive();
    if (!this.#session) throw new ConfabError('not-connected', 'chat needs a call');
    return this.#session.retryChat(id);
  }

  async startAudio(): Promise<void> {
    await this.#session?.startAudio();
  }

  attachVideo(ref: TrackRef, element: HTMLVideoElement): () => void {
    const { localIdentity } = this.store.getState();
    if (ref.source === 'camera' && (ref.identity === null || ref.identity === localIdentity)) return this.media.attachCamera(element);
    return ref.identity && this.#session ? this.#session.attachVideo(ref.identity, ref.source, element) : () => undefined;
  }

  attachAudio(identity: string, element: HTMLAudioElement): () => void {
    return this.#session?.attachAudio(identity, element) ?? (() => undefined);
  }

  snapshot(): MeetingSnapshot {
    return snapshotOf(this.store.getState(), this.#config.layout);
  }

  /** Fault injection for tests (livekit-client's simulateScenario). Not public API. */
  async simulate(scenario: string): Promise<void> {
    await this.#session?.simulate(scenario);
  }

  /** The element is gone: leave, end every track (previews included), and refuse everything after. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#devices.dispose();
    this.#background.dispose();
    this.media.dispose();
    await this.leave();
  }

  #setPending(key: keyof MeetingState['pending'], on: boolean) {
    this.store.setState((s) => ({ pending: { ...s.pending, [key]: on } }));
  }

  /** An action's pending flag, set while it runs and cleared however it ends. */
  async #pending(key: 'microphone' | 'camera' | 'screenshare', work: () => Promise<void>): Promise<void> {
    this.#setPending(key, true);
    try {
      await work();
    } finally {
      this.#setPending(key, false);
    }
  }
}

function toUserError(error: unknown): JoinError {
  if (error instanceof JoinError) return error;
  return new JoinError('unknown', 'error.unknown', { message: error instanceof Error ? error.message : String(error) });
}
