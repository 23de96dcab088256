// What a user chose last time, per origin. Storage can throw (third-party iframes, privacy modes):
// every access is wrapped, with an in-memory fallback, so nothing is lost for this page's life.

export interface Preferences {
  name?: string;
  lang?: string;
  audio?: boolean;
  video?: boolean;
  cameraId?: string;
  microphoneId?: string;
  speakerId?: string;
  blur?: boolean;
  /** The chosen virtual background ('' when none). */
  backgroundImage?: string;
  /** Blur strength, 0..1. */
  blurStrength?: number;
}

const KEY = 'confab.preferences.v1';

/** Keeps only well-typed fields of untrusted JSON. */
export function sanitizePreferences(raw: unknown): Preferences {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const record = raw as Record<string, unknown>;
  const get = (key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);
  const out: Preferences = {};
  const text = (key: 'name' | 'lang' | 'cameraId' | 'microphoneId' | 'speakerId', max: number) => {
    const v = get(key);
    if (typeof v === 'string' && v.length > 0 && v.length <= max) out[key] = v;
  };
  text('name', 64);
  text('lang', 35);
  text('cameraId', 512);
  text('microphoneId', 512);
  text('speakerId', 512);
  const image = get('backgroundImage');
  if (typeof image === 'string' && image.length <= 2048) out.backgroundImage = image;
  const strength = get('blurStrength');
  if (typeof strength === 'number' && strength >= 0 && strength <= 1) out.blurStrength = strength;
  for (const key of ['audio', 'video', 'blur'] as const) {
    const v = get(key);
    if (typeof v === 'boolean') out[key] = v;
  }
  return out;
}

export interface PreferenceStore {
  load(): Preferences;
  save(update: Preferences): void;
  /** Whether anything was saved before (prejoin="auto" skips the pre-join then). */
  hasSaved(): boolean;
}

/**
 * Bumped whenever preferences change elsewhere: another tab (the `storage` event) or another widget
 * on this page (a save). Each store reads again before it next answers, so nobody works from a stale copy.
 */
let generation = 0;
let listening = false;

export function createPreferenceStore(getStorage: () => Storage | undefined = () => globalThis.localStorage): PreferenceStore {
  if (!listening) {
    listening = true;
    globalThis.addEventListener?.('storage', (event: StorageEvent) => {
      if (event.key === KEY || event.key === null) generation++;
    });
  }
  // Kept between reads (the pre-join asks on every render). undefined: not read yet; null: none saved.
  let current: Preferences | null | undefined;
  let seen = generation;
  const storage = () => {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  };
  /** What storage holds now; undefined when it cannot be read (the in-memory copy stands). */
  const read = (): Preferences | null | undefined => {
    try {
      const store = storage();
      if (!store) return undefined;
      const raw = store.getItem(KEY);
      return raw ? sanitizePreferences(JSON.parse(raw)) : null;
    } catch {
      return undefined;
    }
  };
  const get = () => {
    if (current === undefined || seen !== generation) {
      seen = generation;
      const fresh = read();
      if (fresh !== undefined || current === undefined) current = fresh ?? null;
    }
    return current;
  };
  return {
    load: () => get() ?? {},
    hasSaved: () => get() !== null,
    save(update) {
      // Read, change these keys, write: what another tab or widget saved in between is kept.
      const fresh = read();
      const next = sanitizePreferences({ ...((fresh === undefined ? current : fresh) ?? {}), ...update });
      current = next;
      try {
        storage()?.setItem(KEY, JSON.stringify(next));
      } catch {
        // Quota or a blocked storage: the in-memory copy serves this page.
      }
      seen = ++generation;
    },
  };
}

/** Options the host set explicitly (they beat saved preferences). */
export interface ExplicitChoices {
  audio?: boolean;
  video?: boolean;
  name?: string;
  blur?: boolean;
  backgroundImage?: string;
}

/** Where the starting state comes from: explicit attribute/parameter › saved preference › default. */
export function resolveStart(
  explicit: { audio?: boolean; video?: boolean; name?: string },
  saved: Preferences,
  defaults: { audio: boolean; video: boolean },
): { audio: boolean; video: boolean; name: string | undefined } {
  return {
    audio: explicit.audio ?? saved.audio ?? defaults.audio,
    video: explicit.video ?? saved.video ?? defaults.video,
    name: explicit.name ?? saved.name,
  };
}
