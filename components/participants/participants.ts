import { LitElement, html, nothing } from 'lit';
import { matchesSearch, peopleInOrder, SEARCH_FROM } from '../../src/core/people.js';
import { initials, isolate } from '../../src/core/text.js';
import type { MeetingState, ParticipantView } from '../../src/core/types.js';
import { useMeeting } from '../../src/controllers/context.js';
import { LayoutAnswer } from '../../src/controllers/layout-context.js';
import { enModeration } from '../../src/i18n/en-moderation.js';
import { addEnglish, type Translate } from '../../src/i18n/i18n.js';
import { closeIcon, pinIcon, screenIcon } from '../shared/call-icons.js';
import { handIcon } from '../shared/hand-icon.js';
import { camOffIcon, micOffIcon } from '../shared/icons.js';
import { hostActions, lobbySection, type HostMenu, type HostTools } from './host-tools.js';
import { participantsStyles } from './participants.styles.js';
import { quietly } from '../../src/core/report.js';

// A host's rows and the lobby are in words of moderation (their chunk may not have come yet).
addEnglish(enModeration);

const select = (s: MeetingState) => ({
  participants: s.participants,
  media: s.media,
  activeSpeakers: s.activeSpeakers,
  pinned: s.pinned,
  lobby: s.lobby,
  host: s.permissions.canModerate,
});
const same = (a: ReturnType<typeof select>, b: ReturnType<typeof select>) =>
  a.participants === b.participants &&
  a.media === b.media &&
  a.activeSpeakers === b.activeSpeakers &&
  a.pinned === b.pinned &&
  a.lobby === b.lobby &&
  a.host === b.host;

/** A state shown as an icon, with its words for assistive technology and as a tooltip. */
const state = (icon: unknown, label: string, cls = '') =>
  html`<span class=${cls} role="img" aria-label=${label} title=${label}>${icon}</span>`;

function row(p: ParticipantView, t: Translate, pinned: boolean, pin: (identity: string | null) => void, host: unknown = nothing) {
  const name = isolate(p.name);
  const quality = p.reconnecting
    ? t('tile.reconnecting')
    : p.quality === 'poor' || p.quality === 'lost'
      ? t(`people.quality.${p.quality}`)
      : null;
  return html`<li
    data-identity=${p.identity}
    data-hand-raised=${p.handRaisedAt ? '' : nothing}
    data-speaking=${p.speaking ? '' : nothing}
    data-quality=${p.quality}
    data-local=${p.local ? '' : nothing}
  >
    <span class="avatar" aria-hidden="true">${initials(p.name)}</span>
    <span class="name">${p.local ? t('tile.you', { name }) : name}</span>
    ${quality ? html`<span class="quality">${quality}</span>` : nothing}
    <span class="state">
      ${p.handRaisedAt ? state(handIcon, t('tile.handRaised'), 'hand') : nothing}
      ${p.speaking ? html`<span class="sr-only">${t('people.speaking')}</span>` : nothing}
      ${p.screenshare ? state(screenIcon, t('people.sharing')) : nothing} ${p.microphone ? nothing : state(micOffIcon, t('tile.muted'))}
      ${p.camera ? nothing : state(camOffIcon, t('tile.cameraOff'))}
    </span>
    <button
      type="button"
      class="pin"
      data-control="pin"
      aria-pressed=${String(pinned)}
      aria-label=${t('people.pin', { name })}
      title=${t('people.pin', { name })}
      @click=${() => pin(pinned ? null : p.identity)}
    >
      ${pinIcon}
    </button>
    ${host}
  </li>`;
}

/**
 * The participants panel: everyone in the room with their microphone, camera and screen state,
 * who is speaking, raised hands (first, in the order they went up) and connection trouble; a search
 * field once there are more than ten. Shares the side panel (a sheet in a small box) with chat.
 * Loaded with the panel, not with the element.
 * @csspart participants - the panel (exported by the meeting)
 * @tagname confab-participants
 */
export class ConfabParticipants extends LitElement {
  static override styles = participantsStyles;

