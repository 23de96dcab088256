import type { ConnectionState, DeviceErrorReason, DeviceKind, LeftReason } from './core/types.js';

/** Contract §3: one table, used by the element and (later) the iframe bridge. */
export interface ConfabEventDetails {
  'confab-ready': { version: string };
  'confab-joined': { room: string; identity: string; name: string };
  'confab-left': { reason: LeftReason };
  'confab-connection-state': { state: ConnectionState };
  'confab-participant-joined': { identity: string; name: string };
  'confab-participant-left': { identity: string; name: string };
  'confab-hand': { identity: string; name: string; raised: boolean };
  'confab-reaction': { identity: string; name: string; emoji: string };
  'confab-active-speakers': { identities: string[] };
  'confab-chat-message': { id: string; identity: string; name: string; text: string; timestamp: number; local: boolean };
  'confab-screenshare': { identity: string; active: boolean };
  'confab-device-error': { device: DeviceKind; reason: DeviceErrorReason };
  'confab-background': { mode: 'none' | 'blur' | 'image'; active: boolean };
  'confab-error': { code: string; message: string };
}
export type ConfabEventName = keyof ConfabEventDetails;
export const CONFAB_EVENTS = [
  'confab-ready',
  'confab-joined',
  'confab-left',
  'confab-connection-state',
  'confab-participant-joined',
  'confab-participant-left',
  'confab-hand',
  'confab-reaction',
  'confab-active-speakers',
  'confab-chat-message',
  'confab-screenshare',
  'confab-device-error',
  'confab-background',
  'confab-error',
] as const satisfies readonly ConfabEventName[];

export type Emit = <N extends ConfabEventName>(name: N, detail: ConfabEventDetails[N]) => void;

export function emitFrom(host: EventTarget): Emit {
  return (name, detail) => {
    host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementEventMap {
    'confab-ready': CustomEvent<ConfabEventDetails['confab-ready']>;
    'confab-joined': CustomEvent<ConfabEventDetails['confab-joined']>;
    'confab-left': CustomEvent<ConfabEventDetails['confab-left']>;
    'confab-connection-state': CustomEvent<ConfabEventDetails['confab-connection-state']>;
    'confab-participant-joined': CustomEvent<ConfabEventDetails['confab-participant-joined']>;
    'confab-participant-left': CustomEvent<ConfabEventDetails['confab-participant-left']>;
    'confab-active-speakers': CustomEvent<ConfabEventDetails['confab-active-speakers']>;
    'confab-chat-message': CustomEvent<ConfabEventDetails['confab-chat-message']>;
    'confab-screenshare': CustomEvent<ConfabEventDetails['confab-screenshare']>;
    'confab-device-error': CustomEvent<ConfabEventDetails['confab-device-error']>;
    'confab-background': CustomEvent<ConfabEventDetails['confab-background']>;
    'confab-error': CustomEvent<ConfabEventDetails['confab-error']>;
  }
}
