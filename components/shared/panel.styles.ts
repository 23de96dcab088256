import { css } from 'lit';

/** The frame every side panel (chat, participants) shares: a column with a titled header. */
export const panelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    min-block-size: 0;
    background: var(--_confab-surface);
    color: var(--_confab-text);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.5rem 0.5rem 0.5rem 1rem;
    border-block-end: 1px solid var(--_confab-surface-2);
  }
  h2 {
    margin: 0;
    font-size: 1.05rem;
  }
`;
