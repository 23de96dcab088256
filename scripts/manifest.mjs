#!/usr/bin/env node
// Writes custom-elements.json: the analyzer reads the components' JSDoc; the meeting's attributes and
// events come from the one schema and event table (built into dist/lib), so they never drift.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(
  join(root, 'node_modules', '.bin', 'cem'),
  ['analyze', '--litelement', '--globs', 'components/**/*.ts', '--exclude', 'components/**/*.styles.ts', '--outdir', '.', '--quiet'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (r.status !== 0) process.exit(r.status ?? 1);

const { OPTIONS, CONFAB_EVENTS, optionMeaning } = await import(pathToFileURL(join(root, 'dist', 'lib', 'index.js')).href);
const file = join(root, 'custom-elements.json');
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const typeOf = (o) =>
  o.type === 'switch'
    ? "'on' | 'off'"
    : o.type === 'enum'
      ? o.values.map((v) => `'${v}'`).join(' | ')
      : o.type === 'int'
        ? 'number'
        : 'string';
for (const mod of manifest.modules) {
  for (const decl of mod.declarations ?? []) {
    if (decl.tagName !== 'confab-meeting') continue;
    decl.attributes = OPTIONS.map((o) => ({
      name: o.name,
      fieldName: o.property ?? o.key,
      type: { text: typeOf(o) },
      ...(o.default !== undefined ? { default: JSON.stringify(o.type === 'switch' ? (o.default ? 'on' : 'off') : o.default) } : {}),
      description: optionMeaning(o.name).replace(/`/g, ''),
    }));
    const described = new Map((decl.events ?? []).map((e) => [e.name, e.description]));
    decl.events = CONFAB_EVENTS.map((name) => ({
      name,
      type: { text: `CustomEvent<ConfabEventDetails['${name}']>` },
      description: described.get(name) ?? '',
    }));
  }
}
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
process.stderr.write(`[manifest] wrote ${file}\n`);
