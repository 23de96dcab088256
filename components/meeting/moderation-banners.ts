// The banners of moderation in a call: a host's "someone is waiting" (Admit or Deny right there) and a
// guest's "the host asks you to unmute" (LiveKit cannot unmute anyone: the guest decides). A chunk
// of their own, with the words of moderation: a call where nobody knocks and nobody asks never loads it.
import { html, nothing } from 'lit';
import { clip, isolate } from '../../src/core/text.js';
import { enModeration } from '../../src/i18n/en-moderation.js';
import { addEnglish } from '../../src/i18n/i18n.js';
import { quietly, type PhaseContext, type PhaseView } from './phases.js';

addEnglish(enModeration);

export function renderModerationBanners(view: PhaseView, ctx: PhaseContext) {
  return html`${renderRecordingNotice(view, ctx)}${renderKnock(view, ctx)}${renderUnmuteAsked(view, ctx)}`;
}

/** Recording started (or was on at join): everyone is told once, until they dismiss it. */
function renderRecordingNotice({ recordingNotice }: PhaseView, { t, actions }: PhaseContext) {
  if (!recordingNotice) return nothing;
  return html`<div class="banner" role="status" data-recording-notice>
    <span>${t('moderation.recordingNotice')}</span>
    <button type="button" class="action secondary" @click=${() => quietly(actions.moderation.dismissRecordingNotice())}>
      ${t('device.dismiss')}
    </button>
  </div>`;
}

/** A host's notice of the first person waiting in the lobby (the rest are in People). */
function renderKnock(view: PhaseView, { t, actions }: PhaseContext) {
  const first = view.host ? view.lobby.waiting[0] : undefined;
  if (!first) return nothing;
  const name = isolate(clip(first.name, 40));
  const more = view.lobby.waiting.length - 1;
  return html`<div class="banner" role="status" data-knock=${first.identity}>
    <span>${more ? t('moderation.knockMany', { name, count: more }) : t('moderation.knock', { name })}</span>
    <button type="button" class="action" data-control="admit" @click=${() => quietly(actions.moderation.admit(first.identity))}>
      ${t('moderation.admit')}
    </button>
    <button type="button" class="action secondary" data-control="deny" @click=${() => quietly(actions.moderation.deny(first.identity))}>
      ${t('moderation.deny')}
    </button>
  </div>`;
}

function renderUnmuteAsked({ unmuteAsked }: PhaseView, { t, actions }: PhaseContext) {
  if (!unmuteAsked) return nothing;
  return html`<div class="banner" role="alert" data-unmute-asked=${unmuteAsked}>
    <span>${t(unmuteAsked === 'camera' ? 'moderation.askedCamera' : 'moderation.askedMicrophone')}</span>
    <button type="button" class="action" data-control="unmute-yes" @click=${() => quietly(actions.moderation.answerUnmute(true))}>
      ${t('moderation.turnOn')}
    </button>
    <button type="button" class="action secondary" data-control="unmute-no" @click=${() => quietly(actions.moderation.answerUnmute(false))}>
      ${t('device.dismiss')}
    </button>
  </div>`;
}
