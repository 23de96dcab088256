import { svg } from 'lit';

// Inline icons (Material-style paths), decorative: the button carries the accessible name.
export const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="currentColor">${path}</svg>`;

export const micIcon = icon(
  svg`<path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2Z"/>`,
);
export const micOffIcon = icon(
  svg`<path d="M19 11h-2c0 .74-.16 1.43-.43 2.05l1.23 1.23A6.9 6.9 0 0 0 19 11ZM15 11.16V5a3 3 0 0 0-5.94-.6L15 10.34v.82ZM4.27 3 3 4.27l6 6V11a3 3 0 0 0 4.46 2.62l1.66 1.66A5 5 0 0 1 7 11H5a7 7 0 0 0 6 6.92V21h2v-3.08a6.9 6.9 0 0 0 3.32-1.3L19.73 21 21 19.73 4.27 3Z"/>`,
);
export const camIcon = icon(svg`<path d="M17 10.5V7a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3.5l4 4v-11l-4 4Z"/>`);
export const camOffIcon = icon(
  svg`<path d="M21 6.5l-4 4V7a1 1 0 0 0-1-1H9.82L21 17.18V6.5ZM3.27 2 2 3.27 4.73 6H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12c.21 0 .39-.08.55-.18L19.73 21 21 19.73 3.27 2Z"/>`,
);
export const blurIcon = icon(
  svg`<path d="M12 3a4 4 0 1 1 0 8 4 4 0 0 1 0-8Zm0 10c4.42 0 8 1.79 8 4v2H4v-2c0-2.21 3.58-4 8-4Z"/><circle cx="3" cy="5" r="1.2"/><circle cx="21" cy="5" r="1.2"/><circle cx="3" cy="10" r="1"/><circle cx="21" cy="10" r="1"/><circle cx="2.5" cy="14.5" r=".8"/><circle cx="21.5" cy="14.5" r=".8"/>`,
);
