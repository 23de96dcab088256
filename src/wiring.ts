// Where the element's meeting gets its lazily loaded parts: the in-call chunk (the call's elements,
// screens, English and host events) and the session chunk (livekit-client and its domains). The core
// never imports either; this is the one module that may (kept by lint), and the element the one
// that calls it.
import type { SessionFactory } from './core/session-port.js';

/** The in-call chunk: define() has asked for it already, so this is usually here at once. */
export const loadCall = (): Promise<typeof import('./in-call.js')> => import('./in-call.js');

/** The session chunk. */
export const loadSession = (): Promise<SessionFactory> => import('./session/session.js').then((m) => m.createSession);

/** The screens and words of waiting, having left and a failed join: loaded when the call gets there. */
export const loadEndings = (): Promise<typeof import('./call-endings.js')> => import('./call-endings.js');

/** The control bar's chunk: asked for once a call is connected (not on the first frame's path). */
export const loadControls = (): Promise<typeof import('./call-controls.js')> =>
  import('./call-controls.js').then((m) => {
    m.defineControls();
    return m;
  });
