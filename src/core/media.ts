// The one camera/microphone pipeline. The raw device track goes through an optional processor (blur,
// background, noise suppression) to one output track, and that output is what the pre-join shows,
// what the local tile shows, and what the session publishes — the same track before and after Join,
// so the camera never blinks and an effect cannot leak a raw frame on a second path.
// Plain getUserMedia (no livekit-client): the pre-join works before the SDK chunk has loaded.
import { policyAllows } from './device-errors.js';
import type { MeetingStore } from './store.js';
import type { InputKind, LocalMediaView } from './types.js';
import { quietly } from './report.js';

/** Sits between the raw track and everything that shows or sends it (blur lands here). */
export interface MediaProcessor {
  /** Returns the track to show and send instead of `raw`; called again for every new raw track. */
  process(raw: MediaStreamTrack): Promise<MediaStreamTrack> | MediaStreamTrack;
  /** Ends the processing of the current raw track (the raw track itself is stopped by the pipeline). */
  stop(): void;
}

/** Told of every new output; a returned promise says when it stopped using the previous one. */
export type OutputListener = (kind: InputKind, track: MediaStreamTrack | null) => unknown;

const HANDOVER_MS = 3000;

interface Source {
  raw: MediaStreamTrack | null;
  output: MediaStreamTrack | null;
  epoch: number;
}

