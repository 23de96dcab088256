// The reaction picker's row of emoji: a chunk of its own, loaded the first time the picker opens
// (the in-call size budget), with the English names of the reactions.
import { html } from 'lit';
import { REACTIONS } from '../../src/core/reactions.js';
import type { Translate } from '../../src/i18n/i18n.js';

export { enReactions } from '../../src/i18n/en-reactions.js';

export function renderReactionPicker(t: Translate, send: (emoji: string) => void) {
  return html`<div class="picker" id="reaction-picker" role="group" aria-label=${t('reactions.label')}>
    ${REACTIONS.map(
      ([emoji, name]) =>
        html`<button
          type="button"
          data-reaction=${emoji}
          aria-label=${t(`reaction.${name}`)}
          title=${t(`reaction.${name}`)}
          @click=${() => send(emoji)}
        >
          <span aria-hidden="true">${emoji}</span>
        </button>`,
    )}
  </div>`;
}
