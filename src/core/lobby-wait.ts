// Waiting in the Confab server's lobby: long polls until a host lets us in, says no, or we cancel. A
// chunk of its own: only a guest of a meeting with a lobby (or a locked one) ever loads it.
import type { MeetingConfig } from '../config/schema.js';
import { JoinError, type Credentials } from './credentials.js';
import { ask, granted, JSON_HEADERS, refusal, type Answer, type LobbyHooks } from './endpoint.js';
import { quietly } from './report.js';

/** The server holds a lobby wait for up to 20 s; the widget gives it a little more. */
const WAIT_TIMEOUT_MS = 30_000;

/** Leaves the lobby's queue (Cancel, a closed tab): the hosts' lists drop us at once. */
export function cancel(endpoint: URL, ticket: string): void {
  void fetch(new URL('lobby/cancel', endpoint), {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ ticket }),
    keepalive: true,
    // Best effort while leaving: an unanswered knock drops from the host's list after 45 s anyway.
  }).catch(quietly('lobby cancel'));
}

/** Waits until a host lets us in (credentials), refuses (`denied`), or the wait is cancelled (abort). */
export async function waitInLobby(
  endpoint: URL,
  ticket: string,
  config: MeetingConfig,
  hooks: LobbyHooks | undefined,
  signal?: AbortSignal,
): Promise<{ credentials: Credentials; rejoin: string | undefined }> {
  // An early ask (warming up before the click on Join) does not knock: the join will.
  if (!hooks) {
    cancel(endpoint, ticket);
    throw new JoinError('lobby', 'error.unknown', { message: 'this meeting has a lobby' });
  }
  hooks.waiting(false);
  let failures = 0;
  let hostPresent = false;
  try {
    for (;;) {
      let answer: Answer;
      try {
        answer = await ask(
          new URL('lobby/wait', endpoint),
          { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ ticket, hostPresent }) },
          WAIT_TIMEOUT_MS,
          signal,
        );
      } catch (error) {
        // A network blip while waiting is ridden out; five in a row end the wait with the reason.
        if (signal?.aborted || ++failures >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2000));
        continue;
      }
      failures = 0;
      if (!answer.response.ok) throw await refusal(answer);
      if (answer.field('waiting') === true) {
        hostPresent = answer.field('hostPresent') === true;
        hooks.waiting(hostPresent);
        continue;
      }
      return granted(answer, config);
    }
  } catch (error) {
    if (signal?.aborted) cancel(endpoint, ticket);
    throw error;
  }
}
