// confab-frame.js: the host-page helper. Builds the iframe, hands the token over by postMessage
// (never in the URL), and exposes the element's methods as promises and its events as on/off.
// No Lit, no livekit-client: it must stay a few kB.
import type { ConfabEventDetails, ConfabEventName } from '../events.js';
import { parseFrameMessage, PROTOCOL_VERSION, type CommandName, type MeetingCommands, type MessageId } from './protocol.js';

/** The permissions the meeting needs from the embedding page. */
export const FRAME_ALLOW = 'camera; microphone; display-capture; fullscreen; autoplay; picture-in-picture; clipboard-write';

export interface FrameOptions {
  /** The embed.html URL of your Confab deployment. */
  url: string;
  /** A LiveKit token minted by your server; sent by postMessage, never in the URL. */
  token?: string;
  /** The LiveKit URL for `token`; must be in the deployment's serverUrls (default: its first). */
  serverUrl?: string;
  /** Presentation options of contract §2 (`room`, `name`, `theme`, `max-tiles`, …), kebab or camelCase. */
  [option: string]: string | number | boolean | undefined;
}

type Listener<N extends ConfabEventName> = (detail: ConfabEventDetails[N]) => void;

export interface FrameController extends MeetingCommands {
  readonly iframe: HTMLIFrameElement;
  on<N extends ConfabEventName>(name: N, listener: Listener<N>): void;
  off<N extends ConfabEventName>(name: N, listener: Listener<N>): void;
  /** Removes the iframe and every listener; pending commands reject. */
  destroy(): void;
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function createFrame(container: HTMLElement, options: FrameOptions): FrameController {
  const src = new URL(options.url, location.href);
  const targetOrigin = src.origin;
  for (const [key, value] of Object.entries(options)) {
    if (key === 'url' || key === 'token' || key === 'serverUrl' || key === 'title' || value === undefined) continue;
    src.searchParams.set(kebab(key), String(value));
  }
  src.searchParams.set('parent-origin', location.origin);

  const iframe = document.createElement('iframe');
  iframe.src = src.href;
  iframe.allow = FRAME_ALLOW;
  iframe.allowFullscreen = true;
  iframe.title = typeof options.title === 'string' ? options.title : 'Video meeting';
  iframe.referrerPolicy = 'origin';
  iframe.style.cssText = 'width:100%;height:100%;border:0;display:block';

  const listeners = new Map<string, Set<(detail: never) => void>>();
  const pending = new Map<MessageId, { resolve(value: unknown): void; reject(error: Error): void }>();
  let queue: Array<() => void> | null = [];
  let nextId = 1;
  let destroyed = false;

  const post = (name: CommandName, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      if (destroyed) return reject(new Error('confab frame destroyed'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const send = () => iframe.contentWindow?.postMessage({ confab: PROTOCOL_VERSION, kind: 'command', id, name, args }, targetOrigin);
      // Commands issued before the frame is ready wait, in order; none is dropped.
      if (queue) queue.push(send);
      else send();
    });

  const onMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== targetOrigin) return;
    const message = parseFrameMessage(event.data);
    if (!message) return;
    if (message.kind === 'result') {
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      return;
    }
    if (message.name === 'confab-ready' && queue) {
      const waiting = queue;
      queue = null;
      if (options.token) {
        void post('setCredentials', [{ token: options.token, serverUrl: options.serverUrl }]).catch((error: unknown) => {
          emit('confab-error', { code: 'bad-credentials', message: error instanceof Error ? error.message : String(error) });
        });
      }
      for (const send of waiting) send();
    }
    emit(message.name, message.detail as never);
  };

  function emit<N extends ConfabEventName>(name: N, detail: ConfabEventDetails[N]) {
    for (const listener of listeners.get(name) ?? []) {
      try {
        (listener as Listener<N>)(detail);
      } catch (error) {
        console.error(error);
      }
    }
  }

  window.addEventListener('message', onMessage);
  container.append(iframe);

  return {
    iframe,
    join: () => post('join', []).then(() => undefined),
    leave: () => post('leave', []).then(() => undefined),
    setMicrophone: (on) => post('setMicrophone', [on]).then(() => undefined),
    setCamera: (on) => post('setCamera', [on]).then(() => undefined),
    setScreenShare: (on) => post('setScreenShare', [on]).then(() => undefined),
    getState: () => post('getState', []),
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
    },
    off(name, listener) {
      listeners.get(name)?.delete(listener);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener('message', onMessage);
      iframe.remove();
      listeners.clear();
      for (const waiter of pending.values()) waiter.reject(new Error('confab frame destroyed'));
      pending.clear();
      queue = null;
    },
  };
}
