// The control bar's "More" menu: a disclosure (a button that shows a group of the same real buttons,
// each with its name written out). Escape or a press outside closes it; so does using an item that
// opens something else (a panel, the settings dialog; the reaction picker stays).
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { moreIcon } from '../shared/call-icons.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class MoreMenu implements ReactiveController {
  #open = false;

  constructor(
    private readonly host: Host,
    /** The reaction picker is open inside the menu: Escape closes it first. */
    private readonly pickerOpen: () => boolean,
  ) {
    host.addController(this);
  }

  /** A press outside the open menu closes it. */
  readonly #outside = (event: PointerEvent) => {
    if (this.#open && !event.composedPath().includes(this.#find('.more') as EventTarget)) this.#set(false, false);
  };

  hostConnected(): void {
    globalThis.addEventListener('pointerdown', this.#outside, true);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('pointerdown', this.#outside, true);
  }

  #find(selector: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(selector);
  }

  #set(open: boolean, refocus = true) {
    this.#open = open;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      if (open) this.#find('.menu button')?.focus();
      else if (refocus) this.#find('[data-control="more"]')?.focus();
    });
  }

  #onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this.#open || this.pickerOpen()) return;
    e.stopPropagation();
    this.#set(false);
  };

  #onClick = (e: Event) => {
    const button = (e.target as Element).closest?.('button');
    const id = button?.dataset.control;
    if (!this.#open || !id || id === 'more' || id === 'reactions' || button.classList.contains('keep-open') || button.closest('.picker'))
      return;
    // Focus goes to More now, before the item it was on hides: a dialog opened from the menu
    // returns focus there, and a panel takes it anyway.
    this.#find('[data-control="more"]')?.focus();
    this.#set(false, false);
  };

  /** The More button and its menu of `items`; nothing when there are none. */
  render(label: string, items: unknown, any: boolean) {
    if (!any) {
      this.#open = false;
      return nothing;
    }
    return html`<div class="more" @keydown=${this.#onKeydown} @click=${this.#onClick}>
      <button
        type="button"
        data-control="more"
        aria-expanded=${String(this.#open)}
        aria-controls="more-menu"
        aria-label=${label}
        data-tip=${label}
        @click=${() => this.#set(!this.#open)}
      >
        ${moreIcon}
      </button>
      <div class="menu" id="more-menu" role="group" aria-label=${label} ?hidden=${!this.#open}>${items}</div>
    </div>`;
  }
}
