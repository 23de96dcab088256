import { LitElement, css, html, nothing } from 'lit';
import { useMeeting } from '../../src/controllers/context.js';
import { backgroundStyles, renderBackgrounds } from './backgrounds.js';

/**
 * Mid-call settings: switch camera, microphone and speaker without rejoining, and choose the
 * background (blur or an image; components/settings/backgrounds.ts). A modal <dialog>:
 * focus moves in when it opens, Escape closes it, and focus returns to what opened it.
 * @tagname confab-settings
 */
export class ConfabSettings extends LitElement {
  static override styles = [
    backgroundStyles,
    css`
      /* The dialog covers the widget's box (set on open), not the page: its card fits the box. */
      dialog {
        position: fixed;
        inset: var(--_box-top, 0) auto auto var(--_box-left, 0);
        inline-size: var(--_box-width, 100vw);
        block-size: var(--_box-height, 100vh);
        max-inline-size: none;
        max-block-size: none;
        margin: 0;
        padding: 0.5rem;
        border: 0;
        background: transparent;
        color: var(--_confab-text);
        font: inherit;
        box-sizing: border-box;
      }
      dialog[open] {
        display: grid;
        place-items: center;
      }
      .card {
        box-sizing: border-box;
        inline-size: min(100%, 26rem);
        max-block-size: 100%;
        overflow: auto;
        border-radius: var(--_confab-radius);
        padding: 1.25rem;
        background: var(--_confab-surface);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      h2 {
        margin: 0 0 1rem;
        font-size: 1.2rem;
      }
      .encryption h3 {
        margin: 0 0 0.3rem;
        font-size: 1rem;
      }
      .encryption p {
        margin: 0 0 0.3rem;
        font-size: 0.9rem;
      }
      .fields {
        display: grid;
        gap: 0.9rem;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        margin-block-start: 1.25rem;
      }
      .actions button {
        all: unset;
        box-sizing: border-box;
        padding: 0.55rem 1.1rem;
        border-radius: calc(var(--_confab-radius) / 2);
        background: var(--_confab-accent);
        color: var(--_confab-on-accent);
        font-weight: 600;
        cursor: pointer;
      }
      .actions button:focus-visible {
        outline: 3px solid var(--_confab-focus);
        outline-offset: 2px;
      }
    `,
  ];

  readonly #meeting = useMeeting(
    this,
    (s) => ({
      open: s.panel === 'settings',
      canSelectSpeaker: s.devices.canSelectSpeaker,
      background: s.background,
      encrypted: s.encryption.on,
    }),
    ['panels', 'background'],
    (a, b) =>
      a.open === b.open && a.canSelectSpeaker === b.canSelectSpeaker && a.background === b.background && a.encrypted === b.encrypted,
  );
  #returnFocus: HTMLElement | null = null;

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    const open = this.#meeting.slice.value?.open ?? false;
    if (!dialog) return;
    if (open && !dialog.open) {
      this.#returnFocus = deepActiveElement();
      this.#fitToBox();
      dialog.showModal();
      // The fields render in their own update: move focus to the first once it exists.
      const first = dialog.querySelector<LitElement>('confab-device-select');
      void first?.updateComplete.then(() => first.focus());
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }

  /** Places the dialog over the meeting's own box (the element in a page, or the whole iframe). */
  #fitToBox() {
    const root = this.getRootNode();
    const box = (root instanceof ShadowRoot ? root.host : this.closest('confab-meeting'))?.getBoundingClientRect();
    if (!box) return;
    const px = (n: number) => `${Math.round(n)}px`;
    // Through the CSSOM, never a style attribute: a strict CSP allows it.
    this.style.setProperty('--_box-top', px(Math.max(0, box.top)));
    this.style.setProperty('--_box-left', px(Math.max(0, box.left)));
    this.style.setProperty('--_box-width', px(Math.min(box.width, innerWidth)));
    this.style.setProperty('--_box-height', px(Math.min(box.height, innerHeight)));
  }

  #onClose = () => {
    if (this.#meeting.slice.value?.open) this.#meeting.context.value?.actions.panels.closePanel();
    this.#returnFocus?.focus();
    this.#returnFocus = null;
  };

  protected override render() {
    const ctx = this.#meeting.context.value;
    const view = this.#meeting.slice.value;
    if (!ctx || !view) return nothing;
    const { t, actions, config } = ctx;
    return html`<dialog aria-labelledby="settings-title" @close=${this.#onClose}>
      <div class="card">
        <h2 id="settings-title">${t('settings.title')}</h2>
        <div class="fields">
          ${
            view.open
              ? html`<confab-device-select kind="camera"></confab-device-select>
                  <confab-device-select kind="microphone"></confab-device-select>
                  ${view.canSelectSpeaker ? html`<confab-device-select kind="speaker"></confab-device-select>` : nothing}
                  ${renderBackgrounds(t, view.background, actions.background, config.assetsBase, config.backgroundImage)}`
              : nothing
          }
          ${
            view.encrypted
              ? html`<section class="encryption" data-encryption-scope aria-labelledby="encryption-title">
                  <h3 id="encryption-title">${t('settings.encryption')}</h3>
                  <p>${t('settings.encrypted')}</p>
                  <p>${t('settings.notEncrypted')}</p>
                </section>`
              : nothing
          }
        </div>
        <div class="actions">
          <button type="button" data-control="close-settings" @click=${() => actions.panels.closePanel()}>${t('settings.close')}</button>
        </div>
      </div>
    </dialog>`;
  }
}

/** The focused element, looking through open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
