import { describe, expect, test } from 'vitest';
import { chooseCompositor } from '../../../src/effects/engine.js';

describe('chooseCompositor', () => {
  test.each<[string, Parameters<typeof chooseCompositor>, 'canvas' | 'webgl']>([
    ['no WebGL: Canvas2D', ['auto', 4, null], 'canvas'],
    ['a real GPU is faster: WebGL', ['auto', 4, 0.8], 'webgl'],
    ['a software WebGL is slower: Canvas2D', ['auto', 4, 9], 'canvas'],
    ['a tie goes to WebGL (it frees the CPU)', ['auto', 4, 4], 'webgl'],
    ['forced WebGL, even when slower', ['webgl', 4, 9], 'webgl'],
    ['forced Canvas2D, even when slower', ['canvas', 1, 0.5], 'canvas'],
    ['forced WebGL where there is none: Canvas2D', ['webgl', 4, null], 'canvas'],
  ])('%s', (_name, args, expected) => {
    expect(chooseCompositor(...args)).toBe(expected);
  });
});
