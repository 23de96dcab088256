import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrackActions } from '../core/actions.js';
import type { MeetingStore } from '../core/store.js';
import type { MeetingState } from '../core/types.js';

/** Remote microphones ready to play, as "identity|sid". */
function audioKeys(state: MeetingState): string[] {
  const keys: string[] = [];
  for (const [identity, media] of state.media) if (media.audioTrackSid) keys.push(`${identity}|${media.audioTrackSid}`);
  return keys;
}

/** Plays every remote microphone once, in hidden <audio> elements at the root of the widget. */
export class AudioSinkController implements ReactiveController {
  readonly #store: MeetingStore;
  readonly #actions: TrackActions;
  readonly #sink: () => HTMLElement | null;
  readonly #playing = new Map<string, { element: HTMLAudioElement; detach: () => void }>();
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, store: MeetingStore, actions: TrackActions, sink: () => HTMLElement | null) {
    this.#store = store;
    this.#actions = actions;
    this.#sink = sink;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#store.subscribe((state, previous) => {
      if (state.media !== previous.media) this.#sync(state);
    });
  }

  hostUpdated(): void {
    // After disconnect nothing may start playing again (an update can still run then).
    if (this.#unsubscribe) this.#sync(this.#store.getState());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    for (const key of [...this.#playing.keys()]) this.#stop(key);
  }

  #sync(state: MeetingState) {
    const sink = this.#sink();
    if (!sink) return;
    const keys = new Set(audioKeys(state));
    for (const key of [...this.#playing.keys()]) if (!keys.has(key)) this.#stop(key);
    for (const key of keys) {
      if (this.#playing.has(key)) continue;
      const identity = key.slice(0, key.lastIndexOf('|'));
      const element = document.createElement('audio');
      element.autoplay = true;
      element.dataset.identity = identity;
      sink.append(element);
      this.#playing.set(key, { element, detach: this.#actions.attachAudio(identity, element) });
    }
  }

  #stop(key: string) {
    const entry = this.#playing.get(key);
    if (!entry) return;
    this.#playing.delete(key);
    entry.detach();
    entry.element.remove();
  }
}
