// A host's verbs (the lobby, moderation, recording) and a guest's answer to "please unmute": each a
// call to the Confab server, which checks the caller's credential again before it asks LiveKit. A
// chunk of its own, loaded on first use (moderation-lazy.ts is its front in the shell).
import type { ModerationActions } from './actions.js';
import { ConfabError } from './commands.js';
import { FETCH_TIMEOUT_MS } from './credentials.js';
import type { Knocker, MeetingState } from './types.js';
import type { ServerTopic } from './session-port.js';
import { readSignal } from './signals.js';
import type { MeetingStore } from './store.js';
import { enModeration } from '../i18n/en-moderation.js';
import { addEnglish } from '../i18n/i18n.js';

addEnglish(enModeration);

export interface ModerationDeps {
  store: MeetingStore;
  /** The token endpoint the routes sit beside (`/api/token` → `/api/moderation/…`), if any. */
  endpoint: () => string | undefined;
  /** The caller's credential: the server's rejoin ticket, else the LiveKit token in use. */
  credential: () => string | undefined;
  /** Turns a device on (a guest answering a host's request). */
  turnOn: (source: 'microphone' | 'camera') => Promise<void>;
  alive: () => void;
}

type Verb = 'admit' | 'deny' | 'admit-all' | 'mute' | 'ask-unmute' | 'remove' | 'lower-hand' | 'mute-all' | 'lock' | 'end';

export class Moderation implements ModerationActions {
  constructor(readonly deps: ModerationDeps) {}

  #state(): MeetingState {
    return this.deps.store.getState();
  }

  /** A host in a call, with a server to ask; else the reason. */
  #check(): { url: (path: string) => URL; credential: string; room: string } {
    this.deps.alive();
    const s = this.#state();
    if (s.phase !== 'connected' && s.phase !== 'reconnecting') throw new ConfabError('not-connected', 'moderation needs a call');
    if (!s.permissions.canModerate) throw new ConfabError('not-allowed', 'only a host may do this (the token lacks roomAdmin)');
    const endpoint = this.deps.endpoint();
    const credential = this.deps.credential();
    if (!endpoint || !credential || !s.room)
      throw new ConfabError('moderation-unavailable', 'moderation needs the Confab server (a token endpoint)');
    const base = new URL(endpoint, globalThis.document?.baseURI);
    return { url: (path) => new URL(path, base), credential, room: s.room };
  }

  async #call(path: string, body: Record<string, unknown> = {}, method: 'POST' | 'GET' = 'POST'): Promise<unknown> {
    const { url, credential, room } = this.#check();
    const target = url(path);
    if (method === 'GET') target.searchParams.set('room', room);
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        headers: {
          authorization: `Bearer ${credential}`,
          accept: 'application/json',
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        ...(method === 'POST' ? { body: JSON.stringify({ room, ...body }) } : {}),
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ConfabError(
        'moderation-failed',
        `the server could not be reached (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const answer: unknown = response.status === 204 ? null : await response.json().catch(() => null); // not JSON: judged by status
    if (!response.ok) {
      const field = (k: string) =>
        typeof answer === 'object' && answer !== null && Object.hasOwn(answer, k) ? (answer as Record<string, unknown>)[k] : undefined;
      const code = typeof field('error') === 'string' ? String(field('error')) : 'moderation-failed';
      const message = typeof field('message') === 'string' ? String(field('message')).slice(0, 300) : `HTTP ${response.status}`;
      throw new ConfabError(code, message);
    }
    return answer;
  }

  #verb(verb: Verb, body: Record<string, unknown> = {}): Promise<unknown> {
    return this.#call(verb === 'admit' || verb === 'deny' || verb === 'admit-all' ? `lobby/${verb}` : `moderation/${verb}`, body);
  }

  admit = async (identity: string) => {
    await this.#verb('admit', { identity });
    this.#drop(identity);
  };
  deny = async (identity: string) => {
    await this.#verb('deny', { identity });
    this.#drop(identity);
  };
  admitAll = async () => {
    await this.#verb('admit-all');
    this.#setLobby({ waiting: [] });
  };
  muteParticipant = async (identity: string, source: 'microphone' | 'camera' | 'screen') => {
    await this.#verb('mute', { identity, source });
  };
  askToUnmute = async (identity: string, source: 'microphone' | 'camera') => {
    await this.#verb('ask-unmute', { identity, source });
  };
  removeParticipant = async (identity: string) => {
    await this.#verb('remove', { identity });
  };
  lowerHand = async (identity: string) => {
    await this.#verb('lower-hand', { identity });
  };
  muteAll = async () => {
    await this.#verb('mute-all');
  };
  lockRoom = async (on: boolean) => {
    await this.#verb('lock', { on });
    this.#setLobby({ locked: on });
  };
  endMeeting = async () => {
    await this.#verb('end');
  };
  startRecording = async () => {
    // LiveKit Egress cannot decrypt an end-to-end encrypted call: it would record nothing but noise.
    if (this.#state().encryption.on)
      throw new ConfabError('encrypted', 'an end-to-end encrypted call cannot be recorded (LiveKit Egress cannot decrypt it)');
    await this.#call('recording/start');
  };
  stopRecording = async () => {
    await this.#call('recording/stop');
  };

  refreshLobby = async () => {
    const answer = (await this.#call('lobby', {}, 'GET')) as { waiting?: unknown; locked?: unknown } | null;
    const waiting = Array.isArray(answer?.waiting) ? answer.waiting.filter(isKnocker).slice(0, 200) : [];
    this.#setLobby({ waiting, locked: answer?.locked === true });
  };

  /** What the Confab server said into the room: a request to unmute (shown with its words), or the lobby changed. */
  receive = async (topic: ServerTopic, payload: Uint8Array) => {
    const signal = readSignal(topic, payload);
    if (!signal) return;
    if (signal.type === 'ask-unmute') return this.deps.store.setState({ unmuteAsked: signal.source });
    if (signal.type === 'lock') this.#setLobby({ locked: signal.locked });
    // Hosts ask who waits (the packet names nobody: guests learn nothing from it).
    if (this.#state().permissions.canModerate) await this.refreshLobby();
  };

  dismissRecordingNotice = () => {
    this.deps.store.setState({ recordingNotice: false });
    return Promise.resolve();
  };

  answerUnmute = async (on: boolean) => {
    const asked = this.#state().unmuteAsked;
    this.deps.store.setState({ unmuteAsked: null });
    if (on && asked) await this.deps.turnOn(asked);
  };

  #drop(identity: string) {
    this.#setLobby({ waiting: this.#state().lobby.waiting.filter((k) => k.identity !== identity) });
  }

  #setLobby(part: Partial<MeetingState['lobby']>) {
    this.deps.store.setState({ lobby: { ...this.#state().lobby, ...part } });
  }
}

/** A knocker as the server lists them; anything else is dropped (the list is shown as text). */
function isKnocker(value: unknown): value is Knocker {
  if (typeof value !== 'object' || value === null) return false;
  const k = value as Record<string, unknown>;
  return (
    typeof k.identity === 'string' &&
    k.identity.length <= 256 &&
    typeof k.name === 'string' &&
    k.name.length <= 256 &&
    typeof k.since === 'number'
  );
}
