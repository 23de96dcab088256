// The declaration files a consumer's compiler reads from the package's entries, and the packages they name.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The package's type entries, relative to dist/types (package.json's `exports` name the same). */
export const TYPE_ENTRIES = ['src/index.d.ts', 'src/define.d.ts', 'src/embed/frame.d.ts', 'src/react.d.ts'];

/**
 * @param {string} types the dist/types folder
 * @param {string[]} entries
 * @returns {{ reached: Set<string>, packages: Map<string, string> }} files reached; each bare specifier → the first file naming it
 */
export function declarationGraph(types, entries) {
  const reached = new Set();
  const packages = new Map();
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
      if (!spec.startsWith('.')) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!packages.has(name)) packages.set(name, file);
        continue;
      }
      const base = resolve(dirname(file), spec).replace(/\.js$/, '');
      const target = [`${base}.d.ts`, join(base, 'index.d.ts')].find((f) => existsSync(f));
      if (!target) throw new Error(`${file} imports ${spec}, which has no declaration file`);
      visit(target);
    }
  };
  for (const entry of entries) visit(join(types, entry));
  return { reached, packages };
}
