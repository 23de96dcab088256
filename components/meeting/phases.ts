// What <confab-meeting> shows in each phase: templates only, every string through the translator.
import { html, nothing } from 'lit';
import type { Actions } from '../../src/core/actions.js';
import { canRejoin } from '../../src/core/phase.js';
import type { MeetingState } from '../../src/core/types.js';
import type { Translate } from '../../src/i18n/i18n.js';

export type PhaseView = Pick<
  MeetingState,
  'phase' | 'audioBlocked' | 'error' | 'leftReason' | 'deviceErrors' | 'toasts' | 'notices' | 'panel' | 'recording'
>;

export interface PhaseContext {
  t: Translate;
  actions: Pick<Actions, 'call' | 'devices'>;
  skipsPrejoin: boolean;
  policyBlocked: ReadonlyArray<'camera' | 'microphone'>;
  standaloneUrl: string | undefined;
  /** chat="on": the panel may open. */
  chat: boolean;
  /** participants="on": the panel may open. */
  participants: boolean;
}

/** The screen shows what failed (an error, a banner): the click has nothing left to do. */
const quietly = (work: Promise<unknown>) => void work.catch((error: unknown) => console.debug('[confab]', error));

/** Endings with a title of their own; the others share "You left the meeting". */
const OWN_TITLE = new Set(['kicked', 'denied', 'room-closed']);

export function renderPhase(view: PhaseView, ctx: PhaseContext) {
  const { t, actions } = ctx;
  switch (view.phase) {
    case 'prejoin':
      if (ctx.skipsPrejoin) return html`<div class="center" role="status"><div class="spinner" aria-hidden="true"></div></div>`;
      return html`<div class="layout">
        <div class="banners">
          ${renderNotices(view, t)}
          ${ctx.policyBlocked.map(
            (device) =>
              html`<div class="banner warn" role="alert" data-policy-blocked=${device}>
                <span>${t(`device.${device}.policy-blocked`)}</span>${renderOpenInNewTab(ctx)}
              </div>`,
          )}
        </div>
        <confab-prejoin exportparts="prejoin"></confab-prejoin><span></span>
      </div>`;
    case 'connecting':
      return html`<div class="center" role="status">
        <div class="spinner" aria-hidden="true"></div>
        <h2>${t('connecting.title')}</h2>
      </div>`;
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
  }
}

/** In a frame whose page withholds a device, the same meeting works in a tab of its own. */
function renderOpenInNewTab(ctx: PhaseContext) {
  const url = ctx.standaloneUrl;
  if (!url || window.top === window) return nothing;
  return html`<button
    type="button"
    class="action secondary"
    data-control="open-in-new-tab"
    @click=${() => window.open(url, '_blank', 'noopener,noreferrer')}
  >
    ${ctx.t('device.openInNewTab')}
  </button>`;
}

function renderNotices(view: PhaseView, t: Translate) {
  return view.notices.map((n) =>
    n.code === 'invalid-config'
      ? html`<div class="banner warn" role="alert" data-config-issue=${n.subject ?? ''}>${t(n.key, n.params)}</div>`
      : html`<div class="banner warn" role="alert" data-notice=${n.key}>${t(n.key, n.params)}</div>`,
  );
}
