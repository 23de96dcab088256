import { LitElement, html, nothing } from 'lit';
import { initials } from '../../src/core/grid-layout.js';
import type { DeviceError } from '../../src/core/types.js';
import type { MessageKey } from '../../src/i18n/i18n.js';
import { useMeeting } from '../../src/lit/context.js';
import { camIcon, camOffIcon, micIcon, micOffIcon } from '../../src/lit/icons.js';
import { prejoinStyles } from './prejoin.styles.js';

/** Which browser's words to use when telling someone how to re-allow a device. */
function browserHelp(): MessageKey {
  const ua = globalThis.navigator?.userAgent ?? '';
  if (/Firefox\//.test(ua)) return 'device.help.firefox';
  if (/Chrom(e|ium)\//.test(ua) || /Edg\//.test(ua)) return 'device.help.chrome';
  if (/Safari\//.test(ua)) return 'device.help.safari';
  return 'device.help.other';
}

/**
 * The screen before joining: mirrored camera preview, live microphone meter, device choices, name,
 * start-muted toggles and Join. Every device failure is named, with a way forward.
 * @csspart prejoin - the pre-join panel (exported by the meeting)
 * @tagname confab-prejoin
 */
export class ConfabPrejoin extends LitElement {
  static override styles = prejoinStyles;
  static override properties = { _name: { state: true }, _showError: { state: true } };

  declare _name: string | null;
  declare _showError: boolean;
  readonly #meeting = useMeeting(this, (s) => ({ devices: s.devices, errors: s.deviceErrors, joining: s.pending.join }));

  constructor() {
    super();
    this._name = null;
    this._showError = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#meeting.context.value?.meeting.enterPrejoin();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#meeting.context.value?.meeting.leavePrejoin();
  }

  protected override firstUpdated(): void {
    this.#meeting.context.value?.meeting.devices.attachPreview(this.renderRoot.querySelector('video'));
  }

  protected override updated(): void {
    const level = this.#meeting.slice.value?.devices.level ?? 0;
    this.renderRoot.querySelector<HTMLElement>('.meter')?.style.setProperty('--_level', String(level));
  }

  #startName(): string {
    return this._name ?? this.#meeting.context.value?.meeting.startState().name ?? '';
  }

  #join(options: { audio?: boolean; video?: boolean } = {}) {
    const ctx = this.#meeting.context.value;
    const view = this.#meeting.slice.value;
    if (!ctx || !view) return;
    const name = this.#startName().trim();
    if (!name) {
      this._showError = true;
      this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      return;
    }
    const { preview } = view.devices;
    void ctx.meeting.join({
      name,
      audio: options.audio ?? preview.microphone !== 'off',
      video: options.video ?? preview.camera !== 'off',
    });
  }

  #renderError(e: DeviceError) {
    const ctx = this.#meeting.context.value;
    if (!ctx || e.device === 'screen') return nothing;
    const { t, meeting } = ctx;
    return html`<div class="error" role="alert" data-device-error=${e.device} data-reason=${e.reason}>
      <p>${t(`device.${e.device}.${e.reason}`)}</p>
      ${e.reason === 'denied' ? html`<p class="help">${t(browserHelp())}</p>` : nothing}
      ${e.reason !== 'policy-blocked' && e.reason !== 'not-found'
        ? html`<button type="button" class="secondary" data-control="retry-${e.device}" @click=${() => void meeting.setPreview(e.device as 'camera' | 'microphone', true)}>
            ${t('device.retry')}
          </button>`
        : nothing}
    </div>`;
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    const view = this.#meeting.slice.value;
    if (!ctx || !view) return nothing;
    const { t, meeting } = ctx;
    const { devices, errors, joining } = view;
    const cameraOn = devices.preview.camera !== 'off';
    const micOn = devices.preview.microphone !== 'off';
    const cameraFailed = errors.some((e) => e.device === 'camera');
    const micFailed = errors.some((e) => e.device === 'microphone');
    const name = this.#startName();
    return html`<section part="prejoin" aria-labelledby="title">
      <div class="preview" data-preview=${devices.preview.camera}>
        <video autoplay playsinline muted aria-label=${t('prejoin.preview')} ?hidden=${devices.preview.camera !== 'live'}></video>
        ${devices.preview.camera === 'live'
          ? nothing
          : html`<div class="placeholder">
              ${devices.preview.camera === 'starting' ? html`<div class="spinner" aria-hidden="true"></div>` : html`<span class="avatar" aria-hidden="true">${initials(name || '?')}</span>`}
              <span>${devices.preview.camera === 'starting' ? t('connecting.media') : t('prejoin.previewOff')}</span>
            </div>`}
        <div class="toggles">
          <button type="button" data-control="microphone" aria-pressed=${String(micOn)} aria-label=${t('controls.microphone')} @click=${() => void meeting.setPreview('microphone', !micOn)}>
            ${micOn ? micIcon : micOffIcon}
          </button>
          <button type="button" data-control="camera" aria-pressed=${String(cameraOn)} aria-label=${t('controls.camera')} @click=${() => void meeting.setPreview('camera', !cameraOn)}>
            ${cameraOn ? camIcon : camOffIcon}
          </button>
        </div>
      </div>
      <form novalidate @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        this.#join();
      }}>
        <h2 id="title">${t('prejoin.title')}</h2>
        <label
          >${t('prejoin.name')}
          <input
            name="name"
            autocomplete="name"
            maxlength="64"
            required
            aria-invalid=${this._showError ? 'true' : 'false'}
            aria-describedby="name-error"
            .value=${name}
            @input=${(e: InputEvent) => {
              this._name = (e.target as HTMLInputElement).value;
              this._showError = false;
            }}
        /></label>
        <p id="name-error" class="name-error" role="alert">${this._showError ? t('prejoin.nameRequired') : nothing}</p>
        <div
          class="meter"
          role="meter"
          aria-label=${t('prejoin.level')}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${Math.round(devices.level * 100)}
          data-level=${devices.level}
        ><span></span></div>
        <confab-device-select kind="camera"></confab-device-select>
        <confab-device-select kind="microphone"></confab-device-select>
        ${devices.canSelectSpeaker ? html`<confab-device-select kind="speaker"></confab-device-select>` : nothing}
        ${errors.map((e) => this.#renderError(e))}
        <button type="submit" class="join" aria-busy=${String(joining)}>${t('prejoin.join')}</button>
        ${cameraFailed && !micFailed
          ? html`<button type="button" class="secondary" data-control="join-audio-only" @click=${() => this.#join({ video: false })}>${t('prejoin.joinAudioOnly')}</button>`
          : nothing}
        ${micFailed || cameraFailed
          ? html`<button type="button" class="secondary" data-control="join-listen-only" @click=${() => this.#join({ audio: false, video: false })}>${t('prejoin.joinListenOnly')}</button>`
          : nothing}
      </form>
    </section>`;
  }
}
