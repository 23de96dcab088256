// The background picker of the settings dialog: no effect, two blur strengths, the built-in images
// and the host's own `background-image`. Each choice is a toggle button (pressed = chosen), reachable
// by Tab; while the effect first loads the group is busy with a percentage, and where it cannot run
// every effect is disabled with the reason said once, in words. Choices are remembered (preferences).
import { css, html, nothing } from 'lit';
import type { BackgroundActions } from '../../src/core/actions.js';
import { shownMode } from '../../src/core/background-lazy.js';
import type { BackgroundView } from '../../src/core/types.js';
import { BUILT_IN_BACKGROUNDS, builtInBackground, defaultAssetsBase, permittedImage } from '../../src/effects/assets.js';
import type { Translate } from '../../src/i18n/i18n.js';
import { quietly } from '../../src/core/report.js';

/** Blur strengths of the two presets; the slight one is chosen below the midpoint between them. */
export const BLUR_SLIGHT = 0.4;
export const BLUR_STRONG = 1;

export const backgroundStyles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.4rem;
    font-size: 0.9rem;
  }
  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(4.5rem, 1fr));
    gap: 0.4rem;
  }
  .choice {
    all: unset;
    box-sizing: border-box;
    display: grid;
    place-items: center;
    aspect-ratio: 16 / 9;
    border-radius: calc(var(--_confab-radius) / 2);
    border: 2px solid var(--_confab-border);
    background: var(--_confab-surface-2) center / cover no-repeat;
    color: var(--_confab-text);
    font-size: 0.75rem;
    text-align: center;
    padding: 0.2rem;
    cursor: pointer;
    overflow: hidden;
  }
  .choice img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    border-radius: 2px;
  }
  .choice[aria-pressed='true'] {
    border-color: var(--_confab-accent);
    box-shadow: 0 0 0 2px var(--_confab-accent);
  }
  .choice:focus-visible {
    outline: 3px solid var(--_confab-focus);
    outline-offset: 2px;
  }
  .choice:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .status {
    margin: 0.4rem 0 0;
    font-size: 0.85rem;
  }
`;

interface Choice {
  id: string;
  label: string;
  pressed: boolean;
  pick(): Promise<void>;
  thumbnail?: string;
}

/** The picker. `assetsBase` and `hostImage` are the element's options (undefined: the defaults). */
export function renderBackgrounds(
  t: Translate,
  view: BackgroundView,
  actions: BackgroundActions,
  assetsBase: string | undefined,
  hostImage: string | undefined,
) {
  const base = assetsBase ?? defaultAssetsBase();
  const blurStrong = view.strength >= (BLUR_SLIGHT + BLUR_STRONG) / 2;
  const blur = (strength: number) => () => {
    actions.setBlurStrength(strength);
    return actions.setBlur(true);
  };
  const images: Array<{ id: string; url: string; thumbnail: string; label: string }> = BUILT_IN_BACKGROUNDS.map((name) => ({
    id: name,
    url: builtInBackground(base, name),
    thumbnail: builtInBackground(base, name, true),
    label: t(`background.image.${name}`),
  }));
  // The host's image is offered (and its thumbnail fetched) only from where backgrounds may come.
  const custom = hostImage ? permittedImage(hostImage, base, document.baseURI) : null;
  if (custom && !images.some((i) => i.url === custom))
    images.push({ id: 'custom', url: custom, thumbnail: custom, label: t('background.image.custom') });
  const choices: Choice[] = [
    { id: 'none', label: t('background.none'), pressed: shownMode(view) === 'none', pick: () => actions.setBlur(false) },
    { id: 'blur-slight', label: t('background.blurSlight'), pressed: shownMode(view) === 'blur' && !blurStrong, pick: blur(BLUR_SLIGHT) },
    { id: 'blur-strong', label: t('background.blurStrong'), pressed: shownMode(view) === 'blur' && blurStrong, pick: blur(BLUR_STRONG) },
    ...images.map((i) => ({
      ...i,
      pressed: shownMode(view) === 'image' && view.image === i.url,
      pick: () => actions.setBackgroundImage(i.url),
    })),
  ];
  const unavailable = view.status === 'unavailable';
  const loading = view.status === 'loading';
  const status = view.reason
    ? t(`background.unavailable.${view.reason}`)
    : loading
      ? t('background.loading', { percent: String(Math.round(view.progress * 100)) })
      : null;
  return html`<fieldset aria-busy=${String(loading)} aria-describedby=${status ? 'background-status' : nothing}>
    <legend>${t('background.title')}</legend>
    <div class="choices">
      ${choices.map(
        (c) =>
          html`<button
            type="button"
            class="choice"
            data-background-option=${c.id}
            aria-pressed=${String(c.pressed)}
            aria-label=${c.label}
            title=${c.label}
            ?disabled=${unavailable && c.id !== 'none'}
            @click=${() => void c.pick().catch(quietly('background pick')) /* the picker shows the failure */}
          >
            ${c.thumbnail ? html`<img src=${c.thumbnail} alt="" loading="lazy" decoding="async" />` : c.label}
          </button>`,
      )}
    </div>
    ${status ? html`<p id="background-status" class="status" role="status" data-background-status>${status}</p>` : nothing}
  </fieldset>`;
}
