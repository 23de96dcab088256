import { describe, expect, test } from 'vitest';
import { ConfabError, parseArgs } from '../../../src/core/commands.js';
import { LayoutControl } from '../../../src/core/layout.js';
import { createMeetingStore, initialState } from '../../../src/core/store.js';
import { snapshotOf } from '../../../src/core/snapshot.js';
import type { PersonView } from '../../../src/core/types.js';

const ada: PersonView = { identity: 'ada', name: 'Ada', local: false, joinedAt: 0, quality: 'good', reconnecting: false, handRaisedAt: 0 };

describe('pin and layout', () => {
  test('pin someone in the room, unpin, and refuse a stranger; the snapshot says so', async () => {
    const store = createMeetingStore({ participants: new Map([['ada', ada]]) });
    let disposed = false;
    const layout = new LayoutControl(store, () => {
      if (disposed) throw new ConfabError('disposed', 'gone');
    });
    await layout.pin('ada');
    expect(snapshotOf(store.getState(), 'auto')).toMatchObject({ pinned: 'ada', layout: 'auto' });
    await expect(layout.pin('zed')).rejects.toMatchObject({ code: 'bad-argument' });
    expect(store.getState().pinned).toBe('ada');
    await layout.pin(null);
    expect(store.getState().pinned).toBeNull();
    disposed = true;
    await expect(layout.pin('ada')).rejects.toMatchObject({ code: 'disposed' });
  });

  test('a layout set live beats the option in the snapshot', async () => {
    const store = createMeetingStore();
    await new LayoutControl(store, () => undefined).setLayout('speaker');
    expect(snapshotOf({ ...initialState(), ...store.getState() }, 'grid').layout).toBe('speaker');
  });

  test.each<[string, unknown[], string]>([
    ['pin', [42], 'bad-argument'],
    ['pin', [''], 'bad-argument'],
    ['setLayout', ['tiles'], 'bad-argument'],
    ['setLayout', [{}], 'bad-argument'],
  ])('%s(%j) is refused', (name, args, code) => {
    expect(() => parseArgs(name as 'pin', args)).toThrow(expect.objectContaining({ code }) as Error);
  });
});
