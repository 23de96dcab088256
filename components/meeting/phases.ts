// What <confab-meeting> shows in each phase: templates only, every string through the translator.
import { html, nothing } from 'lit';
import type { Actions } from '../../src/core/actions.js';
import type { MeetingState } from '../../src/core/types.js';
import type { Translate } from '../../src/i18n/i18n.js';

/** `preview`: one's own camera is live (the lobby's waiting screen shows it). */
export type PhaseView = { controlsDue: boolean; host: boolean; preview: boolean; encrypted: boolean } & Pick<
  MeetingState,
  | 'phase'
  | 'audioBlocked'
  | 'error'
  | 'leftReason'
  | 'deviceErrors'
  | 'toasts'
  | 'notices'
  | 'panel'
  | 'recording'
  | 'recordingNotice'
  | 'lobby'
  | 'unmuteAsked'
>;

export interface PhaseContext {
  t: Translate;
  actions: Pick<Actions, 'call' | 'devices' | 'moderation'>;
  skipsPrejoin: boolean;
  /** e2ee="on" and no key yet: a join without the pre-join waits for it, and says so. */
  awaitingKey: boolean;
  policyBlocked: ReadonlyArray<'camera' | 'microphone'>;
  standaloneUrl: string | undefined;
  /** chat="on": the panel may open. */
  chat: boolean;
  /** participants="on": the panel may open. */
  participants: boolean;
  /** The in-call chunk's templates for every phase after connecting, once loaded. */
  call: CallPhases | null;
  /** The endings chunk's templates (waiting, left, error), once loaded. */
  endings: CallPhases | null;
  /** Renders again (a chunk a screen asked for has come). */
  rerender: () => void;
}

export type CallPhases = (view: PhaseView, ctx: PhaseContext) => unknown;

/** The screen shows what failed (an error, a banner): the click has nothing left to do. */
export const spinner = html`<div class="center" role="status"><div class="spinner" aria-hidden="true"></div></div>`;

export const quietly = (work: Promise<unknown>) => void work.catch((error: unknown) => console.debug('[confab]', error));

export function renderPhase(view: PhaseView, ctx: PhaseContext) {
  const { t } = ctx;
  switch (view.phase) {
    case 'prejoin':
      // Skipping the pre-join: a spinner while the credentials come (saying so while it is the
      // encryption key that is missing), unless they came and were refused.
      if (ctx.skipsPrejoin)
        return html`<div class="layout">
          <div class="banners">${renderNotices(view, t)}</div>
          ${
            view.notices.some((n) => n.code === 'bad-credentials')
              ? nothing
              : ctx.awaitingKey
                ? html`<div class="center" role="status" data-waiting-for="key">
                    <div class="spinner" aria-hidden="true"></div>
                    ${t('connecting.waitingKey')}
                  </div>`
                : spinner
          }
        </div>`;
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
    default:
      // The other phases come with the in-call chunk (call-phases.ts), which define() loads right
      // after the shell; until it is here (a few milliseconds), a spinner.
      return ctx.call ? ctx.call(view, ctx) : spinner;
  }
}

/** In a frame whose page withholds a device, the same meeting works in a tab of its own. */
export function renderOpenInNewTab(ctx: PhaseContext) {
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

export function renderNotices(view: PhaseView, t: Translate) {
  return view.notices.map((n) =>
    n.code === 'invalid-config'
      ? html`<div class="banner warn" role="alert" data-config-issue=${n.subject ?? ''}>${t(n.key, n.params)}</div>`
      : html`<div class="banner warn" role="alert" data-notice=${n.key}>${t(n.key, n.params)}</div>`,
  );
}
