import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixRemovePart, fixVirtualizer } from '../../../scripts/lib/lit-fixes.mjs';

const source = (path: string) => readFileSync(resolve(import.meta.dirname, '../../../node_modules', path), 'utf8');

describe("the build's fix of lit-html's removePart (lit/lit#5298)", () => {
  test.each(['lit-html/directive-helpers.js', 'lit-html/development/directive-helpers.js'])('%s: the end marker is removed too', (path) => {
    const fixed = fixRemovePart(source(path));
    expect(fixed).not.toBeNull();
    expect(fixed).toMatch(/_\$AB\?\.remove\(\)|_\$endNode\?\.remove\(\)/);
    // Fixed once is fixed: the build can run it on every load.
    expect(fixRemovePart(fixed!)).toBeNull();
  });
});

describe("the build's fix of the virtualizer's ResizeObserver (lit/lit#5363)", () => {
  test('rows that leave the range are unobserved', () => {
    const fixed = fixVirtualizer(source('@lit-labs/virtualizer/Virtualizer.js'));
    expect(fixed).toMatch(/this\._childrenRO\.unobserve\(child\)/);
    expect(fixVirtualizer(fixed!)).toBeNull();
  });
});
