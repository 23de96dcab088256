import { LitElement, css, html, nothing } from 'lit';
import { devicesOf } from '../../src/core/devices.js';
import type { MediaKind } from '../../src/core/types.js';
import type { MessageKey } from '../../src/i18n/i18n.js';
import { useMeeting } from '../../src/controllers/context.js';
import { fieldStyles } from '../shared/styles.js';
import { quietly } from '../../src/core/report.js';

const LABEL: Record<MediaKind, MessageKey> = { camera: 'devices.camera', microphone: 'devices.microphone', speaker: 'devices.speaker' };

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
  readonly #meeting = useMeeting(this, (s) => s.devices, ['devices']);

  constructor() {
    super();
    this.kind = 'camera';
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    const devices = this.#meeting.slice.value;
    if (!ctx || !devices) return nothing;
    const { t, actions } = ctx;
    const list = devicesOf(devices, this.kind);
    const selected = devices.selected[this.kind];
    const label = t(LABEL[this.kind]);
    return html`<label
      >${label}
      <select
        data-device=${this.kind}
        ?disabled=${list.length === 0}
        @change=${(e: Event) => void actions.devices.switchDevice(this.kind, (e.target as HTMLSelectElement).value).catch(quietly('device switch')) /* the device banner shows it */}
      >
        ${list.length === 0 ? html`<option value="">${t('devices.none')}</option>` : nothing}
        ${list.map((d) => html`<option value=${d.id} ?selected=${d.id === selected}>${d.id === 'default' ? t('devices.default') : d.label}</option>`)}
      </select></label
    >`;
  }
}
