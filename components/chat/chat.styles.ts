import { css } from 'lit';
import { panelStyles } from '../shared/panel.styles.js';
import { srOnly } from '../shared/styles.js';

export const chatStyles = [
  srOnly,
  panelStyles,
  css`
    button {
      all: unset;
      box-sizing: border-box;
      cursor: pointer;
      border-radius: calc(var(--_confab-radius) / 2);
    }
    button:focus-visible,
    textarea:focus-visible,
    lit-virtualizer:focus-visible {
      outline: 3px solid var(--_confab-focus);
      outline-offset: 2px;
    }
    .icon {
      display: inline-grid;
      place-items: center;
      inline-size: 2.5rem;
      block-size: 2.5rem;
    }
    .icon:hover {
      background: var(--_confab-surface-2);
    }
    .notice {
      margin: 0.5rem 1rem 0;
      padding: 0.4rem 0.6rem;
      border-radius: calc(var(--_confab-radius) / 2);
      background: var(--_confab-surface-2);
      color: var(--_confab-muted-text);
      font-size: 0.85rem;
    }
    .log {
      position: relative;
      flex: 1;
      min-block-size: 0;
      display: flex;
      flex-direction: column;
    }
    lit-virtualizer {
      flex: 1;
      min-block-size: 0;
      padding-block: 0.5rem;
    }
    .empty {
      margin: auto 1rem;
      text-align: center;
      color: var(--_confab-muted-text);
    }
    .msg {
      inline-size: 100%;
      padding: 0.1rem 1rem;
      box-sizing: border-box;
    }
    .msg.head {
      padding-block-start: 0.6rem;
    }
    .sender {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      font-size: 0.85rem;
      /* The sender line is ours: a message body can never reorder or overlap it. */
      unicode-bidi: isolate;
    }
    .name {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      min-inline-size: 0;
    }
    time {
      color: var(--_confab-muted-text);
      flex: none;
    }
    .body {
      margin: 0.1rem 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      unicode-bidi: plaintext;
    }
    .msg[data-local] .body {
      padding-inline-start: 0.5rem;
      border-inline-start: 3px solid var(--_confab-accent);
    }
    .body a {
      color: var(--_confab-accent);
    }
    .relayed {
      margin: 0;
      color: var(--_confab-muted-text);
      font-size: 0.8rem;
      font-style: italic;
    }
    .edited,
    .status {
      color: var(--_confab-muted-text);
      font-size: 0.8rem;
    }
    .status.failed {
      color: var(--_confab-danger-text);
    }
    .retry {
      margin-inline-start: 0.5rem;
      padding: 0.1rem 0.5rem;
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--_confab-accent);
      text-decoration: underline;
    }
    .divider {
      margin: 0.5rem 0;
      text-align: center;
      font-size: 0.8rem;
      color: var(--_confab-muted-text);
    }
    .jump {
      position: absolute;
      inset-block-end: 0.75rem;
      inset-inline-start: 50%;
      translate: -50% 0;
      padding: 0.35rem 0.9rem;
      border-radius: 1rem;
      background: var(--_confab-accent);
      color: var(--_confab-on-accent);
      font-size: 0.85rem;
      font-weight: 600;
    }
    :host(:dir(rtl)) .jump {
      translate: 50% 0;
    }
    form {
      display: flex;
      gap: 0.5rem;
      align-items: flex-end;
      padding: 0.5rem;
      border-block-start: 1px solid var(--_confab-surface-2);
    }
    textarea {
      flex: 1;
      resize: none;
      font: inherit;
      min-block-size: 2.5rem;
      max-block-size: 8rem;
      padding: 0.5rem 0.6rem;
      border-radius: calc(var(--_confab-radius) / 2);
      border: 1px solid var(--_confab-border);
      background: var(--_confab-surface);
      color: var(--_confab-text);
      field-sizing: content;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_confab-danger);
    }
    .send {
      background: var(--_confab-accent);
      color: var(--_confab-on-accent);
    }
    .send[aria-disabled='true'] {
      opacity: 0.5;
      cursor: not-allowed;
    }
    .error {
      margin: 0 0.5rem 0.5rem;
      color: var(--_confab-danger-text);
      font-size: 0.85rem;
    }
  `,
];
