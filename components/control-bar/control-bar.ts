import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { policyAllows } from '../../src/core/device-errors.js';
import { localParticipant } from '../../src/core/store.js';
import { useMeeting } from '../../src/controllers/context.js';
import { unreadCount } from '../../src/core/chat-state.js';
import { addEnglish } from '../../src/i18n/i18n.js';
import { fitControls, type OptionalControl } from '../../src/core/toolbar.js';
import {
  chatIcon,
  fullscreenIcon,
  handIcon,
  leaveIcon,
  moreIcon,
  peopleIcon,
  pipIcon,
  reactionIcon,
  screenIcon,
  settingsIcon,
} from '../shared/call-icons.js';
import { camIcon, camOffIcon, micIcon, micOffIcon } from '../shared/icons.js';
import { blurToggle } from '../shared/blur-toggle.js';
import { controlBarStyles } from './control-bar.styles.js';

type PickerModule = typeof import('./reaction-picker.js');

/** The <confab-meeting> this bar belongs to (in its shadow root, or slotted into it by the host). */
const meetingOf = (el: HTMLElement): HTMLElement | null => {
  const root = el.getRootNode();
  return root instanceof ShadowRoot && root.host.localName === 'confab-meeting' ? (root.host as HTMLElement) : el.closest('confab-meeting');
};

/** Any Picture-in-Picture here: the Document PiP API, or video PiP. */
const pipSupported = () =>
  'documentPictureInPicture' in globalThis || (document.pictureInPictureEnabled && 'requestPictureInPicture' in HTMLVideoElement.prototype);

