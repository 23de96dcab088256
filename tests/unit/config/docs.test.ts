import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandTable, optionTable } from '../../../src/config/docs.js';
import { settingsTable } from '../../../server/config.js';

const FILE = new URL('../../../embed.md', import.meta.url);
const block = (name: string) => new RegExp(`(<!-- ${name}:start -->\\n)([\\s\\S]*?)(\\n?<!-- ${name}:end -->)`);
const TABLES: Array<[string, () => string]> = [
  ['options', optionTable],
  ['commands', commandTable],
  ['settings', settingsTable],
];

describe('embed.md', () => {
  it.each(TABLES)('has the %s table its source renders (after a change: npm run docs:options)', (name, render) => {
    let doc = readFileSync(FILE, 'utf8');
    const BLOCK = block(name);
    expect(BLOCK.test(doc), `embed.md lacks the <!-- ${name}:start/end --> markers`).toBe(true);
    if (process.env.UPDATE_DOCS) {
      doc = doc.replace(BLOCK, (_m, start: string) => `${start}${render()}\n<!-- ${name}:end -->`);
      writeFileSync(FILE, doc);
    }
    expect(BLOCK.exec(doc)?.[2]).toBe(render());
  });
});
