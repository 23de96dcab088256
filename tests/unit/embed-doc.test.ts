import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionTable } from '../../src/config/docs.js';

describe('embed.md', () => {
  it('has the option table the schema renders (edit src/config/schema.ts, then paste optionTable())', () => {
    const doc = readFileSync(new URL('../../embed.md', import.meta.url), 'utf8');
    const match = /<!-- options:start -->\n([\s\S]*?)\n<!-- options:end -->/.exec(doc);
    expect(match, 'embed.md lacks the <!-- options:start/end --> markers').not.toBeNull();
    expect(match?.[1]).toBe(optionTable());
  });
});
