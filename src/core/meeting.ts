// The per-element meeting: store + actions + a lazily loaded session. No livekit-client here.
import type { MeetingConfig } from '../config/schema.js';
import type { Emit } from '../events.js';
import type { Translate } from '../i18n/i18n.js';
import { Devices, devicesOf } from './devices.js';
import { createPreferenceStore, resolveStart, type PreferenceStore } from './preferences.js';
import { createMeetingStore, localParticipant, orderedParticipants, type MeetingStore } from './store.js';
import { MEDIA_KINDS, type MediaKind, type MeetingError, type MeetingSnapshot, type MeetingState, type TileSource } from './types.js';
import type { Session } from './session.js';
import type { MessageKey } from '../i18n/en.js';

/** Options the host set explicitly (they beat saved preferences). */
export interface ExplicitChoices {
  audio?: boolean;
  video?: boolean;
  name?: string;
}

/** Key of the element method that seeds its store (stories and component tests; not public API). */
export const SEED = Symbol.for('confab.seed');

const CREDENTIALS_REUSE_MS = 5 * 60_000;
const TOAST_MS = 6000;
const PREF_KEY = { camera: 'cameraId', microphone: 'microphoneId', speaker: 'speakerId' } as const;

export interface Credentials {
  serverUrl: string;
  token: string;
}

export interface JoinChoices {
  name?: string;
  audio?: boolean;
  video?: boolean;
}

/** A failure whose message is already translated for the user. */
class MeetingFailure extends Error implements MeetingError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Whether the config alone is enough to join (no name or token still to come). */
export function hasCredentials(config: MeetingConfig): boolean {
  return Boolean((config.token && config.serverUrl) || (config.tokenEndpoint && config.room && config.name));
}

export class Meeting {
  readonly store: MeetingStore = createMeetingStore();
  readonly devices: Devices;
  readonly preferences: PreferenceStore;
  #session: Session | null = null;
  #audioSink: HTMLElement | null = null;
  #joinSeq = 0;
  #toastSeq = 0;
  /** The devices the user chose; when one comes back after being unplugged, we switch back to it. */
  #preferred: Partial<Record<MediaKind, string>> = {};
  #prepared: { name: string | undefined; at: number; credentials: Promise<Credentials> } | null = null;
  #seeded = false;
  /** Microphone/camera wishes expressed before the call started (commands, pre-join toggles). */
  #wanted: Partial<Record<'microphone' | 'camera', boolean>> = {};
  readonly #emit: Emit;
  readonly #config: () => MeetingConfig;
  readonly #explicit: () => ExplicitChoices;
  readonly #t: () => Translate;

