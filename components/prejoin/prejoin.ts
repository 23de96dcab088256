import { LitElement, html, nothing } from 'lit';
import { initials, isolate } from '../../src/core/text.js';
import type { DeviceError } from '../../src/core/types.js';
import type { MessageKey } from '../../src/i18n/i18n.js';
import { useMeeting } from '../../src/controllers/context.js';
import { TrackAttachController } from '../../src/controllers/track-attach.js';
import { blurToggle } from '../shared/blur-toggle.js';
import { camIcon, camOffIcon, micIcon, micOffIcon } from '../shared/icons.js';
import { prejoinStyles } from './prejoin.styles.js';
import { quietly } from '../../src/core/report.js';

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
  readonly #meeting = useMeeting(
    this,
    (s) => ({
      devices: s.devices,
      local: s.local,
      errors: s.deviceErrors,
      joining: s.pending.join,
      background: s.background,
    }),
    ['call', 'media', 'devices', 'background', 'tracks'],
  );

  #entered = false;

  constructor() {
    super();
    this._name = null;
    this._showError = false;
    new TrackAttachController(this, () => ({
      actions: this.#meeting.context.value?.actions.tracks,
      ref: { identity: null, source: 'camera' },
      key: this.#meeting.slice.value?.local.camera === 'live' ? 'preview' : null,
      video: this.renderRoot.querySelector('video'),
    }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#enter();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#entered) this.#meeting.context.value?.actions.call.leavePrejoin();
    this.#entered = false;
  }

  protected override willUpdate(): void {
    // The context can arrive after connection (a slotted or late-upgraded pre-join).
    this.#enter();
  }

  #enter() {
    const actions = this.#meeting.context.value?.actions.call;
    if (this.#entered || !actions || !this.isConnected) return;
    this.#entered = true;
    actions.enterPrejoin();
  }

  protected override updated(): void {
    const level = this.#meeting.slice.value?.local.level ?? 0;
    this.renderRoot.querySelector<HTMLElement>('.meter')?.style.setProperty('--_level', String(level));
  }

  #startName(): string {
    return this._name ?? this.#meeting.context.value?.actions.call.nameRequirement().name ?? '';
  }

  #join(options: { audio?: boolean; video?: boolean } = {}) {
    const ctx = this.#meeting.context.value;
    const view = this.#meeting.slice.value;
    if (!ctx || !view) return;
    const { ask } = ctx.actions.call.nameRequirement();
    const name = this.#startName().trim();
    if (ask && !name) {
      this._showError = true;
      this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      return;
    }
    void ctx.actions.call
      .join({
        ...(ask ? { name } : {}),
        audio: options.audio ?? view.local.microphone !== 'off',
        video: options.video ?? view.local.camera !== 'off',
      })
      // A failed join shows its own screen and banner (the phase says why).
      .catch(quietly('join'));
  }

  #renderError(e: DeviceError) {
    const ctx = this.#meeting.context.value;
    if (!ctx || e.device === 'screen') return nothing;
    const { t, actions } = ctx;
    return html`<div class="error" role="alert" data-device-error=${e.device} data-reason=${e.reason}>
      <p>${t(`device.${e.device}.${e.reason}`)}</p>
      ${e.reason === 'denied' ? html`<p class="help">${t(browserHelp())}</p>` : nothing}
      ${
        e.reason !== 'policy-blocked' && e.reason !== 'not-found'
          ? html`<button
              type="button"
              class="secondary"
              data-control="retry-${e.device}"
              @click=${() => void actions.devices.retryDevice(e.device as 'camera' | 'microphone').catch(quietly('device retry')) /* the banner stays and says why */}
            >
              ${t('device.retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderNameField(name: string) {
    const t = this.#meeting.context.value?.t;
    if (!t) return nothing;
    return html`<label
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
      <p id="name-error" class="name-error" role="alert">${this._showError ? t('prejoin.nameRequired') : nothing}</p>`;
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    const view = this.#meeting.slice.value;
    if (!ctx || !view) return nothing;
    const { t, actions } = ctx;
    const { devices, local, errors, joining } = view;
    const cameraOn = local.camera !== 'off';
    const micOn = local.microphone !== 'off';
    const { ask } = actions.call.nameRequirement();
    const cameraFailed = errors.some((e) => e.device === 'camera');
    const micFailed = errors.some((e) => e.device === 'microphone');
    const name = this.#startName();
    return html`<section part="prejoin" aria-labelledby="title">
      <div class="preview" data-preview=${local.camera}>
        <video autoplay playsinline muted aria-label=${t('prejoin.preview')} ?hidden=${local.camera !== 'live'}></video>
        ${
          local.camera === 'live'
            ? nothing
            : html`<div class="placeholder">
                ${local.camera === 'starting' ? html`<div class="spinner" aria-hidden="true"></div>` : html`<span class="avatar" aria-hidden="true">${initials(name || '?')}</span>`}
                <span>${local.camera === 'starting' ? t('connecting.media') : t('prejoin.previewOff')}</span>
              </div>`
        }
        <div class="toggles">
          <button
            type="button"
            data-control="microphone"
            aria-pressed=${String(micOn)}
            aria-label=${t('controls.microphone')}
            @click=${() => void actions.media.setMicrophone(!micOn).catch(quietly('microphone')) /* the device banner */}
          >
            ${micOn ? micIcon : micOffIcon}
          </button>
          <button
            type="button"
            data-control="camera"
            aria-pressed=${String(cameraOn)}
            aria-label=${t('controls.camera')}
            @click=${() => void actions.media.setCamera(!cameraOn).catch(quietly('camera')) /* the device banner */}
          >
            ${cameraOn ? camIcon : camOffIcon}
          </button>
          ${blurToggle(t, view.background, actions.background)}
        </div>
      </div>
      <form
        novalidate
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          this.#join();
        }}
      >
        <h2 id="title">${t('prejoin.title')}</h2>
        ${ask ? this.#renderNameField(name) : name ? html`<p class="joining-as" data-name-from-token>${t('prejoin.joiningAs', { name: isolate(name) })}</p>` : nothing}
        <div
          class="meter"
          role="meter"
          aria-label=${t('prejoin.level')}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${Math.round(local.level * 100)}
          data-level=${local.level}
        >
          <span></span>
        </div>
        <confab-device-select kind="camera"></confab-device-select>
        <confab-device-select kind="microphone"></confab-device-select>
        ${devices.canSelectSpeaker ? html`<confab-device-select kind="speaker"></confab-device-select>` : nothing}
        ${errors.map((e) => this.#renderError(e))}
        <button type="submit" class="join" aria-busy=${String(joining)}>${t('prejoin.join')}</button>
        ${
          cameraFailed && !micFailed
            ? html`<button type="button" class="secondary" data-control="join-audio-only" @click=${() => this.#join({ video: false })}>
                ${t('prejoin.joinAudioOnly')}
              </button>`
            : nothing
        }
        ${
          micFailed || cameraFailed
            ? html`<button
                type="button"
                class="secondary"
                data-control="join-listen-only"
                @click=${() => this.#join({ audio: false, video: false })}
              >
                ${t('prejoin.joinListenOnly')}
              </button>`
            : nothing
        }
      </form>
    </section>`;
  }
}
