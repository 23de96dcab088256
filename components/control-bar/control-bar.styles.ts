import { css } from 'lit';
import { srOnly } from '../shared/styles.js';

export const controlBarStyles = [
  srOnly,
  css`
    :host {
      position: relative;
      display: flex;
      justify-content: center;
      gap: 0.75rem;
      padding: 0.75rem;
    }
    button {
      all: unset;
      box-sizing: border-box;
      display: inline-grid;
      place-items: center;
      inline-size: 3rem;
      block-size: 3rem;
      border-radius: 50%;
      background: var(--_confab-surface-2);
      color: var(--_confab-text);
      cursor: pointer;
      transition: background 120ms ease-out;
    }
    button:hover {
      background: var(--_confab-surface-3);
    }
    /* A narrow box (src/core/toolbar.ts barMetrics mirrors these sizes). */
    :host([data-compact]) {
      gap: 6px;
      padding: 8px;
    }
    :host([data-compact]) button {
      inline-size: 44px;
      block-size: 44px;
    }
    :host([data-compact]) button.leave {
      inline-size: 56px;
    }
    /* The menu hangs from the bar's end, so it never leaves a narrow box. */
    .more {
      display: inline-grid;
    }
    .menu {
      position: absolute;
      inset-block-end: 100%;
      inset-inline-end: 0.5rem;
      display: grid;
      gap: 0.25rem;
      min-inline-size: 14rem;
      max-inline-size: calc(100% - 1rem);
      max-block-size: calc(100cqb - 5.5rem);
      overflow: auto;
      padding: 0.4rem;
      border-radius: var(--_confab-radius);
      background: var(--_confab-surface);
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
      z-index: 2;
    }
    .menu[hidden] {
      display: none;
    }
    /* In the menu each control is a row with its name written out (the name it already has). */
    .menu button,
    :host([data-compact]) .menu button {
      display: flex;
      justify-content: start;
      gap: 0.75rem;
      inline-size: 100%;
      block-size: 2.75rem;
      padding-inline: 0.6rem;
      border-radius: calc(var(--_confab-radius) / 2);
    }
    .menu button::after {
      content: attr(aria-label);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .menu .picker {
      position: static;
      translate: none;
      box-shadow: none;
      flex-wrap: wrap;
      background: var(--_confab-surface-2);
    }
    .menu .picker button,
    :host([data-compact]) .menu .picker button {
      inline-size: 2.5rem;
      padding: 0;
      justify-content: center;
    }
    .menu .picker button::after {
      content: none;
    }
    .menu .reactions {
      display: grid;
      gap: 0.25rem;
    }
    .menu .badge {
      position: static;
      margin-inline-start: auto;
      order: 2;
    }
    button:focus-visible {
      outline: 3px solid var(--_confab-focus);
      outline-offset: 2px;
    }
    /* Every control in the bar names itself above it on hover (after a moment) and at once on
     keyboard focus: never covering the control, never taking the pointer. (In the More menu the
     name is written out instead.) */
    button[data-tip]:not(.menu *) {
      position: relative;
    }
    button[data-tip]:not(.menu *)::after {
      content: attr(data-tip);
      position: absolute;
      inset-block-end: calc(100% + 0.5rem);
      left: 50%;
      translate: -50% 0;
      padding: 0.3rem 0.55rem;
      border-radius: 0.4rem;
      background: var(--_confab-text);
      color: var(--_confab-bg);
      font: 500 0.8rem/1.2 var(--_confab-font);
      white-space: nowrap;
      pointer-events: none;
      opacity: 0;
      visibility: hidden;
      transition:
        opacity 120ms ease-out,
        visibility 0s 120ms;
      z-index: 3;
    }
    button[data-tip]:not(.menu *):hover::after {
      opacity: 1;
      visibility: visible;
      transition-delay: 400ms;
    }
    button[data-tip]:not(.menu *):focus-visible::after {
      opacity: 1;
      visibility: visible;
      transition-delay: 0s;
    }
    /* At the bar's ends the tooltip opens inwards (either direction), so a narrow box never clips it. */
    :host > button[data-tip]:not(.menu *):first-child::after {
      left: auto;
      inset-inline-start: 0;
      translate: none;
    }
    :host > button[data-tip]:not(.menu *):last-child::after {
      left: auto;
      inset-inline-end: 0;
      translate: none;
    }
    @media (prefers-reduced-motion: reduce) {
      button[data-tip]:not(.menu *)::after {
        transition: none;
      }
    }
    /* Mic and camera off is the state to notice; for every other toggle (sharing, blur, a raised
     hand, an open panel or picker), on is. */
    button[aria-pressed='false']:is([data-control='microphone'], [data-control='camera']) {
      background: var(--_confab-danger-soft);
      color: var(--_confab-danger-text);
    }
    button:not([data-control='microphone'], [data-control='camera'])[aria-pressed='true'],
    button[aria-expanded='true'] {
      background: var(--_confab-accent);
      color: var(--_confab-on-accent);
    }
    button[aria-busy='true'] {
      opacity: 0.6;
      cursor: progress;
    }
    button[data-control='chat'],
    button[data-control='participants'] {
      position: relative;
    }
    .reactions {
      position: relative;
      display: inline-grid;
    }
    .picker {
      position: absolute;
      inset-block-end: calc(100% + 0.5rem);
      /* Centred over its button in either direction. */
      left: 50%;
      translate: -50% 0;
      display: flex;
      gap: 0.25rem;
      padding: 0.35rem;
      border-radius: 1.75rem;
      background: var(--_confab-surface);
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
      z-index: 2;
    }
    .picker button {
      inline-size: 2.5rem;
      block-size: 2.5rem;
      background: transparent;
      font-size: 1.4rem;
    }
    .badge {
      position: absolute;
      inset-block-start: -0.2rem;
      inset-inline-end: -0.2rem;
      min-inline-size: 1.25rem;
      padding: 0 0.3rem;
      border-radius: 0.65rem;
      background: var(--_confab-danger);
      color: #fff;
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.25rem;
      text-align: center;
    }
    .badge.count {
      background: var(--_confab-surface-3);
      color: var(--_confab-text);
    }
    button.leave {
      inline-size: 4rem;
      border-radius: 1.5rem;
      background: var(--_confab-danger);
      color: #fff;
    }
    button.leave:hover {
      filter: brightness(1.1);
    }
    button[data-control='blur']:disabled {
      opacity: 0.5;
      cursor: not-allowed;
    }
  `,
];