// A remembered device is ideal (a camera that is gone falls back instead of failing); a device the
// user picks now is exact (Chromium may otherwise keep the one already open).
const device = (id: string | null, exact: boolean) => (id ? { deviceId: exact ? { exact: id } : id } : {});
const CONSTRAINTS = {
  camera: (id: string | null, exact: boolean): MediaStreamConstraints => ({
    video: { ...device(id, exact), width: { ideal: 1280 }, height: { ideal: 720 } },
  }),
  microphone: (id: string | null, exact: boolean): MediaStreamConstraints => ({
    audio: { ...device(id, exact), echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  }),
};

export class LocalMedia {
  readonly #store: MeetingStore;
  readonly #sources: Record<InputKind, Source> = {
    camera: { raw: null, output: null, epoch: 0 },
    microphone: { raw: null, output: null, epoch: 0 },
  };
  readonly #processors = new Map<InputKind, MediaProcessor>();
  /** Each running raw track's "ended" listener, removed when the track is let go. */
  readonly #unlisten = new WeakMap<MediaStreamTrack, AbortController>();
  readonly #listeners = new Set<OutputListener>();
  #meter: { context: AudioContext; timer: ReturnType<typeof setInterval> } | null = null;
  #disposed = false;
  #meterWanted = false;
  /** Called when a running device ends by itself (unplugged, revoked). */
  onEnded: ((kind: InputKind) => void) | null = null;

  constructor(store: MeetingStore) {
    this.#store = store;
  }

  #patch(update: Partial<LocalMediaView>) {
    this.#store.setState((s) => ({ local: { ...s.local, ...update } }));
  }

  /** The track shown and sent for a kind, or null while it is off. */
  output(kind: InputKind): MediaStreamTrack | null {
    return this.#sources[kind].output;
  }

  /** The device the running track uses (the browser may have chosen another than asked). */
  deviceOf(kind: InputKind): string | undefined {
    return this.#sources[kind].raw?.getSettings().deviceId;
  }

  subscribe(listener: OutputListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Starts the device (or restarts it on another device). Resolves once the output track is live, or
   * rejects with the getUserMedia error; a call overtaken by a newer one resolves quietly.
   */
  async start(kind: InputKind, deviceId: string | null, exact = false): Promise<void> {
    if (this.#disposed) return;
    const source = this.#sources[kind];
    const epoch = ++source.epoch;
    const current = this.#store.getState().local[kind];
    if (current === 'off') this.#patch({ [kind]: 'starting' });
    let raw: MediaStreamTrack | undefined;
    try {
      if (!policyAllows(kind)) throw Object.assign(new Error('blocked by permissions policy'), { name: 'NotAllowedError' });
      const stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS[kind](deviceId, exact));
      raw = kind === 'camera' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
      for (const other of stream.getTracks()) if (other !== raw) other.stop();
      if (!raw) throw Object.assign(new Error('no track'), { name: 'NotFoundError' });
    } catch (error) {
      if (epoch !== source.epoch) return;
      // A failed restart keeps nothing running: what was shown stops too.
      this.#replace(kind, null, null);
      throw error;
    }
    // Cancelled, restarted or disposed meanwhile: this track must not keep the camera light on.
    if (epoch !== source.epoch || this.#disposed) {
      raw.stop();
      return;
    }
    const processor = this.#processors.get(kind);
    const output = processor ? await processor.process(raw) : raw;
    if (epoch !== source.epoch || this.#disposed) {
      raw.stop();
      if (output !== raw) output.stop();
      return;
    }
    // Removed when the track is let go: Chromium keeps getUserMedia's streams alive after they stop,
    // and a listener left on one kept this whole meeting alive with it (tests/e2e/crowd.spec.ts).
    const ended = new AbortController();
    this.#unlisten.set(raw, ended);
    raw.addEventListener(
      'ended',
      () => {
        if (source.raw === raw) this.onEnded?.(kind);
      },
      { signal: ended.signal },
    );
    this.#replace(kind, raw, output);
  }

  /** Shows the camera as the pipeline outputs it (the preview and the local tile alike), following every change. */
  attachCamera(element: HTMLVideoElement): () => void {
    const show = (track: MediaStreamTrack | null) => {
      const current = (element.srcObject as MediaStream | null)?.getVideoTracks()[0] ?? null;
      if (current !== track) element.srcObject = track ? new MediaStream([track]) : null;
    };
    show(this.output('camera'));
    const unsubscribe = this.subscribe((kind, track) => kind === 'camera' && show(track));
    return () => {
      unsubscribe();
      element.srcObject = null;
    };
  }

  /** Puts a processor in the pipeline (or takes it out); a running device is restarted through it. */
  async setProcessor(kind: InputKind, processor: MediaProcessor | null): Promise<void> {
    const running = this.#sources[kind].raw;
    const deviceId = this.deviceOf(kind) ?? null;
    if (running) this.stop(kind);
    if (processor) this.#processors.set(kind, processor);
    else this.#processors.delete(kind);
    if (running) await this.start(kind, deviceId);
  }

  /** The microphone level meter (pre-join) runs only while someone shows it. */
  setMeter(on: boolean): void {
    this.#meterWanted = on;
    this.#stopMeter();
    const output = this.#sources.microphone.output;
    if (on && output && !this.#disposed) this.#startMeter(output);
    if (!on) this.#patch({ level: 0 });
  }

  /** Stops a device (camera light off); pending starts are cancelled. */
  stop(kind: InputKind): void {
    this.#sources[kind].epoch++;
    this.#replace(kind, null, null);
  }

  stopAll(): void {
    this.stop('camera');
    this.stop('microphone');
  }

  /** The element is gone: nothing may start again. */
  dispose(): void {
    this.#disposed = true;
    this.#meterWanted = false;
    this.stopAll();
    this.#listeners.clear();
    this.onEnded = null;
  }

  #replace(kind: InputKind, raw: MediaStreamTrack | null, output: MediaStreamTrack | null) {
    const source = this.#sources[kind];
    const before = { raw: source.raw, output: source.output };
    source.raw = raw;
    source.output = output;
    if (kind === 'microphone') {
      this.#stopMeter();
      if (output && this.#meterWanted && !this.#disposed) this.#startMeter(output);
    }
    this.#patch({ [kind]: output ? 'live' : 'off', ...(kind === 'microphone' && !output ? { level: 0 } : {}) });
    const handedOver = before.output !== output ? [...this.#listeners].map((listener) => listener(kind, output)) : [];
    // The old device stops once everything that showed or sent it has the new track (or none):
    // the call never sends an ended track in between.
    const stopOld = () => {
      if (before.raw && before.raw !== raw) {
        if (!raw) this.#processors.get(kind)?.stop();
        before.raw.stop();
        this.#unlisten.get(before.raw)?.abort();
      }
      if (before.output && before.output !== output && before.output !== before.raw) before.output.stop();
    };
    if (!output || handedOver.length === 0) stopOld();
    else void Promise.race([Promise.allSettled(handedOver), new Promise((resolve) => setTimeout(resolve, HANDOVER_MS))]).then(stopOld);
  }

  #startMeter(track: MediaStreamTrack) {
    const Ctx = globalThis.AudioContext as typeof AudioContext | undefined;
    if (!Ctx) return;
    const context = new Ctx();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const previous = this.#store.getState().local.level;
      const level = meterLevel(samples, previous);
      if (Math.abs(level - previous) > 0.01 || (level === 0 && previous !== 0)) this.#patch({ level });
    }, 100);
    this.#meter = { context, timer };
    // A suspended context only stills the level meter; the microphone itself is unaffected.
    void context.resume().catch(quietly('meter resume'));
  }

  #stopMeter() {
    if (!this.#meter) return;
    clearInterval(this.#meter.timer);
    void this.#meter.context.close().catch(quietly('meter close')); // already closed
    this.#meter = null;
  }
}

/**
 * RMS in decibels over a 60 dB range (silence 0, speech around the middle), with a peak hold that
 * decays, so short sounds stay visible long enough to read.
 */
export function meterLevel(samples: Float32Array, previous: number): number {
  let sum = 0;
  for (const v of samples) sum += v * v;
  const rms = Math.sqrt(sum / (samples.length || 1));
  const instant = rms > 0 ? Math.max(0, Math.min(1, (20 * Math.log10(rms) + 60) / 60)) : 0;
  const level = Math.max(instant, previous * 0.8);
  return level < 0.01 ? 0 : Math.round(level * 100) / 100;
}
