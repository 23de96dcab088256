import { LitElement, html, nothing } from 'lit';
import { policyAllows } from '../../src/core/device-errors.js';
import { localParticipant } from '../../src/core/store.js';
import { useMeeting } from '../../src/controllers/context.js';
import { unreadCount } from '../../src/core/chat-state.js';
import { addEnglish } from '../../src/i18n/i18n.js';
import { camIcon, camOffIcon, chatIcon, handIcon, leaveIcon, micIcon, micOffIcon, peopleIcon, reactionIcon, screenIcon, settingsIcon } from '../shared/icons.js';
import { blurToggle } from '../shared/blur-toggle.js';
import { controlBarStyles } from './control-bar.styles.js';

/**
 * Microphone, camera and leave: real buttons with names and pressed state.
 * @csspart control-bar - the bar (exported by the meeting)
 * @tagname confab-control-bar
 */
type PickerModule = typeof import('./reaction-picker.js');

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
      panel: s.panel,
      people: s.participants.size,
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

  /**
   * Opens and closes a side panel. The chat's unread count and the room's head count are in the
   * button's name (the announcer says new messages, politely and batched) and in its badge.
   */
  #panelButton(panel: 'chat' | 'participants', open: boolean, name: string, icon: unknown, badge: unknown) {
    const actions = this.#meeting.context.value?.actions;
    return html`<button
      type="button"
      data-control=${panel}
      aria-pressed=${String(open)}
      aria-label=${name}
      title=${name}
      @click=${() => (open ? actions?.closePanel() : void actions?.openPanel(panel).catch(() => undefined))}
    >
      ${icon}${badge}
    </button>`;
  }

  #pickerOpen = false;
  /** The picker's template, from its own chunk (loaded the first time it opens). */
  #picker: PickerModule['renderReactionPicker'] | null = null;

  /** The reaction picker: a button that opens a row of emoji above it; Escape closes it. */
  #reactionsButton() {
    const ctx = this.#meeting.context.value;
    if (!ctx) return nothing;
    const { t, actions } = ctx;
    const toggle = (open: boolean) => {
      this.#pickerOpen = open;
      this.requestUpdate();
      if (open && !this.#picker)
        void import('./reaction-picker.js').then((m) => {
          addEnglish(m.enReactions);
          this.#picker = m.renderReactionPicker;
          this.requestUpdate();
        });
      if (!open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-control="reactions"]')?.focus());
    };
    return html`<div
      class="reactions"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape' && this.#pickerOpen) {
          e.stopPropagation();
          toggle(false);
        }
      }}
    >
      <button
        type="button"
        data-control="reactions"
        aria-expanded=${String(this.#pickerOpen)}
        aria-label=${t('reactions.open')}
        title=${t('reactions.open')}
        @click=${() => toggle(!this.#pickerOpen)}
      >
        ${reactionIcon}
      </button>
      ${this.#pickerOpen && this.#picker ? this.#picker(t, (emoji) => void actions.sendReaction(emoji).catch(() => undefined)) : nothing}
    </div>`;
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
      ${ctx.config.reactions ? this.#reactionsButton() : nothing}
      ${ctx.config.participants
        ? this.#panelButton('participants', s.panel === 'participants', t('people.open', { count: s.people }), peopleIcon, html`<span class="badge count" aria-hidden="true">${badge(s.people)}</span>`)
        : nothing}
      ${ctx.config.chat
        ? this.#panelButton(
            'chat',
            s.panel === 'chat',
            s.unread ? t('chat.openUnread', { count: s.unread }) : t('chat.open'),
            chatIcon,
            s.unread ? html`<span class="badge" aria-hidden="true" data-unread=${s.unread}>${badge(s.unread)}</span>` : nothing,
          )
        : nothing}
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

/** A count as a badge shows it. */
const badge = (n: number) => (n > 99 ? '99+' : n);
