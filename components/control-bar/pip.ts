// Picture-in-Picture of the stage, a chunk of its own (loaded on the first click). Where the Document
// Picture-in-Picture API exists, a small always-on-top window shows the stage's video, who it is, and
// working microphone and Leave buttons; else the stage's own <video> goes into video PiP.
import { css, html, render } from 'lit';
import type { PartContext } from '../../src/controllers/context.js';
import type { LayoutRegistry } from '../../src/controllers/layout-context.js';
import { quietly } from './controls.js';
import { speakerStage } from '../../src/core/grid-layout.js';
import { inCall } from '../../src/core/phase.js';
import { localParticipant, orderedParticipants } from '../../src/core/store.js';
import type { MeetingState, TileSource } from '../../src/core/types.js';
import { leaveIcon } from '../shared/call-icons.js';
import { micIcon, micOffIcon } from '../shared/icons.js';

interface DocumentPip {
  requestWindow(options: { width: number; height: number }): Promise<Window>;
  readonly window: Window | null;
}

const documentPip = () => (globalThis as { documentPictureInPicture?: DocumentPip }).documentPictureInPicture;

/** The stage, as the speaker layout picks it: the pinned person, a shared screen, the speaker. */
function stageOf(s: MeetingState, previous: string | null): string | null {
  const people = orderedParticipants(s);
  const keys = [...people.filter((p) => p.screenshare).map((p) => `${p.identity}|screen`), ...people.map((p) => `${p.identity}|camera`)];
  return speakerStage(keys, s.activeSpeakers, s.localIdentity, previous, s.pinned).stage;
}

const styles = css`
  html,
  body {
    margin: 0;
    block-size: 100%;
    background: #0f1115;
    color: #f1f3f6;
    font:
      400 15px/1.4 system-ui,
      sans-serif;
  }
  main {
    position: fixed;
    inset: 0;
    display: grid;
    grid-template-rows: minmax(0, 1fr) auto;
  }
  video {
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
    background: #000;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem;
  }
  .name {
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  button {
    all: unset;
    display: inline-grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: 50%;
    background: #2b303a;
    cursor: pointer;
  }
  button[aria-pressed='false'] {
    background: #4a1f22;
    color: #ffb4ab;
  }
  button.leave {
    inline-size: 3.25rem;
    border-radius: 1.25rem;
    background: #c62828;
    color: #fff;
  }
  button:focus-visible {
    outline: 3px solid #f5b400;
    outline-offset: 2px;
  }
`;

/**
 * Opens Picture-in-Picture. The layout registry says which <video> is on the stage (the video PiP
 * fallback) and the meeting's text direction. Resolves with a function that closes it; `onClosed` runs however it ends (the user
 * closes the window, the call ends).
 */
export async function openPip(
  ctx: PartContext<'media' | 'call' | 'tracks'>,
  layout: LayoutRegistry,
  onClosed: () => void,
): Promise<() => void> {
  const api = documentPip();
  if (!api) {
    const video = layout.stageVideo();
    if (!video) throw new Error('no video to show');
    await video.requestPictureInPicture();
    video.addEventListener('leavepictureinpicture', onClosed, { once: true });
    return () => void (document.pictureInPictureElement === video ? document.exitPictureInPicture() : undefined);
  }
  const win = await api.requestWindow({ width: 400, height: 280 });
  const doc = win.document;
  const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(styles.cssText);
  doc.adoptedStyleSheets = [sheet];
  doc.title = ctx.t('controls.pip');
  doc.documentElement.lang = ctx.lang;
  doc.documentElement.dir = layout.direction();
  const { store, actions, t } = ctx;
  let stage: string | null = null;
  let attached: { key: string; detach: () => void } | null = null;
  const update = (s: MeetingState) => {
    if (!inCall(s.phase)) return close();
    stage = stageOf(s, stage);
    const cut = stage?.lastIndexOf('|') ?? -1;
    const identity = stage ? stage.slice(0, cut) : null;
    const source = (stage?.slice(cut + 1) ?? 'camera') as TileSource;
    const person = identity ? s.participants.get(identity) : undefined;
    const media = identity ? s.media.get(identity) : undefined;
    const local = localParticipant(s);
    const sid = source === 'screen' ? media?.screenTrackSid : media?.cameraTrackSid;
    const isLocal = identity !== null && identity === s.localIdentity;
    const key =
      stage && (isLocal ? (source === 'camera' ? (media?.camera ? 'local' : null) : sid) : sid) ? `${stage}|${sid ?? 'local'}` : null;
    render(
      html`<main data-pip>
        <video autoplay playsinline muted aria-label=${person?.name ?? ''}></video>
        <div class="bar">
          <span class="name" data-stage=${identity ?? ''}>${person?.name ?? ''}</span>
          <button
            type="button"
            data-control="microphone"
            aria-pressed=${String(!!local?.microphone)}
            aria-label=${t('controls.microphone')}
            title=${local?.microphone ? t('controls.microphoneOff') : t('controls.microphoneOn')}
            @click=${() => quietly(actions.media.setMicrophone(!local?.microphone))}
          >
            ${local?.microphone ? micIcon : micOffIcon}
          </button>
          <button
            type="button"
            class="leave"
            data-control="leave"
            aria-label=${t('controls.leave')}
            title=${t('controls.leave')}
            @click=${() => quietly(actions.call.leave())}
          >
            ${leaveIcon}
          </button>
        </div>
      </main>`,
      doc.body,
    );
    if (attached?.key === key) return;
    attached?.detach();
    attached = null;
    const video = doc.querySelector('video');
    if (key && video) attached = { key, detach: actions.tracks.attachVideo({ identity: isLocal ? null : identity, source }, video) };
  };
  const unsubscribe = store.subscribe(update);
  let closed = false;
  function close() {
    if (closed) return;
    closed = true;
    unsubscribe();
    attached?.detach();
    attached = null;
    win.removeEventListener('pagehide', close);
    if (!win.closed) win.close();
    onClosed();
  }
  win.addEventListener('pagehide', close);
  update(store.getState());
  return close;
}
