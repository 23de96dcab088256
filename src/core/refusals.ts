// The Confab server's refusals, each with its code and its words (refused.* in en-endings.ts): a
// module of its own, loaded only when the token endpoint says no.
import type { MessageKey } from '../i18n/en.js';
import { JoinError } from './credentials.js';
import type { Answer } from './endpoint.js';

/** What the Confab server refuses with (its `error` codes): each has its own message and way forward. */
export const REFUSALS = new Set(
  'invite-required invite-invalid invite-expired invite-used wrong-room login-required login-invalid not-allowed removed room-locked invalid-room invalid-name rate-limited lobby-closed'.split(
    ' ',
  ),
);

/** A refusal as the widget shows it: the Confab server's codes each in words of their own. */
export function refusalOf({ response, field }: Answer): JoinError {
  const message = typeof field('message') === 'string' ? String(field('message')).slice(0, 300) : `HTTP ${response.status}`;
  const code = field('error');
  if (code === 'denied') return new JoinError('denied', 'left.reason.denied');
  if (typeof code === 'string' && REFUSALS.has(code)) {
    const seconds = Number(response.headers.get('retry-after') ?? field('retryAfter'));
    return new JoinError(code, `refused.${code}` as MessageKey, { message, seconds: String(seconds > 0 ? Math.ceil(seconds) : 60) });
  }
  return new JoinError('token-endpoint-refused', 'error.tokenEndpoint', { message });
}
