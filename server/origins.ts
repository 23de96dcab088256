// Origins against an allow-list: the widget's own rule (an exact origin, or scheme://host:* for any
// port of that host; `*` alone never matches), shared with the iframe's check of parent-origin.
export { originAllowed } from '../src/embed/protocol.js';

/** The allow-list as CSP frame-ancestors sources (the same patterns CSP understands). */
export function frameAncestors(allowed: readonly string[]): string {
  return ["'self'", ...allowed].join(' ');
}
