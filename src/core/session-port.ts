// What the meeting core needs from the session chunk (src/session/, the only livekit-client code).
// The core depends on this interface; the element's wiring (src/wiring.ts) loads the implementation.
import type { MeetingConfig } from '../config/schema.js';
import type { Credentials } from './credentials.js';
import type { Reaction } from './reactions.js';
import type { PhaseEvent } from './phase.js';
import type { MeetingStore } from './store.js';
import type { DeviceKind, InputKind, Notice, TileSource } from './types.js';

export interface SessionHooks {
  store: MeetingStore;
  dispatch: (event: PhaseEvent) => void;
  deviceError: (device: DeviceKind, error: unknown) => void;
  /** Asked when the session needs a token again: the one it has expired (a rejoin, a refused reconnect). */
  credentials: (reason: 'expired') => Promise<Credentials>;
  /** A part of the call could not start (its chunk failed to load): a banner and `confab-error`. */
  report: (notice: Notice) => void;
  /** A packet of the Confab server's on one of its topics (only it sends as no participant); read by moderation.ts. */
  serverPacket: (topic: ServerTopic, payload: Uint8Array) => void;
}

/** `confab.lobby`: the lobby changed or the room was locked (for hosts); `confab.moderation`: a host asks us to unmute. */
export const SERVER_TOPICS = ['confab.lobby', 'confab.moderation'] as const;
export type ServerTopic = (typeof SERVER_TOPICS)[number];

export interface ConnectOptions {
  /** The element's options: each session domain reads what it needs (chat, chat-history, reactions, …). */
  config: MeetingConfig;
  speaker: string | null;
  /** End-to-end encryption's key (e2ee="on"), or null: the encryption domain reads it; never logged. */
  e2eeKey: string | null;
}

export interface EncryptionPort {
  /** Re-keys the call (our media and data from now on, what we decrypt) without reconnecting. */
  setKey(key: string): Promise<void>;
}

export interface ChatPort {
  /** Sends a chat message (queued while reconnecting); resolves with its id once sent. */
  send(text: string): Promise<string>;
  /** Sends a failed chat message again, with the same id. */
  retry(id: string): Promise<string>;
}

export interface ReactionsPort {
  /** Sends a reaction (already checked) and shows it on one's own tile. */
  send(emoji: Reaction): Promise<void>;
}

export interface PresencePort {
  /** Sets or clears our `handRaisedAt` attribute. */
  setHand(on: boolean): Promise<void>;
}

/**
 * What each session domain offers the core, by name. A new domain adds its own entry from its own
 * core module (`declare module './session-port.js' { interface DomainPorts { … } }`): nothing here changes.
 */
export interface DomainPorts {
  chat: ChatPort;
  reactions: ReactionsPort;
  presence: PresencePort;
  encryption: EncryptionPort;
}

export interface SessionPort {
  /** Connects; rejects with a JoinError, or an AbortError when `signal` aborts (the room is then closed). */
  connect(credentials: Credentials, options: ConnectOptions, signal: AbortSignal): Promise<{ room: string; identity: string }>;
  /** Publishes the pipeline's output for a kind, replaces it, or (null) mutes it. */
  publish(kind: InputKind, track: MediaStreamTrack | null): Promise<void>;
  setScreenShare(on: boolean): Promise<void>;
  switchSpeaker(id: string): Promise<void>;
  activeSpeaker(): string | undefined;
  startAudio(): Promise<void>;
  attachVideo(identity: string, source: TileSource, element: HTMLVideoElement): () => void;
  attachAudio(identity: string, element: HTMLAudioElement): () => void;
  /** A domain's port once its code is loaded and bound; rejects `not-connected` without a call, or with the domain off. */
  port<K extends keyof DomainPorts>(name: K): Promise<DomainPorts[K]>;
  /** Runs one of livekit-client's fault scenarios (tests only: resume, full reconnect, node failure, server leave). */
  simulate(scenario: string): Promise<void>;
  /** Leaves the room (user reason); resolves when the room is closed. */
  disconnect(): Promise<void>;
}

export type SessionFactory = (hooks: SessionHooks) => SessionPort;
