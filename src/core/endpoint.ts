// The token endpoint's client: a GET `?room=&name=` (the open policy), or a POST of the invite (or of
// the rejoin ticket it was exchanged for) to the Confab server. Its refusals keep their codes, each
// with its own words. It travels in the in-call chunk (the shell's budget); the join waits for it.
import type { MeetingConfig } from '../config/schema.js';
import { errorText, FETCH_TIMEOUT_MS, JoinError, type Credentials } from './credentials.js';

/** Told while we wait in the server's lobby: whether a host is there to let us in. */
export interface LobbyHooks {
  waiting(hostPresent: boolean): void;
}

export type Answer = { response: Response; field: (key: string) => unknown };

export async function ask(url: URL, init: RequestInit, timeoutMs: number, signal?: AbortSignal): Promise<Answer> {
  let response: Response;
  let answer: unknown;
  try {
    // Every network wait has an end: a hung endpoint must not hold the join (or a leave) forever.
    const timeout = AbortSignal.timeout(timeoutMs);
    response = await fetch(url, { credentials: 'same-origin', ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    answer = await response.json().catch(() => null); // not JSON: judged by status below
  } catch (error) {
    signal?.throwIfAborted();
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new JoinError('token-endpoint-unreachable', 'error.tokenEndpointUnreachable', {
      message: timedOut ? `no answer in ${timeoutMs / 1000} s` : errorText(error),
    });
  }
  return {
    response,
    field: (key) =>
      typeof answer === 'object' && answer !== null && Object.hasOwn(answer, key) ? (answer as Record<string, unknown>)[key] : undefined,
  };
}

/** A refusal as the widget shows it, in words of its own (a module loaded only when refused). */
export const refusal = (answer: Answer): Promise<JoinError> =>
  import('./refusals.js').then(
    (m) => m.refusalOf(answer),
    // Without its words, still a refusal (with the status), never a chunk error.
    () => new JoinError('token-endpoint-refused', 'error.tokenEndpoint', { message: `HTTP ${answer.response.status}` }),
  );

export function granted({ field }: Answer, config: MeetingConfig): { credentials: Credentials; rejoin: string | undefined } {
  const token = field('token');
  const serverUrl = config.serverUrl ?? field('serverUrl');
  if (typeof token !== 'string' || typeof serverUrl !== 'string') {
    throw new JoinError('token-endpoint-refused', 'error.tokenEndpoint', { message: 'response lacks token or serverUrl' });
  }
  const ticket = field('rejoin');
  return { credentials: { serverUrl, token }, rejoin: typeof ticket === 'string' ? ticket : undefined };
}

export const JSON_HEADERS = { accept: 'application/json', 'content-type': 'application/json' };

export async function fromEndpoint(
  config: MeetingConfig,
  name: string | undefined,
  rejoin: string | undefined,
  signal?: AbortSignal,
  lobby?: LobbyHooks,
): Promise<{ credentials: Credentials; rejoin: string | undefined }> {
  const { tokenEndpoint, room, invite } = config;
  if (!tokenEndpoint || !(room || invite)) throw new JoinError('missing-connection', 'error.missingConnection');
  if (!name && !invite) throw new JoinError('name-required', 'prejoin.nameRequired');
  const url = new URL(tokenEndpoint, globalThis.document?.baseURI);
  let init: RequestInit;
  if (invite) {
    // The invite (or the ticket it was exchanged for) goes in a POST body: never in a URL or a log.
    init = { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(rejoin ? { rejoin } : { invite, room, name }) };
  } else {
    url.searchParams.set('room', room ?? '');
    url.searchParams.set('name', name ?? '');
    init = { method: 'GET', headers: { accept: 'application/json' } };
  }
  const answer = await ask(url, init, FETCH_TIMEOUT_MS, signal);
  if (!answer.response.ok) throw await refusal(answer);
  const ticket = answer.field('ticket');
  if (answer.response.status === 202 && answer.field('lobby') === true && typeof ticket === 'string') {
    return (await import('./lobby-wait.js')).waitInLobby(url, ticket, config, lobby, signal);
  }
  return granted(answer, config);
}
