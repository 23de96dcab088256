// The screens a call may end on, or never reach: waiting in a lobby for a host, having left (each
// reason its own words and, where it makes sense, Rejoin), a failed join (what failed and Try again).
// A chunk of their own with their words (src/call-endings.ts): a call that goes well never waits for them.
import { html, nothing } from 'lit';
import { canRejoin } from '../../src/core/phase.js';
import { quietly, type PhaseContext, type PhaseView } from './phases.js';

/** Endings with a title of their own; the others share "You left the meeting". */
const OWN_TITLE = new Set(['kicked', 'denied', 'room-closed']);

export function renderEnding(view: PhaseView, ctx: PhaseContext) {
  const { t, actions } = ctx;
  switch (view.phase) {
    case 'waiting':
      return html`<div class="center" data-lobby="waiting">
        <video class="self-view" autoplay playsinline muted aria-label=${t('prejoin.preview')} ?hidden=${!view.preview}></video>
        <div class="spinner" aria-hidden="true"></div>
        <h2 role="status">${t('waiting.title')}</h2>
        <p>${t(view.lobby.hostPresent ? 'waiting.hostHere' : 'waiting.noHost')}</p>
        <button type="button" class="action secondary" data-control="cancel-waiting" @click=${() => quietly(actions.call.leave())}>
          ${t('waiting.cancel')}
        </button>
      </div>`;
    case 'left': {
      const reason = view.leftReason ?? 'user';
      return html`<div class="center" data-left=${reason}>
        <h2>${OWN_TITLE.has(reason) ? t(`left.title.${reason as 'kicked' | 'denied' | 'room-closed'}`) : t('left.title')}</h2>
        <p role="status">${t(`left.reason.${reason}`)}</p>
        ${
          canRejoin(reason)
            ? html`<button type="button" class="action" data-control="rejoin" @click=${() => quietly(actions.call.join())}>
                ${t('left.rejoin')}
              </button>`
            : nothing
        }
      </div>`;
    }
    case 'error':
      return html`<div class="center">
        <h2>${t('error.title')}</h2>
        <p role="alert">${view.error ? t(view.error.key, view.error.params) : ''}</p>
        <button type="button" class="action" data-control="retry" @click=${() => quietly(actions.call.join())}>${t('error.retry')}</button>
      </div>`;
    default:
      return nothing;
  }
}
