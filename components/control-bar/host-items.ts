import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ModerationActions } from '../../src/core/actions.js';
import { enModeration } from '../../src/i18n/en-moderation.js';
import { addEnglish, type Translate } from '../../src/i18n/i18n.js';
import { quietly } from './controls.js';

// A host's items are in words of moderation (their chunk may not have come yet).
addEnglish(enModeration);

/** End for all asks once more before it happens: the state of that question, per control bar. */
export class EndConfirm {
  asking = false;
  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode }) {}

  ask(): void {
    this.asking = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('[data-control="confirm-end"]')?.focus());
  }
}

interface HostState {
  locked: boolean;
  recording: boolean;
  canRecord: boolean;
}

/** A host's items, always in More: mute everyone, lock, end for all (asked twice), recording where it runs. */
export function hostItems(s: HostState, t: Translate, moderation: ModerationActions, end: EndConfirm) {
  const item = (control: string, name: string, act: () => Promise<void>, pressed?: boolean) =>
    html`<button
      type="button"
      data-control=${control}
      aria-label=${name}
      aria-pressed=${pressed === undefined ? nothing : String(pressed)}
      @click=${() => quietly(act())}
    ></button>`;
  const record = s.canRecord
    ? item('record', t(s.recording ? 'moderation.stopRecording' : 'moderation.startRecording'), () =>
        s.recording ? moderation.stopRecording() : moderation.startRecording(),
      )
    : nothing;
  const ending = end.asking
    ? item('confirm-end', t('moderation.confirmEnd'), () => {
        end.asking = false;
        return moderation.endMeeting();
      })
    : html`<button
        type="button"
        class="keep-open"
        data-control="end-for-all"
        aria-label=${t('moderation.endForAll')}
        @click=${() => end.ask()}
      ></button>`;
  return html`${item('mute-all', t('moderation.muteAll'), () => moderation.muteAll())}
  ${item('lock', t('moderation.lock'), () => moderation.lockRoom(!s.locked), s.locked)} ${record} ${ending}`;
}
