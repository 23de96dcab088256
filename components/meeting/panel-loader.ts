// The chat (with its virtualizer), the participants panel and the settings dialog are chunks of
// their own, loaded with the panel; their element upgrades (and opens) once the chunk is here.
// Focus moves into a side panel when it opens, and back to its button when it closes.
import type { ReactiveController, ReactiveElement } from 'lit';
import type { LayoutRegistry } from '../../src/controllers/layout-context.js';
import type { Panel } from '../../src/core/types.js';
import { addEnglish } from '../../src/i18n/i18n.js';

type Host = ReactiveElement & { renderRoot: HTMLElement | DocumentFragment };

const LOADERS: Record<Panel, () => Promise<unknown>> = {
  chat: () => import('../chat/register.js'),
  participants: () =>
    import('../participants/participants-element.js').then((m) => {
      addEnglish(m.enPeople);
      m.defineParticipants();
    }),
  settings: () =>
    import('../settings/settings-element.js').then((m) => {
      addEnglish(m.enSettings);
      m.defineSettings();
    }),
};

export class PanelLoader implements ReactiveController {
  /** The side panel open now ('chat' or 'participants'), as last seen. */
  #side: 'chat' | 'participants' | null = null;

  constructor(
    private readonly host: Host,
    private readonly layout: LayoutRegistry,
  ) {
    host.addController(this);
  }

  /** The panel the store says is open, if its feature is on (chat="off" loads no chat). */
  show(panel: Panel | null, enabled: (panel: Panel) => boolean): void {
    const wanted = panel && enabled(panel) ? panel : null;
    // The settings dialog is modal: the side panel has closed (one panel at a time).
    if (wanted !== 'chat' && wanted !== 'participants') this.#focus(null);
    if (!wanted) return;
    LOADERS[wanted]().then(
      () => this.#focus(wanted === 'settings' ? null : wanted),
      (error: unknown) => console.debug(`[confab] the ${wanted} panel did not load:`, error),
    );
  }

  #focus(panel: Panel | null) {
    const open = panel === 'chat' || panel === 'participants' ? panel : null;
    if (open === this.#side) return;
    const was = this.#side;
    this.#side = open;
    const root = this.host.renderRoot;
    const closedFromInside = was && root.querySelector(`confab-${was}`)?.matches(':focus-within');
    void this.host.updateComplete.then(() => {
      if (open) root.querySelector<HTMLElement>(`confab-${open}`)?.focus();
      // Back to the panel's button (or to More when that button is in the bar's menu).
      else if (closedFromInside && was) this.layout.focusControl(was);
    });
  }

  hostConnected(): void {
    // Nothing to set up: the element calls show() with each panel change.
  }
}
