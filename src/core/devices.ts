// Devices: the pre-join preview, the microphone meter, device lists and their changes. Plain
// getUserMedia (no livekit-client), so the pre-join works before the SDK chunk has loaded.
import type { Emit } from '../events.js';
import { classifyMediaError, policyAllows } from './device-errors.js';
import type { MeetingStore } from './store.js';
import { DEVICE_KIND, type DeviceOption, type DevicesView, type MediaKind } from './types.js';

type InputKind = 'camera' | 'microphone';
const FEATURE = { camera: 'camera', microphone: 'microphone' } as const;

/** The list of one kind of device. */
export function devicesOf(view: DevicesView, kind: MediaKind): readonly DeviceOption[] {
  return kind === 'camera' ? view.cameras : kind === 'microphone' ? view.microphones : view.speakers;
}

function option(d: MediaDeviceInfo, index: number, fallback: string): DeviceOption {
  return { id: d.deviceId, label: d.label || `${fallback} ${index + 1}` };
}

export class Devices {
  readonly #store: MeetingStore;
  readonly #emit: Emit;
  #tracks: Partial<Record<InputKind, MediaStreamTrack>> = {};
  #previewEpoch: Record<InputKind, number> = { camera: 0, microphone: 0 };
  #audio: { context: AudioContext; timer: ReturnType<typeof setInterval> } | null = null;
  #video: HTMLVideoElement | null = null;
  #watching = false;
  #onChange: (() => void) | null = null;

  constructor(store: MeetingStore, emit: Emit) {
    this.#store = store;
    this.#emit = emit;
    const canSelectSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
    this.#patch({ canSelectSpeaker });
  }

