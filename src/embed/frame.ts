// confab-frame.js: the host-page helper. Builds the iframe, hands the token over by postMessage
// (never in the URL), and exposes the command table's methods as promises and the events as on/off.
// No Lit, no livekit-client: it must stay a few kB.
import { COMMAND_NAMES, RETURNS_VALUE, type CommandName, type MeetingCommands } from '../core/commands.js';
import type { TokenProvider } from '../core/credentials.js';
import type { ConfabEventDetails, ConfabEventName } from '../events.js';
import {
  parseFrameMessage,
  PROTOCOL_VERSION,
  SET_CREDENTIALS,
  type FrameCommandName,
  type MessageId,
  type TokenAnswerMessage,
  type TokenRequestMessage,
} from './protocol.js';

/** The permissions the meeting needs from the embedding page. */
export const FRAME_ALLOW = 'camera; microphone; display-capture; fullscreen; autoplay; picture-in-picture; clipboard-write';

/** How long the frame has to say it is ready before pending commands reject with `frame-not-ready`. */
export const READY_TIMEOUT_MS = 15_000;

export interface FrameOptions {
  /** The embed.html URL of your Confab deployment. */
  url: string;
  /** A LiveKit token minted by your server; sent by postMessage, never in the URL. */
  token?: string;
  /** The LiveKit URL for `token`; must be in the deployment's serverUrls (default: its first). */
  serverUrl?: string;
  /** An invite signed by your backend (the Confab server's invite policy); put in the fragment, never the query. */
  invite?: string;
  /** End-to-end encryption's key (with `e2ee: 'on'`): put in the fragment, never the query, never sent to a server. */
  e2eeKey?: string;
  /**
   * Asked for `{ serverUrl, token }` whenever the frame needs credentials (at join, and when a token
   * expired), as the element's tokenProvider: the frame asks over postMessage and never uses the
   * deployment's token endpoint instead.
   */
  tokenProvider?: TokenProvider;
  /** Milliseconds to wait for the frame's confab-ready (default 15000). */
  readyTimeout?: number;
  /** Presentation options of contract §2 (`room`, `name`, `theme`, `max-tiles`, …), kebab or camelCase. */
  [option: string]: string | number | boolean | TokenProvider | undefined;
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
const HELPER_ONLY = new Set(['url', 'token', 'serverUrl', 'title', 'readyTimeout', 'invite', 'e2eeKey', 'tokenProvider']);
/** A JS caller's provider may return anything: only strings cross (the frame refuses the rest). */
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

export function createFrame(container: HTMLElement, options: FrameOptions): FrameController {
  const src = new URL(options.url, location.href);
  const targetOrigin = src.origin;
  for (const [key, value] of Object.entries(options)) {
    if (HELPER_ONLY.has(key) || value === undefined) continue;
    src.searchParams.set(kebab(key), String(value));
  }
  src.searchParams.set('parent-origin', location.origin);
  // An invite and an encryption key travel in the fragment: never sent to a server, never in a log or a Referer.
  const fragment = new URLSearchParams();
  if (typeof options.invite === 'string') fragment.set('invite', options.invite);
  // Credentials from this page: the frame waits for them and never asks the token endpoint instead.
  else if (options.token !== undefined) fragment.set('credentials', 'parent');
  else if (typeof options.tokenProvider === 'function') fragment.set('credentials', 'provider');
  if (typeof options.e2eeKey === 'string') fragment.set('e2ee-key', options.e2eeKey);
  src.hash = fragment.toString();

  const iframe = document.createElement('iframe');
  iframe.src = src.href;
  iframe.allow = FRAME_ALLOW;
  iframe.allowFullscreen = true;
  iframe.title = typeof options.title === 'string' ? options.title : 'Video meeting';
  iframe.referrerPolicy = 'origin';
  iframe.style.cssText = 'width:100%;height:100%;border:0;display:block';

  const listeners = new Map<string, Set<(detail: never) => void>>();
  const pending = new Map<MessageId, { resolve(value: unknown): void; reject(error: Error): void }>();
  let queue: Array<{ id: MessageId; send: () => void }> | null = [];
  let notReady = false;
  let nextId = 1;
  let destroyed = false;

  const post = (name: FrameCommandName, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      if (destroyed) return reject(failure('destroyed', 'confab frame destroyed'));
      if (notReady && queue) return reject(failure('frame-not-ready', 'the meeting frame is not ready'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const send = () => iframe.contentWindow?.postMessage({ confab: PROTOCOL_VERSION, kind: 'command', id, name, args }, targetOrigin);
      // Commands issued before the frame is ready wait, in order; none is dropped.
      if (queue) queue.push({ id, send });
      else send();
    });

  // A frame that never says it is ready (wrong URL, a parent origin the deployment refuses) must
  // not leave the host's promises hanging: they reject, and confab-error says why.
  const readyTimer = setTimeout(() => {
    if (!queue || destroyed) return;
    notReady = true;
    for (const { id } of queue.splice(0)) {
      pending.get(id)?.reject(failure('frame-not-ready', 'the meeting frame did not become ready'));
      pending.delete(id);
    }
    emit('confab-error', {
      code: 'frame-not-ready',
      message: `The meeting frame at ${src.origin} did not become ready; check its URL and that this page's origin is in the deployment's allowedParentOrigins.`,
    });
  }, options.readyTimeout ?? READY_TIMEOUT_MS);

  const onMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== targetOrigin) return;
    const message = parseFrameMessage(event.data);
    if (!message) return;
    if (message.kind === 'token-request') return void answerTokenRequest(message);
    if (message.kind === 'result') {
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(failure(message.error.code, message.error.message));
      return;
    }
    if (message.name === 'confab-ready' && queue) {
      clearTimeout(readyTimer);
      const waiting = queue;
      queue = null;
      notReady = false;
      if (options.token) {
        // serverUrl only when given: an undefined key would survive structured clone and be refused.
        const credentials =
          options.serverUrl === undefined ? { token: options.token } : { token: options.token, serverUrl: options.serverUrl };
        void post(SET_CREDENTIALS, [credentials]).catch((error: unknown) => {
          emit('confab-error', { code: 'bad-credentials', message: error instanceof Error ? error.message : String(error) });
        });
      }
      for (const { send } of waiting) send();
    }
    emit(message.name, message.detail as never);
  };

