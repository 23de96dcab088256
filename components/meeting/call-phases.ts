// The meeting's screens after connecting: waiting in a lobby, the call, its endings and errors.
// A chunk of their own (with the in-call elements, src/in-call.ts), so the shell carries only the
// pre-join; the element renders a spinner for the few milliseconds before it is here.
import { html, nothing } from 'lit';
import { canRejoin } from '../../src/core/phase.js';
export { callStyles } from './call.styles.js';
import { quietly, renderNotices, renderOpenInNewTab, type PhaseContext, type PhaseView } from './phases.js';

/** Endings with a title of their own; the others share "You left the meeting". */
const OWN_TITLE = new Set(['kicked', 'denied', 'room-closed']);

export function renderCallPhase(view: PhaseView, ctx: PhaseContext) {
  const { t, actions } = ctx;
  switch (view.phase) {
    case 'waiting':
      return html`<div class="center" data-lobby="waiting">
        <div class="spinner" aria-hidden="true"></div>
        <h2 role="status">${t('waiting.title')}</h2>
        <p>${t('waiting.noHost')}</p>
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
    case 'connected':
    case 'reconnecting': {
      const side = (view.panel === 'chat' && ctx.chat) || (view.panel === 'participants' && ctx.participants) ? view.panel : null;
      return html`<div class="layout ${side ? 'with-panel' : ''}">
        <div class="banners">
          ${view.recording ? html`<div class="recording" role="status" data-recording><span class="dot" aria-hidden="true"></span>${t('meeting.recording')}</div>` : nothing}
          ${renderNotices(view, t)}
          ${
            view.audioBlocked
              ? html`<div class="banner" role="alert">
                  <span>${t('audio.blocked')}</span>
                  <button type="button" class="action" data-control="enable-audio" @click=${() => quietly(actions.call.startAudio())}>
                    ${t('audio.enable')}
                  </button>
                </div>`
              : nothing
          }
          ${view.deviceErrors.map(
            (e) =>
              html`<div class="banner warn" role="alert" data-device-error=${e.device} data-reason=${e.reason}>
                <span>${t(`device.${e.device}.${e.reason}`)}</span>
                ${e.reason === 'policy-blocked' ? renderOpenInNewTab(ctx) : nothing}
                <button type="button" class="action secondary" @click=${() => actions.devices.dismissDeviceError(e.device)}>
                  ${t('device.dismiss')}
                </button>
              </div>`,
          )}
        </div>
        <slot><confab-grid exportparts="grid, tile"></confab-grid><confab-control-bar part="control-bar"></confab-control-bar></slot>
        <confab-settings></confab-settings>
        ${side === 'chat' ? html`<aside class="side-panel" aria-label=${t('chat.label')}><confab-chat part="chat"></confab-chat></aside>` : nothing}
        ${side === 'participants' ? html`<aside class="side-panel" aria-label=${t('people.title')}><confab-participants part="participants"></confab-participants></aside>` : nothing}
        ${
          view.phase === 'reconnecting'
            ? html`<div class="reconnecting" role="status">
                <div class="spinner" aria-hidden="true"></div>
                ${t('reconnecting.title')}
              </div>`
            : nothing
        }
      </div>`;
    }
    default:
      return nothing;
  }
}
