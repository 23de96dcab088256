import type { MessageKey } from '../i18n/en.js';
import type { PermissionsView, PublishSource, Role } from './permissions.js';

// Plain view models. Never put livekit-client objects in the store. Identity-keyed collections are
// Maps: an identity is remote input, and `__proto__` or `constructor` must be an ordinary key.

export const PHASES = ['prejoin', 'connecting', 'waiting', 'connected', 'reconnecting', 'left', 'error'] as const;
export type Phase = (typeof PHASES)[number];

/** Why a call ended; each has a screen of its own (`left.reason.*`, `left.title.*`). */
export const LEFT_REASONS = ['user', 'kicked', 'denied', 'duplicate-identity', 'room-closed', 'network', 'error'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

export type ConnectionState = 'connecting' | 'waiting' | 'connected' | 'reconnecting' | 'disconnected';

export type DeviceKind = 'camera' | 'microphone' | 'screen';
export type InputKind = 'camera' | 'microphone';
export type TileSource = 'camera' | 'screen';
export type DeviceErrorReason = 'denied' | 'policy-blocked' | 'not-found' | 'in-use' | 'unknown';

export interface DeviceError {
  device: DeviceKind;
  reason: DeviceErrorReason;
  /** Increases with every report, so the same failure twice is two events. */
  seq: number;
}

export const QUALITIES = ['excellent', 'good', 'poor', 'lost', 'unknown'] as const;
export type Quality = (typeof QUALITIES)[number];

/** A reaction shown over a tile (`key` is unique within the page). */
export interface ReactionView {
  key: number;
  identity: string;
  emoji: string;
}

/** Who is in the room (the participants adapter writes it). */
export interface PersonView {
  identity: string;
  name: string;
  local: boolean;
  /** Order of arrival, for stable tile ordering. */
  joinedAt: number;
  /** Connection quality as the server measures it. */
  quality: Quality;
  /** Dropped with us (e.g. a server restart) and not back yet: shown as reconnecting, not as gone. */
  reconnecting: boolean;
  /** When the hand went up (ms since epoch, from the `handRaisedAt` attribute), or 0 when it is down. */
  handRaisedAt: number;
}

/** What a participant publishes (the tracks adapter writes it). */
export interface MediaView {
  /** Microphone published and not muted. */
  microphone: boolean;
  /** Camera published and not muted. */
  camera: boolean;
  /** Sid of the camera track ready to attach, or null; a change means the tile must re-attach. */
  cameraTrackSid: string | null;
  screenshare: boolean;
  /** Sid of the screen-share track ready to attach, or null. */
  screenTrackSid: string | null;
  /** Sid of a remote microphone track ready to play, or null. */
  audioTrackSid: string | null;
}

/** A person with their media and speaking state: what a tile shows (a selector joins the slices). */
export interface ParticipantView extends PersonView, MediaView {
  speaking: boolean;
}

export const MEDIA_KINDS = ['camera', 'microphone', 'speaker'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** The MediaDeviceInfo kind of each of our device kinds. */
export const DEVICE_KIND: Readonly<Record<MediaKind, MediaDeviceKind>> = {
  camera: 'videoinput',
  microphone: 'audioinput',
  speaker: 'audiooutput',
};

export interface DeviceOption {
  id: string;
  label: string;
}

export interface DevicesView {
  cameras: readonly DeviceOption[];
  microphones: readonly DeviceOption[];
  speakers: readonly DeviceOption[];
  /** The chosen device of each kind (null: the browser default). */
  selected: Readonly<Record<MediaKind, string | null>>;
  /** Whether the browser can choose the speaker (HTMLMediaElement.setSinkId). */
  canSelectSpeaker: boolean;
}

/** The local camera and microphone tracks: the same ones in the pre-join and in the call. */
export interface LocalMediaView {
  camera: 'off' | 'starting' | 'live';
  microphone: 'off' | 'starting' | 'live';
  /** Microphone level 0..1 (pre-join meter). */
  level: number;
}

export interface Toast {
  id: number;
  key: MessageKey;
  params?: Record<string, string>;
}

/** A failure shown to the user: a stable code plus a message key, translated when rendered. */
export interface UserError {
  code: string;
  key: MessageKey;
  params: Record<string, string>;
}

/** A message for the user from outside the meeting core (config issues, the embed page), translated when shown. */
export interface Notice {
  /** Stable code, sent in `confab-error`. */
  code: string;
  key: MessageKey;
  params?: Record<string, string>;
  /** Which option or device it concerns, for `data-*` hooks. */
  subject?: string;
}

export const PANELS = ['chat', 'participants', 'settings'] as const;
export type BackgroundMode = 'blur' | 'image';
/** Why a background effect cannot run here; each has a message key `background.unavailable.<reason>`. */
export const UNAVAILABLE = ['csp', 'no-wasm', 'browser', 'load-failed', 'too-slow', 'image-not-allowed'] as const;
export type Unavailable = (typeof UNAVAILABLE)[number];

/** Background blur / virtual background: what was asked, whether it runs, loading, why not. */
export interface BackgroundView {
  mode: BackgroundMode | 'none';
  /** The virtual background's URL (mode `image`). */
  image: string | null;
  /** Blur strength 0..1. */
  strength: number;
  /** The camera pipeline is processing. */
  active: boolean;
  status: 'idle' | 'loading' | 'ready' | 'unavailable';
  /** Loading progress 0..1 (first use). */
  progress: number;
  reason: Unavailable | null;
  /** What composites once the effect is ready: 'webgl' (GPU) or 'canvas' (CPU). */
  compositor?: 'webgl' | 'canvas';
}

export type Panel = (typeof PANELS)[number];

export type ChatStatus = 'sending' | 'sent' | 'failed';

/** One chat message as shown. The sender is always the SFU's identity (and its name then), never the payload's. */
export interface ChatMessage {
  id: string;
  identity: string;
  name: string;
  text: string;
  timestamp: number;
  local: boolean;
  /** Remote messages are 'sent'; one's own go sending → sent, or failed (with Retry). */
  status: ChatStatus;
  /** Order of arrival in this element (events, unread). */
  seq: number;
  /** Handed over by a peer when we joined late (not seen live). */
  earlier?: boolean;
  /**
   * Someone else's line that a peer's history answer claims (the SFU vouches only for the answerer):
   * shown marked as unverified, never as one's own, never handed on. The answerer's identity and name.
   */
  relayedBy?: string;
  relayedByName?: string;
  edited?: boolean;
  deleted?: boolean;
}

/** `none`: nobody to ask; `loading`; `loaded`; `unavailable`: chat-history off or nobody answered. */
export type ChatHistoryState = 'none' | 'loading' | 'loaded' | 'unavailable';

export interface ChatView {
  /** The room these messages belong to: joining another one clears them. */
  room: string | null;
  messages: readonly ChatMessage[];
  history: ChatHistoryState;
  /** Highest `seq` given out so far. */
  seq: number;
  /** The `seq` the reader has seen (written by the panel actions only). */
  readSeq: number;
}

/** Someone waiting in the lobby, as a host sees them. */
export interface Knocker {
  identity: string;
  name: string;
  /** When they knocked (ms since the epoch, the server's clock). */
  since: number;
}

export interface EncryptionView {
  on: boolean;
  /** Identities whose media our key cannot decrypt (their key differs), in order of discovery. */
  mismatched: readonly string[];
}

export interface LobbyView {
  /** Who waits, first come first (a host's view; empty for guests). */
  waiting: readonly Knocker[];
  /** New joiners wait in the lobby (lockRoom). */
  locked: boolean;
  /** While we wait ourselves: whether a host is in the meeting to let us in. */
  hostPresent: boolean;
}

export interface MeetingState {
  /** Written only by the phase machine (`dispatch`). */
  phase: Phase;
  leftReason: LeftReason | null;
  error: UserError | null;
  room: string | null;
  localIdentity: string | null;
  /** The participants adapter. */
  participants: ReadonlyMap<string, PersonView>;
  /** Identities currently speaking, loudest first (the participants adapter). */
  activeSpeakers: readonly string[];
  /** The tracks adapter. */
  media: ReadonlyMap<string, MediaView>;
  /** Remote audio cannot start until the user interacts with the page (the connection adapter). */
  audioBlocked: boolean;
  /** The room is being recorded (the connection adapter). */
  recording: boolean;
  /** End-to-end encryption (the encryption adapter): on once our media is encrypted; who we cannot decrypt. */
  encryption: EncryptionView;
  /** Recording started (or was on at join) and this user has not dismissed the notice yet. */
  recordingNotice: boolean;
  /** What the server lets us do (the permissions adapter): the UI offers only that. */
  permissions: PermissionsView;
  /** Reactions floating over tiles now, oldest first (the reactions adapter adds and removes them). */
  reactions: readonly ReactionView[];
  /** The participant pinned to the stage (pin()), or null. */
  pinned: string | null;
  /** The layout set live (setLayout()); null: the `layout` option's. */
  layout: 'auto' | 'grid' | 'speaker' | null;
  /** When the call's first remote video frame was presented (performance.now()), or null. */
  firstFrameAt: number | null;
  /** Set by an action while it runs. */
  pending: { microphone: boolean; camera: boolean; screenshare: boolean; join: boolean };
  deviceErrors: readonly DeviceError[];
  devices: DevicesView;
  local: LocalMediaView;
  background: BackgroundView;
  /** Short-lived messages (e.g. "Switched to …"), announced politely. */
  toasts: readonly Toast[];
  panel: Panel | null;
  /** The chat adapter (messages, history) and the panel actions (readSeq). */
  chat: ChatView;
  /** Config issues and embed-page refusals: shown as banners, each reported once in `confab-error`. */
  notices: readonly Notice[];
  /** The lobby (the moderation adapter and the knocker's wait). */
  lobby: LobbyView;
  /** A host asked us to turn a device on again (LiveKit cannot unmute anyone); null: nothing asked. */
  unmuteAsked: 'microphone' | 'camera' | null;
}

export type EncryptionState = 'on' | 'off' | 'key-mismatch';

/** The snapshot `getState()` returns (contract §4). */
export interface MeetingSnapshot {
  state: Phase;
  room: string | null;
  identity: string | null;
  participants: Array<{
    identity: string;
    name: string;
    local: boolean;
    microphone: boolean;
    camera: boolean;
    screenshare: boolean;
    speaking: boolean;
    handRaised: boolean;
    connectionQuality: Quality;
  }>;
  microphone: boolean;
  camera: boolean;
  screenshare: boolean;
  blur: boolean;
  /** Our own hand is up. */
  handRaised: boolean;
  layout: string;
  /** The pinned participant's identity, or null. */
  pinned: string | null;
  panel: string | null;
  /** Chat messages from others not seen yet. */
  unread: number;
  /** `host` with the token's roomAdmin, else `guest`. */
  role: Role;
  /** Who waits in the lobby (a host's view; empty for guests). */
  lobby: Array<{ identity: string; name: string }>;
  /** New joiners wait in the lobby. */
  locked: boolean;
  /** The room is being recorded. */
  recording: boolean;
  /** End-to-end encryption: `key-mismatch` while someone's media cannot be decrypted with our key. */
  encryption: EncryptionState;
  permissions: PermissionDetail;
}

/** What `confab-permissions` and getState() say the server allows (contract §3). */
export interface PermissionDetail {
  role: Role;
  canPublish: boolean;
  canPublishSources: PublishSource[];
  canChat: boolean;
  canModerate: boolean;
  canRecord: boolean;
}
