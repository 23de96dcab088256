import { css } from 'lit';

export const gridStyles = css`
  :host {
    display: block;
    position: relative;
    min-block-size: 0;
    container-type: size;
  }
  .grid {
    position: absolute;
    inset: 0;
    inset-block-end: var(--_pager, 0);
    display: flex;
    flex-wrap: wrap;
    align-content: center;
    justify-content: center;
    gap: var(--_gap);
  }
  .pager {
    position: absolute;
    inset-inline: 0;
    inset-block-end: 0;
    block-size: 40px;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    font-size: 0.9rem;
  }
  .pager button {
    all: unset;
    box-sizing: border-box;
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    background: var(--_confab-surface-2);
    color: var(--_confab-text);
    font-size: 1.3rem;
    cursor: pointer;
  }
  .pager button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .pager button:focus-visible {
    outline: 3px solid var(--_confab-focus);
    outline-offset: 2px;
  }
  :host(:dir(rtl)) .pager button {
    transform: scaleX(-1);
  }
  .speaker {
    position: absolute;
    inset: 0;
    display: grid;
    grid-template-rows: minmax(0, 1fr) auto;
    gap: var(--_gap);
  }
  .stage {
    min-block-size: 0;
    display: grid;
  }
  .stage confab-tile {
    inline-size: 100%;
    block-size: 100%;
  }
  /* Focusable: a keyboard can scroll a strip that overflows. */
  .strip:focus-visible {
    outline: 3px solid var(--_confab-focus);
    outline-offset: 2px;
  }
  .strip {
    display: flex;
    gap: var(--_gap);
    overflow-x: auto;
    justify-content: safe center;
  }
  .strip confab-tile {
    flex: none;
    block-size: clamp(72px, 18cqh, 160px);
    inline-size: calc(clamp(72px, 18cqh, 160px) * 16 / 9);
  }
  confab-tile {
    inline-size: var(--_tile-w, 100%);
    block-size: var(--_tile-h, 100%);
  }
`;
