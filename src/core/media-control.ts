// One's own microphone, camera and screen: the verbs, the wishes made before the call is up, and
// the hand-over of whatever the pipeline outputs to the session, in order per kind.
import type { MediaActions } from './actions.js';
import { ConfabError } from './commands.js';
import type { DeviceControl } from './device-control.js';
import type { EffectChain } from './effect-chain.js';
import type { Handlers } from './handlers.js';
import type { LocalMedia } from './media.js';
import { mayPublish, type PublishSource } from './permissions.js';
import { inCall } from './phase.js';
import type { SessionPort } from './session-port.js';
import type { MeetingStore } from './store.js';
import type { InputKind, MeetingState } from './types.js';
import { quietly } from './report.js';

export interface MediaControlDeps {
  store: MeetingStore;
  media: LocalMedia;
  devices: DeviceControl;
  chain: EffectChain;
  session: () => SessionPort | null;
  alive: () => void;
}

export class MediaControl implements MediaActions {
  readonly #d: MediaControlDeps;
  /** Microphone/camera wishes before the call runs (commands, pre-join toggles): shape the join, never dropped. */
  #wanted: Partial<Record<InputKind, boolean>> = {};
  #publishing: Record<InputKind, Promise<void>> = { camera: Promise.resolve(), microphone: Promise.resolve() };

  constructor(deps: MediaControlDeps) {
    this.#d = deps;
    // Whatever the pipeline outputs is what the call sends: a device switch, an unplugged camera or
    // a processor swap all reach the session through here, in order per kind.
    deps.media.subscribe((kind, track) => {
      const session = deps.session();
      // Before the call is up, the join publishes whatever the pipeline has once connected.
      if (!session || !inCall(deps.store.getState().phase)) return;
      this.#publishing[kind] = this.#publishing[kind]
        .then(() => session.publish(kind, track))
        // The next change of this kind publishes again; nothing is lost by letting this one go.
        .catch(quietly('publish'));
      return this.#publishing[kind];
    });
  }

  setMicrophone = (on: boolean): Promise<void> => this.set('microphone', on);
  setCamera = (on: boolean): Promise<void> => this.set('camera', on);

  /** The wish for a kind made before the call is up (a command or a pre-join toggle), if any. */
  wanted(kind: InputKind): boolean | undefined {
    return this.#wanted[kind];
  }

  /** The wishes made while connecting, handed over once (they apply after the first publish). */
  takeWishes(): Partial<Record<InputKind, boolean>> {
    const wishes = this.#wanted;
    this.#wanted = {};
    return wishes;
  }

  async set(kind: InputKind, on: boolean): Promise<void> {
    this.#d.alive();
    const state = this.#d.store.getState();
    if (!inCall(state.phase)) {
      // Not in a call yet: remember the wish for the join, and show it in the preview.
      this.#wanted[kind] = on;
      if (state.phase === 'prejoin') await this.preview(kind, on);
      return;
    }
    if (on) refuse(state, kind);
    await this.#pending(kind, async () => {
      const before = this.#d.media.output(kind);
      await this.preview(kind, on);
      await this.#publishing[kind];
      // Muted by a host (LiveKit mutes the publication, the device runs on): on again is an unmute.
      const session = this.#d.session();
      if (on && before && before === this.#d.media.output(kind) && session) await session.publish(kind, before);
    });
  }

  /** Starts or stops a local device; a failure is reported (banner, event) and rejects with its reason. */
  async preview(kind: InputKind, on: boolean): Promise<void> {
    const { media, devices, chain, store } = this.#d;
    if (!on) return media.stop(kind);
    // A device with an effect on starts through it: its first frame (or sample) is already processed.
    const effect = chain.settled(kind);
    if (effect) await effect;
    if (media.output(kind)) return;
    devices.clearError(kind);
    try {
      await media.start(kind, store.getState().devices.selected[kind]);
    } catch (error) {
      throw devices.report(kind, error);
    }
    await devices.afterStart(kind);
  }

  /** Publishes what the pipeline has now (at join); a kind that fails is reported, the other goes on. */
  async publishAll(session: SessionPort): Promise<void> {
    const { media, devices } = this.#d;
    await Promise.all(
      (['microphone', 'camera'] as const).map((kind) =>
        session.publish(kind, media.output(kind)).catch((e: unknown) => void devices.report(kind, e)),
      ),
    );
  }

  setScreenShare = async (on: boolean): Promise<void> => {
    this.#d.alive();
    const session = this.#d.session();
    if (!session) throw new ConfabError('not-connected', 'screen sharing needs a call');
    if (on) refuse(this.#d.store.getState(), 'screen');
    await this.#pending('screenshare', async () => {
      try {
        await session.setScreenShare(on);
        // A share that is live answers an earlier failure's banner.
        if (on) this.#d.devices.clearError('screen');
      } catch (error) {
        throw this.#d.devices.report('screen', error);
      }
    });
  };

  setPending(key: keyof MeetingState['pending'], on: boolean): void {
    this.#d.store.setState((s) => ({ pending: { ...s.pending, [key]: on } }));
  }

  /** An action's pending flag, set while it runs and cleared however it ends. */
  async #pending(key: 'microphone' | 'camera' | 'screenshare', work: () => Promise<void>): Promise<void> {
    this.setPending(key, true);
    try {
      await work();
    } finally {
      this.setPending(key, false);
    }
  }
}

/** The server decides what may be published: a source it does not allow is refused before any device starts. */
function refuse(state: MeetingState, source: PublishSource): void {
  if (!mayPublish(state.permissions, source)) throw new ConfabError('not-allowed', `this participant may not publish the ${source}`);
}

export const mediaCommands: Handlers<'setMicrophone' | 'setCamera' | 'setScreenShare'> = {
  setMicrophone: (t, on) => t.media.setMicrophone(on),
  setCamera: (t, on) => t.media.setCamera(on),
  setScreenShare: (t, on) => t.media.setScreenShare(on),
};
