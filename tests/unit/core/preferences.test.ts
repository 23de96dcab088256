import { describe, expect, it } from 'vitest';
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