  get #view(): DevicesView {
    return this.#store.getState().devices;
  }

  #patch(update: Partial<DevicesView>) {
    this.#store.setState((s) => ({ devices: { ...s.devices, ...update } }));
  }

  /** Listens for plugged and unplugged devices; `onChange` runs after the lists are fresh. */
  watch(onChange: () => void): void {
    this.#onChange = onChange;
    if (this.#watching || !navigator.mediaDevices) return;
    this.#watching = true;
    navigator.mediaDevices.addEventListener('devicechange', this.#deviceChange);
  }

  #deviceChange = () => {
    void this.refresh().then(() => this.#onChange?.());
  };

  async refresh(): Promise<void> {
    let list: MediaDeviceInfo[] = [];
    try {
      list = (await navigator.mediaDevices?.enumerateDevices()) ?? [];
    } catch {
      list = [];
    }
    const of = (kind: MediaKind, fallback: string) =>
      list.filter((d) => d.kind === DEVICE_KIND[kind] && d.deviceId).map((d, i) => option(d, i, fallback));
    this.#patch({ cameras: of('camera', 'Camera'), microphones: of('microphone', 'Microphone'), speakers: of('speaker', 'Speaker') });
  }

  select(kind: MediaKind, id: string | null): void {
    this.#patch({ selected: { ...this.#view.selected, [kind]: id } });
  }

  /** Starts (or restarts, after a device change) the preview of one input. */
  async preview(kind: InputKind, on: boolean): Promise<void> {
    const epoch = ++this.#previewEpoch[kind];
    this.#stopTrack(kind);
    if (!on) {
      this.#patch({ preview: { ...this.#view.preview, [kind]: 'off' }, ...(kind === 'microphone' ? { level: 0 } : {}) });
      return;
    }
    this.#patch({ preview: { ...this.#view.preview, [kind]: 'starting' } });
    this.clearError(kind);
    const id = this.#view.selected[kind];
    const constraints: MediaStreamConstraints =
      kind === 'camera'
        ? { video: { deviceId: id ?? undefined, width: { ideal: 1280 }, height: { ideal: 720 } } }
        : { audio: { deviceId: id ?? undefined } };
    let track: MediaStreamTrack | undefined;
    try {
      if (!policyAllows(FEATURE[kind])) throw Object.assign(new Error('blocked by permissions policy'), { name: 'NotAllowedError' });
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      track = kind === 'camera' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
      for (const other of stream.getTracks()) if (other !== track) other.stop();
    } catch (error) {
      if (epoch !== this.#previewEpoch[kind]) return;
      this.#patch({ preview: { ...this.#view.preview, [kind]: 'off' } });
      this.reportError(kind, error);
      return;
    }
    if (!track) return;
    // Cancelled or restarted meanwhile: this track must not keep the camera light on.
    if (epoch !== this.#previewEpoch[kind]) {
      track.stop();
      return;
    }
    this.#tracks[kind] = track;
    // Labels are only known once permission is granted.
    await this.refresh();
    // Show the device actually in use (a remembered one may be gone, and the browser chose another).
    this.select(kind, track.getSettings().deviceId ?? id);
    this.#patch({ preview: { ...this.#view.preview, [kind]: 'live' } });
    if (kind === 'camera') this.#showVideo();
    else this.#startMeter(track);
  }

  /** The preview <video> the pre-join renders. */
  attachPreview(video: HTMLVideoElement | null): void {
    this.#video = video;
    this.#showVideo();
  }

  #showVideo() {
    const track = this.#tracks.camera;
    if (!this.#video) return;
    this.#video.srcObject = track ? new MediaStream([track]) : null;
  }

  #startMeter(track: MediaStreamTrack) {
    this.#stopMeter();
    const Ctx = globalThis.AudioContext as typeof AudioContext | undefined;
    if (!Ctx) return;
    const context = new Ctx();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += v * v;
      // RMS in decibels over a 60 dB range: silence is 0, normal speech lands around the middle.
      const rms = Math.sqrt(sum / samples.length);
      const instant = rms > 0 ? Math.max(0, Math.min(1, (20 * Math.log10(rms) + 60) / 60)) : 0;
      // Peak hold with decay, so short sounds stay visible long enough to read.
      const level = Math.max(instant, this.#view.level * 0.8);
      if (Math.abs(level - this.#view.level) > 0.01 || (level < 0.01 && this.#view.level !== 0)) {
        this.#patch({ level: level < 0.01 ? 0 : Math.round(level * 100) / 100 });
      }
    }, 100);
    this.#audio = { context, timer };
    void context.resume().catch(() => undefined);
  }

  #stopMeter() {
    if (!this.#audio) return;
    clearInterval(this.#audio.timer);
    void this.#audio.context.close().catch(() => undefined);
    this.#audio = null;
  }

  #stopTrack(kind: InputKind) {
    this.#tracks[kind]?.stop();
    this.#tracks[kind] = undefined;
    if (kind === 'microphone') this.#stopMeter();
    if (kind === 'camera') this.#showVideo();
  }

  /** Ends every preview track (camera light off), e.g. before joining or when the element goes. */
  stopPreview(): void {
    this.#previewEpoch.camera++;
    this.#previewEpoch.microphone++;
    this.#stopTrack('camera');
    this.#stopTrack('microphone');
    this.#patch({ preview: { camera: 'off', microphone: 'off' }, level: 0 });
  }

  reportError(device: InputKind | 'screen', error: unknown): void {
    const feature = device === 'screen' ? 'display-capture' : device;
    const reason = classifyMediaError(error, policyAllows(feature));
    this.#store.setState((s) => ({ deviceErrors: [...s.deviceErrors.filter((e) => e.device !== device), { device, reason }] }));
    this.#emit('confab-device-error', { device, reason });
  }

  clearError(device: string): void {
    this.#store.setState((s) => ({ deviceErrors: s.deviceErrors.filter((e) => e.device !== device) }));
  }

  labelOf(kind: MediaKind, id: string | null): string {
    const list = devicesOf(this.#view, kind);
    return list.find((d) => d.id === id)?.label ?? list[0]?.label ?? '';
  }

  dispose(): void {
    this.stopPreview();
    if (this.#watching) navigator.mediaDevices?.removeEventListener('devicechange', this.#deviceChange);
    this.#watching = false;
    this.#video = null;
  }
}
