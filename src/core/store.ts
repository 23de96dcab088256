import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MeetingState, ParticipantView } from './types.js';

export type MeetingStore = StoreApi<MeetingState>;

export function initialState(): MeetingState {
  return {
    phase: 'prejoin',
    room: null,
    localIdentity: null,
    participants: {},
    activeSpeakers: [],
    pending: { microphone: false, camera: false, screenshare: false, join: false },
    audioBlocked: false,
    leftReason: null,
    error: null,
    deviceErrors: [],
    devices: {
      cameras: [],
      microphones: [],
      speakers: [],
      selected: { camera: null, microphone: null, speaker: null },
      preview: { camera: 'off', microphone: 'off' },
      level: 0,
      canSelectSpeaker: false,
    },
    toasts: [],
    settingsOpen: false,
  };
}

/** One store per <confab-meeting>: no module singletons. */
export function createMeetingStore(seed: Partial<MeetingState> = {}): MeetingStore {
  return createStore<MeetingState>()(() => ({ ...initialState(), ...seed }));
}

/** Participants in display order: local first, then by arrival. */
export function orderedParticipants(state: MeetingState): ParticipantView[] {
  return Object.values(state.participants).sort((a, b) => {
    if (a.local !== b.local) return a.local ? -1 : 1;
    return a.joinedAt - b.joinedAt || a.identity.localeCompare(b.identity);
  });
}

export function localParticipant(state: MeetingState): ParticipantView | undefined {
  return state.localIdentity ? state.participants[state.localIdentity] : undefined;
}
