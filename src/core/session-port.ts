// What the meeting core needs from the session chunk (src/session/, the only livekit-client code).
// The core depends on this interface, and loads the implementation lazily.
import type { Credentials } from './credentials.js';
import type { Reaction } from './reactions.js';
import type { PhaseEvent } from './phase.js';
import type { MeetingStore } from './store.js';
import type { DeviceKind, InputKind, TileSource } from './types.js';

export interface SessionHooks {
  store: MeetingStore;
  dispatch(event: PhaseEvent): void;
  deviceError(device: DeviceKind, error: unknown): void;
}

export interface ConnectOptions {
  speaker: string | null;
  /** Chat transport bound (chat="on"), and whether late joiners exchange history (chat-history). */
  chat: { enabled: boolean; history: boolean };
}

export interface SessionPort {
  /** Connects; rejects with a JoinError, or an AbortError when `signal` aborts (the room is then closed). */
  connect(credentials: Credentials, options: ConnectOptions, signal: AbortSignal): Promise<{ room: string; identity: string }>;
  /** Publishes the pipeline's output for a kind, replaces it, or (null) mutes it. */
  publish(kind: InputKind, track: MediaStreamTrack | null): Promise<void>;
  setScreenShare(on: boolean): Promise<void>;
  /** Sets or clears our `handRaisedAt` attribute. */
  setHand(on: boolean): Promise<void>;
  /** Sends a reaction (already checked) and shows it on one's own tile. */
  sendReaction(emoji: Reaction): Promise<void>;
  switchSpeaker(id: string): Promise<void>;
  activeSpeaker(): string | undefined;
  startAudio(): Promise<void>;
  attachVideo(identity: string, source: TileSource, element: HTMLVideoElement): () => void;
  attachAudio(identity: string, element: HTMLAudioElement): () => void;
  /** Sends a chat message (queued while reconnecting); resolves with its id once sent. */
  sendChat(text: string): Promise<string>;
  /** Sends a failed chat message again, with the same id. */
  retryChat(id: string): Promise<string>;
  /** Runs one of livekit-client's fault scenarios (tests only: resume, full reconnect, node failure, server leave). */
  simulate(scenario: string): Promise<void>;
  /** Leaves the room (user reason); resolves when the room is closed. */
  disconnect(): Promise<void>;
}

export type SessionFactory = (hooks: SessionHooks) => SessionPort;

/**
 * The session chunk, and the in-call chunk with the call's English (who joined, …): define() has
 * asked for it already, so this only makes sure it is here before the first participant is.
 */
export const loadDefaultSession = (): Promise<SessionFactory> =>
  Promise.all([import('../session/session.js'), import('../in-call.js')]).then(([m]) => m.createSession);