  readonly #meeting = useMeeting(this, select, ['panels', 'layout', 'moderation'], same);
  #query = '';
  readonly #menu: HostMenu = { open: null, confirming: null };
  readonly #tools: HostTools = {
    menu: this.#menu,
    act: (work) => this.#act(work),
    changed: () => this.requestUpdate(),
  };
  /** A host's button on a tile asks for that person's actions here. */
  readonly #moderate = new LayoutAnswer(this, 'moderate', (identity) => this.#showActions(identity));
  /** What a host's action answered when it failed (shown in the panel, announced). */
  #failure = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKeydown);
  }

  /** Focus goes to the host actions a tile asked for, else the search field where there is one, else the close button. */
  override focus(): void {
    void this.updateComplete.then(() => (this.#firstAction() ?? this.renderRoot.querySelector<HTMLElement>('input, button'))?.focus());
  }

  #firstAction(): HTMLElement | null {
    const open = this.#menu.open;
    return open ? this.renderRoot.querySelector<HTMLElement>(`li[data-identity="${CSS.escape(open)}"] .host-actions button`) : null;
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (this.#menu.open) {
      // Escape closes a host's menu first, and focus goes back to its button.
      const open = this.#menu.open;
      this.#menu.open = this.#menu.confirming = null;
      this.requestUpdate();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-moderate="${CSS.escape(open)}"]`)?.focus());
      event.stopPropagation();
      return;
    }
    // Escape in a search with text clears it first; then it closes the panel.
    if (this.#query && event.composedPath()[0] instanceof HTMLInputElement) {
      this.#query = '';
      this.requestUpdate();
    } else this.#meeting.context.value?.actions.panels.closePanel();
    event.stopPropagation();
  };

  protected override firstUpdated(): void {
    const asked = this.#moderate.registry?.takeModerate();
    if (asked) this.#showActions(asked);
  }

  /** Opens someone's host actions and puts focus on the first. */
  #showActions(identity: string): void {
    this.#menu.open = identity;
    this.#menu.confirming = null;
    this.requestUpdate();
    void this.updateComplete.then(() => this.#firstAction()?.focus());
  }

  #onInput = (event: Event) => {
    this.#query = (event.target as HTMLInputElement).value;
    this.requestUpdate();
  };

  /** Runs a host's action; a refusal is shown in the panel, never lost. */
  #act(work: Promise<void>): void {
    this.#menu.open = this.#menu.confirming = null;
    this.#failure = '';
    this.requestUpdate();
    work.catch((error: unknown) => {
      this.#failure = error instanceof Error ? error.message : String(error);
      this.requestUpdate();
    });
  }

  protected override render() {
    const ctx = this.#meeting.context.value;
    const view = this.#meeting.slice.value;
    if (!ctx || !view) return nothing;
    const { t, actions, lang } = ctx;
    const everyone = peopleInOrder(view, lang);
    const searching = everyone.length >= SEARCH_FROM;
    const shown = searching && this.#query.trim() ? everyone.filter((p) => matchesSearch(p.name, this.#query)) : everyone;
    return html`<header>
        <h2 id="people-title">${t('people.title')}</h2>
        <button
          type="button"
          data-control="close-participants"
          aria-label=${t('people.close')}
          title=${t('people.close')}
          @click=${() => actions.panels.closePanel()}
        >
          ${closeIcon}
        </button>
      </header>
      <p class="count">${t('people.count', { count: everyone.length })}</p>
      ${view.host ? lobbySection(view.lobby.waiting, t, actions.moderation, this.#tools) : nothing}
      ${this.#failure ? html`<p class="failure" role="alert">${t('moderation.failed', { message: this.#failure })}</p>` : nothing}
      ${searching ? html`<input type="search" aria-label=${t('people.search')} placeholder=${t('people.search')} .value=${this.#query} @input=${this.#onInput} />` : nothing}
      ${
        shown.length
          ? html`<ul aria-labelledby="people-title" tabindex="0">
              ${shown.map((p) =>
                row(
                  p,
                  t,
                  view.pinned === p.identity,
                  (identity) => void actions.layout.pin(identity).catch(quietly('pin')), // someone who just left: nothing to pin
                  view.host ? hostActions(p, t, actions.moderation, this.#tools) : nothing,
                ),
              )}
            </ul>`
          : html`<p class="empty">${t('people.noMatch', { query: this.#query.trim() })}</p>`
      }`;
  }
}
