import { css } from 'lit';
import { panelStyles } from '../shared/panel.styles.js';
import { srOnly } from '../shared/styles.js';

export const participantsStyles = [
  srOnly,
  panelStyles,
  css`
    .count {
      margin: 0.5rem 1rem 0;
      color: var(--_confab-muted-text);
      font-size: 0.85rem;
    }
    button {
      all: unset;
      box-sizing: border-box;
      display: inline-grid;
      place-items: center;
      inline-size: 2.5rem;
      block-size: 2.5rem;
      cursor: pointer;
      border-radius: calc(var(--_confab-radius) / 2);
    }
    button:hover {
      background: var(--_confab-surface-2);
    }
    .pin {
      inline-size: 2rem;
      block-size: 2rem;
      color: var(--_confab-muted-text);
    }
    .pin svg {
      inline-size: 1.1rem;
      block-size: 1.1rem;
    }
    .pin[aria-pressed='true'] {
      background: var(--_confab-accent);
      color: var(--_confab-on-accent);
    }
    button:focus-visible,
    input:focus-visible,
    ul:focus-visible {
      outline: 3px solid var(--_confab-focus);
      outline-offset: 2px;
    }
    input {
      font: inherit;
      box-sizing: border-box;
      margin: 0.5rem 1rem 0;
      inline-size: calc(100% - 2rem);
      padding: 0.45rem 0.7rem;
      border-radius: calc(var(--_confab-radius) / 2);
      border: 1px solid var(--_confab-border);
      background: var(--_confab-surface);
      color: var(--_confab-text);
    }
    ul {
      flex: 1;
      min-block-size: 0;
      overflow-y: auto;
      list-style: none;
      margin: 0;
      padding: 0.5rem 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      padding: 0.35rem 1rem;
      min-block-size: 2.5rem;
    }
    .avatar {
      flex: none;
      display: grid;
      place-items: center;
      inline-size: 2rem;
      block-size: 2rem;
      border-radius: 50%;
      background: var(--_confab-surface-2);
      font-weight: 600;
      font-size: 0.85rem;
    }
    li[data-speaking] .avatar {
      box-shadow: 0 0 0 2px var(--_confab-accent);
    }
    .name {
      flex: 1;
      min-inline-size: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .state {
      display: flex;
      align-items: center;
      gap: 0.25rem;
      color: var(--_confab-muted-text);
    }
    .state svg {
      inline-size: 1.1rem;
      block-size: 1.1rem;
    }
    .hand {
      color: var(--_confab-accent);
    }
    .quality {
      font-size: 0.75rem;
      color: var(--_confab-danger-text);
    }
    .empty {
      margin: 1rem;
      color: var(--_confab-muted-text);
    }
    li {
      flex-wrap: wrap;
    }
    .more {
      inline-size: 2rem;
      block-size: 2rem;
      color: var(--_confab-muted-text);
    }
    .more svg {
      inline-size: 1.1rem;
      block-size: 1.1rem;
    }
    .host-actions {
      flex-basis: 100%;
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      padding-inline-start: 2.6rem;
    }
    .host-actions button,
    button.text {
      inline-size: auto;
      block-size: auto;
      min-block-size: 2rem;
      padding: 0.3rem 0.7rem;
      border: 1px solid var(--_confab-border);
      font-size: 0.85rem;
    }
    .host-actions .danger {
      color: var(--_confab-danger-text);
    }
    .lobby {
      margin: 0.5rem 1rem 0;
      padding: 0.5rem 0;
      border-block-end: 1px solid var(--_confab-border);
    }
    .lobby header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 0;
    }
    .lobby h3 {
      margin: 0;
      font-size: 0.95rem;
    }
    .lobby ul {
      flex: none;
      padding: 0.25rem 0 0;
    }
    .lobby li {
      padding-inline: 0;
    }
    .failure {
      margin: 0.5rem 1rem 0;
      color: var(--_confab-danger-text);
    }
  `,
];