  /** The host's provider answers the frame; only its two strings cross, never anything else it returned. */
  async function answerTokenRequest({ id, room, name, reason }: TokenRequestMessage) {
    let answer: TokenAnswerMessage;
    try {
      if (typeof options.tokenProvider !== 'function') throw new Error('no tokenProvider was given to createFrame');
      const { serverUrl, token } = await options.tokenProvider({ room, name, reason });
      answer = { confab: PROTOCOL_VERSION, kind: 'token-answer', id, ok: true, value: { serverUrl: text(serverUrl), token: text(token) } };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      answer = { confab: PROTOCOL_VERSION, kind: 'token-answer', id, ok: false, error: { code: 'token-provider-failed', message } };
    }
    if (!destroyed) iframe.contentWindow?.postMessage(answer, targetOrigin);
  }

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

  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name: CommandName) => [
      name,
      (...args: unknown[]) => post(name, args).then((value) => (RETURNS_VALUE.has(name) ? value : undefined)),
    ]),
  ) as unknown as MeetingCommands;

  return {
    ...commands,
    iframe,
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
      clearTimeout(readyTimer);
      window.removeEventListener('message', onMessage);
      iframe.remove();
      listeners.clear();
      for (const waiter of pending.values()) waiter.reject(failure('destroyed', 'confab frame destroyed'));
      pending.clear();
      queue = null;
    },
  };
}
