import { css } from 'lit';

/** The call's layout (side panel or sheet, badges, the reconnecting pill): with the in-call chunk. */
export const callStyles = css`
  /* Wide boxes: the chat is a side panel beside the grid. Narrow ones: a sheet over it. */
  .layout.with-panel {
    grid-template-columns: minmax(0, 1fr) min(22rem, 42%);
  }
  .layout > :not(.side-panel) {
    grid-column: 1;
  }
  .side-panel {
    grid-column: 2;
    grid-row: 1 / -1;
    min-block-size: 0;
    border-inline-start: 1px solid var(--_confab-surface-2);
  }
  @container confab (max-width: 640px) {
    .layout.with-panel {
      grid-template-columns: minmax(0, 1fr);
    }
    .side-panel {
      /* Out of the grid's second column (absent here), or the sheet would be 0 px wide. */
      grid-area: auto;
      position: absolute;
      inset-inline: 0;
      inset-block-end: 0;
      block-size: min(75%, 32rem);
      z-index: 3;
      border-inline-start: 0;
      border-start-start-radius: var(--_confab-radius);
      border-start-end-radius: var(--_confab-radius);
      overflow: hidden;
      box-shadow: 0 -4px 24px rgb(0 0 0 / 0.3);
    }
  }
  confab-grid {
    margin: 0.5rem;
  }
  .recording {
    justify-self: start;
    display: flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.2rem 0.7rem;
    border-radius: 999px;
    background: var(--_confab-danger);
    color: #fff;
    font-size: 0.85rem;
    font-weight: 600;
  }
  .encrypted {
    background: #17653f;
  }
  .encrypted svg {
    inline-size: 1rem;
    block-size: 1rem;
  }
  .recording .dot {
    inline-size: 0.55rem;
    block-size: 0.55rem;
    border-radius: 50%;
    background: currentColor;
  }
  .reconnecting {
    position: absolute;
    inset-block-start: 0.75rem;
    inset-inline: 0;
    margin-inline: auto;
    inline-size: fit-content;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 1rem;
    border-radius: 999px;
    background: var(--_confab-surface);
    box-shadow: 0 2px 12px rgb(0 0 0 / 0.3);
  }
  .reconnecting .spinner {
    inline-size: 1.1rem;
    block-size: 1.1rem;
    border-width: 3px;
  }
  .self-view {
    inline-size: min(20rem, 80cqi);
    aspect-ratio: 16 / 9;
    max-block-size: 35cqb;
    object-fit: cover;
    transform: scaleX(-1);
    border-radius: var(--_confab-radius);
    background: #000;
  }
  .self-view[hidden] {
    display: none;
  }
`;
