import { describe, expect, test } from 'vitest';
import { FrameBudget } from '../../../src/effects/budget.js';
import { maskToAlpha, smoothMask, soften } from '../../../src/effects/mask.js';

describe('the frame budget', () => {
  test('frames within budget keep full quality', () => {
    const b = new FrameBudget(40, 10);
    for (let i = 0; i < 200; i++) expect(b.record(20)).toBe('ok');
    expect(b.level).toBe(0);
    expect(b.segmentsFrame(1)).toBe(true);
  });

  test('over budget for long: cheaper one level at a time, then it gives up', () => {
    const b = new FrameBudget(40, 10);
    const verdicts: string[] = [];
    for (let i = 0; i < 60; i++) {
      const v = b.record(80);
      if (v !== 'ok') verdicts.push(v);
      if (v === 'overloaded') break;
    }
    expect(verdicts).toEqual(['degraded', 'degraded', 'overloaded']);
    expect(b.segmentsFrame(1)).toBe(false);
    expect(b.scale).toBe(0.5);
  });

  test('a short spike does not degrade', () => {
    const b = new FrameBudget(40, 10);
    for (let i = 0; i < 5; i++) b.record(200);
    for (let i = 0; i < 100; i++) b.record(10);
    expect(b.level).toBe(0);
  });
});

describe('the mask', () => {
  test('temporal smoothing moves part of the way to the new mask', () => {
    const prev = new Float32Array([0, 1]);
    smoothMask(prev, new Float32Array([1, 0]), 0.65);
    expect(prev[0]).toBeCloseTo(0.65);
    expect(prev[1]).toBeCloseTo(0.35);
  });

  test.each([
    [0.1, 0],
    [0.25, 0],
    [0.5, 0.5],
    [0.75, 1],
    [0.9, 1],
  ])('confidence %f becomes alpha %f (feathered between the thresholds)', (value, alpha) => {
    expect(soften(value, 0.25, 0.75)).toBeCloseTo(alpha);
  });

  test('the mask lands in the alpha channel only', () => {
    const rgba = new Uint8ClampedArray(8).fill(7);
    maskToAlpha(new Float32Array([0, 1]), rgba);
    expect([...rgba]).toEqual([7, 7, 7, 0, 7, 7, 7, 255]);
  });
});
