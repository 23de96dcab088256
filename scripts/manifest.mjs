#!/usr/bin/env node
// Writes custom-elements.json as the package's consumers (IDEs, docs tools, framework wrappers) need
// it: the analyzer reads the components' JSDoc (parts, slots, CSS properties, events' meanings); the
// meeting's attributes, events and methods come from the option schema, the event table and the
// command table (built into dist/lib), so they never drift. Paths are the package's files, not our
// sources; private, symbol-keyed and @internal members are left out.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(
  join(root, 'node_modules', '.bin', 'cem'),
  ['analyze', '--litelement', '--globs', 'components/**/*.ts', '--exclude', 'components/**/*.styles.ts', '--outdir', '.', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
if (r.status !== 0) process.exit(r.status ?? 1);

const lib = await import(pathToFileURL(join(root, 'dist', 'lib', 'index.js')).href);
const { OPTIONS, CONFAB_EVENTS, COMMAND_NAMES, optionMeaning, commandDoc } = lib;
const file = join(root, 'custom-elements.json');
const analyzed = JSON.parse(readFileSync(file, 'utf8'));

const INDEX = 'dist/lib/index.js';
const DEFINE = 'dist/lib/define.js';
const plain = (text) => (text ?? '').replace(/`/g, '');
const typeOf = (o) =>
  o.type === 'switch'
    ? "'on' | 'off'"
    : o.type === 'enum'
      ? o.values.map((v) => `'${v}'`).join(' | ')
      : o.type === 'int'
        ? 'number'
        : 'string';

/** The meeting's properties for embed.html alone (marked @internal in their JSDoc). */
const INTERNAL = new Set(['notices', 'standaloneUrl']);
/** What a page may use: no #private, _state, [symbol] or static member, nothing private, protected or internal. */
const isPublic = (m) => !/^[#_[]/.test(m.name) && !m.static && !m.privacy && !INTERNAL.has(m.name);
const clean = (m) => {
  const { inheritedFrom, ...rest } = m;
  void inheritedFrom;
  return rest;
};

function meetingDeclaration(decl) {
  const described = new Map((decl.events ?? []).map((e) => [e.name, e.description]));
  const fields = (decl.members ?? []).filter(
    (m) => m.kind === 'field' && isPublic(m) && !OPTIONS.some((o) => (o.property ?? o.key) === m.name),
  );
  return {
    ...decl,
    attributes: OPTIONS.map((o) => ({
      name: o.name,
      fieldName: o.property ?? o.key,
      type: { text: typeOf(o) },
      ...(o.default !== undefined ? { default: JSON.stringify(o.type === 'switch' ? (o.default ? 'on' : 'off') : o.default) } : {}),
      description: plain(optionMeaning(o.name)),
    })),
    members: [
      ...OPTIONS.map((o) => ({
        kind: 'field',
        name: o.property ?? o.key,
        type: { text: `${typeOf(o)} | undefined` },
        attribute: o.name,
        description: plain(optionMeaning(o.name)),
      })),
      ...fields.map((m) => ({ ...clean(m), description: plain(m.description) })),
      ...COMMAND_NAMES.map((name) => {
        const { signature, doc, resolves } = commandDoc(name);
        return {
          kind: 'method',
          name,
          parameters: signature ? signature.split(/,\s*/).map((p) => ({ name: p })) : [],
          return: {
            type: { text: `Promise<${name === 'getState' ? 'MeetingSnapshot' : name === 'sendChatMessage' ? 'string' : 'void'}>` },
          },
          description: `${plain(doc)}${resolves ? `; resolves with ${plain(resolves)}` : ''}`,
        };
      }),
    ],
    events: CONFAB_EVENTS.map((name) => ({
      name,
      type: { text: `CustomEvent<ConfabEventDetails['${name}']>` },
      description: described.get(name) ?? '',
    })),
  };
}

const indexExports = new Set(Object.keys(lib));
const elements = analyzed.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName));
const declarations = elements.map((d) =>
  d.tagName === 'confab-meeting'
    ? meetingDeclaration(d)
    : { ...d, members: (d.members ?? []).filter(isPublic).map(clean), attributes: (d.attributes ?? []).filter(isPublic) },
);
const exported = declarations.filter((d) => indexExports.has(d.name));
const internal = declarations.filter((d) => !indexExports.has(d.name));
const manifest = {
  schemaVersion: analyzed.schemaVersion,
  readme: 'embed.md',
  modules: [
    {
      kind: 'javascript-module',
      path: INDEX,
      description: 'The classes, the option schema and the event table; registers nothing.',
      declarations: exported,
      exports: exported.map((d) => ({ kind: 'js', name: d.name, declaration: { name: d.name, module: INDEX } })),
    },
    {
      kind: 'javascript-module',
      path: DEFINE,
      description: 'Registers every element (those of the panels with their panels).',
      declarations: internal,
      exports: declarations.map((d) => ({
        kind: 'custom-element-definition',
        name: d.tagName,
        declaration: { name: d.name, module: indexExports.has(d.name) ? INDEX : DEFINE },
      })),
    },
  ],
};
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
process.stderr.write(`[manifest] ${declarations.length} elements, ${manifest.modules[1].exports.length} tag definitions: ${file}\n`);
