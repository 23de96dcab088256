import { css } from 'lit';
import { fieldStyles, spinnerStyles, srOnly } from '../shared/styles.js';

export const prejoinStyles = [
  srOnly,
  spinnerStyles,
  fieldStyles,
  css`
    :host {
      display: block;
      overflow: auto;
      padding: 1rem;
    }
    section {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
      gap: 1.25rem;
      align-items: start;
      max-inline-size: 56rem;
      margin-inline: auto;
    }
    .preview {
      position: relative;
      aspect-ratio: 16 / 9;
      /* In a short box the preview gives up height first (the widget is a size container). */
      max-block-size: max(7rem, 45cqb);
      border-radius: var(--_confab-radius);
      overflow: hidden;
      background: #000;
    }
    video {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
      transform: scaleX(-1);
    }
    video[hidden] {
      display: none;
    }
    .placeholder {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 0.5rem;
      color: #fff;
      background: var(--_confab-surface-2);
      color: var(--_confab-text);
    }
    .avatar {
      display: grid;
      place-items: center;
      inline-size: 4rem;
      block-size: 4rem;
      border-radius: 50%;
      background: var(--_confab-accent);
      color: var(--_confab-on-accent);
      font-size: 1.5rem;
      font-weight: 600;
    }
    .toggles {
      position: absolute;
      inset-block-end: 0.75rem;
      inset-inline: 0;
      display: flex;
      justify-content: center;
      gap: 0.75rem;
    }
    .toggles button {
      inline-size: 3rem;
      block-size: 3rem;
      padding: 0;
      border-radius: 50%;
      justify-content: center;
    }
    form {
      display: grid;
      gap: 0.75rem;
    }
    h2 {
      margin: 0;
      font-size: 1.25rem;
    }
    button:focus-visible {
      outline: 3px solid var(--_confab-focus);
      outline-offset: 2px;
    }
    button {
      all: unset;
      box-sizing: border-box;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4rem;
      padding: 0.6rem 1rem;
      border-radius: calc(var(--_confab-radius) / 2);
      background: var(--_confab-surface-2);
      color: var(--_confab-text);
      cursor: pointer;
      text-align: center;
    }
    /* Red means muted (microphone, camera) here as in the call; an effect that is off is plain. */
    button[aria-pressed='false']:is([data-control='microphone'], [data-control='camera']) {
      background: var(--_confab-danger);
      color: #fff;
    }
    button.join {
      background: var(--_confab-accent);
      color: var(--_confab-on-accent);
      font-weight: 600;
      /* Join never sits below the fold: in a short box it sticks to the bottom while the form scrolls. */
      position: sticky;
      inset-block-end: 0;
      z-index: 1;
      box-shadow: 0 0.5rem 0 0.5rem var(--_confab-bg);
    }
    button[aria-busy='true'] {
      opacity: 0.6;
      cursor: progress;
    }
    .meter {
      block-size: 0.5rem;
      border-radius: 999px;
      background: var(--_confab-surface-2);
      overflow: hidden;
    }
    .meter span {
      display: block;
      block-size: 100%;
      inline-size: 100%;
      background: var(--_confab-accent);
      transform-origin: left center;
      transform: scaleX(var(--_level, 0));
      transition: transform 90ms linear;
    }
    :host(:dir(rtl)) .meter span {
      transform-origin: right center;
    }
    .error {
      padding: 0.6rem 0.75rem;
      border-radius: calc(var(--_confab-radius) / 2);
      background: var(--_confab-danger-soft);
      color: var(--_confab-danger-text);
      display: grid;
      gap: 0.4rem;
    }
    .error p {
      margin: 0;
    }
    .help {
      font-size: 0.85rem;
    }
    .name-error {
      margin: 0;
      color: var(--_confab-danger-text);
      font-size: 0.9rem;
    }
    .name-error:empty {
      display: none;
    }
    @media (prefers-reduced-motion: reduce) {
      .meter span {
        transition: none;
      }
    }
    button[data-control='blur']:disabled {
      opacity: 0.5;
      cursor: not-allowed;
    }
  `,
];
