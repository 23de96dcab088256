// Device lists, their changes, and device errors. The pipeline (media.ts) runs the tracks.
import { classifyMediaError, policyAllows } from './device-errors.js';
import type { MeetingStore } from './store.js';
import { DEVICE_KIND, type DeviceKind, type DeviceOption, type DevicesView, type MediaKind } from './types.js';

/** The list of one kind of device. */
export function devicesOf(view: DevicesView, kind: MediaKind): readonly DeviceOption[] {
  return kind === 'camera' ? view.cameras : kind === 'microphone' ? view.microphones : view.speakers;
}

function option(d: MediaDeviceInfo, index: number, fallback: string): DeviceOption {
  return { id: d.deviceId, label: d.label || `${fallback} ${index + 1}` };
}

export class Devices {
  readonly #store: MeetingStore;
  #watching = false;
  #disposed = false;
  #seq = 0;
  #onChange: (() => void) | null = null;

  constructor(store: MeetingStore) {
    this.#store = store;
    const canSelectSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
    this.#patch({ canSelectSpeaker });
  }

  get view(): DevicesView {
    return this.#store.getState().devices;
  }

  #patch(update: Partial<DevicesView>) {
    this.#store.setState((s) => ({ devices: { ...s.devices, ...update } }));
  }

  /** Listens for plugged and unplugged devices; `onChange` runs after the lists are fresh. */
  watch(onChange: () => void): void {
    this.#onChange = onChange;
    if (this.#watching || this.#disposed || !globalThis.navigator?.mediaDevices) return;
    this.#watching = true;
    navigator.mediaDevices.addEventListener('devicechange', this.#deviceChange);
  }

  #deviceChange = () => {
    void this.refresh().then(() => this.#onChange?.());
  };

  async refresh(): Promise<void> {
    let list: MediaDeviceInfo[] = [];
    try {
      list = (await globalThis.navigator?.mediaDevices?.enumerateDevices()) ?? [];
    } catch {
      list = [];
    }
    if (this.#disposed) return;
    const of = (kind: MediaKind, fallback: string) =>
      list.filter((d) => d.kind === DEVICE_KIND[kind] && d.deviceId).map((d, i) => option(d, i, fallback));
    this.#patch({ cameras: of('camera', 'Camera'), microphones: of('microphone', 'Microphone'), speakers: of('speaker', 'Speaker') });
  }

  select(kind: MediaKind, id: string | null): void {
    if (this.view.selected[kind] !== id) this.#patch({ selected: { ...this.view.selected, [kind]: id } });
  }

  reportError(device: DeviceKind, error: unknown): void {
    const feature = device === 'screen' ? 'display-capture' : device;
    const reason = classifyMediaError(error, policyAllows(feature));
    const seq = ++this.#seq;
    this.#store.setState((s) => ({ deviceErrors: [...s.deviceErrors.filter((e) => e.device !== device), { device, reason, seq }] }));
  }

  clearError(device: DeviceKind): void {
    if (this.#store.getState().deviceErrors.some((e) => e.device === device)) {
      this.#store.setState((s) => ({ deviceErrors: s.deviceErrors.filter((e) => e.device !== device) }));
    }
  }

  labelOf(kind: MediaKind, id: string | null): string {
    const list = devicesOf(this.view, kind);
    return list.find((d) => d.id === id)?.label ?? list[0]?.label ?? '';
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#watching) navigator.mediaDevices?.removeEventListener('devicechange', this.#deviceChange);
    this.#watching = false;
    this.#onChange = null;
  }
}
