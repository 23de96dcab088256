// Choosing devices, following them when they come and go, and naming their failures.
import type { DeviceActions } from './actions.js';
import { ConfabError } from './commands.js';
import { Devices, devicesOf } from './devices.js';
import type { LocalMedia } from './media.js';
import type { PreferenceStore } from './preferences.js';
import type { SessionPort } from './session-port.js';
import type { MeetingStore } from './store.js';
import { MEDIA_KINDS, type DeviceKind, type InputKind, type MediaKind } from './types.js';
import type { MessageKey } from '../i18n/en.js';
import { quietly } from './report.js';

const TOAST_MS = 6000;
const PREF_KEY = { camera: 'cameraId', microphone: 'microphoneId', speaker: 'speakerId' } as const;

export class DeviceControl {
  readonly #store: MeetingStore;
  readonly #media: LocalMedia;
  readonly #devices: Devices;
  readonly #preferences: PreferenceStore;
  readonly #session: () => SessionPort | null;
  /** The devices the user chose; when one comes back after being unplugged, we switch back to it. */
  readonly #preferred: Partial<Record<MediaKind, string>> = {};
  #toastSeq = 0;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(store: MeetingStore, media: LocalMedia, preferences: PreferenceStore, session: () => SessionPort | null) {
    this.#store = store;
    this.#media = media;
    this.#preferences = preferences;
    this.#session = session;
    this.#devices = new Devices(store);
    const saved = preferences.load();
    for (const kind of MEDIA_KINDS) {
      const id = saved[PREF_KEY[kind]];
      if (id) {
        this.#preferred[kind] = id;
        this.#devices.select(kind, id);
      }
    }
    // A device that ends by itself (unplugged, revoked) falls back like a vanished one.
    media.onEnded = () => void this.refresh().then(() => this.#onDevicesChanged());
  }

  watch(): void {
    this.#devices.watch(() => void this.#onDevicesChanged());
  }

  refresh(): Promise<void> {
    return this.#devices.refresh();
  }

  /** Records a device failure (banner + confab-device-error) and returns the typed error to reject with. */
  report(device: DeviceKind, error: unknown): ConfabError {
    this.#devices.reportError(device, error);
    const reason = this.#store.getState().deviceErrors.find((e) => e.device === device)?.reason ?? 'unknown';
    return new ConfabError(
      `device-${reason}`,
      `${device}: ${reason}${error instanceof Error && error.message ? ` (${error.message})` : ''}`,
    );
  }

  /** What components and commands call: `retry` turns a failed device on again. */
  actions(alive: () => void, retry: (kind: InputKind) => Promise<void>): DeviceActions {
    return {
      switchDevice: (kind, id) => (alive(), this.choose(kind, id)),
      retryDevice: retry,
      dismissDeviceError: (device) => this.clearError(device),
    };
  }

  clearError(device: DeviceKind): void {
    this.#devices.clearError(device);
  }

  /** After a device started: labels are known now, and the list shows the device actually in use. */
  async afterStart(kind: InputKind): Promise<void> {
    await this.#devices.refresh();
    const id = this.#media.deviceOf(kind);
    if (id) this.#devices.select(kind, id);
    this.watch();
  }

  /** The user chose a device: remembered, and switched to at once (live in a call, no rejoin). */
  async choose(kind: MediaKind, id: string): Promise<void> {
    this.#preferred[kind] = id;
    this.#preferences.save({ [PREF_KEY[kind]]: id });
    await this.#use(kind, id);
  }

  async #use(kind: MediaKind, id: string): Promise<void> {
    this.#devices.select(kind, id);
    if (kind === 'speaker') {
      await this.#session()
        ?.switchSpeaker(id)
        // The speaker stays on the device it had; the choice is kept for the next call.
        .catch(quietly('speaker switch'));
      return;
    }
    if (!this.#media.output(kind)) return;
    try {
      await this.#media.start(kind, id, true);
    } catch (error) {
      this.#devices.reportError(kind, error);
    }
  }

  /** Fresh lists for the settings, each showing the device in use. */
  async prepareSettings(): Promise<void> {
    await this.#devices.refresh();
    for (const kind of ['camera', 'microphone'] as const) {
      const active = this.#media.deviceOf(kind);
      if (active && !this.#store.getState().devices.selected[kind]) this.#devices.select(kind, active);
    }
    const speaker = this.#session()?.activeSpeaker();
    if (speaker && !this.#store.getState().devices.selected.speaker) this.#devices.select('speaker', speaker);
  }

  /** A device came or went: fall back from a vanished one, and return to the chosen one when it is back. */
  async #onDevicesChanged(): Promise<void> {
    const { devices } = this.#store.getState();
    for (const kind of MEDIA_KINDS) {
      const list = devicesOf(devices, kind);
      const current = (kind === 'speaker' ? undefined : this.#media.deviceOf(kind)) ?? devices.selected[kind] ?? null;
      const preferred = this.#preferred[kind];
      let target: string | undefined;
      let key: MessageKey | undefined;
      if (preferred && preferred !== current && list.some((d) => d.id === preferred)) {
        target = preferred;
        key = 'devices.restored';
      } else if (current && !list.some((d) => d.id === current)) {
        target = (list.find((d) => d.id === 'default') ?? list[0])?.id;
        key = 'devices.switched';
        // The vanished device is the one to return to, even if the browser default picked it.
        this.#preferred[kind] ??= current;
      }
      if (!target || !key) continue;
      await this.#use(kind, target);
      this.toast(key, { device: this.#devices.labelOf(kind, target) });
    }
  }

  toast(key: MessageKey, params?: Record<string, string>): void {
    const id = ++this.#toastSeq;
    this.#store.setState((s) => ({ toasts: [...s.toasts.slice(-2), { id, key, ...(params ? { params } : {}) }] }));
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#store.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    }, TOAST_MS);
    this.#timers.add(timer);
  }

  dispose(): void {
    this.#devices.dispose();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
