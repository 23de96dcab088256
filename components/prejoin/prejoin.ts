import { LitElement, html, nothing } from 'lit';
import { useMeeting } from '../../src/lit/context.js';
import { camIcon, camOffIcon, micIcon, micOffIcon } from '../../src/lit/icons.js';
import { prejoinStyles } from './prejoin.styles.js';

/**
 * The screen before joining: name and start-muted choices, then Join.
 * @csspart prejoin - the form (exported by the meeting)
 */
export class ConfabPrejoin extends LitElement {
  static override styles = prejoinStyles;
  static override properties = {
    _name: { state: true },
    _audio: { state: true },
    _video: { state: true },
    _showError: { state: true },
  };

  declare _name: string | null;
  declare _audio: boolean | null;
  declare _video: boolean | null;
  declare _showError: boolean;
  readonly #meeting = useMeeting(this, (s) => s.pending.join);

  constructor() {
    super();
    this._name = null;
    this._audio = null;
    this._video = null;
    this._showError = false;
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const ctx = this.#meeting.context.value;
    if (!ctx) return;
    const name = (this._name ?? ctx.config.name ?? '').trim();
    if (!name) {
      this._showError = true;
      this.renderRoot.querySelector('input')?.focus();
      return;
    }
    void ctx.meeting.join({ name, audio: this._audio ?? ctx.config.audio, video: this._video ?? ctx.config.video });
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    if (!ctx) return nothing;
    const { t, config } = ctx;
    const audio = this._audio ?? config.audio;
    const video = this._video ?? config.video;
    return html`<form part="prejoin" novalidate @submit=${this.#submit}>
      <h2>${t('prejoin.title')}</h2>
      <label
        >${t('prejoin.name')}
        <input
          name="name"
          autocomplete="name"
          maxlength="64"
          required
          aria-invalid=${this._showError ? 'true' : 'false'}
          aria-describedby="name-error"
          .value=${this._name ?? config.name ?? ''}
          @input=${(e: InputEvent) => {
            this._name = (e.target as HTMLInputElement).value;
            this._showError = false;
          }}
      /></label>
      <p id="name-error" class="error" role="alert">${this._showError ? t('prejoin.nameRequired') : nothing}</p>
      <div class="toggles">
        <button type="button" data-control="microphone" aria-pressed=${String(audio)} @click=${() => (this._audio = !audio)}>
          ${audio ? micIcon : micOffIcon}${t('prejoin.startWithMic')}
        </button>
        <button type="button" data-control="camera" aria-pressed=${String(video)} @click=${() => (this._video = !video)}>
          ${video ? camIcon : camOffIcon}${t('prejoin.startWithCamera')}
        </button>
      </div>
      <button type="submit" class="join" aria-busy=${String(!!this.#meeting.slice.value)}>${t('prejoin.join')}</button>
    </form>`;
  }
}
