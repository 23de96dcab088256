import { css } from 'lit';
import { spinnerStyles } from '../shared/styles.js';

export const tileStyles = [
  spinnerStyles,
  css`
    :host {
      position: relative;
      display: block;
      overflow: hidden;
      border-radius: var(--_confab-radius);
      background: var(--_confab-surface);
      color: var(--_confab-text);
      outline: 3px solid transparent;
      outline-offset: -3px;
      transition: outline-color 120ms ease-out;
      contain: strict;
    }
    :host([data-speaking]) {
      outline-color: var(--_confab-accent);
    }
    video {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
      background: #000;
    }
    :host([data-local][data-source='camera']) video {
      transform: scaleX(-1);
    }
    :host([data-source='screen']) video {
      object-fit: contain;
    }
    /* Wholly behind a sheet (the grid marks it): not displayed, so its video is paused. */
    :host([data-covered]) video {
      display: none;
    }
    :host([data-camera-off]) video {
      visibility: hidden;
    }
    .avatar {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
    }
    .avatar span {
      display: grid;
      place-items: center;
      inline-size: clamp(2.5rem, 28%, 7rem);
      aspect-ratio: 1;
      border-radius: 50%;
      background: var(--_confab-accent);
      color: var(--_confab-on-accent);
      font-size: clamp(1rem, 4vmin, 2.5rem);
      font-weight: 600;
      user-select: none;
    }
    .label {
      position: absolute;
      inset-block-end: 0.5rem;
      inset-inline-start: 0.5rem;
      max-inline-size: calc(100% - 1rem);
      display: flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0.2rem 0.5rem;
      border-radius: calc(var(--_confab-radius) / 2);
      background: rgb(0 0 0 / 0.6);
      color: #fff;
      font-size: 0.85rem;
      line-height: 1.3;
    }
    .name {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      unicode-bidi: isolate;
    }
    .muted {
      display: inline-flex;
      flex: none;
      color: #ff8a80;
    }
    .hand {
      display: inline-flex;
      flex: none;
      color: #ffd54f;
    }
    .lock {
      display: inline-flex;
      flex: none;
      color: #a5d6a7;
    }
    .hand svg,
    .lock svg,
    .away svg,
    .muted svg {
      width: 1.1em;
      height: 1.1em;
    }
    .away {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
      background: rgb(0 0 0 / 0.55);
      color: #fff;
      text-align: center;
      font-weight: 600;
    }
    .away .spinner {
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
    /* Reactions rise from the bottom of the tile and fade (they leave the store after 4 s); with
     reduced motion they stay still. */
    .reactions {
      position: absolute;
      inset-block-end: 2.5rem;
      inset-inline-start: 1rem;
      display: flex;
      gap: 0.3rem;
      pointer-events: none;
      font-size: 2rem;
    }
    .reaction {
      animation: confab-rise 4s ease-out forwards;
    }
    @keyframes confab-rise {
      from {
        opacity: 0;
      }
      10%,
      70% {
        opacity: 1;
      }
      to {
        opacity: 0;
        transform: translateY(-6rem);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .reaction {
        animation: none;
      }
    }
    .moderate {
      position: absolute;
      inset-block-start: 0.4rem;
      inset-inline-end: 0.4rem;
      min-inline-size: 2rem;
      min-block-size: 2rem;
      border: 0;
      border-radius: 999px;
      background: rgb(0 0 0 / 0.55);
      color: #fff;
      font-size: 1.1rem;
      cursor: pointer;
      opacity: 0;
    }
    :host(:hover) .moderate,
    .moderate:focus-visible {
      opacity: 1;
    }
    @media (hover: none) {
      .moderate {
        opacity: 1;
      }
    }
  `,
];
