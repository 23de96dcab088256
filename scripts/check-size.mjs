#!/usr/bin/env node
// Size budgets, checked by `npm test` after the build (sizes are deterministic: this is not a timing
// test). Each figure is the gzip size of every file counted, each compressed alone as a server sends it:
//   shell    dist/confab.js and what it imports statically: before the pre-join shows  ≤ 30.5 KiB
//   in-call  everything a plain call downloads until its first remote frame, without    ≤ 46 KiB
//            livekit-client: the shell, the in-call chunk (define() asks for it at once: grid,
//            tiles, the call's screens) and the session. What loads later is not counted because
//            it is not loaded before: the control bar (after the first frame, src/call-controls.ts),
//            chat and reactions (on first use, what arrives held for them: src/session/hold.ts),
//            raise hand's checks, panels, backgrounds. tests/e2e/budget.spec.ts proves it on a real
//            call: every script fetched before the first remote frame is in this set.
//   helper   dist/confab-frame.js, the host helper for iframes                          ≤ 5 KiB
// Usage: node scripts/check-size.mjs [--json]   (exit 1 when a budget is exceeded)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGETS = { shell: 30.5 * 1024, inCall: 46 * 1024, helper: 5 * 1024 };

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

/** The files a plain call downloads until its first remote frame (livekit-client included). */
export function firstFrameFiles(dist = join(root, 'dist')) {
  const chunks = join(dist, 'chunks');
  const named = (prefix) =>
    join(chunks, readdirSync(chunks).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js')) ?? `${prefix}-missing.js`);
  return closure([join(dist, 'confab.js'), named('in-call'), named('session')]);
}

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
  const call = firstFrameFiles(dist);
  const inCall = new Set([...call].filter((f) => f !== livekit));
  const extra = (files) => [...closure(files)].filter((f) => !call.has(f));
  return {
    shell: total(shell),
    inCall: total(inCall),
    helper: total(closure([join(dist, 'confab-frame.js')])),
    // For the record (no budget): livekit-client, and what chat and blur add when first used.
    livekitClient: gz(livekit),
    controls: total(extra([named('call-controls')])),
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
    `[size] (no budget) livekit-client ${kib(sizes.livekitClient)}, controls +${kib(sizes.controls)}, chat panel +${kib(sizes.chatPanel)}, settings +${kib(sizes.settings)}, blur +${kib(sizes.blur)}\n`,
  );
  if (over) {
    process.stderr.write('[size] a budget is exceeded: load what is not needed before join lazily (see scripts/check-size.mjs)\n');
    process.exit(1);
  }
}
