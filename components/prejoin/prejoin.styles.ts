import { css } from 'lit';

export const prejoinStyles = css`
  :host {
    display: grid;
    place-items: center;
    padding: 1.5rem;
  }
  form {
    display: grid;
    gap: 1rem;
    inline-size: min(100%, 22rem);
    padding: 1.5rem;
    border-radius: var(--_confab-radius);
    background: var(--_confab-surface);
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  label {
    display: grid;
    gap: 0.35rem;
    font-size: 0.9rem;
  }
  input {
    all: unset;
    box-sizing: border-box;
    padding: 0.6rem 0.75rem;
    border-radius: calc(var(--_confab-radius) / 2);
    border: 1px solid var(--_confab-border);
    background: var(--_confab-bg);
    color: var(--_confab-text);
  }
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_confab-focus);
    outline-offset: 2px;
  }
  .toggles {
    display: flex;
    gap: 0.5rem;
  }
  button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    padding: 0.55rem 0.9rem;
    border-radius: calc(var(--_confab-radius) / 2);
    background: var(--_confab-surface-2);
    color: var(--_confab-text);
    cursor: pointer;
  }
  button[aria-pressed='false'] {
    background: var(--_confab-danger-soft);
    color: var(--_confab-danger-text);
  }
  button.join {
    background: var(--_confab-accent);
    color: var(--_confab-on-accent);
    font-weight: 600;
  }
  .error {
    margin: 0;
    color: var(--_confab-danger-text);
    font-size: 0.9rem;
  }
`;
