import { css } from 'lit';
import { spinnerStyles, srOnly } from '../shared/styles.js';

export const meetingStyles = [
  srOnly,
  spinnerStyles,
  css`
    :host {
      /* Public tokens (--confab-*) back private ones (--_confab-*); light theme values. */
      --_confab-accent: var(--confab-accent, #1a5fd6);
      --_confab-on-accent: #fff;
      --_confab-bg: var(--confab-bg, #f4f5f7);
      --_confab-surface: var(--confab-surface, #ffffff);
      --_confab-surface-2: #e4e7ec;
      --_confab-surface-3: #d3d8e0;
      --_confab-border: #8a94a6;
      --_confab-text: var(--confab-text, #161a22);
      --_confab-muted-text: #4a5263;
      --_confab-radius: var(--confab-radius, 12px);
      --_confab-font: var(--confab-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      --_confab-focus: #f5b400;
      --_confab-danger: #c62828;
      --_confab-danger-soft: #fde2e1;
      --_confab-danger-text: #9b1c1c;

      display: block;
      position: relative;
      box-sizing: border-box;
      min-block-size: 360px;
      block-size: 100%;
      overflow: hidden;
      contain: content;
      background: var(--_confab-bg);
      color: var(--_confab-text);
      font: 400 16px/1.4 var(--_confab-font);
      text-align: start;
      color-scheme: light;
    }
    :host([data-theme='dark']) {
      --_confab-bg: var(--confab-bg, #0f1115);
      --_confab-surface: var(--confab-surface, #1c1f26);
      --_confab-surface-2: #2b303a;
      --_confab-surface-3: #3a404c;
      --_confab-border: #6b7385;
      --_confab-text: var(--confab-text, #f1f3f6);
      --_confab-muted-text: #b5bcc9;
      --_confab-accent: var(--confab-accent, #5b9bff);
      --_confab-on-accent: #0b1020;
      --_confab-danger-soft: #4a1f22;
      --_confab-danger-text: #ffb4ab;
      color-scheme: dark;
    }
    .root {
      position: absolute;
      inset: 0;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .root {
      /* A size container: the control bar's menu and the pre-join fit the widget's height too. */
      container: confab / size;
    }
    .layout {
      position: absolute;
      inset: 0;
      display: grid;
      grid-template-rows: auto 1fr auto;
      grid-template-columns: minmax(0, 1fr);
    }
    .center {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 1rem;
      padding: 1.5rem;
      text-align: center;
    }
    .center h2 {
      margin: 0;
      font-size: 1.25rem;
    }
    .center p {
      margin: 0;
      color: var(--_confab-muted-text);
      max-inline-size: 36rem;
      overflow-wrap: anywhere;
    }
    .banners {
      display: grid;
      gap: 0.25rem;
      padding: 0.25rem 0.5rem 0;
    }
    .banner {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      padding: 0.5rem 0.75rem;
      border-radius: calc(var(--_confab-radius) / 2);
      background: var(--_confab-surface);
      border-inline-start: 4px solid var(--_confab-accent);
    }
    .banner.warn {
      border-inline-start-color: var(--_confab-danger);
    }
    button.action {
      all: unset;
      box-sizing: border-box;
      padding: 0.5rem 1rem;
      border-radius: calc(var(--_confab-radius) / 2);
      background: var(--_confab-accent);
      color: var(--_confab-on-accent);
      font-weight: 600;
      cursor: pointer;
      white-space: nowrap;
    }
    button.action.secondary {
      background: var(--_confab-surface-2);
      color: var(--_confab-text);
    }
    button.action:focus-visible {
      outline: 3px solid var(--_confab-focus);
      outline-offset: 2px;
    }
    .toasts {
      position: absolute;
      inset-block-end: 5rem;
      inset-inline: 0;
      display: grid;
      justify-items: center;
      gap: 0.5rem;
      pointer-events: none;
    }
    .toast {
      padding: 0.5rem 1rem;
      border-radius: 999px;
      background: var(--_confab-text);
      color: var(--_confab-bg);
      box-shadow: 0 2px 12px rgb(0 0 0 / 0.3);
    }
    .audio-sink {
      display: none;
    }
  `,
];
