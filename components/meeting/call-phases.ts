// The meeting's screens after connecting: the call (waiting, its endings and errors: endings.ts).
// A chunk of their own (with the in-call elements, src/in-call.ts), so the shell carries only the
// pre-join; the element renders a spinner for the few milliseconds before it is here.
import { html, nothing } from 'lit';
export { callStyles } from './call.styles.js';
import { lockIcon } from '../shared/lock-icon.js';
import { quietly, renderNotices, renderOpenInNewTab, spinner, type PhaseContext, type PhaseView } from './phases.js';

export function renderCallPhase(view: PhaseView, ctx: PhaseContext) {
  const { t, actions } = ctx;
  switch (view.phase) {
    case 'waiting':
    case 'left':
    case 'error':
      // Their screens and words come with a chunk of their own (src/call-endings.ts), asked for now.
      return ctx.endings ? ctx.endings(view, ctx) : spinner;
    case 'connected':
    case 'reconnecting': {
      const side = (view.panel === 'chat' && ctx.chat) || (view.panel === 'participants' && ctx.participants) ? view.panel : null;
      return html`<div class="layout ${side ? 'with-panel' : ''}">
        <div class="banners">
          ${view.recording ? html`<div class="recording" role="status" data-recording><span class="dot" aria-hidden="true"></span>${t('meeting.recording')}</div>` : nothing}
          ${view.encrypted ? html`<div class="recording encrypted" role="status" data-encrypted>${lockIcon}${t('meeting.encrypted')}</div>` : nothing}
          ${renderNotices(view, t)} ${moderationBanners(view, ctx)}
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

let banners: typeof import('./moderation-banners.js') | null = null;
let loading = false;
/** Moderation's banners and words come when first needed (someone knocks, a host asks, recording starts); a failed load is tried again. */
function moderationBanners(view: PhaseView, ctx: PhaseContext) {
  if (banners) return banners.renderModerationBanners(view, ctx);
  if (!loading && (view.unmuteAsked || view.recordingNotice || (view.host && view.lobby.waiting.length > 0))) {
    loading = true;
    import('./moderation-banners.js').then(
      (m) => ((banners = m), ctx.rerender()),
      () => (loading = false),
    );
  }
  return nothing;
}
