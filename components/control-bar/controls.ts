// The control bar's buttons as templates: every one a real <button> with a name and a state.
import { html, nothing } from 'lit';
import type { Translate } from '../../src/i18n/i18n.js';

/** A failure the control itself shows (a banner, a disabled reason): the click has nothing left to do. */
export const quietly = (work: Promise<unknown>): void => void work.catch((error: unknown) => console.debug('[confab] control:', error));

export interface Toggle {
  control: string;
  pressed: boolean;
  busy?: boolean;
  /** The control's name, and what a click does when it is on and when it is off. */
  names: [name: string, whenOn: string, whenOff: string];
  icon: unknown;
  act: () => unknown;
  /** Why it cannot be used now (the server does not allow it): shown as its description, the click does nothing. */
  refused?: string | null;
}

/**
 * A toggle: its name stays the same; aria-pressed says the state, its tooltip (`data-tip`, shown on
 * hover and on keyboard focus) says what a click does, or why it cannot be used (also its description).
 */
export function toggle({ control, pressed, busy = false, names: [name, whenOn, whenOff], icon, act, refused }: Toggle) {
  return html`<button
    type="button"
    data-control=${control}
    aria-pressed=${String(pressed)}
    aria-busy=${String(busy)}
    aria-disabled=${refused ? 'true' : nothing}
    aria-label=${name}
    aria-description=${refused ?? nothing}
    data-tip=${refused ?? (pressed ? whenOn : whenOff)}
    @click=${() => (refused ? undefined : act())}
  >
    ${icon}
  </button>`;
}

/**
 * Opens and closes a side panel. The chat's unread count and the room's head count are in the
 * button's name (the announcer says new messages, politely and batched) and in its badge.
 */
export function panelButton(panel: 'chat' | 'participants', open: boolean, name: string, icon: unknown, badge: unknown, act: () => void) {
  return html`<button type="button" data-control=${panel} aria-pressed=${String(open)} aria-label=${name} data-tip=${name} @click=${act}>
    ${icon}${badge}
  </button>`;
}

/** Raise hand: a toggle; where the server does not allow it, disabled with the reason as its description and tooltip. */
export function handButton(t: Translate, raised: boolean, allowed: boolean, icon: unknown, act: () => void) {
  return toggle({
    control: 'hand',
    pressed: raised,
    names: [t('controls.raiseHand'), t('controls.lowerHand'), t('controls.raiseHand')],
    icon,
    act,
    refused: allowed ? null : t('controls.handNotAllowed'),
  });
}

/** A count as a badge shows it. */
export const badge = (n: number): string | number => (n > 99 ? '99+' : n);

/** Any Picture-in-Picture here: the Document PiP API, or video PiP. */
export const pipSupported = (): boolean =>
  'documentPictureInPicture' in globalThis || (document.pictureInPictureEnabled && 'requestPictureInPicture' in HTMLVideoElement.prototype);