/**
 * The meeting's controls: real buttons with names and pressed state. Sized by its own width:
 * microphone, camera and Leave always show; what does not fit goes into a "More" menu.
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
      panel: s.panel,
      people: s.participants.size,
      unread: unreadCount(s),
      background: s.background,
      hand: (local?.handRaisedAt ?? 0) > 0,
      handAllowed: s.handAllowed,
    };
  });

  #width = 0;
  readonly #resize = new ResizeObserver(([entry]) => {
    const width = entry?.borderBoxSize?.[0]?.inlineSize ?? this.getBoundingClientRect().width;
    if (Math.abs(width - this.#width) < 1) return;
    this.#width = width;
    this.toggleAttribute('data-compact', width < 400);
    this.requestUpdate();
  });
  #menuOpen = false;
  /** Closes Picture-in-Picture while it is open. */
  #pipClose: (() => void) | null = null;
  readonly #rerender = () => this.requestUpdate();
  /** A press outside the open menu closes it. */
  readonly #outside = (event: PointerEvent) => {
    if (this.#menuOpen && !event.composedPath().includes(this.renderRoot.querySelector('.more') as EventTarget))
      this.#setMenu(false, false);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'toolbar');
    this.#resize.observe(this);
    document.addEventListener('fullscreenchange', this.#rerender);
    globalThis.addEventListener('pointerdown', this.#outside, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    document.removeEventListener('fullscreenchange', this.#rerender);
    globalThis.removeEventListener('pointerdown', this.#outside, true);
    this.#pipClose?.();
  }

  #setMenu(open: boolean, refocus = true) {
    this.#menuOpen = open;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (open) this.renderRoot.querySelector<HTMLElement>('.menu button')?.focus();
      else if (refocus) this.renderRoot.querySelector<HTMLElement>('[data-control="more"]')?.focus();
    });
  }

  /** Full screen of the whole widget; hidden where the document does not allow it (an iframe without allowfullscreen). */
  #fullscreenButton() {
    const t = this.#meeting.context.value?.t;
    const host = meetingOf(this);
    if (!t || !host || !document.fullscreenEnabled) return null;
    const on = document.fullscreenElement === host;
    return this.#toggle(
      'fullscreen',
      on,
      false,
      [t('controls.fullscreen'), t('controls.fullscreenOff'), t('controls.fullscreenOn')],
      fullscreenIcon,
      () => (on ? document.exitFullscreen() : host.requestFullscreen()),
    );
  }

  /** Picture-in-Picture of the stage: its code loads on the first click. */
  #pipButton() {
    const ctx = this.#meeting.context.value;
    const host = meetingOf(this);
    if (!ctx || !host || !pipSupported()) return null;
    const open = this.#pipClose !== null;
    return this.#toggle(
      'pip',
      open,
      false,
      [ctx.t('controls.pip'), ctx.t('controls.pipOff'), ctx.t('controls.pipOn')],
      pipIcon,
      async () => {
        if (this.#pipClose) return this.#pipClose();
        const { openPip } = await import('./pip.js');
        const done = () => {
          this.#pipClose = null;
          this.requestUpdate();
        };
        this.#pipClose = await openPip(ctx, host, () => stageVideo(host), done);
        this.requestUpdate();
      },
    );
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
  #toggle(
    control: string,
    pressed: boolean,
    busy: boolean,
    [name, whenOn, whenOff]: [string, string, string],
    icon: unknown,
    act: () => Promise<void>,
  ) {
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
    const { t, actions, config } = ctx;
    const quietly = (work: Promise<unknown>) =>
      work.then(
        () => undefined,
        () => undefined,
      );
    // The optional controls, in the order they show; fitControls keeps the important ones in the bar.
    // Keyed (repeat): when the width changes, a button keeps its element, and so the focus.
    const optional: Array<[OptionalControl, unknown]> = [
      ['blur', blurToggle(t, s.background, actions)],
      [
        'screenshare',
        this.#canShare(config.screenshare)
          ? this.#toggle(
              'screenshare',
              s.screenshare,
              s.pendingScreen,
              [t('controls.screenshare'), t('controls.screenshareOff'), t('controls.screenshareOn')],
              screenIcon,
              () => quietly(actions.setScreenShare(!s.screenshare)),
            )
          : null,
      ],
      ['hand', config.reactions ? this.#handButton(s.hand, s.handAllowed) : null],
      ['reactions', config.reactions ? this.#reactionsButton() : null],
      [
        'participants',
        config.participants
          ? this.#panelButton(
              'participants',
              s.panel === 'participants',
              t('people.open', { count: s.people }),
              peopleIcon,
              html`<span class="badge count" aria-hidden="true">${badge(s.people)}</span>`,
            )
          : null,
      ],
      [
        'chat',
        config.chat
          ? this.#panelButton(
              'chat',
              s.panel === 'chat',
              s.unread ? t('chat.openUnread', { count: s.unread }) : t('chat.open'),
              chatIcon,
              s.unread ? html`<span class="badge" aria-hidden="true" data-unread=${s.unread}>${badge(s.unread)}</span>` : nothing,
            )
          : null,
      ],
      [
        'settings',
        html`<button
          type="button"
          data-control="settings"
          aria-haspopup="dialog"
          aria-label=${t('settings.open')}
          title=${t('settings.open')}
          @click=${() => void quietly(actions.openPanel('settings'))}
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
    if (!menu.length && this.#menuOpen) this.#menuOpen = false;
    return html`
      ${this.#toggle('microphone', s.microphone, s.pendingMic, [t('controls.microphone'), t('controls.microphoneOff'), t('controls.microphoneOn')], s.microphone ? micIcon : micOffIcon, () => quietly(actions.setMicrophone(!s.microphone)))}
      ${this.#toggle('camera', s.camera, s.pendingCam, [t('controls.camera'), t('controls.cameraOff'), t('controls.cameraOn')], s.camera ? camIcon : camOffIcon, () => quietly(actions.setCamera(!s.camera)))}
      ${repeat(inline, (id) => id, item)}
      ${
        menu.length
          ? this.#more(
              t('controls.more'),
              repeat(menu, (id) => id, item),
            )
          : nothing
      }
      <button
        type="button"
        class="leave"
        data-control="leave"
        aria-label=${t('controls.leave')}
        title=${t('controls.leave')}
        @click=${() => void quietly(actions.leave())}
      >
        ${leaveIcon}
      </button>
    `;
  }

  /**
   * The "More" button and its menu: a disclosure (a button that shows a group of the same real
   * buttons, each with its name written out). Escape or a press outside closes it; so does using
   * an item that opens something else (a panel, the settings dialog, the reaction picker stays).
   */
  #more(label: string, items: unknown) {
    return html`<div
      class="more"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape' && this.#menuOpen && !this.#pickerOpen) {
          e.stopPropagation();
          this.#setMenu(false);
        }
      }}
      @click=${(e: Event) => {
        const button = (e.target as Element).closest?.('button');
        const id = button?.dataset.control;
        if (!this.#menuOpen || !id || id === 'more' || id === 'reactions' || button.closest('.picker')) return;
        // Focus goes to More now, before the item it was on hides: a dialog opened from the menu
        // returns focus there, and a panel takes it anyway.
        this.renderRoot.querySelector<HTMLElement>('[data-control="more"]')?.focus();
        this.#setMenu(false, false);
      }}
    >
      <button
        type="button"
        data-control="more"
        aria-expanded=${String(this.#menuOpen)}
        aria-controls="more-menu"
        aria-label=${label}
        title=${label}
        @click=${() => this.#setMenu(!this.#menuOpen)}
      >
        ${moreIcon}
      </button>
      <div class="menu" id="more-menu" role="group" aria-label=${label} ?hidden=${!this.#menuOpen}>${items}</div>
    </div>`;
  }
}

/** The stage's <video> (else the first remote one with a picture) for video Picture-in-Picture. */
function stageVideo(host: HTMLElement): HTMLVideoElement | null {
  const grid = host.shadowRoot?.querySelector('confab-grid') ?? host.querySelector('confab-grid');
  const tiles = [...(grid?.shadowRoot?.querySelectorAll('.stage confab-tile, confab-tile:not([data-local])') ?? [])];
  for (const tile of tiles) {
    const video = tile.shadowRoot?.querySelector('video');
    if (video?.srcObject && video.readyState > 0) return video;
  }
  return null;
}

/** A count as a badge shows it. */
const badge = (n: number) => (n > 99 ? '99+' : n);