  constructor(options: { emit: Emit; config: () => MeetingConfig; t: () => Translate; explicit?: () => ExplicitChoices; preferences?: PreferenceStore }) {
    this.#emit = options.emit;
    this.#config = options.config;
    this.#t = options.t;
    this.#explicit = options.explicit ?? (() => ({}));
    this.preferences = options.preferences ?? createPreferenceStore();
    this.devices = new Devices(this.store, this.#emit);
    const saved = this.preferences.load();
    for (const kind of MEDIA_KINDS) {
      const id = saved[PREF_KEY[kind]];
      if (id) {
        this.#preferred[kind] = id;
        this.devices.select(kind, id);
      }
    }
  }

  /** Where the pre-join starts: explicit attribute › saved preference › default. */
  startState(): { audio: boolean; video: boolean; name: string | undefined } {
    const config = this.#config();
    return resolveStart(this.#explicit(), this.preferences.load(), { audio: config.audio, video: config.video });
  }

  /** Puts the meeting in a fixed state with no media and no server: for stories and component tests. */
  seed(state: Partial<MeetingState>): void {
    this.#seeded = true;
    this.devices.stopPreview();
    this.store.setState(state);
  }

  /** The pre-join screen is showing: device lists, previews, and an early start on the connection. */
  enterPrejoin(): void {
    if (this.#seeded) return;
    const start = this.startState();
    this.devices.watch(() => void this.#onDevicesChanged());
    void this.devices.refresh();
    void this.devices.preview('camera', start.video);
    void this.devices.preview('microphone', start.audio);
    this.warm(start.name);
  }

  leavePrejoin(): void {
    this.devices.stopPreview();
  }

  setPreview(kind: 'camera' | 'microphone', on: boolean): Promise<void> {
    return this.devices.preview(kind, on);
  }

  /**
   * Loads the SDK chunk and, when the name is known, fetches the credentials, so that the click on
   * Join goes straight to connecting. (livekit-client's prepareConnection is not used: it sends an
   * HTTP HEAD to the LiveKit origin, which the documented CSP, `connect-src 'self' ws: wss:`, blocks.)
   */
  warm(name: string | undefined): void {
    void import('./session.js').catch(() => undefined);
    const config = this.#config();
    if (hasCredentials({ ...config, name: name ?? config.name })) void this.#credentialsFor(name).catch(() => undefined);
  }

  #credentialsFor(name: string | undefined): Promise<Credentials> {
    const fresh = this.#prepared && this.#prepared.name === name && Date.now() - this.#prepared.at < CREDENTIALS_REUSE_MS;
    if (!fresh || !this.#prepared) {
      const credentials = this.#credentials(this.#config(), name);
      // A failed fetch is not kept: Try again must ask the endpoint again.
      credentials.catch(() => {
        if (this.#prepared?.credentials === credentials) this.#prepared = null;
      });
      this.#prepared = { name, at: Date.now(), credentials };
    }
    return this.#prepared.credentials;
  }

  /** Joins with the current config; choices from the pre-join screen override it. */
  async join(choices: JoinChoices = {}): Promise<void> {
    const { phase } = this.store.getState();
    if (phase === 'connecting' || phase === 'connected' || phase === 'reconnecting') return;
    const seq = ++this.#joinSeq;
    const start = this.startState();
    const name = choices.name ?? start.name ?? this.#config().name;
    const audio = choices.audio ?? this.#wanted.microphone ?? start.audio;
    const video = choices.video ?? this.#wanted.camera ?? start.video;
    this.#wanted = {};
    this.devices.stopPreview();
    this.devices.watch(() => void this.#onDevicesChanged());
    this.store.setState({ phase: 'connecting', error: null, leftReason: null, deviceErrors: [], pending: { microphone: false, camera: false, screenshare: false, join: true } });
    this.#emit('confab-connection-state', { state: 'connecting' });
    try {
      const credentials = await this.#credentialsFor(name);
      this.#prepared = null; // a token serves one join
      const { Session } = await import('./session.js');
      if (seq !== this.#joinSeq) return; // left before the session loaded
      const session = new Session(this.store, this.#emit, (device, error) => this.devices.reportError(device, error));
      this.#session = session;
      session.setAudioSink(this.#audioSink);
      const { selected } = this.store.getState().devices;
      this.preferences.save({ name, audio, video });
      await session.connect({ ...credentials, audio, video, devices: selected });
      // Wishes that arrived while connecting apply now, in the order they came.
      const late = this.#wanted;
      this.#wanted = {};
      if (late.microphone !== undefined && late.microphone !== audio) await this.#device('microphone', late.microphone);
      if (late.camera !== undefined && late.camera !== video) await this.#device('camera', late.camera);
    } catch (error) {
      if (seq !== this.#joinSeq) return;
      this.#session = null;
      this.#fail(error);
    } finally {
      this.store.setState((s) => ({ pending: { ...s.pending, join: false } }));
    }
  }

  async leave(): Promise<void> {
    this.#joinSeq++;
    const session = this.#session;
    const { phase } = this.store.getState();
    if (!session) {
      if (phase === 'connecting') {
        this.store.setState({ phase: 'left', leftReason: 'user' });
        this.#emit('confab-left', { reason: 'user' });
      }
      return;
    }
    await session.leave();
    this.#session = null;
  }

  async setMicrophone(on: boolean): Promise<void> {
    await this.#device('microphone', on);
  }

  async setCamera(on: boolean): Promise<void> {
    await this.#device('camera', on);
  }

  /** Chooses a device; in a call it switches without rejoining, before it restarts the preview. */
  async switchDevice(kind: MediaKind, id: string): Promise<void> {
    this.#preferred[kind] = id;
    this.preferences.save({ [PREF_KEY[kind]]: id });
    await this.#useDevice(kind, id);
  }

  /** Makes a device the one in use: switched live in a call, or the running preview restarted on it. */
  async #useDevice(kind: MediaKind, id: string): Promise<void> {
    this.devices.select(kind, id);
    if (this.#session) {
      await this.#session.switchDevice(kind, id).catch((error: unknown) => {
        if (kind !== 'speaker') this.devices.reportError(kind, error);
      });
    } else if (kind !== 'speaker' && this.store.getState().devices.preview[kind] !== 'off') {
      await this.devices.preview(kind, true);
    }
  }

  /** A device came or went: fall back from a vanished one, and return to the chosen one when it is back. */
  async #onDevicesChanged(): Promise<void> {
    const { devices } = this.store.getState();
    for (const kind of MEDIA_KINDS) {
      const list = devicesOf(devices, kind);
      const current = devices.selected[kind] ?? this.#session?.activeDevice(kind) ?? null;
      const preferred = this.#preferred[kind];
      let target: string | undefined;
      let key: MessageKey | undefined;
      if (preferred && preferred !== current && list.some((d) => d.id === preferred)) {
        target = preferred;
        key = 'devices.restored';
      } else if (current && !list.some((d) => d.id === current)) {
        target = (list.find((d) => d.id === 'default') ?? list[0])?.id;
        key = 'devices.switched';
        // The vanished device is the one to return to, even if the browser default picked it.
        this.#preferred[kind] ??= current;
      }
      if (!target || !key) continue;
      await this.#useDevice(kind, target);
      this.toast(key, { device: this.devices.labelOf(kind, target) });
    }
  }

  toast(key: MessageKey, params?: Record<string, string>): void {
    const id = ++this.#toastSeq;
    this.store.setState((s) => ({ toasts: [...s.toasts.slice(-2), { id, key, ...(params ? { params } : {}) }] }));
    setTimeout(() => this.store.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), TOAST_MS);
  }

  /** Opens the settings with fresh device lists, each showing the device in use. */
  async openSettings(): Promise<void> {
    await this.devices.refresh();
    for (const kind of MEDIA_KINDS) {
      const active = this.#session?.activeDevice(kind);
      if (active && !this.store.getState().devices.selected[kind]) this.devices.select(kind, active);
    }
    this.store.setState({ settingsOpen: true });
  }

  closeSettings(): void {
    this.store.setState({ settingsOpen: false });
  }

  /** The element is gone: leave, and end every track it obtained, previews included. */
  async dispose(): Promise<void> {
    this.devices.dispose();
    await this.leave();
  }

  async startAudio(): Promise<void> {
    await this.#session?.startAudio();
  }

  attachVideo(identity: string, source: TileSource, element: HTMLVideoElement): () => void {
    return this.#session?.attachVideo(identity, source, element) ?? (() => undefined);
  }

  async setScreenShare(on: boolean): Promise<void> {
    const session = this.#session;
    if (session) await this.#pending('screenshare', () => session.setScreenShare(on));
  }

  setAudioSink(element: HTMLElement | null): void {
    this.#audioSink = element;
    this.#session?.setAudioSink(element);
  }

  snapshot(): MeetingSnapshot {
    const s = this.store.getState();
    const local = localParticipant(s);
    const config = this.#config();
    return {
      state: s.phase,
      room: s.room,
      identity: s.localIdentity,
      participants: orderedParticipants(s).map((p) => ({
        identity: p.identity,
        name: p.name,
        local: p.local,
        microphone: p.microphone,
        camera: p.camera,
        screenshare: p.screenshare,
        speaking: p.speaking,
      })),
      microphone: local?.microphone ?? false,
      camera: local?.camera ?? false,
      screenshare: local?.screenshare ?? false,
      blur: false,
      layout: config.layout,
      panel: null,
    };
  }

  async #device(kind: 'microphone' | 'camera', on: boolean) {
    const { phase } = this.store.getState();
    if (phase !== 'connected' && phase !== 'reconnecting') {
      // Not in a call yet: remember the wish for the join (never dropped), and show it in the preview.
      this.#wanted[kind] = on;
      if (phase === 'prejoin') await this.devices.preview(kind, on);
      return;
    }
    const session = this.#session;
    if (session) await this.#pending(kind, () => (kind === 'microphone' ? session.setMicrophone(on) : session.setCamera(on)));
  }

  /** An action's pending flag, set while it runs and cleared however it ends. */
  async #pending(key: 'microphone' | 'camera' | 'screenshare', work: () => Promise<void>): Promise<void> {
    this.store.setState((s) => ({ pending: { ...s.pending, [key]: true } }));
    try {
      await work();
    } finally {
      this.store.setState((s) => ({ pending: { ...s.pending, [key]: false } }));
    }
  }

  async #credentials(config: MeetingConfig, name: string | undefined): Promise<Credentials> {
    const t = this.#t();
    if (config.token && config.serverUrl) return { serverUrl: config.serverUrl, token: config.token };
    if (!config.tokenEndpoint || !config.room || !name) throw new MeetingFailure('missing-connection', t('error.missingConnection'));
    const url = new URL(config.tokenEndpoint, globalThis.document?.baseURI);
    url.searchParams.set('room', config.room);
    url.searchParams.set('name', name);
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    } catch (error) {
      throw new MeetingFailure('token-endpoint-unreachable', t('error.tokenEndpointUnreachable', { message: errorText(error) }));
    }
    const body: unknown = await response.json().catch(() => null);
    const field = (key: string) =>
      typeof body === 'object' && body !== null && Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;
    if (!response.ok) {
      const message = typeof field('message') === 'string' ? String(field('message')) : `HTTP ${response.status}`;
      throw new MeetingFailure('token-endpoint-refused', t('error.tokenEndpoint', { message }));
    }
    const token = field('token');
    const serverUrl = config.serverUrl ?? field('serverUrl');
    if (typeof token !== 'string' || typeof serverUrl !== 'string') {
      throw new MeetingFailure('token-endpoint-refused', t('error.tokenEndpoint', { message: 'response lacks token or serverUrl' }));
    }
    return { serverUrl, token };
  }

  #fail(error: unknown) {
    const t = this.#t();
    let failure: MeetingError;
    if (error instanceof MeetingFailure) failure = { code: error.code, message: error.message };
    else {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
      const raw = errorText(error);
      const message =
        code === 'server-unreachable'
          ? t('error.serverUnreachable', { url: raw })
          : code === 'token-rejected'
            ? t('error.tokenRejected', { message: raw })
            : t('error.unknown', { message: raw });
      failure = { code, message };
    }
    this.store.setState({ phase: 'error', error: failure });
    this.#emit('confab-connection-state', { state: 'disconnected' });
    this.#emit('confab-error', failure);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
