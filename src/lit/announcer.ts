import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { summarizePresence, type Announcement, type PresenceChange } from '../core/announce.js';
import { localParticipant, type MeetingStore } from '../core/store.js';
import type { MeetingState } from '../core/types.js';

const BATCH_MS = 1500;

/**
 * Feeds a polite live region: joins and leaves (batched, at most one message per 1.5 s) and the
 * user's own microphone and camera changes (at once).
 */
export class Announcer implements ReactiveController {
  message: Announcement | null = null;
  #pending: PresenceChange[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #store: MeetingStore;

  constructor(host: ReactiveControllerHost, store: MeetingStore) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#store.subscribe((state, previous) => this.#diff(state, previous));
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #diff(state: MeetingState, previous: MeetingState) {
    if (state.phase !== 'connected' || previous.phase !== 'connected') return; // not the initial population
    if (state.participants !== previous.participants) {
      for (const [id, p] of Object.entries(state.participants)) {
        if (!p.local && !Object.hasOwn(previous.participants, id)) this.#pending.push({ kind: 'joined', name: p.name });
      }
      for (const [id, p] of Object.entries(previous.participants)) {
        if (!p.local && !Object.hasOwn(state.participants, id)) this.#pending.push({ kind: 'left', name: p.name });
      }
      if (this.#pending.length && !this.#timer) this.#timer = setTimeout(() => this.#flush(), BATCH_MS);
    }
    const now = localParticipant(state);
    const before = localParticipant(previous);
    if (now && before && now.identity === before.identity) {
      if (now.microphone !== before.microphone) this.#say({ key: now.microphone ? 'announce.microphoneOn' : 'announce.microphoneOff', params: {} });
      else if (now.camera !== before.camera) this.#say({ key: now.camera ? 'announce.cameraOn' : 'announce.cameraOff', params: {} });
    }
  }

  #flush() {
    this.#timer = undefined;
    const [first, second] = summarizePresence(this.#pending);
    this.#pending = [];
    if (first) this.#say(first);
    if (second) setTimeout(() => this.#say(second), 800);
  }

  #say(message: Announcement) {
    this.message = message;
    this.#host.requestUpdate();
  }
}
