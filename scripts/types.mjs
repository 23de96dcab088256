#!/usr/bin/env node
// After `tsc -p tsconfig.build.json`: the package's declarations as a consumer's compiler reads them —
// only the files its entries reach (the rest would name the bundled, undeclared dependencies such as
// @lit-labs/virtualizer), and Lit's types by the package the consumer has (`lit`, never `lit-html`,
// which tsc writes for inferred return types but is only lit's own dependency).
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declarationGraph, TYPE_ENTRIES } from './lib/types-graph.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const types = join(root, 'dist', 'types');
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

for (const file of files(types)) {
  const code = readFileSync(file, 'utf8');
  const fixed = code.replaceAll('import("lit-html")', 'import("lit")');
  if (fixed !== code) writeFileSync(file, fixed);
}
const { reached } = declarationGraph(types, TYPE_ENTRIES);
let pruned = 0;
for (const file of files(types)) {
  if (reached.has(file)) continue;
  rmSync(file);
  pruned++;
}
const prune = (dir) => {
  for (const f of readdirSync(dir)) if (statSync(join(dir, f)).isDirectory()) prune(join(dir, f));
  if (!readdirSync(dir).length) rmSync(dir, { recursive: true });
};
prune(types);
process.stderr.write(`[types] ${reached.size} declaration files reached from the package's entries, ${pruned} others removed\n`);
