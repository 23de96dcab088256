import type { MessageKey } from '../i18n/en.js';

// Plain, serializable view models. Never put livekit-client objects in the store.

export const PHASES = ['prejoin', 'connecting', 'connected', 'reconnecting', 'left', 'error'] as const;
export type Phase = (typeof PHASES)[number];

export const LEFT_REASONS = ['user', 'kicked', 'duplicate-identity', 'room-closed', 'network', 'error'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export type DeviceKind = 'camera' | 'microphone' | 'screen';
export type TileSource = 'camera' | 'screen';
export type DeviceErrorReason = 'denied' | 'policy-blocked' | 'not-found' | 'in-use' | 'unknown';

export interface DeviceError {
  device: DeviceKind;
  reason: DeviceErrorReason;
}

export interface ParticipantView {
  identity: string;
  name: string;
  local: boolean;
  /** Microphone published and not muted. */
  microphone: boolean;
  /** Camera published and not muted. */
  camera: boolean;
  /** Sid of the camera track ready to attach, or null; a change means the tile must re-attach. */
  cameraTrackSid: string | null;
  screenshare: boolean;
  /** Sid of the screen-share track ready to attach, or null. */
  screenTrackSid: string | null;
  speaking: boolean;
  /** Order of arrival, for stable tile ordering. */
  joinedAt: number;
}

export const MEDIA_KINDS = ['camera', 'microphone', 'speaker'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** The MediaDeviceInfo kind of each of our device kinds. */
export const DEVICE_KIND: Readonly<Record<MediaKind, MediaDeviceKind>> = { camera: 'videoinput', microphone: 'audioinput', speaker: 'audiooutput' };

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
  /** Pre-join preview of each input. */
  preview: Readonly<Record<'camera' | 'microphone', 'off' | 'starting' | 'live'>>;
  /** Microphone level 0..1 while previewing. */
  level: number;
  /** Whether the browser can choose the speaker (HTMLMediaElement.setSinkId). */
  canSelectSpeaker: boolean;
}

export interface Toast {
  id: number;
  key: MessageKey;
  params?: Record<string, string>;
}

export interface MeetingError {
  code: string;
  message: string;
}

export interface MeetingState {
  phase: Phase;
  room: string | null;
  localIdentity: string | null;
  participants: Readonly<Record<string, ParticipantView>>;
  /** Identities currently speaking, loudest first. */
  activeSpeakers: readonly string[];
  pending: { microphone: boolean; camera: boolean; screenshare: boolean; join: boolean };
  /** Remote audio cannot start until the user interacts with the page. */
  audioBlocked: boolean;
  leftReason: LeftReason | null;
  error: MeetingError | null;
  deviceErrors: readonly DeviceError[];
  devices: DevicesView;
  /** Short-lived messages (e.g. "Switched to …"), announced politely. */
  toasts: readonly Toast[];
  /** The mid-call settings panel is open. */
  settingsOpen: boolean;
}

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
  }>;
  microphone: boolean;
  camera: boolean;
  screenshare: boolean;
  blur: boolean;
  layout: string;
  panel: string | null;
}

/** A message for the user from outside the meeting (e.g. the embed page), translated when shown. */
export interface Notice {
  /** Stable code, sent in `confab-error`. */
  code: string;
  key: MessageKey;
  params?: Record<string, string>;
}
