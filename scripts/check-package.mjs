#!/usr/bin/env node
// Checks the npm package as a consumer sees it (after `npm run build`): every export resolves and
// has types, the main entry registers nothing (safe to import in Node/SSR), the define entry does,
// and custom-elements.json describes <confab-meeting> from the schema.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
};

for (const [entry, target] of Object.entries(pkg.exports)) {
  const files = typeof target === 'string' ? [target] : Object.values(target);
  for (const file of files) check(existsSync(join(root, file)), `${entry} → ${file} exists`);
}
const registry = () => globalThis.customElements;
const main = await import('confab');
check(typeof main.ConfabMeeting === 'function', 'confab exports ConfabMeeting');
check(!registry()?.get('confab-meeting'), 'importing confab registers nothing');
const frame = await import('confab/frame');
check(typeof frame.createFrame === 'function', 'confab/frame exports createFrame');
await import('confab/define');
if (registry()) check(registry().get('confab-meeting') === main.ConfabMeeting, 'confab/define registers <confab-meeting>');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const meeting = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'confab-meeting');
check(meeting?.attributes?.length === main.OPTIONS.length, 'custom-elements.json lists every option of <confab-meeting>');
check(meeting?.events?.length === main.CONFAB_EVENTS.length, 'custom-elements.json lists every event');

if (failures.length) {
  process.stderr.write(`package check failed:\n  ${failures.join('\n  ')}\n`);
  process.exit(1);
}
process.stderr.write('[package] exports, types, side effects and custom-elements.json are right\n');
