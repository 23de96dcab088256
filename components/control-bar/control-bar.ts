import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { useMeeting } from '../../src/controllers/context.js';
import { LayoutAnswer } from '../../src/controllers/layout-context.js';
import { unreadCount } from '../../src/core/chat-state.js';
import { policyAllows } from '../../src/core/device-errors.js';
import { mayPublish } from '../../src/core/permissions.js';
import { localParticipant } from '../../src/core/store.js';
import { fitControls, type OptionalControl } from '../../src/core/toolbar.js';
import type { MeetingState } from '../../src/core/types.js';
import { addEnglish } from '../../src/i18n/i18n.js';
import { blurToggle } from '../shared/blur-toggle.js';
import { chatIcon, fullscreenIcon, leaveIcon, peopleIcon, pipIcon, reactionIcon, screenIcon, settingsIcon } from '../shared/call-icons.js';
import { handIcon } from '../shared/hand-icon.js';
import { camIcon, camOffIcon, micIcon, micOffIcon } from '../shared/icons.js';
import { controlBarStyles } from './control-bar.styles.js';
import { badge, handButton, panelButton, pipSupported, quietly, toggle } from './controls.js';
import { EndConfirm, hostItems } from './host-items.js';
import { MoreMenu } from './more-menu.js';

type PickerModule = typeof import('./reaction-picker.js');

const select = (s: MeetingState) => {
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
    permissions: s.permissions,
    locked: s.lobby.locked,
    recording: s.recording,
    encrypted: s.encryption.on,
  };
};

/**
 * The meeting's controls: real buttons with names and pressed state. Sized by its own width:
 * microphone, camera and Leave always show; what does not fit goes into a "More" menu. Only what the
 * server allows is offered; what it refuses says why.
 * @csspart control-bar - the bar (exported by the meeting)
 * @tagname confab-control-bar
 */
export class ConfabControlBar extends LitElement {
  static override styles = controlBarStyles;

  readonly #meeting = useMeeting(this, select, ['call', 'media', 'background', 'presence', 'panels', 'tracks', 'moderation']);
  readonly #end = new EndConfirm(this);
  /** Focus on a control by name, for whoever asks (a panel closing returns focus to its button). */
  readonly #layout = new LayoutAnswer(this, 'focusControl', (control) => this.#focus(control));
  readonly #more = new MoreMenu(this, () => this.#pickerOpen);

  #width = 0;
  readonly #resize = new ResizeObserver(([entry]) => {
    const width = entry?.borderBoxSize?.[0]?.inlineSize ?? this.getBoundingClientRect().width;
    if (Math.abs(width - this.#width) < 1) return;
    this.#width = width;
    this.toggleAttribute('data-compact', width < 400);
    this.requestUpdate();
  });
  /** Closes Picture-in-Picture while it is open. */
  #pipClose: (() => void) | null = null;
  readonly #rerender = () => this.requestUpdate();
  #pickerOpen = false;
  /** The picker's template, from its own chunk (loaded the first time it opens). */
  #picker: PickerModule['renderReactionPicker'] | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'toolbar');
    this.#resize.observe(this);
    document.addEventListener('fullscreenchange', this.#rerender);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    document.removeEventListener('fullscreenchange', this.#rerender);
    this.#pipClose?.();
  }

