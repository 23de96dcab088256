import { css } from 'lit';

/** The progress spinner (slowed down for reduced motion). */
export const spinnerStyles = css`
  .spinner {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: 50%;
    border: 4px solid var(--_confab-surface-2);
    border-block-start-color: var(--_confab-accent);
    animation: confab-spin 0.9s linear infinite;
  }
  @keyframes confab-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
`;

/** Labelled text fields and selects. */
export const fieldStyles = css`
  label {
    display: grid;
    gap: 0.3rem;
    font-size: 0.9rem;
  }
  input,
  select {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    margin: 0;
    padding: 0.55rem 0.7rem;
    border-radius: calc(var(--_confab-radius) / 2);
    border: 1px solid var(--_confab-border);
    background: var(--_confab-surface);
    color: var(--_confab-text);
  }
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_confab-focus);
    outline-offset: 2px;
  }
`;

/** Text for screen readers only (one rule for every part). */
export const srOnly = css`
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
