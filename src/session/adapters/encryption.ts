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

/** Frames (video) and samples (audio) decoded from someone's tracks: growth means their media decrypts. */
async function decoded(participant: Participant | undefined): Promise<number> {
  let total = 0;
  for (const publication of participant?.trackPublications.values() ?? []) {
    const receiver = (publication.track as { receiver?: RTCRtpReceiver } | undefined)?.receiver;
    if (!receiver) continue;
    (await receiver.getStats()).forEach(
      (s: { type: string; framesDecoded?: number; totalSamplesReceived?: number; concealedSamples?: number }) => {
        if (s.type === 'inbound-rtp') total += (s.framesDecoded ?? 0) + (s.totalSamplesReceived ?? 0) - (s.concealedSamples ?? 0);
      },
    );
  }
  return total;
}

function bindEncryption(room: Room, store: Store, keyProvider: ExternalE2EEKeyProvider, worker: Worker): Binding & EncryptionPort {
  /** Who we cannot decrypt, with what their tracks had decoded when it was found. */
  const mismatched = new Map<string, number>();
  const write = () => store.setState({ encryption: { on: room.isE2EEEnabled, mismatched: [...mismatched.keys()] } });
  let ours: () => void = () => undefined;
  const on = new Promise<void>((resolve) => (ours = resolve));
  const off = listen(room, {
    [RoomEvent.ParticipantEncryptionStatusChanged]: (enabled, participant) => {
      if (participant === room.localParticipant && enabled) ours();
      write();
    },
    [RoomEvent.EncryptionError]: (error, participant) => {
      if (!participant || participant === room.localParticipant || mismatched.has(participant.identity)) return;
      if (!/InvalidKey|MissingKey/.test(error.message)) return;
      const identity = participant.identity;
      mismatched.set(identity, -1);
      write();
      void decoded(participant).then((n) => mismatched.has(identity) && mismatched.set(identity, n));
    },
    [RoomEvent.ParticipantDisconnected]: (participant) => {
      if (mismatched.delete(participant.identity)) write();
    },
  });
  // Someone we could not decrypt is cleared once their frames decode again (their key or ours changed).
  const probe = setInterval(() => {
    for (const [identity, before] of mismatched) {
      if (before < 0) continue;
      void decoded(room.remoteParticipants.get(identity)).then((n) => {
        if (n > before && mismatched.delete(identity)) write();
      });
    }
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