  /** Focuses a control, or More when it sits in the closed menu; false when the bar does not show it. */
  #focus(control: string): boolean {
    const button = this.renderRoot.querySelector<HTMLElement>(`[data-control="${CSS.escape(control)}"]`);
    if (!button) return false;
    (button.closest('.menu') ? this.renderRoot.querySelector<HTMLElement>('[data-control="more"]') : button)?.focus();
    return true;
  }

  protected override willUpdate(): void {
    const t = this.#meeting.context.value?.t;
    if (t) this.setAttribute('aria-label', t('controls.label'));
  }

  /** Full screen of the whole widget; hidden where the document does not allow it (an iframe without allowfullscreen). */
  #fullscreenButton() {
    const t = this.#meeting.context.value?.t;
    const host = this.#layout.registry?.host;
    if (!t || !host || !document.fullscreenEnabled) return null;
    const on = document.fullscreenElement === host;
    return toggle({
      control: 'fullscreen',
      pressed: on,
      names: [t('controls.fullscreen'), t('controls.fullscreenOff'), t('controls.fullscreenOn')],
      icon: fullscreenIcon,
      act: () => quietly(on ? document.exitFullscreen() : host.requestFullscreen()),
    });
  }

  /** Picture-in-Picture of the stage: its code loads on the first click. */
  #pipButton() {
    const ctx = this.#meeting.context.value;
    const registry = this.#layout.registry;
    if (!ctx || !registry || !pipSupported()) return null;
    const open = this.#pipClose !== null;
    const act = async () => {
      if (this.#pipClose) return this.#pipClose();
      const { openPip } = await import('./pip.js');
      const done = () => {
        this.#pipClose = null;
        this.requestUpdate();
      };
      this.#pipClose = await openPip(ctx, registry, done);
      this.requestUpdate();
    };
    return toggle({
      control: 'pip',
      pressed: open,
      names: [ctx.t('controls.pip'), ctx.t('controls.pipOff'), ctx.t('controls.pipOn')],
      icon: pipIcon,
      act: () => quietly(act()),
    });
  }

  /**
   * Screen share shows only where it can work: enabled by the host, allowed by the embedding page's
   * permissions policy (display-capture), and supported by the browser (not on phones).
   */
  #canShare(enabled: boolean): boolean {
    return enabled && policyAllows('display-capture') && typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  }

  /** The reaction picker: a button that opens a row of emoji above it; Escape closes it. */
  #reactionsButton() {
    const ctx = this.#meeting.context.value;
    if (!ctx) return nothing;
    const { t, actions } = ctx;
    const setOpen = (open: boolean) => {
      this.#pickerOpen = open;
      this.requestUpdate();
      if (open && !this.#picker)
        void import('./reaction-picker.js').then((m) => {
          addEnglish(m.enReactions);
          this.#picker = m.renderReactionPicker;
          this.requestUpdate();
        });
      if (!open) void this.updateComplete.then(() => this.#focus('reactions'));
    };
    const onKeydown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !this.#pickerOpen) return;
      e.stopPropagation();
      setOpen(false);
    };
    return html`<div class="reactions" @keydown=${onKeydown}>
      <button
        type="button"
        data-control="reactions"
        aria-expanded=${String(this.#pickerOpen)}
        aria-label=${t('reactions.open')}
        data-tip=${t('reactions.open')}
        @click=${() => setOpen(!this.#pickerOpen)}
      >
        ${reactionIcon}
      </button>
      ${this.#pickerOpen && this.#picker ? this.#picker(t, (emoji) => quietly(actions.presence.sendReaction(emoji))) : nothing}
    </div>`;
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    const s = this.#meeting.slice.value;
    if (!ctx || !s) return html``;
    const { t, actions, config } = ctx;
    const { media, panels, presence } = actions;
    const refused = t('controls.notAllowed');
    const panel = (id: 'chat' | 'participants', name: string, icon: unknown, mark: unknown) =>
      panelButton(id, s.panel === id, name, icon, mark, () => (s.panel === id ? panels.closePanel() : quietly(panels.openPanel(id))));
    const share =
      this.#canShare(config.screenshare) && (s.screenshare || mayPublish(s.permissions, 'screen'))
        ? toggle({
            control: 'screenshare',
            pressed: s.screenshare,
            busy: s.pendingScreen,
            names: [t('controls.screenshare'), t('controls.screenshareOff'), t('controls.screenshareOn')],
            icon: screenIcon,
            act: () => quietly(media.setScreenShare(!s.screenshare)),
          })
        : null;
    const unread = s.unread ? html`<span class="badge" aria-hidden="true" data-unread=${s.unread}>${badge(s.unread)}</span>` : nothing;
    // The optional controls, in the order they show; fitControls keeps the important ones in the bar.
    // Keyed (repeat): when the width changes, a button keeps its element, and so the focus.
    const optional: Array<[OptionalControl, unknown]> = [
      ['blur', mayPublish(s.permissions, 'camera') ? blurToggle(t, s.background, actions.background, true) : null],
      ['screenshare', share],
      [
        'hand',
        config.reactions
          ? handButton(t, s.hand, s.permissions.canUpdateOwnMetadata, handIcon, () => quietly(presence.raiseHand(!s.hand)))
          : null,
      ],
      ['reactions', config.reactions && s.permissions.canPublishData ? this.#reactionsButton() : null],
      [
        'participants',
        config.participants
          ? panel(
              'participants',
              t('people.open', { count: s.people }),
              peopleIcon,
              html`<span class="badge count" aria-hidden="true">${badge(s.people)}</span>`,
            )
          : null,
      ],
      ['chat', config.chat ? panel('chat', s.unread ? t('chat.openUnread', { count: s.unread }) : t('chat.open'), chatIcon, unread) : null],
      [
        'settings',
        html`<button
          type="button"
          data-control="settings"
          aria-haspopup="dialog"
          aria-label=${t('settings.open')}
          data-tip=${t('settings.open')}
          @click=${() => quietly(panels.openPanel('settings'))}
        >
          ${settingsIcon}
        </button>`,
      ],
      ['fullscreen', this.#fullscreenButton()],
      ['pip', this.#pipButton()],
    ];
    const shown = optional.filter(([, item]) => item !== null && item !== nothing);
    const { inline, menu } = fitControls(
      shown.map(([id]) => id),
      this.#width || Infinity,
    );
    const item = (id: OptionalControl) => shown.find(([key]) => key === id)?.[1];
    return html`
      ${toggle({
        control: 'microphone',
        pressed: s.microphone,
        busy: s.pendingMic,
        names: [t('controls.microphone'), t('controls.microphoneOff'), t('controls.microphoneOn')],
        icon: s.microphone ? micIcon : micOffIcon,
        act: () => quietly(media.setMicrophone(!s.microphone)),
        refused: s.microphone || mayPublish(s.permissions, 'microphone') ? null : refused,
      })}
      ${toggle({
        control: 'camera',
        pressed: s.camera,
        busy: s.pendingCam,
        names: [t('controls.camera'), t('controls.cameraOff'), t('controls.cameraOn')],
        icon: s.camera ? camIcon : camOffIcon,
        act: () => quietly(media.setCamera(!s.camera)),
        refused: s.camera || mayPublish(s.permissions, 'camera') ? null : refused,
      })}
      ${repeat(inline, (id) => id, item)}
      ${this.#more.render(
        t('controls.more'),
        html`${repeat(menu, (id) => id, item)}${s.permissions.canModerate ? hostItems({ ...s, canRecord: s.permissions.canRecord && !s.encrypted }, t, actions.moderation, this.#end) : nothing}`,
        menu.length > 0 || s.permissions.canModerate,
      )}
      <button
        type="button"
        class="leave"
        data-control="leave"
        aria-label=${t('controls.leave')}
        data-tip=${t('controls.leave')}
        @click=${() => quietly(actions.call.leave())}
      >
        ${leaveIcon}
      </button>
    `;
  }
}
