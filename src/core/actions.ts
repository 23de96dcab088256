// What components may ask of the meeting: one narrow, typed interface per domain, provided through
// context (src/controllers/context.ts). A component takes the domains it shows, never the meeting.
import type { Layout } from '../config/schema.js';
import type { ServerTopic } from './session-port.js';
import type { DeviceKind, InputKind, MediaKind, Panel, TileSource } from './types.js';

export interface JoinChoices {
  name?: string;
  audio?: boolean;
  video?: boolean;
}

/** What the pre-join needs to know about the name: asked, or already given (by the host or the token). */
export interface NameRequirement {
  /** The name to show or prefill. */
  name: string | undefined;
  /** Whether the user must type one (false: it comes with the token or the host set it). */
  ask: boolean;
}

/** A video to show: a participant's camera or screen; `identity: null` is the local camera, in or out of a call. */
export interface TrackRef {
  identity: string | null;
  source: TileSource;
}

/** Joining, leaving, and the pre-join around them. */
export interface CallActions {
  join(choices?: JoinChoices): Promise<void>;
  leave(): Promise<void>;
  /** Starts remote audio after a user gesture (autoplay policy). */
  startAudio(): Promise<void>;
  /** The pre-join is showing: device lists, the preview, the meter, an early start on the connection. */
  enterPrejoin(): void;
  leavePrejoin(): void;
  nameRequirement(): NameRequirement;
  /** Where the pre-join toggles start: explicit option › saved preference › default. */
  startState(): { audio: boolean; video: boolean };
}

/** One's own microphone, camera and screen. */
export interface MediaActions {
  setMicrophone(on: boolean): Promise<void>;
  setCamera(on: boolean): Promise<void>;
  setScreenShare(on: boolean): Promise<void>;
}

export interface DeviceActions {
  /** Chooses a device; in a call it switches without rejoining. */
  switchDevice(kind: MediaKind, id: string): Promise<void>;
  /** Tries a failed device again. */
  retryDevice(kind: InputKind): Promise<void>;
  dismissDeviceError(device: DeviceKind): void;
}

export interface BackgroundActions {
  setBlur(on: boolean): Promise<void>;
  /** A virtual background image (null: none). */
  setBackgroundImage(url: string | null): Promise<void>;
  /** Blur strength 0..1. */
  setBlurStrength(strength: number): void;
}

export interface ChatActions {
  /** Resolves with the id once sent; rejects `message-too-long`, `not-connected`, `send-failed`. */
  sendChatMessage(text: string): Promise<string>;
  /** Sends a failed message again (same id: nobody sees it twice). */
  retryChatMessage(id: string): Promise<string>;
}

export interface PresenceActions {
  /** Raises or lowers one's hand (rejects `not-connected`, `not-allowed`, `reactions-disabled`). */
  raiseHand(on: boolean): Promise<void>;
  /** Sends one of the offered emoji (rejects `bad-argument`, `reactions-disabled`, `not-connected`, `rate-limited`). */
  sendReaction(emoji: string): Promise<void>;
}

/**
 * A host's: the lobby, moderation, recording. Each rejects `not-connected` outside a call,
 * `not-allowed` for a guest, `moderation-unavailable` without a Confab server, and the server's
 * code when it refuses (`not-in-room`, `not-waiting`, `recording-not-configured`…).
 */
export interface ModerationActions {
  admit(identity: string): Promise<void>;
  deny(identity: string): Promise<void>;
  admitAll(): Promise<void>;
  /** `screen` stops what they share from reaching anyone (they may share again). */
  muteParticipant(identity: string, source: 'microphone' | 'camera' | 'screen'): Promise<void>;
  /** LiveKit cannot unmute anyone: they see the request and choose. */
  askToUnmute(identity: string, source: 'microphone' | 'camera'): Promise<void>;
  removeParticipant(identity: string): Promise<void>;
  lowerHand(identity: string): Promise<void>;
  muteAll(): Promise<void>;
  lockRoom(on: boolean): Promise<void>;
  endMeeting(): Promise<void>;
  startRecording(): Promise<void>;
  stopRecording(): Promise<void>;
  /** Asks the server who waits (a host's widget does on a lobby signal). */
  refreshLobby(): Promise<void>;
  /** The notice that recording started, read. */
  dismissRecordingNotice(): Promise<void>;
  /** A host's request to turn a device on again, answered (`true`: turned on) or dismissed. */
  answerUnmute(on: boolean): Promise<void>;
  /** A packet of the Confab server's (a request to unmute, the lobby changed), read after its words have loaded. */
  receive(topic: ServerTopic, payload: Uint8Array): Promise<void>;
}

export interface LayoutActions {
  /** Pins a participant to the stage (null: unpins). */
  pin(identity: string | null): Promise<void>;
  setLayout(layout: Layout): Promise<void>;
}

export interface PanelActions {
  openPanel(panel: Panel): Promise<void>;
  closePanel(): void;
}

export interface TrackActions {
  /** Shows a video in an element; returns the detach function. One path for the preview and every tile. */
  attachVideo(ref: TrackRef, element: HTMLVideoElement): () => void;
  /** Plays a remote participant's microphone in an element; returns the detach function. */
  attachAudio(identity: string, element: HTMLAudioElement): () => void;
  /** A remote video presented a frame (the first one of the call is marked: what the join is for). */
  framePresented(): void;
}

/** Every domain's actions, as the element provides them (each a separate object: no domain sees another's). */
/** End-to-end encryption's key (src/core/encryption.ts). */
export interface EncryptionActions {
  /** Sets the key: before the join, or mid-call to re-key without reconnecting. */
  setKey(key: string): Promise<void>;
}

export interface Actions {
  call: CallActions;
  encryption: EncryptionActions;
  media: MediaActions;
  devices: DeviceActions;
  background: BackgroundActions;
  chat: ChatActions;
  presence: PresenceActions;
  moderation: ModerationActions;
  layout: LayoutActions;
  panels: PanelActions;
  tracks: TrackActions;
}

export type Domain = keyof Actions;
