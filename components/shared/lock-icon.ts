import { svg } from 'lit';
import { icon } from './icons.js';

// The padlock of end-to-end encryption (the header's badge and each tile that decrypts); decorative.
export const lockIcon = icon(
  svg`<path d="M17 9h-1V7a4 4 0 0 0-8 0v2H7a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-9a2 2 0 0 0-2-2Zm-7-2a2 2 0 0 1 4 0v2h-4V7Z"/>`,
);
