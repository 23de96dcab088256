import { describe, expect, it } from 'vitest';
import { gridDimensions, promoteSpeakers, reconcileOrder } from '../../../src/core/grid-layout.js';

describe('grid dimensions', () => {
  it.each([
    // count, width, height, columns, rows
    [1, 960, 540, 1, 1],
    [2, 960, 540, 2, 1],
    [2, 540, 960, 1, 2],
    [3, 960, 540, 2, 2],
    [4, 960, 540, 2, 2],
    [6, 1280, 720, 3, 2],
    [9, 1280, 720, 3, 3],
    [16, 1600, 900, 4, 4],
  ])('%i tiles in %ix%i use %i columns and %i rows', (count, w, h, columns, rows) => {
    expect(gridDimensions(count, w, h, 16 / 9, 8)).toMatchObject({ columns, rows });
  });

  it('keeps tiles 16:9 and inside the box', () => {
    const d = gridDimensions(5, 1000, 600, 16 / 9, 8);
    expect(d.tileWidth / d.tileHeight).toBeCloseTo(16 / 9);
    expect(d.columns * d.tileWidth + (d.columns - 1) * 8).toBeLessThanOrEqual(1000.001);
    expect(d.rows * d.tileHeight + (d.rows - 1) * 8).toBeLessThanOrEqual(600.001);
  });

  it('survives an unmeasured (0×0) container', () => {
    expect(gridDimensions(4, 0, 0)).toMatchObject({ columns: 2, rows: 2 });
  });
});

import { paginate } from '../../../src/core/grid-layout.js';

describe('pagination', () => {
  const ids = Array.from({ length: 10 }, (_, i) => `p${i}`);
  it.each([
    [0, 4, ['p0', 'p1', 'p2', 'p3'], 0, 3],
    [2, 4, ['p8', 'p9'], 2, 3],
    [5, 4, ['p8', 'p9'], 2, 3],
    [-1, 4, ['p0', 'p1', 'p2', 'p3'], 0, 3],
    [0, 16, ids, 0, 1],
  ])('page %i of %i per page', (page, per, items, current, pages) => {
    expect(paginate(ids, page, per)).toEqual({ items, page: current, pages });
  });
  it('has one empty page when nobody is there', () => {
    expect(paginate([], 3, 4)).toEqual({ items: [], page: 0, pages: 1 });
  });
});

import { speakerStage } from '../../../src/core/grid-layout.js';

describe('speaker layout', () => {
  const keys = ['me|camera', 'ada|camera', 'bob|camera'];
  it.each([
    ['a shared screen takes the stage', ['ada|screen', ...keys], ['bob'], 'ada|screen'],
    ['else the loudest remote speaker', keys, ['me', 'bob'], 'bob|camera'],
    ['else whoever was on stage', keys, [], 'bob|camera'],
    ['else the first remote camera', keys, [], 'ada|camera'],
    ['alone, yourself', ['me|camera'], [], 'me|camera'],
  ] as const)('%s', (_label, k, speakers, stage) => {
    const previous = _label === 'else whoever was on stage' ? 'bob|camera' : null;
    const result = speakerStage(k, speakers, 'me', previous);
    expect(result.stage).toBe(stage);
    expect(result.strip).toEqual(k.filter((x) => x !== stage));
  });
});

describe('speaker layout with a pin', () => {
  const keys = ['me|camera', 'ada|screen', 'ada|camera', 'bob|camera'];
  it.each([
    ['the pinned camera beats a shared screen and a speaker', 'bob', ['ada'], 'bob|camera'],
    ['a pinned participant who shares is on stage with the screen', 'ada', ['bob'], 'ada|screen'],
    ['pinning yourself puts you on stage', 'me', ['bob'], 'me|camera'],
    ['a pin for someone gone is ignored', 'zed', ['bob'], 'ada|screen'],
  ] as const)('%s', (_label, pinned, speakers, stage) => {
    const result = speakerStage(keys, speakers, 'me', null, pinned);
    expect(result.stage).toBe(stage);
    expect(result.strip).toEqual(keys.filter((x) => x !== stage));
  });
});

describe('grid order over time', () => {
  it.each([
    ['nothing before: the keys as given', [], ['me|camera', 'a|camera'], ['me|camera', 'a|camera']],
    [
      'kept places; a newcomer at the end',
      ['me|camera', 'b|camera', 'a|camera'],
      ['me|camera', 'a|camera', 'b|camera', 'c|camera'],
      ['me|camera', 'b|camera', 'a|camera', 'c|camera'],
    ],
    [
      'someone leaves: the rest keep their order',
      ['me|camera', 'b|camera', 'a|camera'],
      ['me|camera', 'a|camera'],
      ['me|camera', 'a|camera'],
    ],
    ['a new screen goes first', ['me|camera', 'a|camera'], ['a|screen', 'me|camera', 'a|camera'], ['a|screen', 'me|camera', 'a|camera']],
  ] as const)('%s', (_label, previous, keys, expected) => {
    expect(reconcileOrder(previous, keys)).toEqual(expected);
  });
});

describe('speakers promoted onto the first page', () => {
  const order = ['me|camera', 'a|camera', 'b|camera', 'c|camera', 'd|camera', 'e|camera'];
  const active = (entries: Record<string, number>) => new Map(Object.entries(entries));
  it.each([
    ['a speaker on the first page: nothing moves', ['b'], {}, 3, order],
    ['nobody speaks: nothing moves', [], {}, 3, order],
    [
      'an off-page speaker takes the never-active slot',
      ['d'],
      { a: 5, b: 1 },
      3,
      ['me|camera', 'a|camera', 'd|camera', 'c|camera', 'b|camera', 'e|camera'],
    ],
    [
      '…else the least recently active one',
      ['e'],
      { a: 5, b: 9 },
      3,
      ['me|camera', 'e|camera', 'b|camera', 'c|camera', 'd|camera', 'a|camera'],
    ],
    ['never you, never the pinned one', ['e'], { b: 9 }, 3, ['me|camera', 'a|camera', 'e|camera', 'c|camera', 'd|camera', 'b|camera']],
    ['never someone who speaks too', ['a', 'e'], { b: 9 }, 3, ['me|camera', 'a|camera', 'e|camera', 'c|camera', 'd|camera', 'b|camera']],
    ['two off-page speakers take two slots', ['d', 'e'], {}, 3, ['me|camera', 'd|camera', 'e|camera', 'c|camera', 'a|camera', 'b|camera']],
  ] as const)('%s', (label, speakers, last, perPage, expected) => {
    const fixed = label.startsWith('never you') ? ['me', 'a'] : ['me'];
    expect(promoteSpeakers(order, speakers, active(last), perPage, fixed)).toEqual(expected);
  });

  it('never swaps a shared screen off the first page', () => {
    expect(promoteSpeakers(['a|screen', 'me|camera', 'b|camera'], ['b'], new Map(), 2, ['me'])).toEqual([
      'a|screen',
      'me|camera',
      'b|camera',
    ]);
  });
});
