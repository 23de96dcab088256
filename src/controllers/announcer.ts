import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { summarizePresence, type Announcement } from '../core/announce.js';
import type { DiffFeed, PresenceChange } from '../core/host-events.js';

const BATCH_MS = 1500;
/** New chat messages are announced as a count, at most once per this long (never one by one). */
const UNREAD_MS = 5000;

/**
 * Feeds a polite live region from the same diff as the host events: joins and leaves (batched, at
 * most one message per 1.5 s) and the user's own microphone and camera changes (at once).
 */
export class Announcer implements ReactiveController {
  message: Announcement | null = null;
  #pending: PresenceChange[] = [];
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #batch: ReturnType<typeof setTimeout> | undefined;
  #unread = 0;
  #unreadBatch: ReturnType<typeof setTimeout> | undefined;
  #unlisten: (() => void) | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #feed: DiffFeed;

  constructor(host: ReactiveControllerHost, feed: DiffFeed) {
    this.#host = host;
    this.#feed = feed;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unlisten = this.#feed.listen((diff) => {
      if (diff.presence.length) {
        this.#pending.push(...diff.presence);
        if (!this.#batch) this.#batch = this.#later(() => this.#flush(), BATCH_MS);
      }
      if (diff.self) this.#say({ key: diff.self, params: {} });
      if (diff.unread) {
        this.#unread += diff.unread;
        if (!this.#unreadBatch)
          this.#unreadBatch = this.#later(() => {
            this.#unreadBatch = undefined;
            const count = this.#unread;
            this.#unread = 0;
            this.#say({ key: 'announce.unread', params: { count: String(count) } });
          }, UNREAD_MS);
      }
    });
  }

  hostDisconnected(): void {
    this.#unlisten?.();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#batch = undefined;
    this.#unreadBatch = undefined;
    this.#unread = 0;
    this.#pending = [];
  }

  #later(fn: () => void, ms: number) {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    this.#timers.add(timer);
    return timer;
  }

  #flush() {
    this.#batch = undefined;
    const [first, second] = summarizePresence(this.#pending);
    this.#pending = [];
    if (first) this.#say(first);
    if (second) this.#later(() => this.#say(second), 800);
  }

  #say(message: Announcement) {
    this.message = message;
    this.#host.requestUpdate();
  }
}
