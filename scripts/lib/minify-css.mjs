// Build step: the whitespace and comments of our components' css`…` templates go (Lit ships them as
// written). Only what CSS ignores is removed — runs of whitespace become one space, and spaces next
// to `{ } ; ,` and `>` and after a property's colon go — so `calc(1px + 2px)`, `a :hover` and `rgb(0 0 0 / 0.5)` are untouched.
// Saves about 0.3 KiB gzip across the shell and the in-call chunk (scripts/check-size.mjs).
import MagicString from 'magic-string';

/** One CSS text, minified. */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    // A colon followed by whitespace only ever ends a property name (selectors write `:hover`).
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** Rewrites every css`…` template without interpolations in `code`; null when there is none. */
export function minifyCssTemplates(code, id) {
  const out = new MagicString(code);
  let changed = false;
  for (const match of code.matchAll(/\bcss`([^`$\\]*)`/g)) {
    const start = match.index + 4;
    out.overwrite(start, start + match[1].length, minifyCss(match[1]));
    changed = true;
  }
  return changed ? { code: out.toString(), map: out.generateMap({ hires: true, source: id }) } : null;
}
