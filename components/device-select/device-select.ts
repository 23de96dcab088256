import { LitElement, css, html, nothing } from 'lit';
import type { MediaKind } from '../../src/core/types.js';
import { useMeeting } from '../../src/lit/context.js';
import { fieldStyles } from '../../src/lit/shared-styles.js';

/**
 * A labelled <select> of one kind of device; choosing switches it (live in a call).
 * @tagname confab-device-select
 */
export class ConfabDeviceSelect extends LitElement {
  static override styles = [
    fieldStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];
  static override properties = { kind: { type: String } };
  // A dialog or a click on the host moves focus to the <select> itself.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  declare kind: MediaKind;
  readonly #meeting = useMeeting(this, (s) => s.devices);

  constructor() {
    super();
    this.kind = 'camera';
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    const devices = this.#meeting.slice.value;
    if (!ctx || !devices) return nothing;
    const { t, meeting } = ctx;
    const list = this.kind === 'camera' ? devices.cameras : this.kind === 'microphone' ? devices.microphones : devices.speakers;
    const selected = devices.selected[this.kind];
    const label = t(this.kind === 'camera' ? 'devices.camera' : this.kind === 'microphone' ? 'devices.microphone' : 'devices.speaker');
    return html`<label
      >${label}
      <select
        data-device=${this.kind}
        ?disabled=${list.length === 0}
        @change=${(e: Event) => void meeting.switchDevice(this.kind, (e.target as HTMLSelectElement).value)}
      >
        ${list.length === 0 ? html`<option value="">${t('devices.none')}</option>` : nothing}
        ${list.map((d) => html`<option value=${d.id} ?selected=${d.id === selected}>${d.id === 'default' ? t('devices.default') : d.label}</option>`)}
      </select></label
    >`;
  }
}
