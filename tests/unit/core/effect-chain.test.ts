// The one wait every device start makes for its effects is bounded: an effect that hangs without
// progress is abandoned after the stall time (the call goes on without it); one that keeps moving
// (a model downloading) is waited for; a chunk that never loads holds nothing up.
import { describe, expect, test } from 'vitest';
import { EffectChain, LazyEffect, type EffectControl } from '../../../src/core/effect-chain.js';

function control(options: { settles?: Promise<void>; progress?: () => number }) {
  const log: string[] = [];
  const c: EffectControl = {
    settled: () => options.settles ?? null,
    activeAt: () => options.progress?.() ?? started,
    abandon: () => void log.push('abandoned'),
    dispose: () => void log.push('disposed'),
  };
  const started = Date.now();
  return { c, log };
}

describe('the effect chain', () => {
  test('nothing in flight: a device starts at once (no wait at all)', () => {
    const chain = new EffectChain(50);
    chain.add(new LazyEffect('camera', 'background', () => Promise.resolve(control({}).c)));
    expect(chain.settled('camera')).toBeNull();
  });

  test('an effect that hangs with no progress is abandoned after the stall time, and the wait ends', async () => {
    const chain = new EffectChain(80);
    const { c, log } = control({ settles: new Promise(() => {}) });
    const effect = chain.add(new LazyEffect('camera', 'background', () => Promise.resolve(c)));
    await effect.control();
    const t0 = Date.now();
    await chain.settled('camera');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(70);
    expect(log).toEqual(['abandoned']);
  });

  test('an effect that keeps making progress is waited for past the stall time, never abandoned', async () => {
    const chain = new EffectChain(60);
    let last = Date.now();
    const moving = setInterval(() => (last = Date.now()), 20);
    const settles = new Promise<void>((resolve) => setTimeout(resolve, 250));
    const { c, log } = control({ settles, progress: () => last });
    const effect = chain.add(new LazyEffect('camera', 'background', () => Promise.resolve(c)));
    await effect.control();
    const t0 = Date.now();
    await chain.settled('camera');
    clearInterval(moving);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(230);
    expect(log).toEqual([]);
  });

  test('a chunk that fails to load holds nothing up, and says which effect is unavailable', async () => {
    const chain = new EffectChain(1000);
    const effect = chain.add(new LazyEffect('camera', 'background', () => Promise.reject(new Error('404'))));
    await expect(effect.control()).rejects.toMatchObject({ code: 'background-unavailable' });
    const wait = effect.settled();
    expect(wait === null || (await wait) === undefined).toBe(true);
    expect(chain.settled('microphone')).toBeNull();
  });
});
