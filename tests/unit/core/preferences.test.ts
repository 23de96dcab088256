import { describe, expect, it, vi } from 'vitest';
import { createPreferenceStore, resolveStart, sanitizePreferences } from '../../../src/core/preferences.js';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

describe('preferences', () => {
  it.each([
    // explicit, saved, defaults → expected
    [{}, {}, { audio: true, video: true }, { audio: true, video: true, name: undefined }],
    [{}, { audio: false, name: 'Ada' }, { audio: true, video: true }, { audio: false, video: true, name: 'Ada' }],
    [{ audio: true }, { audio: false }, { audio: true, video: true }, { audio: true, video: true, name: undefined }],
    [
      { video: false, name: 'Bob' },
      { video: true, name: 'Ada' },
      { audio: true, video: true },
      { audio: true, video: false, name: 'Bob' },
    ],
    [{}, {}, { audio: false, video: false }, { audio: false, video: false, name: undefined }],
  ])('explicit %j › saved %j › default %j', (explicit, saved, defaults, expected) => {
    expect(resolveStart(explicit, saved, defaults)).toEqual(expected);
  });

  it('round-trips through storage and reports that something was saved', () => {
    const storage = new MemoryStorage();
    const a = createPreferenceStore(() => storage as unknown as Storage);
    expect(a.hasSaved()).toBe(false);
    a.save({ name: 'Ada', video: false, cameraId: 'cam-1' });
    const b = createPreferenceStore(() => storage as unknown as Storage);
    expect(b.hasSaved()).toBe(true);
    expect(b.load()).toEqual({ name: 'Ada', video: false, cameraId: 'cam-1' });
  });

  it('two widgets (or tabs) on one storage keep each other’s choices: each save changes only its own keys', () => {
    const storage = new MemoryStorage();
    const a = createPreferenceStore(() => storage as unknown as Storage);
    const b = createPreferenceStore(() => storage as unknown as Storage);
    expect(a.load()).toEqual({});
    expect(b.load()).toEqual({});
    a.save({ name: 'Ada' });
    b.save({ video: false });
    a.save({ audio: false });
    expect(JSON.parse(storage.data.get('confab.preferences.v1') ?? '{}')).toEqual({ name: 'Ada', video: false, audio: false });
    // Each reads again after the other saved: nobody answers from a stale copy.
    expect(b.load()).toEqual({ name: 'Ada', video: false, audio: false });
  });

  it('another tab’s change (the storage event) is read before the next answer', async () => {
    const listeners: Array<(event: { key: string | null }) => void> = [];
    const original = globalThis.addEventListener;
    globalThis.addEventListener = ((type: string, listener: (event: { key: string | null }) => void) => {
      if (type === 'storage') listeners.push(listener);
    }) as typeof globalThis.addEventListener;
    try {
      vi.resetModules();
      const { createPreferenceStore: fresh } = await import('../../../src/core/preferences.js');
      const storage = new MemoryStorage();
      const store = fresh(() => storage as unknown as Storage);
      expect(store.load()).toEqual({});
      // Another tab writes (no save here, so only the event can tell this store).
      storage.setItem('confab.preferences.v1', JSON.stringify({ name: 'Bea' }));
      expect(store.load()).toEqual({});
      listeners.forEach((listener) => listener({ key: 'confab.preferences.v1' }));
      expect(store.load()).toEqual({ name: 'Bea' });
    } finally {
      globalThis.addEventListener = original;
    }
  });

  it('keeps working in memory when storage throws', () => {
    const store = createPreferenceStore(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(store.load()).toEqual({});
    store.save({ name: 'Ada' });
    expect(store.load()).toEqual({ name: 'Ada' });
    expect(store.hasSaved()).toBe(true);
  });

  it('keeps only well-typed fields from what storage returns', () => {
    expect(sanitizePreferences({ name: 42, audio: 'yes', video: false, cameraId: '', __proto__: { polluted: true } })).toEqual({
      video: false,
    });
    expect(sanitizePreferences('garbage')).toEqual({});
    expect(sanitizePreferences({ name: 'x'.repeat(65) })).toEqual({});
    expect(sanitizePreferences({ blurStrength: 0.4 })).toEqual({ blurStrength: 0.4 });
    expect(sanitizePreferences({ blurStrength: 7 })).toEqual({});
    expect(sanitizePreferences({ blurStrength: '1' })).toEqual({});
  });

  it('ignores corrupt JSON in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('confab.preferences.v1', '{not json');
    expect(createPreferenceStore(() => storage as unknown as Storage).load()).toEqual({});
  });
});
