// End-to-end encryption (e2ee="on"): livekit-client's AES-GCM frame and data encryption with a key
// derived from the passphrase (ExternalE2EEKeyProvider: LiveKit Meet's scheme, so its pages interoperate),
// in a worker from our own origin. The call is refused, never joined in the clear, when the worker
// cannot start or our own encryption does not come on. Whose media our key cannot decrypt is found
// from the worker's decryption errors and cleared only on evidence: their frames decode again.
import { ExternalE2EEKeyProvider, isE2EESupported, RoomEvent, type Participant, type Room, type RoomOptions } from 'livekit-client';
import { JoinError } from '../../core/credentials.js';
import type { ConnectOptions, EncryptionPort } from '../../core/session-port.js';
import type { Binder, Binding } from '../domain.js';
import { createE2EEWorker } from '../e2ee-worker-factory.js';
import { quietly } from '../../core/report.js';
import { listen } from '../listen.js';

/** How long the worker and our own encryption may take to start before the call is refused. */
const START_MS = 10_000;
/** How often the media of someone we could not decrypt is checked for decoded frames. */
const PROBE_MS = 1_500;

const unavailable = (message: string) => new JoinError('e2ee-unavailable', 'error.e2eeUnavailable', { message });

/** Within `ms`, or refused with `e2ee-unavailable`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(unavailable(`${what} did not start`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Starts the worker and waits for its answer: a page whose CSP forbids it refuses here, before any connection. */
async function startWorker(keyProvider: ExternalE2EEKeyProvider): Promise<Worker> {
  let worker: Worker;
  try {
    worker = createE2EEWorker();
  } catch (error) {
    throw unavailable(error instanceof Error ? error.message : String(error));
  }
  const answered = new Promise<void>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ kind?: string }>) => event.data.kind === 'initAck' && resolve();
    worker.onerror = (event) => (event.preventDefault(), reject(unavailable(event.message || 'the encryption worker could not load')));
  });
  worker.postMessage({ kind: 'init', data: { keyProviderOptions: keyProvider.getOptions(), loglevel: 'warn' } });
  try {
    await within(answered, START_MS, 'the encryption worker');
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return worker;
}

export async function prepareEncryption(
  options: ConnectOptions,
): Promise<{ roomOptions: Partial<RoomOptions>; bind: Binder<'encryption'> }> {
  if (!options.e2eeKey) throw new JoinError('e2ee-key-missing', 'error.e2eeKeyMissing');
  if (!isE2EESupported()) throw new JoinError('e2ee-unsupported', 'error.e2eeUnsupported');
  const keyProvider = new ExternalE2EEKeyProvider();
  const worker = await startWorker(keyProvider);
  await keyProvider.setKey(options.e2eeKey);
  return {
    roomOptions: { encryption: { keyProvider, worker } },
    bind: (room, context) => bindEncryption(room, context.store, keyProvider, worker),
  };
}

type Store = Parameters<Binder>[1]['store'];

interface Progress {
  /** Video payload bytes that arrived (what the SFU forwarded; padding is not counted) and frames that decoded. */
  videoReceived: number;
  videoDecoded: number;
  /** Video frames decoded and audio samples played that were not concealment: what our key decrypted. */
  decoded: number;
}

/**
 * What someone's subscribed tracks have received and decoded so far. Only video judges a mismatch
 * (frames that arrive and never decode); audio only clears one (a silent microphone's comfort noise
 * must never look like a wrong key).
 */
async function progress(participant: Participant | undefined): Promise<Progress> {
  const total: Progress = { videoReceived: 0, videoDecoded: 0, decoded: 0 };
  for (const publication of participant?.trackPublications.values() ?? []) {
    const receiver = (publication.track as { receiver?: RTCRtpReceiver } | undefined)?.receiver;
    if (!receiver) continue;
    (await receiver.getStats()).forEach((s: InboundStats) => {
      if (s.type !== 'inbound-rtp') return;
      if (s.kind === 'video') {
        total.videoReceived += s.bytesReceived ?? 0;
        total.videoDecoded += s.framesDecoded ?? 0;
        total.decoded += s.framesDecoded ?? 0;
      } else total.decoded += (s.totalSamplesReceived ?? 0) - (s.concealedSamples ?? 0);
    });
  }
  return total;
}

type InboundStats = {
  type: string;
  kind?: string;
  bytesReceived?: number;
  framesDecoded?: number;
  totalSamplesReceived?: number;
  concealedSamples?: number;
};

/**
 * Probes in a row in which someone's video arrived and not one frame decoded, before they are flagged
 * (a new subscription waits for a keyframe for a moment; a paused one receives nothing).
 */
const STALLED_PROBES = 3;

function bindEncryption(room: Room, store: Store, keyProvider: ExternalE2EEKeyProvider, worker: Worker): Binding & EncryptionPort {
  /** Who we cannot decrypt, in order of discovery. */
  const mismatched = new Set<string>();
  /** Each remote participant's progress at the last probe, and for how many probes it arrived undecoded. */
  const seen = new Map<string, Progress & { stalled: number }>();
  const write = () => store.setState({ encryption: { on: room.isE2EEEnabled, mismatched: [...mismatched] } });
  const flag = (identity: string, on: boolean) => {
    if (on === mismatched.has(identity)) return;
    if (on) mismatched.add(identity);
    else mismatched.delete(identity);
    write();
  };
  let ours: () => void = () => undefined;
  const on = new Promise<void>((resolve) => (ours = resolve));
  const off = listen(room, {
    [RoomEvent.ParticipantEncryptionStatusChanged]: (enabled, participant) => {
      if (participant === room.localParticipant && enabled) ours();
      write();
    },
    // The worker's decryption errors say it first (but at most five a minute per participant).
    [RoomEvent.EncryptionError]: (error, participant) => {
      if (participant && participant !== room.localParticipant && /InvalidKey|MissingKey/.test(error.message))
        flag(participant.identity, true);
    },
    [RoomEvent.ParticipantDisconnected]: (participant) => {
      seen.delete(participant.identity);
      flag(participant.identity, false);
    },
  });
  // The media says it too: what arrives and never decodes is someone we cannot decrypt; what decodes
  // again clears them (their key or ours changed). Tracks paused or muted arrive with nothing to judge.
  let probing = false;
  const probe = setInterval(() => {
    if (probing) return;
    probing = true;
    void Promise.all(
      [...room.remoteParticipants.values()].map(async (participant) => {
        const now = await progress(participant);
        const before = seen.get(participant.identity);
        const decodedMore = !!before && now.decoded > before.decoded;
        const stalled =
          before && now.videoReceived > before.videoReceived && now.videoDecoded === before.videoDecoded ? before.stalled + 1 : 0;
        seen.set(participant.identity, { ...now, stalled });
        if (decodedMore) flag(participant.identity, false);
        else if (stalled >= STALLED_PROBES) flag(participant.identity, true);
      }),
    )
      // A receiver that went away mid-probe: the next probe reads the room as it is then.
      .catch(quietly('e2ee-probe'))
      .finally(() => (probing = false));
  }, PROBE_MS);
  // Our media and data are encrypted before the call counts as joined: nothing goes out in the clear.
  const enabling = room.setE2EEEnabled(true);
  return {
    ready: within(
      enabling.then(() => on),
      START_MS,
      'encryption',
    ),
    sync: write,
    async setKey(key) {
      await keyProvider.setKey(key);
    },
    dispose() {
      clearInterval(probe);
      off();
      worker.terminate();
    },
  };
}
