// End-to-end encryption's key: held here in memory only (never stored, logged or sent to our server),
// handed to the session at the join and to its encryption domain when it changes mid-call.
import type { EncryptionActions } from './actions.js';
import { JoinError } from './credentials.js';
import type { Handlers } from './handlers.js';
import type { SessionPort } from './session-port.js';

export class EncryptionControl implements EncryptionActions {
  #key: string | null = null;
  readonly #session: () => SessionPort | null;
  readonly #enabled: () => boolean;
  readonly #changed: () => void;

  constructor(session: () => SessionPort | null, enabled: () => boolean, changed: () => void = () => undefined) {
    this.#session = session;
    this.#enabled = enabled;
    this.#changed = changed;
  }

  /** Whether a join could start now: encryption off, or its key given (prejoin="off" waits for it). */
  ready(): boolean {
    return !this.#enabled() || !!this.#key;
  }

  /** The key for the join; refuses (`e2ee-key-missing`) when encryption is on and no key was given. */
  keyForJoin(): string | null {
    if (!this.#enabled()) return null;
    if (!this.#key) throw new JoinError('e2ee-key-missing', 'error.e2eeKeyMissing');
    return this.#key;
  }

  setKey = async (key: string): Promise<void> => {
    this.#key = key;
    this.#changed();
    const session = this.#session();
    if (session && this.#enabled()) await (await session.port('encryption')).setKey(key);
  };
}

export const encryptionCommands: Handlers<'setE2EEKey'> = {
  setE2EEKey: (t, key) => t.encryption.setKey(key),
};
