import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrackActions, TrackRef } from '../core/actions.js';

export interface AttachTarget {
  actions: TrackActions | undefined;
  ref: TrackRef | null;
  /** Changes whenever the track behind `ref` changes (e.g. its sid); null: nothing to show. */
  key: string | null;
  video: HTMLVideoElement | null;
  /** Someone else's video: its first presented frame is told to the meeting (framePresented). */
  remote?: boolean;
}

/**
 * Keeps a <video> showing one track: attached after each update when the track changed, detached
 * when the host leaves the DOM. The same controller serves the pre-join preview and every tile.
 */
export class TrackAttachController implements ReactiveController {
  readonly #target: () => AttachTarget;
  #connected = false;
  #attached: { key: string; video: HTMLVideoElement; detach: () => void } | null = null;

  constructor(host: ReactiveControllerHost, target: () => AttachTarget) {
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostUpdated(): void {
    // An update after the host left the page must not attach: the track would hold the video.
    if (!this.#connected) return;
    const { actions, ref, key, video } = this.#target();
    const want = actions && ref && key !== null && video ? key : null;
    if (this.#attached && want === this.#attached.key && video === this.#attached.video) return;
    this.#detach();
    if (want !== null && actions && ref && video) {
      this.#attached = { key: want, video, detach: actions.attachVideo(ref, video) };
      // The first frame of a remote video (where the browser can say when one is presented).
      if (this.#target().remote) video.requestVideoFrameCallback?.(() => actions.framePresented());
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#detach();
  }

  #detach() {
    this.#attached?.detach();
    this.#attached = null;
  }
}
