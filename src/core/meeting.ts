// The per-element meeting: store + actions + a lazily loaded session. No livekit-client here.
import type { MeetingConfig } from '../config/schema.js';
import type { Emit } from '../events.js';
import type { Translate } from '../i18n/i18n.js';
import { createMeetingStore, localParticipant, orderedParticipants, type MeetingStore } from './store.js';
import type { MeetingError, MeetingSnapshot } from './types.js';
import type { Session } from './session.js';

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
  #session: Session | null = null;
  #audioSink: HTMLElement | null = null;
  #joinSeq = 0;
  readonly #emit: Emit;
  readonly #config: () => MeetingConfig;
  readonly #t: () => Translate;

  constructor(options: { emit: Emit; config: () => MeetingConfig; t: () => Translate }) {
    this.#emit = options.emit;
    this.#config = options.config;
    this.#t = options.t;
  }

  /** Joins with the current config; choices from the pre-join screen override it. */
  async join(choices: JoinChoices = {}): Promise<void> {
    const { phase } = this.store.getState();
    if (phase === 'connecting' || phase === 'connected' || phase === 'reconnecting') return;
    const seq = ++this.#joinSeq;
    const config = this.#config();
    this.store.setState({ phase: 'connecting', error: null, leftReason: null, deviceErrors: [], pending: { microphone: false, camera: false, join: true } });
    this.#emit('confab-connection-state', { state: 'connecting' });
    try {
      const credentials = await this.#credentials(config, choices.name ?? config.name);
      const { Session } = await import('./session.js');
      if (seq !== this.#joinSeq) return; // left before the session loaded
      const session = new Session(this.store, this.#emit);
      this.#session = session;
      session.setAudioSink(this.#audioSink);
      await session.connect({ ...credentials, audio: choices.audio ?? config.audio, video: choices.video ?? config.video });
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

  async startAudio(): Promise<void> {
    await this.#session?.startAudio();
  }

  attachVideo(identity: string, element: HTMLVideoElement): () => void {
    return this.#session?.attachVideo(identity, element) ?? (() => undefined);
  }

  setAudioSink(element: HTMLElement | null): void {
    this.#audioSink = element;
    this.#session?.setAudioSink(element);
  }

  dismissDeviceError(device: string): void {
    this.store.setState((s) => ({ deviceErrors: s.deviceErrors.filter((e) => e.device !== device) }));
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
    const session = this.#session;
    if (!session) return;
    this.store.setState((s) => ({ pending: { ...s.pending, [kind]: true } }));
    try {
      if (kind === 'microphone') await session.setMicrophone(on);
      else await session.setCamera(on);
    } finally {
      this.store.setState((s) => ({ pending: { ...s.pending, [kind]: false } }));
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
