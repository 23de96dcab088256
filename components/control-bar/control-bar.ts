import { LitElement, html, nothing } from 'lit';
import { policyAllows } from '../../src/core/device-errors.js';
import { localParticipant } from '../../src/core/store.js';
import { useMeeting } from '../../src/lit/context.js';
import { camIcon, camOffIcon, leaveIcon, micIcon, micOffIcon, screenIcon, settingsIcon } from '../../src/lit/icons.js';
import { controlBarStyles } from './control-bar.styles.js';

/**
 * Microphone, camera and leave: real buttons with names and pressed state.
 * @csspart control-bar - the bar (exported by the meeting)
 * @tagname confab-control-bar
 */
export class ConfabControlBar extends LitElement {
  static override styles = controlBarStyles;

  readonly #meeting = useMeeting(this, (s) => {
    const local = localParticipant(s);
    return {
      microphone: local?.microphone ?? false,
      camera: local?.camera ?? false,
      screenshare: local?.screenshare ?? false,
      pendingMic: s.pending.microphone,
      pendingCam: s.pending.camera,
      pendingScreen: s.pending.screenshare,
    };
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'toolbar');
  }

  /**
   * Screen share shows only where it can work: enabled by the host, allowed by the embedding page's
   * permissions policy (display-capture), and supported by the browser (not on phones).
   */
  #canShare(enabled: boolean): boolean {
    return enabled && policyAllows('display-capture') && typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  }

  protected override willUpdate(): void {
    const t = this.#meeting.context.value?.t;
    if (t) this.setAttribute('aria-label', t('controls.label'));
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    const s = this.#meeting.slice.value;
    if (!ctx || !s) return html``;
    const { t, meeting } = ctx;
    return html`
      <button
        type="button"
        data-control="microphone"
        aria-pressed=${String(s.microphone)}
        aria-busy=${String(s.pendingMic)}
        aria-label=${t('controls.microphone')}
        title=${s.microphone ? t('controls.microphoneOff') : t('controls.microphoneOn')}
        @click=${() => void meeting.setMicrophone(!s.microphone)}
      >
        ${s.microphone ? micIcon : micOffIcon}
      </button>
      <button
        type="button"
        data-control="camera"
        aria-pressed=${String(s.camera)}
        aria-busy=${String(s.pendingCam)}
        aria-label=${t('controls.camera')}
        title=${s.camera ? t('controls.cameraOff') : t('controls.cameraOn')}
        @click=${() => void meeting.setCamera(!s.camera)}
      >
        ${s.camera ? camIcon : camOffIcon}
      </button>
      ${this.#canShare(ctx.config.screenshare)
        ? html`<button
            type="button"
            data-control="screenshare"
            aria-pressed=${String(s.screenshare)}
            aria-busy=${String(s.pendingScreen)}
            aria-label=${t('controls.screenshare')}
            title=${s.screenshare ? t('controls.screenshareOff') : t('controls.screenshareOn')}
            @click=${() => void meeting.setScreenShare(!s.screenshare)}
          >
            ${screenIcon}
          </button>`
        : nothing}
      <button
        type="button"
        data-control="settings"
        aria-haspopup="dialog"
        aria-label=${t('settings.open')}
        title=${t('settings.open')}
        @click=${() => void meeting.openSettings()}
      >
        ${settingsIcon}
      </button>
      <button type="button" class="leave" data-control="leave" aria-label=${t('controls.leave')} title=${t('controls.leave')} @click=${() => void meeting.leave()}>
        ${leaveIcon}
      </button>
    `;
  }
}
