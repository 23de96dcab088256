import { createStore, type StoreApi } from 'zustand/vanilla';
import { emptyChat } from './chat-state.js';
import { next, type PhaseEvent } from './phase.js';
import { UNRESTRICTED } from './permissions.js';
import type { EncryptionView, LobbyView, MediaView, MeetingState, ParticipantView } from './types.js';

export type MeetingStore = StoreApi<MeetingState>;

export const NO_MEDIA: MediaView = Object.freeze({
  microphone: false,
  camera: false,
  cameraTrackSid: null,
  screenshare: false,
  screenTrackSid: null,
  audioTrackSid: null,
});

export const NO_ENCRYPTION: EncryptionView = { on: false, mismatched: [] };

/** What a call leaves behind when it ends: nobody in it, nothing to show. */
export function endedCall(): Partial<MeetingState> {
  return {
    participants: new Map(),
    media: new Map(),
    activeSpeakers: [],
    audioBlocked: false,
    panel: null,
    permissions: UNRESTRICTED,
    firstFrameAt: null,
    lobby: EMPTY_LOBBY,
    unmuteAsked: null,
    encryption: NO_ENCRYPTION,
  };
}

export function initialState(): MeetingState {
  return {
    phase: 'prejoin',
    leftReason: null,
    error: null,
    room: null,
    localIdentity: null,
    participants: new Map(),
    activeSpeakers: [],
    media: new Map(),
    audioBlocked: false,
    recording: false,
    recordingNotice: false,
    encryption: NO_ENCRYPTION,
    permissions: UNRESTRICTED,
    reactions: [],
    pinned: null,
    firstFrameAt: null,
    layout: null,
    pending: { microphone: false, camera: false, screenshare: false, join: false },
    deviceErrors: [],
    devices: {
      cameras: [],
      microphones: [],
      speakers: [],
      selected: { camera: null, microphone: null, speaker: null },
      canSelectSpeaker: false,
    },
    local: { camera: 'off', microphone: 'off', level: 0 },
    background: { mode: 'none', image: null, strength: 0.6, active: false, status: 'idle', progress: 0, reason: null },
    toasts: [],
    panel: null,
    chat: emptyChat(),
    notices: [],
    lobby: EMPTY_LOBBY,
    unmuteAsked: null,
  };
}

export const EMPTY_LOBBY: LobbyView = Object.freeze({ waiting: [], locked: false, hostPresent: false });

/** One store per <confab-meeting>: no module singletons. */
export function createMeetingStore(seed: Partial<MeetingState> = {}): MeetingStore {
  return createStore<MeetingState>()(() => ({ ...initialState(), ...seed }));
}

/** The one writer of `phase` (and the fields that change with it): the phase machine. */
export function dispatch(store: MeetingStore, event: PhaseEvent): boolean {
  const s = store.getState();
  const current = { phase: s.phase, leftReason: s.leftReason, error: s.error, room: s.room, localIdentity: s.localIdentity };
  const after = next(current, event);
  if (after === current) return false;
  store.setState(after);
  return true;
}

/** A participant's tile view: who they are, what they publish, whether they speak. */
export function participantView(
  state: Pick<MeetingState, 'participants' | 'media' | 'activeSpeakers'>,
  identity: string,
): ParticipantView | undefined {
  const person = state.participants.get(identity);
  if (!person) return undefined;
  return { ...person, ...(state.media.get(identity) ?? NO_MEDIA), speaking: state.activeSpeakers.includes(identity) };
}

/** Participants in display order: local first, then by arrival. */
export function orderedParticipants(state: MeetingState): ParticipantView[] {
  return [...state.participants.values()]
    .sort((a, b) => {
      if (a.local !== b.local) return a.local ? -1 : 1;
      return a.joinedAt - b.joinedAt || a.identity.localeCompare(b.identity);
    })
    .map((p) => participantView(state, p.identity) as ParticipantView);
}

export function localParticipant(state: MeetingState): ParticipantView | undefined {
  return state.localIdentity ? participantView(state, state.localIdentity) : undefined;
}

/** Puts an item in an identity-keyed map without mutating it. */
export function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V): Map<string, V> {
  return new Map(map).set(key, value);
}

export function withoutEntry<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map;
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}
