// Where the element's meeting gets its lazily loaded parts: the session chunk (livekit-client and
// its domains) and the in-call elements beside it. The core never imports either; this is the one
// module that may (kept by lint).
import type { MeetingOptions } from './core/meeting.js';
import type { SessionFactory } from './core/session-port.js';

/**
 * The session chunk, and the in-call chunk with the call's English (who joined, …): define() has
 * asked for it already, so this only makes sure it is here before the first participant is.
 */
export const loadSession = (): Promise<SessionFactory> =>
  Promise.all([import('./session/session.js'), import('./in-call.js')]).then(([m]) => m.createSession);

/** The meeting options of the product (tests pass their own loaders). */
export function productParts(): Pick<MeetingOptions, 'loadSession'> {
  return { loadSession };
}
