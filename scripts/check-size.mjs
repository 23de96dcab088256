#!/usr/bin/env node
// Size budgets, checked by `npm test` after the build (sizes are deterministic: this is not a timing
// test). Each figure is the gzip size of a file plus every chunk it imports statically, i.e. what a
// browser must download before that code runs:
//   shell    dist/confab.js — what the page loads before the pre-join shows       ≤ 30 KiB (met once the
//            background control became a lazy chunk: src/core/background-lazy.ts)
//   in-call  the shell + the in-call elements + the session, without livekit-client ≤ 45 KiB (met
//            again once chat's adapter loaded beside the connection instead of before it, what
//            arrives first held for it: src/session/adapters/chat-hold.ts; PiP's window is lazy too)
//   helper   dist/confab-frame.js, the host helper for iframes                    ≤ 5 KiB
// Usage: node scripts/check-size.mjs [--json]   (exit 1 when a budget is exceeded)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGETS = { shell: 30 * 1024, inCall: 45 * 1024, helper: 5 * 1024 };

const STATIC_IMPORT = /(?:import|export)\s*(?:[^"'()]*?from\s*)?["'](\.\.?\/[^"']+\.js)["']/g;

/** Every file reached from `entries` by static imports (dynamic import() is not followed). */
function closure(entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), spec));
  };
  entries.forEach(visit);
  return seen;
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
export const total = (files) => [...files].reduce((n, f) => n + gz(f), 0);

/** The measured sizes of a build in `dist` (bench/ reads them too). */
export function measure(dist = join(root, 'dist')) {
  const chunks = join(dist, 'chunks');
  const named = (prefix) => {
    const found = readdirSync(chunks).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
    if (found.length !== 1) throw new Error(`expected one ${prefix}-*.js chunk in ${chunks}, found ${found.length}: run the build first`);
    return join(chunks, found[0]);
  };
  const livekit = named('livekit');
  const shell = closure([join(dist, 'confab.js')]);
  const call = closure([join(dist, 'confab.js'), named('in-call'), named('session')]);
  const inCall = new Set([...call].filter((f) => f !== livekit));
  const extra = (files) => [...closure(files)].filter((f) => !call.has(f));
  return {
    shell: total(shell),
    inCall: total(inCall),
    helper: total(closure([join(dist, 'confab-frame.js')])),
    // For the record (no budget): livekit-client, and what chat and blur add when first used.
    livekitClient: gz(livekit),
    chatPanel: total(extra([named('register'), named('flow')])),
    settings: total(extra([named('settings-element')])),
    blur: total(extra([named('effects'), named('engine')])),
    callTotal: total(call),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = measure();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(sizes, null, 2)}\n`);
  let over = 0;
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const [name, budget] of Object.entries(BUDGETS)) {
    const ok = sizes[name] <= budget;
    if (!ok) over++;
    process.stderr.write(
      `[size] ${name.padEnd(8)} ${kib(sizes[name]).padStart(10)} gzip  budget ${kib(budget)}  ${ok ? 'ok' : 'OVER BUDGET'}\n`,
    );
  }
  process.stderr.write(
    `[size] (no budget) livekit-client ${kib(sizes.livekitClient)}, chat panel +${kib(sizes.chatPanel)}, settings +${kib(sizes.settings)}, blur +${kib(sizes.blur)}\n`,
  );
  if (over) {
    process.stderr.write('[size] a budget is exceeded: load what is not needed before join lazily (see scripts/check-size.mjs)\n');
    process.exit(1);
  }
}
