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
    display: flex;
    flex-wrap: wrap;
    align-content: center;
    justify-content: center;
    gap: var(--_gap);
  }
  confab-tile {
    inline-size: var(--_tile-w, 100%);
    block-size: var(--_tile-h, 100%);
  }
`;
