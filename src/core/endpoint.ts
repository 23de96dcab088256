// The token endpoint's client: a GET `?room=&name=` (the open policy), or a POST of the invite (or of
// the rejoin ticket it was exchanged for) to the Confab server. Its refusals keep their codes, each
// with its own words. It travels in the in-call chunk (the shell's budget); the join waits for it.
import type { MeetingConfig } from '../config/schema.js';
import type { MessageKey } from '../i18n/en.js';
import { errorText, FETCH_TIMEOUT_MS, JoinError, type Credentials } from './credentials.js';

/** What the Confab server refuses with (its `error` codes): each has its own message and way forward. */
export const REFUSALS = new Set(
  'invite-required invite-invalid invite-expired invite-used wrong-room login-required login-invalid not-allowed removed room-locked invalid-room invalid-name rate-limited'.split(
    ' ',
  ),
);

export async function fromEndpoint(
  config: MeetingConfig,
  name: string | undefined,
  rejoin: string | undefined,
): Promise<{ credentials: Credentials; rejoin: string | undefined }> {
  const { tokenEndpoint, room, invite } = config;
  if (!tokenEndpoint || !(room || invite)) throw new JoinError('missing-connection', 'error.missingConnection');
  if (!name && !invite) throw new JoinError('name-required', 'prejoin.nameRequired');
  const url = new URL(tokenEndpoint, globalThis.document?.baseURI);
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (invite) {
    // The invite (or the ticket it was exchanged for) goes in a POST body: never in a URL or a log.
    headers['content-type'] = 'application/json';
    body = JSON.stringify(rejoin ? { rejoin } : { invite, room, name });
  } else {
    url.searchParams.set('room', room ?? '');
    url.searchParams.set('name', name ?? '');
  }
  let response: Response;
  let answer: unknown;
  try {
    // Every network wait has an end: a hung endpoint must not hold the join (or a leave) forever.
    const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
    response = await fetch(url, { method: body ? 'POST' : 'GET', credentials: 'same-origin', headers, body, signal });
    answer = await response.json().catch(() => null);
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new JoinError('token-endpoint-unreachable', 'error.tokenEndpointUnreachable', {
      message: timedOut ? `no answer in ${FETCH_TIMEOUT_MS / 1000} s` : errorText(error),
    });
  }
  const field = (key: string) =>
    typeof answer === 'object' && answer !== null && Object.hasOwn(answer, key) ? (answer as Record<string, unknown>)[key] : undefined;
  if (!response.ok) {
    const message = typeof field('message') === 'string' ? String(field('message')).slice(0, 300) : `HTTP ${response.status}`;
    const code = field('error');
    // The Confab server's refusals each say what to do; any other endpoint's are shown as it wrote them.
    if (typeof code === 'string' && REFUSALS.has(code)) {
      const seconds = Number(response.headers.get('retry-after') ?? field('retryAfter'));
      throw new JoinError(code, `refused.${code}` as MessageKey, { message, seconds: String(seconds > 0 ? Math.ceil(seconds) : 60) });
    }
    throw new JoinError('token-endpoint-refused', 'error.tokenEndpoint', { message });
  }
  const token = field('token');
  const serverUrl = config.serverUrl ?? field('serverUrl');
  if (typeof token !== 'string' || typeof serverUrl !== 'string') {
    throw new JoinError('token-endpoint-refused', 'error.tokenEndpoint', { message: 'response lacks token or serverUrl' });
  }
  const ticket = field('rejoin');
  return { credentials: { serverUrl, token }, rejoin: typeof ticket === 'string' ? ticket : undefined };
}
