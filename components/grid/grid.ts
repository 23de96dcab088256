import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { keyed } from 'lit/directives/keyed.js';
import { gridDimensions, paginate, promoteSpeakers, reconcileOrder, speakerStage } from '../../src/core/grid-layout.js';
import type { Translate } from '../../src/i18n/i18n.js';
import { orderedParticipants } from '../../src/core/store.js';
import type { TileSource } from '../../src/core/types.js';
import { useMeeting } from '../../src/controllers/context.js';
import { LayoutAnswer } from '../../src/controllers/layout-context.js';
import { gridStyles } from './grid.styles.js';

const GAP = 8;
const PAGER_HEIGHT = 48;

/**
 * The responsive participant grid: tiles as large as the space allows, 16:9; more people than
 * max-tiles are split into pages, the local participant first, then by arrival (pages stay stable).
 * @csspart grid - the grid container
 * @csspart tile - each tile
 * @tagname confab-grid
 */
export class ConfabGrid extends LitElement {
  static override styles = gridStyles;
  static override properties = { _page: { state: true } };
  declare _page: number;

  // One key per tile, "identity|source": shared screens come first, then cameras.
  readonly #meeting = useMeeting(
    this,
    (s) => {
      const people = orderedParticipants(s);
      return {
        keys: [...people.filter((p) => p.screenshare).map((p) => `${p.identity}|screen`), ...people.map((p) => `${p.identity}|camera`)],
        speakers: s.activeSpeakers,
        local: s.localIdentity,
        pinned: s.pinned,
        layout: s.layout,
        panel: s.panel,
      };
    },
    [],
    (a, b) =>
      a.local === b.local &&
      a.pinned === b.pinned &&
      a.layout === b.layout &&
      a.panel === b.panel &&
      sameList(a.keys, b.keys) &&
      sameList(a.speakers, b.speakers),
  );
  /** Which video is on the stage, for whoever asks (Picture-in-Picture). */
  readonly #layout = new LayoutAnswer(this, 'stageVideo', () => this.#stageVideo());
  #speaker: { stage: string | null; strip: string[] } | null = null;
  #size = { width: 0, height: 0 };
  readonly #resize = new ResizeObserver(([entry]) => {
    if (!entry) return;
    const { width, height } = entry.contentRect;
    if (width !== this.#size.width || height !== this.#size.height) {
      this.#size = { width, height };
      this.requestUpdate();
    }
  });

  constructor() {
    super();
    this._page = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#coverCheck);
    this.#resize.disconnect();
  }

  /** The tiles' order, kept across updates (reconcileOrder), with speakers promoted (promoteSpeakers). */
  #order: string[] = [];
  /** When each identity was last seen speaking. */
  readonly #lastActive = new Map<string, number>();

  /** The keys in grid order: a pinned participant first. */
  #keys(): string[] {
    const view = this.#meeting.slice.value;
    const keys = this.#order;
    const pinned = view?.pinned ? keys.filter((k) => k.startsWith(`${view.pinned}|`)) : [];
    return pinned.length ? [...pinned, ...keys.filter((k) => !pinned.includes(k))] : keys;
  }

  #paged() {
    return paginate(this.#keys(), this._page, this.#meeting.context.value?.config.maxTiles ?? 16);
  }

  /** Speaker layout when asked for (setLayout() beats the option), or (auto) while someone shares a screen or is pinned. */
  #speakerMode(): boolean {
    const view = this.#meeting.slice.value;
    const layout = view?.layout ?? this.#meeting.context.value?.config.layout ?? 'auto';
    const keys = view?.keys ?? [];
    const pinned = !!view?.pinned && keys.some((k) => k.startsWith(`${view.pinned}|`));
    return keys.length > 1 && (layout === 'speaker' || (layout === 'auto' && (pinned || keys.some((k) => k.endsWith('|screen')))));
  }

  protected override willUpdate(): void {
    const view = this.#meeting.slice.value;
    // Nobody on the first page moves because someone speaks; a speaker from a later page takes the
    // slot of whoever there spoke least recently.
    const now = Date.now();
    for (const id of view?.speakers ?? []) this.#lastActive.set(id, now);
    if (this.#lastActive.size > 64)
      for (const id of this.#lastActive.keys()) if (!view?.keys.includes(`${id}|camera`)) this.#lastActive.delete(id);
    const local = view?.local ?? null;
    const fixed = [local, view?.pinned ?? null].filter((id): id is string => id !== null);
    const remoteSpeakers = (view?.speakers ?? []).filter((id) => id !== local);
    this.#order = promoteSpeakers(
      reconcileOrder(this.#order, view?.keys ?? []),
      remoteSpeakers,
      this.#lastActive,
      this.#meeting.context.value?.config.maxTiles ?? 16,
      fixed,
    );
    // The stage is sticky: it changes only when someone else speaks or shares, never on silence.
    this.#speaker = this.#speakerMode()
      ? speakerStage(view?.keys ?? [], view?.speakers ?? [], view?.local ?? null, this.#speaker?.stage ?? null, view?.pinned ?? null)
      : null;
    this.dataset.layout = this.#speaker ? 'speaker' : 'grid';
    const { items, pages } = this.#paged();
    const height = this.#size.height - (pages > 1 ? PAGER_HEIGHT : 0);
    const dims = gridDimensions(items.length, this.#size.width, height, 16 / 9, GAP);
    // Through the CSSOM, never a style attribute: a strict CSP (no 'unsafe-inline' styles) allows it.
    this.style.setProperty('--_gap', `${GAP}px`);
    this.style.setProperty('--_pager', pages > 1 ? `${PAGER_HEIGHT}px` : '0px');
    this.style.setProperty('--_tile-w', `${Math.floor(dims.tileWidth)}px`);
    this.style.setProperty('--_tile-h', `${Math.floor(dims.tileHeight)}px`);
  }

  protected override updated(): void {
    cancelAnimationFrame(this.#coverCheck);
    this.#coverCheck = requestAnimationFrame(() => this.#markCovered());
  }

  #coverCheck = 0;
  /**
   * Tiles wholly behind the side panel's sheet (a narrow box) are `data-covered`: their video is
   * not displayed, so adaptive stream pauses it, as for tiles on other pages.
   */
  #markCovered() {
    const over = this.#layout.registry?.sheet() ?? null;
    for (const tile of this.renderRoot.querySelectorAll<HTMLElement>('confab-tile')) {
      const r = tile.getBoundingClientRect();
      tile.toggleAttribute(
        'data-covered',
        !!over &&
          r.width > 0 &&
          r.top >= over.top - 1 &&
          r.bottom <= over.bottom + 1 &&
          r.left >= over.left - 1 &&
          r.right <= over.right + 1,
      );
    }
  }

  /** The stage's video, else the first remote one with a picture. */
  #stageVideo(): HTMLVideoElement | null {
    for (const tile of this.renderRoot.querySelectorAll('.stage confab-tile, confab-tile:not([data-local])')) {
      const video = pictureOf(tile);
      if (video) return video;
    }
    return null;
  }

  #tile(key: string, part = 'tile') {
    const cut = key.lastIndexOf('|');
    const source = key.slice(cut + 1) as TileSource;
    return html`<confab-tile role="listitem" part=${part} .identity=${key.slice(0, cut)} .source=${source}></confab-tile>`;
  }

  /**
   * Tiles not on screen (other pages, past the strip) are rendered hidden, not left out: their video
   * stays attached to a hidden element, so LiveKit's adaptive stream sees it unseen and the server
   * stops sending it (a track never attached would keep flowing). Proven by tests/e2e/crowd.spec.ts.
   */
  #offscreen(shown: readonly string[]) {
    const hidden = this.#keys().filter((k) => !shown.includes(k));
    return hidden.length
      ? html`<div class="offscreen" hidden>
          ${repeat(
            hidden,
            (key) => key,
            (key) => this.#tile(key),
          )}
        </div>`
      : nothing;
  }

  #renderSpeaker(t: Translate, { stage, strip }: { stage: string | null; strip: string[] }) {
    const max = this.#meeting.context.value?.config.maxTiles ?? 16;
    const shown = strip.slice(0, max);
    // Two lists: the stage's one tile, and the strip, which scrolls and so takes focus (the keyboard scrolls it).
    return html`<div class="speaker" part="grid">
        <div class="stage" role="list" aria-label=${t('grid.label')}>${stage ? keyed(stage, this.#tile(stage)) : nothing}</div>
        <div class="strip" role="list" aria-label=${t('grid.label')} tabindex="0">
          ${repeat(
            shown,
            (key) => key,
            (key) => this.#tile(key),
          )}
        </div>
      </div>
      ${this.#offscreen(stage ? [stage, ...shown] : shown)}`;
  }

  protected override render() {
    const t = this.#meeting.context.value?.t;
    if (!t) return nothing;
    if (this.#speaker) return this.#renderSpeaker(t, this.#speaker);
    const { items, page, pages } = this.#paged();
    return html`<div class="grid" part="grid" role="list" aria-label=${t('grid.label')}>
        ${repeat(
          items,
          (key) => key,
          (key) => this.#tile(key),
        )}
      </div>
      ${this.#offscreen(items)}
      ${
        pages > 1
          ? html`<nav class="pager" aria-label=${t('grid.pages')}>
              <button
                type="button"
                data-control="previous-page"
                aria-label=${t('grid.previous')}
                ?disabled=${page === 0}
                @click=${() => (this._page = page - 1)}
              >
                ‹
              </button>
              <span aria-live="polite">${t('grid.page', { page: page + 1, pages })}</span>
              <button
                type="button"
                data-control="next-page"
                aria-label=${t('grid.next')}
                ?disabled=${page === pages - 1}
                @click=${() => (this._page = page + 1)}
              >
                ›
              </button>
            </nav>`
          : nothing
      }`;
  }
}

/** A tile's <video> with a picture, or null. */
function pictureOf(tile: Element): HTMLVideoElement | null {
  const video = tile.shadowRoot?.querySelector('video');
  return video?.srcObject && video.readyState > 0 ? video : null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
