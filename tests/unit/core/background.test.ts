// The background control with a stand-in effects chunk: what is remembered, what is allowed.
import { describe, expect, test } from 'vitest';
import { BackgroundControl, type EffectsModule } from '../../../src/core/background.js';
import type { LocalMedia } from '../../../src/core/media.js';
import { createPreferenceStore } from '../../../src/core/preferences.js';
import { createMeetingStore } from '../../../src/core/store.js';
import { builtInBackground } from '../../../src/effects/assets.js';

const BASE = 'https://cdn.example/confab/mediapipe/';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  } as unknown as Storage;
}

function control(storage = memoryStorage(), assetsBase?: string) {
  const store = createMeetingStore();
  const processors: unknown[] = [];
  const media = { setProcessor: async (_kind: string, p: unknown) => void processors.push(p) } as unknown as LocalMedia;
  const module = {
    defaultAssetsBase: () => BASE,
    decodeImage: async () => ({ width: 2, height: 2 }) as ImageBitmap,
    BackgroundProcessor: { create: async () => ({ update: () => undefined, dispose: () => undefined }) },
  } as unknown as EffectsModule;
  const preferences = createPreferenceStore(() => storage);
  const bg = new BackgroundControl({
    store,
    media,
    preferences,
    config: () => ({ blur: false, assetsBase }),
    load: async () => module,
    alive: () => undefined,
  });
  return { bg, store, preferences, processors, storage };
}

describe('BackgroundControl', () => {
  test('blur strength is clamped, remembered, and back at the next start', () => {
    const first = control();
    first.bg.setStrength(1.7);
    expect(first.store.getState().background.strength).toBe(1);
    first.bg.setStrength(Number.NaN);
    expect(first.store.getState().background.strength).toBe(1);
    first.bg.setStrength(0.4);
    const next = control(first.storage);
    next.bg.start({});
    expect(next.store.getState().background.strength).toBe(0.4);
  });

  test('a built-in image under the default assets base is allowed, a third party is not', async () => {
    const { bg, store, processors } = control();
    await bg.setImage(builtInBackground(BASE, 'dusk'));
    expect(store.getState().background).toMatchObject({ mode: 'image', image: `${BASE}backgrounds/dusk.jpg`, active: true });
    expect(processors).toHaveLength(1);
    await expect(bg.setImage('https://elsewhere.example/dusk.jpg')).rejects.toMatchObject({ code: 'bad-argument' });
    expect(store.getState().background.image).toBe(`${BASE}backgrounds/dusk.jpg`);
  });

  test('with assets-base set, images load from there and not from the default', async () => {
    const { bg } = control(memoryStorage(), 'https://assets.example/fx/');
    await expect(bg.setImage(builtInBackground(BASE, 'dusk'))).rejects.toMatchObject({ code: 'bad-argument' });
    await expect(bg.setImage('https://assets.example/fx/backgrounds/lagoon.jpg')).resolves.toBeUndefined();
  });
});
