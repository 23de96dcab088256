#!/usr/bin/env node
// Checks the npm package as a consumer sees it (after `npm run build`): every export resolves and
// has types, the main entry registers nothing (safe to import in Node/SSR), the define entry does,
// and custom-elements.json describes <confab-meeting> from the schema.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declarationGraph, TYPE_ENTRIES } from './lib/types-graph.mjs';

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
const methods = new Set((meeting?.members ?? []).filter((m) => m.kind === 'method').map((m) => m.name));
check(
  main.COMMAND_NAMES.every((n) => methods.has(n)),
  'custom-elements.json lists every method of <confab-meeting>',
);
check((meeting?.cssProperties ?? []).length >= 6, 'custom-elements.json lists the theme CSS properties');
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const defined = new Set(
  manifest.modules
    .flatMap((m) => m.exports ?? [])
    .filter((e) => e.kind === 'custom-element-definition')
    .map((e) => e.name),
);
const tagMap = readFileSync(join(root, 'dist', 'types', 'src', 'define.d.ts'), 'utf8');
for (const m of manifest.modules)
  check(existsSync(join(root, m.path)) && pkg.files.some((f) => m.path.startsWith(f)), `custom-elements.json module ${m.path} ships`);
for (const d of elements) {
  check(defined.has(d.tagName), `custom-elements.json says which module defines <${d.tagName}>`);
  check(tagMap.includes(`'${d.tagName}': `), `<${d.tagName}> is in HTMLElementTagNameMap`);
  for (const m of d.members ?? []) check(!/^[#_[]/.test(m.name) && !m.privacy, `<${d.tagName}>'s ${m.name} is public`);
}

// Blur from a consumer's bundler: the worker in the one pattern bundlers follow, to a file of the
// package, and MediaPipe's assets beside it (never a root-absolute URL the consumer's build lacks).
const lib = join(root, 'dist', 'lib');
const chunks = readdirSync(join(lib, 'chunks')).filter((f) => f.endsWith('.js'));
const code = chunks.map((f) => readFileSync(join(lib, 'chunks', f), 'utf8')).join('\n');
check(
  code.includes('new Worker(new URL("../effects-worker.js", import.meta.url)'),
  'the effects worker is created as new Worker(new URL("../effects-worker.js", import.meta.url))',
);
check(
  !/new Worker\(new URL\("\/assets\//.test(code) && !code.includes('__CONFAB_EFFECTS_WORKER__'),
  'no root-absolute or unreplaced worker URL',
);
check(
  existsSync(join(lib, 'effects-worker.js')) && !/^import |\bimport\(/m.test(readFileSync(join(lib, 'effects-worker.js'), 'utf8')),
  'dist/lib/effects-worker.js is one classic script',
);
for (const file of [
  'mediapipe/wasm/vision_wasm_internal.wasm',
  'mediapipe/wasm/vision_wasm_internal.js',
  'mediapipe/selfie_segmentation_landscape.tflite',
  'mediapipe/backgrounds/dusk.jpg',
])
  check(existsSync(join(lib, file)), `dist/lib/${file} ships in the package`);

// Types as a consumer's compiler reads them: each entry's declarations name only packages the
// consumer installs with ours, under `moduleResolution: node` too (typesVersions), and
// `sideEffects` names only files that ship.
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const types = join(root, 'dist', 'types');
const { packages } = declarationGraph(types, TYPE_ENTRIES);
for (const [name, file] of packages)
  check(
    declared.has(name) || declared.has(`@types/${name}`),
    `${file.slice(root.length + 1)} names ${name}, which is not a dependency or peer dependency`,
  );
for (const [entry, target] of Object.entries(pkg.exports)) {
  if (typeof target === 'string' || entry === '.') continue;
  const mapped = pkg.typesVersions?.['*']?.[entry.slice(2)]?.[0];
  check(mapped === target.types, `typesVersions maps ${entry} to ${target.types} (for moduleResolution: node)`);
  check(
    TYPE_ENTRIES.some((e) => target.types.endsWith(e)),
    `${entry}'s types are a declaration entry the build keeps`,
  );
}
check(pkg.types === pkg.exports['.'].types, "the top-level types field is the main entry's");
for (const file of pkg.sideEffects)
  check(existsSync(join(root, file)) && pkg.files.some((f) => file.startsWith(`./${f}`)), `sideEffects names ${file}, which ships`);
for (const dep of ['@lit-labs/virtualizer', '@mediapipe/tasks-vision'])
  check(!pkg.dependencies?.[dep] && !code.includes(`from "${dep}`), `${dep} is bundled and not a dependency (installed once)`);

if (failures.length) {
  process.stderr.write(`package check failed:\n  ${failures.join('\n  ')}\n`);
  process.exit(1);
}
process.stderr.write('[package] exports, types, side effects and custom-elements.json are right\n');
