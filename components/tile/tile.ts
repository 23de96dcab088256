import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ContextConsumer } from '@lit/context';
import { useMeeting } from '../../src/controllers/context.js';
import { layoutContext } from '../../src/controllers/layout-context.js';
import { initials, isolate } from '../../src/core/text.js';
import { TrackAttachController } from '../../src/controllers/track-attach.js';
import { participantView } from '../../src/core/store.js';
import { handIcon } from '../shared/hand-icon.js';
import { lockIcon } from '../shared/lock-icon.js';
import { micOffIcon } from '../shared/icons.js';
import type { TileSource } from '../../src/core/types.js';
import { tileStyles } from './tile.styles.js';

/**
 * One participant's camera: video, name, muted-mic icon, speaking highlight, initials when the
 * camera is off. Visible state is mirrored as data-* attributes on the host.
 * @csspart tile - the tile itself (exported by the grid)
 * @tagname confab-tile
 */
export class ConfabTile extends LitElement {
  static override styles = tileStyles;
  static override properties = { identity: { type: String }, source: { type: String } };

  declare identity: string;
  /** `camera`, or `screen` for a participant's shared screen. */
  declare source: TileSource;
  readonly #meeting = useMeeting(
    this,
    (s) => {
      const p = this.identity ? participantView(s, this.identity) : undefined;
      // Reactions as a string of `key:emoji` (shallow equality sees a change only when one comes or goes).
      return (
        p && {
          ...p,
          pinned: s.pinned === this.identity,
          host: s.permissions.canModerate,
          // End-to-end encryption: on, and whether our key decrypts this participant's media.
          encrypted: s.encryption.on,
          undecryptable: s.encryption.mismatched.includes(this.identity),
          reactions: s.reactions
            .filter((r) => r.identity === this.identity)
            .map((r) => `${r.key}:${r.emoji}`)
            .join(' '),
        }
      );
    },
    ['tracks', 'panels'],
  );
  readonly #layout = new ContextConsumer(this, { context: layoutContext });
  constructor() {
    super();
    this.identity = '';
    this.source = 'camera';
    new TrackAttachController(this, () => {
      const p = this.#meeting.slice.value;
      const screen = this.source === 'screen';
      const sid = (screen ? p?.screenTrackSid : p?.cameraTrackSid) ?? null;
      // The local camera is the pipeline's output, shown whenever it runs (a device switch keeps the sid).
      const key = p?.local && !screen ? (p.camera ? 'local' : null) : sid;
      return {
        actions: this.#meeting.context.value?.actions.tracks,
        ref: { identity: this.identity, source: this.source },
        key,
        video: this.renderRoot.querySelector('video'),
        remote: !p?.local,
      };
    });
  }

  /** A host's actions for this person live in People: it opens there, with focus on the first. */
  #moderate(): void {
    const panels = this.#meeting.context.value?.actions.panels;
    void panels
      ?.openPanel('participants')
      .then(() => this.#layout.value?.moderate(this.identity))
      .catch((error: unknown) => console.debug('[confab] people', error));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('identity')) this.#meeting.slice.refresh();
    const p = this.#meeting.slice.value;
    const screen = this.source === 'screen';
    this.dataset.identity = this.identity;
    this.dataset.source = this.source;
    this.toggleAttribute('data-local', !!p?.local);
    this.toggleAttribute('data-speaking', !screen && !!p?.speaking);
    this.toggleAttribute('data-muted', !screen && !p?.microphone);
    this.toggleAttribute('data-camera-off', !screen && !p?.camera);
    const away = !!p && (p.reconnecting || p.quality === 'lost');
    this.toggleAttribute('data-reconnecting', away);
    this.toggleAttribute('data-hand-raised', !screen && !!p?.handRaisedAt);
    this.toggleAttribute('data-pinned', !!p?.pinned);
    this.toggleAttribute('data-cant-decrypt', !!p?.undecryptable);
    if (p && p.quality !== 'unknown') this.dataset.quality = p.quality;
    else delete this.dataset.quality;
  }

  protected override render() {
    const p = this.#meeting.slice.value;
    const t = this.#meeting.context.value?.t;
    if (!p || !t) return nothing;
    const screen = this.source === 'screen';
    // The name is isolated: a right-to-left or override-laden name cannot reorder " (you)".
    const name = isolate(p.name);
    const label = screen ? t('tile.screen', { name }) : p.local ? t('tile.you', { name }) : name;
    return html`
      <video autoplay playsinline muted aria-hidden="true"></video>
      ${screen || p.camera ? nothing : html`<div class="avatar" role="img" aria-label=${t('tile.cameraOff')}><span aria-hidden="true">${initials(p.name)}</span></div>`}
      ${
        p.undecryptable
          ? html`<div class="away" role="status">${lockIcon}${t('tile.cantDecrypt')}</div>`
          : p.reconnecting || p.quality === 'lost'
            ? html`<div class="away" role="status"><span class="spinner" aria-hidden="true"></span>${t('tile.reconnecting')}</div>`
            : nothing
      }
      ${
        !screen && p.reactions
          ? html`<div class="reactions" aria-hidden="true">
              ${repeat(
                p.reactions.split(' '),
                (r) => r,
                (r) => html`<span class="reaction">${r.slice(r.indexOf(':') + 1)}</span>`,
              )}
            </div>`
          : nothing
      }
      <div class="label">
        ${!screen && p.handRaisedAt ? html`<span class="hand" role="img" aria-label=${t('tile.handRaised')}>${handIcon}</span>` : nothing}
        ${p.encrypted && !p.undecryptable ? html`<span class="lock" role="img" aria-label=${t('tile.encrypted')} title=${t('tile.encrypted')}>${lockIcon}</span>` : nothing}
        ${screen || p.microphone ? nothing : html`<span class="muted" role="img" aria-label=${t('tile.muted')}>${micOffIcon}</span>`}
        <span class="name" title=${label}>${label}</span>
      </div>
      ${
        p.host && !p.local && !screen
          ? html`<button
              type="button"
              class="moderate"
              data-control="moderate"
              aria-label=${t('moderation.actionsFor', { name })}
              title=${t('moderation.actionsFor', { name })}
              @click=${() => this.#moderate()}
            >
              <span aria-hidden="true">⋯</span>
            </button>`
          : nothing
      }
    `;
  }
}
