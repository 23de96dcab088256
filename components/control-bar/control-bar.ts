import { LitElement, html, nothing } from 'lit';
import { policyAllows } from '../../src/core/device-errors.js';
import { localParticipant } from '../../src/core/store.js';
import { useMeeting } from '../../src/controllers/context.js';
import { unreadCount } from '../../src/core/chat-state.js';
import { camIcon, camOffIcon, chatIcon, handIcon, leaveIcon, micIcon, micOffIcon, screenIcon, settingsIcon } from '../shared/icons.js';
import { blurToggle } from '../shared/blur-toggle.js';
import { controlBarStyles } from './control-bar.styles.js';

/**
 * Microphone, camera and leave: real buttons with names and pressed state.
 * @csspart control-bar - the bar (exported by the meeting)
 * @tagname confab-control-bar
 */
export class ConfabControlBar extends LitElement {
  static override styles = controlBarStyles;

  readonly #meeting = useMeeting(this, (s) => {
    const local = localParticipant(s);
    return {
      microphone: local?.microphone ?? false,
      camera: local?.camera ?? false,
      screenshare: local?.screenshare ?? false,
      pendingMic: s.pending.microphone,
      pendingCam: s.pending.camera,
      pendingScreen: s.pending.screenshare,
      chatOpen: s.panel === 'chat',
      unread: unreadCount(s),
      background: s.background,
      hand: (local?.handRaisedAt ?? 0) > 0,
      handAllowed: s.handAllowed,
    };
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'toolbar');
  }

  /**
   * Screen share shows only where it can work: enabled by the host, allowed by the embedding page's
   * permissions policy (display-capture), and supported by the browser (not on phones).
   */
  #canShare(enabled: boolean): boolean {
    return enabled && policyAllows('display-capture') && typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  }

  protected override willUpdate(): void {
    const t = this.#meeting.context.value?.t;
    if (t) this.setAttribute('aria-label', t('controls.label'));
  }

  /** A toggle: its name stays the same; aria-pressed says the state, the title says what a click does. */
  #toggle(control: string, pressed: boolean, busy: boolean, [name, whenOn, whenOff]: [string, string, string], icon: unknown, act: () => Promise<void>) {
    return html`<button
      type="button"
      data-control=${control}
      aria-pressed=${String(pressed)}
      aria-busy=${String(busy)}
      aria-label=${name}
      title=${pressed ? whenOn : whenOff}
      @click=${() => void act()}
    >
      ${icon}
    </button>`;
  }

  /** Opens and closes the chat; the unread count is in its name (the announcer says it, politely and batched). */
  #chatButton(open: boolean, unread: number) {
    const ctx = this.#meeting.context.value;
    if (!ctx) return nothing;
    const { t, actions } = ctx;
    const name = unread ? t('chat.openUnread', { count: unread }) : t('chat.open');
    return html`<button
      type="button"
      data-control="chat"
      aria-pressed=${String(open)}
      aria-label=${name}
      title=${name}
      @click=${() => (open ? actions.closePanel() : void actions.openPanel('chat').catch(() => undefined))}
    >
      ${chatIcon}${unread ? html`<span class="badge" aria-hidden="true" data-unread=${unread}>${unread > 99 ? '99+' : unread}</span>` : nothing}
    </button>`;
  }

  /** Raise hand: a toggle; where the token does not allow it, disabled with the reason as its description. */
  #handButton(raised: boolean, allowed: boolean) {
    const ctx = this.#meeting.context.value;
    if (!ctx) return nothing;
    const { t, actions } = ctx;
    return html`<button
      type="button"
      data-control="hand"
      aria-pressed=${String(raised)}
      aria-disabled=${String(!allowed)}
      aria-label=${t('controls.raiseHand')}
      title=${allowed ? (raised ? t('controls.lowerHand') : t('controls.raiseHand')) : t('controls.handNotAllowed')}
      @click=${() => (allowed ? void actions.raiseHand(!raised).catch(() => undefined) : undefined)}
    >
      ${handIcon}
    </button>`;
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    const s = this.#meeting.slice.value;
    if (!ctx || !s) return html``;
    const { t, actions } = ctx;
    const quietly = (work: Promise<unknown>) => work.then(() => undefined, () => undefined);
    return html`
      ${this.#toggle('microphone', s.microphone, s.pendingMic, [t('controls.microphone'), t('controls.microphoneOff'), t('controls.microphoneOn')], s.microphone ? micIcon : micOffIcon, () => quietly(actions.setMicrophone(!s.microphone)))}
      ${this.#toggle('camera', s.camera, s.pendingCam, [t('controls.camera'), t('controls.cameraOff'), t('controls.cameraOn')], s.camera ? camIcon : camOffIcon, () => quietly(actions.setCamera(!s.camera)))}
      ${blurToggle(t, s.background, actions)}
      ${this.#canShare(ctx.config.screenshare)
        ? this.#toggle('screenshare', s.screenshare, s.pendingScreen, [t('controls.screenshare'), t('controls.screenshareOff'), t('controls.screenshareOn')], screenIcon, () =>
            quietly(actions.setScreenShare(!s.screenshare)),
          )
        : nothing}
      ${ctx.config.reactions ? this.#handButton(s.hand, s.handAllowed) : nothing}
      ${ctx.config.chat ? this.#chatButton(s.chatOpen, s.unread) : nothing}
      <button
        type="button"
        data-control="settings"
        aria-haspopup="dialog"
        aria-label=${t('settings.open')}
        title=${t('settings.open')}
        @click=${() => void quietly(actions.openPanel('settings'))}
      >
        ${settingsIcon}
      </button>
      <button type="button" class="leave" data-control="leave" aria-label=${t('controls.leave')} title=${t('controls.leave')} @click=${() => void quietly(actions.leave())}>
        ${leaveIcon}
      </button>
    `;
  }
}
