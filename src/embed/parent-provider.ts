// embed.html's tokenProvider when the host helper was given one (`#credentials=provider`): the frame
// asks its parent over postMessage — only window.parent, only at parent-origin — and takes the
// answer only from there, checked like any credentials the page hands in (deployment.ts).
import type { Credentials, TokenProvider } from '../core/credentials.js';
import { parseTokenAnswer, PROTOCOL_VERSION, type ParentWindow, type TokenRequestMessage } from './protocol.js';

/** How long the host page's provider may take before the join fails (`token-provider-failed`). */
export const PARENT_PROVIDER_TIMEOUT_MS = 15_000;

interface Options {
  self: Window;
  parent: ParentWindow;
  parentOrigin: string;
  /** Throws for credentials the frame may not use (a server outside the deployment's list, no token). */
  check(value: unknown): Credentials;
  timeoutMs?: number;
}

export function askParentForCredentials(options: Options): TokenProvider {
  const timeoutMs = options.timeoutMs ?? PARENT_PROVIDER_TIMEOUT_MS;
  let next = 1;
  return ({ room, name, reason }) =>
    new Promise<Credentials>((resolve, reject) => {
      const id = `credentials-${next++}`;
      const done = () => {
        clearTimeout(timer);
        options.self.removeEventListener('message', onMessage);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the page gave no credentials within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const onMessage = (event: MessageEvent) => {
        if (event.source !== options.parent || event.origin !== options.parentOrigin) return;
        const answer = parseTokenAnswer(event.data);
        if (answer?.id !== id) return;
        done();
        if (!answer.ok) return reject(new Error(answer.error.message));
        try {
          resolve(options.check(answer.value));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      options.self.addEventListener('message', onMessage);
      const request: TokenRequestMessage = { confab: PROTOCOL_VERSION, kind: 'token-request', id, room, name, reason };
      options.parent.postMessage(request, options.parentOrigin);
    });
}
