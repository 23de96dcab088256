import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { gridDimensions } from '../../src/core/grid-layout.js';
import { orderedParticipants } from '../../src/core/store.js';
import { useMeeting } from '../../src/lit/context.js';
import { gridStyles } from './grid.styles.js';

const GAP = 8;

/**
 * The responsive participant grid: tiles as large as the space allows, 16:9.
 * @csspart grid - the grid container
 * @csspart tile - each tile
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

  protected override render() {
    const ids = this.#meeting.slice.value ?? [];
    const max = this.#meeting.context.value?.config.maxTiles ?? 16;
    const visible = ids.slice(0, max);
    const t = this.#meeting.context.value?.t;
    const dims = gridDimensions(visible.length, this.#size.width, this.#size.height, 16 / 9, GAP);
    // styleMap writes through the CSSOM, which a strict style-src CSP allows.
    const style = styleMap({ '--_gap': `${GAP}px`, '--_tile-w': `${Math.floor(dims.tileWidth)}px`, '--_tile-h': `${Math.floor(dims.tileHeight)}px` });
    return html`<div class="grid" part="grid" role="list" aria-label=${t?.('grid.label') ?? ''} style=${style}>
      ${repeat(
        visible,
        (id) => id,
        (id) => html`<confab-tile role="listitem" part="tile" .identity=${id}></confab-tile>`,
      )}
    </div>`;
  }
}
