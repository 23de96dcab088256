import { html, nothing } from 'lit';
import type { BackgroundActions } from '../../src/core/actions.js';
import { shownMode } from '../../src/core/background-lazy.js';
import type { BackgroundView } from '../../src/core/types.js';
import type { Translate } from '../../src/i18n/i18n.js';
import { blurIcon } from './icons.js';
import { quietly } from '../../src/core/report.js';

/**
 * The blur toggle of the pre-join and the control bar: pressed while blur is chosen, busy with a
 * percentage while the effect first loads, disabled with the reason where it cannot run. What a
 * click does is its tooltip in the bar (`data-tip`, drawn by the bar's styles), its title elsewhere.
 */
export function blurToggle(t: Translate, background: BackgroundView, actions: BackgroundActions, inBar = false) {
  const on = shownMode(background) === 'blur';
  const unavailable = background.status === 'unavailable';
  const loading = background.status === 'loading';
  const reason = background.reason ? t(`background.unavailable.${background.reason}`) : null;
  const percent = String(Math.round(background.progress * 100));
  const tip = reason ?? (on ? t('background.blurOff') : t('background.blurOn'));
  return html`<button
      type="button"
      data-control="blur"
      data-background=${background.status}
      data-compositor=${background.compositor ?? nothing}
      aria-pressed=${String(on)}
      aria-busy=${String(loading)}
      aria-label=${t('background.blur')}
      aria-describedby=${reason || loading ? 'blur-status' : nothing}
      title=${inBar ? nothing : tip}
      data-tip=${inBar ? tip : nothing}
      ?disabled=${unavailable}
      @click=${/* a failure disables the button and says why (title, banner) */ () => void actions.setBlur(!on).catch(quietly('blur toggle'))}
    >
      ${blurIcon}
    </button>
    ${reason || loading ? html`<span id="blur-status" class="sr-only" role="status" data-blur-status>${reason ?? t('background.loading', { percent })}</span>` : nothing}`;
}
