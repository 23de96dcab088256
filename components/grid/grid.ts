import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { gridDimensions } from '../../src/core/grid-layout.js';
import { orderedParticipants } from '../../src/core/store.js';
import { useMeeting } from '../../src/lit/context.js';
import { gridStyles } from './grid.styles.js';

const GAP = 8;

/**
 * The responsive participant grid: tiles as large as the space allows, 16:9.
 * @csspart grid - the grid container
 * @csspart tile - each tile
 * @tagname confab-grid
 */
export class ConfabGrid extends LitElement {
  static override styles = gridStyles;

  readonly #meeting = useMeeting(this, (s) => orderedParticipants(s).map((p) => p.identity));
  #size = { width: 0, height: 0 };
  readonly #resize = new ResizeObserver(([entry]) => {
    if (!entry) return;
    const { width, height } = entry.contentRect;
    if (width !== this.#size.width || height !== this.#size.height) {
      this.#size = { width, height };
      this.requestUpdate();
    }
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  #visible(): string[] {
    const ids = this.#meeting.slice.value ?? [];
    return ids.slice(0, this.#meeting.context.value?.config.maxTiles ?? 16);
  }

  protected override willUpdate(): void {
    const dims = gridDimensions(this.#visible().length, this.#size.width, this.#size.height, 16 / 9, GAP);
    // Through the CSSOM, never a style attribute: a strict CSP (no 'unsafe-inline' styles) allows it.
    this.style.setProperty('--_gap', `${GAP}px`);
    this.style.setProperty('--_tile-w', `${Math.floor(dims.tileWidth)}px`);
    this.style.setProperty('--_tile-h', `${Math.floor(dims.tileHeight)}px`);
  }

  protected override render() {
    const visible = this.#visible();
    const t = this.#meeting.context.value?.t;
    return html`<div class="grid" part="grid" role="list" aria-label=${t?.('grid.label') ?? ''}>
      ${repeat(
        visible,
        (id) => id,
        (id) => html`<confab-tile role="listitem" part="tile" .identity=${id}></confab-tile>`,
      )}
    </div>`;
  }
}
