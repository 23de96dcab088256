import type { ConnectionState, DeviceErrorReason, EncryptionState, DeviceKind, LeftReason, PermissionDetail } from './core/types.js';

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
  /** `relayedBy`: a line from a late joiner's history that another participant relayed (unverified). */
  'confab-chat-message': {
    id: string;
    identity: string;
    name: string;
    text: string;
    timestamp: number;
    local: boolean;
    relayedBy?: string;
  };
  'confab-screenshare': { identity: string; active: boolean };
  'confab-device-error': { device: DeviceKind; reason: DeviceErrorReason };
  'confab-background': { mode: 'none' | 'blur' | 'image'; active: boolean };
  'confab-permissions': PermissionDetail;
  'confab-lobby': { state: 'waiting' | 'admitted' | 'denied' };
  /** A host's widget: someone knocked at the lobby (`id` is their identity: admit(id) or deny(id)). */
  'confab-knock': { id: string; name: string };
  /** The room's recording started or stopped (LiveKit's recording status). */
  'confab-recording': { active: boolean };
  /** End-to-end encryption; `identities`: whose media our key cannot decrypt (only with `key-mismatch`). */
  'confab-encryption': { state: EncryptionState; identities?: string[] };
  'confab-error': { code: string; message: string };
}
export type ConfabEventName = keyof ConfabEventDetails;

/** Every event name, once: a name missing here or not in the table above does not compile. */
const NAMES: Record<ConfabEventName, true> = {
  'confab-ready': true,
  'confab-joined': true,
  'confab-left': true,
  'confab-connection-state': true,
  'confab-participant-joined': true,
  'confab-participant-left': true,
  'confab-hand': true,
  'confab-reaction': true,
  'confab-active-speakers': true,
  'confab-chat-message': true,
  'confab-screenshare': true,
  'confab-device-error': true,
  'confab-background': true,
  'confab-permissions': true,
  'confab-lobby': true,
  'confab-knock': true,
  'confab-recording': true,
  'confab-encryption': true,
  'confab-error': true,
};
export const CONFAB_EVENTS = Object.keys(NAMES) as readonly ConfabEventName[];

/** The DOM events of <confab-meeting>, derived from the table (HTMLElementEventMap extends it). */
export type ConfabEventMap = { [N in ConfabEventName]: CustomEvent<ConfabEventDetails[N]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ConfabEventMap {}
}
