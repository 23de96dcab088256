import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionTable } from '../../src/config/docs.js';

const FILE = new URL('../../embed.md', import.meta.url);
const BLOCK = /(<!-- options:start -->\n)([\s\S]*?)(\n<!-- options:end -->)/;

describe('embed.md', () => {
  it('has the option table the schema renders (after a schema change: npm run docs:options)', () => {
    let doc = readFileSync(FILE, 'utf8');
    expect(BLOCK.test(doc), 'embed.md lacks the <!-- options:start/end --> markers').toBe(true);
    if (process.env.UPDATE_DOCS) {
      doc = doc.replace(BLOCK, (_m, start: string, _old: string, end: string) => `${start}${optionTable()}${end}`);
      writeFileSync(FILE, doc);
    }
    expect(BLOCK.exec(doc)?.[2]).toBe(optionTable());
  });
});
