// Where the LiveKit URL and token come from: an explicit token, the host's tokenProvider, or the
// token endpoint. Endpoint answers are reused only for the very same inputs.
import type { MeetingConfig } from '../config/schema.js';
import { ConfabError } from './commands.js';
import type { MessageKey } from '../i18n/en.js';
import type { UserError } from './types.js';
import { claim, jwtClaims, tokenExpired } from './jwt.js';

export interface Credentials {
  serverUrl: string;
  token: string;
}

export type TokenProvider = (request: {
  room: string | undefined;
  name: string | undefined;
  reason: 'join' | 'expired';
}) => Promise<Credentials> | Credentials;

const REUSE_MS = 5 * 60_000;
export const FETCH_TIMEOUT_MS = 10_000;

/** Tokens are credentials: never shown, logged or posted, even inside an error a server wrote. */
export function redact(message: string): string {
  return message.replace(/eyJ[\w-]*\.[\w-]*\.?[\w-]*/g, '[token]');
}

/** A failure with a stable code and a message key + params: translated when it is shown. */
export class JoinError extends ConfabError implements UserError {
  readonly params: Record<string, string>;
  constructor(
    code: string,
    readonly key: MessageKey,
    params: Record<string, string> = {},
  ) {
    const safe = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, redact(v)]));
    super(code, `${code}${safe.message ? `: ${safe.message}` : ''}`);
    this.params = safe;
  }
}

/** Whether the config alone is enough to join (no name or token still to come). */
export function hasCredentials(config: MeetingConfig, name: string | undefined, provider?: TokenProvider): boolean {
  return Boolean((config.token && config.serverUrl) || provider || (config.tokenEndpoint && (config.room || config.invite) && name));
}

/** The `name` claim of a LiveKit JWT (the payload is not secret; its signature is the server's business). */
export function tokenName(token: string | undefined): string | undefined {
  const name = claim(jwtClaims(token), 'name', 'string');
  return name?.trim() ? name : undefined;
}

interface Cached {
  key: string;
  at: number;
  credentials: Promise<Credentials>;
}

/** The token endpoint's client (src/core/endpoint.ts): it comes with the in-call chunk, asked for at once. */
export type EndpointClient = Pick<typeof import('./endpoint.js'), 'fromEndpoint'>;

export class CredentialSource {
  constructor(readonly load: () => Promise<EndpointClient>) {}

  #cached: Cached | null = null;
  /** The server's rejoin ticket: with an invite, reconnects and rejoins use it (a single-use invite is spent). */
  #ticket: { key: string; value: string } | null = null;

  /** The server's ticket for this person (moderation calls carry it), once a token endpoint answered. */
  get ticket(): string | undefined {
    return this.#ticket?.value;
  }

  /**
   * Fetches (or reuses, for identical inputs) the credentials for a join. With `lobby`, a server that
   * puts us in its lobby is waited on (told through it); without, it is not knocked at.
   */
  get(
    config: MeetingConfig,
    name: string | undefined,
    provider: TokenProvider | undefined,
    signal?: AbortSignal,
    lobby?: import('./endpoint.js').LobbyHooks,
  ): Promise<Credentials> {
    // An explicit token always wins, and is never cached: the host may replace it at any time. One
    // that has expired is never used: the host's provider is asked for a new one, else the user is told.
    if (config.token && config.serverUrl) {
      if (!tokenExpired(config.token)) return Promise.resolve({ serverUrl: config.serverUrl, token: config.token });
      if (provider) return fromProvider(provider, config.room, name, 'expired');
      return Promise.reject(new JoinError('token-expired', 'error.tokenExpired'));
    }
    if (provider) return fromProvider(provider, config.room, name, 'join');
    const key = JSON.stringify([config.tokenEndpoint, config.room, name, config.serverUrl, config.invite]);
    const cached = this.#cached;
    if (cached && cached.key === key && Date.now() - cached.at < REUSE_MS) return withSignal(cached.credentials, signal);
    const credentials = this.#fromEndpoint(config, name, signal, lobby);
    const entry = { key, at: Date.now(), credentials };
    this.#cached = entry;
    // A failed fetch is not kept: Try again must ask the endpoint again.
    credentials.catch(() => {
      if (this.#cached === entry) this.#cached = null;
    });
    return withSignal(credentials, signal);
  }

  /** A token serves one join. */
  forget(): void {
    this.#cached = null;
  }

  /** New credentials because the ones in use expired: never the same token again. */
  renew(config: MeetingConfig, name: string | undefined, provider: TokenProvider | undefined): Promise<Credentials> {
    this.#cached = null;
    if (provider) return fromProvider(provider, config.room, name, 'expired');
    if (config.tokenEndpoint && !(config.token && config.serverUrl)) return this.#fromEndpoint(config, name);
    return Promise.reject(new JoinError('token-expired', 'error.tokenExpired'));
  }

  /** The endpoint, asked with the invite the first time and the rejoin ticket it answered with after. */
  async #fromEndpoint(
    config: MeetingConfig,
    name: string | undefined,
    signal?: AbortSignal,
    lobby?: import('./endpoint.js').LobbyHooks,
  ): Promise<Credentials> {
    const key = JSON.stringify([config.tokenEndpoint, config.invite]);
    const ticket = config.invite && this.#ticket?.key === key ? this.#ticket.value : undefined;
    const { fromEndpoint } = await this.load();
    try {
      const { credentials, rejoin } = await fromEndpoint(config, name, ticket, signal, lobby);
      if (rejoin) this.#ticket = { key, value: rejoin };
      return credentials;
    } catch (error) {
      // A refused ticket is not offered again (the invite is, on the next try).
      if (ticket && error instanceof JoinError && error.key.startsWith('refused.')) this.#ticket = null;
      throw error;
    }
  }
}

async function fromProvider(
  provider: TokenProvider,
  room: string | undefined,
  name: string | undefined,
  reason: 'join' | 'expired',
): Promise<Credentials> {
  let value: unknown;
  try {
    value = await provider({ room, name, reason });
  } catch (error) {
    throw new JoinError('token-provider-failed', 'error.tokenEndpoint', { message: errorText(error) });
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const token = Object.hasOwn(record, 'token') ? record.token : undefined;
  const serverUrl = Object.hasOwn(record, 'serverUrl') ? record.serverUrl : undefined;
  if (typeof token !== 'string' || typeof serverUrl !== 'string') {
    throw new JoinError('token-provider-failed', 'error.tokenEndpoint', { message: 'tokenProvider did not return { serverUrl, token }' });
  }
  return { serverUrl, token };
}

/** Rejects as soon as the signal aborts, without cancelling the shared fetch behind it. */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function abortError(): DOMException {
  return new DOMException('cancelled', 'AbortError');
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
