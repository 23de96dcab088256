import { describe, expect, it } from 'vitest';

type Registry = { get(name: string): unknown } | undefined;
const registry = () => (globalThis as { customElements?: Registry }).customElements;

describe('the package in Node (no DOM)', () => {
  it('imports the side-effect-free entry without registering any element or throwing', async () => {
    const mod = await import('../../src/index.js');
    expect(typeof mod.ConfabMeeting).toBe('function');
    expect(mod.OPTIONS.length).toBeGreaterThan(10);
    // Lit's Node build may install its own minimal registry; ours must stay empty of confab tags.
    expect(registry()?.get('confab-meeting')).toBeUndefined();
  });

  it('the define entry registers each element once, skipping tags already defined', async () => {
    const { define } = await import('../../src/define.js');
    const defined = new Map<string, unknown>();
    const fake = {
      get: (n: string) => defined.get(n),
      define: (n: string, c: unknown) => {
        if (defined.has(n)) throw new Error(`${n} already defined`);
        defined.set(n, c);
      },
    } as unknown as CustomElementRegistry;
    const first = define(fake);
    // The pre-join's elements at once; the in-call ones when their chunk has loaded.
    expect([...defined.keys()].sort()).toEqual(['confab-device-select', 'confab-meeting', 'confab-prejoin']);
    await first;
    await define(fake);
    // The control bar is defined when a meeting connects, after its first remote frame (src/call-controls.ts).
    expect([...defined.keys()].sort()).toEqual(['confab-device-select', 'confab-grid', 'confab-meeting', 'confab-prejoin', 'confab-tile']);
  });
});
