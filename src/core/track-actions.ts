// Video and audio into elements: the local camera from the one local pipeline (the pre-join's preview
// and one's own tile alike), everyone else's from the session; and the first remote frame marked.
import type { TrackActions } from './actions.js';
import type { LocalMedia } from './media.js';
import { inCall } from './phase.js';
import type { SessionPort } from './session-port.js';
import type { MeetingStore } from './store.js';

const noop = (): void => undefined;

export function trackActions(deps: { store: MeetingStore; media: LocalMedia; session: () => SessionPort | null }): TrackActions {
  const { store, media, session } = deps;
  return {
    attachVideo(ref, element) {
      const { localIdentity } = store.getState();
      if (ref.source === 'camera' && (ref.identity === null || ref.identity === localIdentity)) return media.attachCamera(element);
      const current = session();
      return ref.identity && current ? current.attachVideo(ref.identity, ref.source, element) : noop;
    },
    attachAudio: (id, element) => session()?.attachAudio(id, element) ?? noop,
    framePresented() {
      if (store.getState().firstFrameAt !== null || !inCall(store.getState().phase)) return;
      performance.mark('confab:first-remote-frame');
      store.setState({ firstFrameAt: performance.now() });
    },
  };
}
