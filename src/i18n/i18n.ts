import { en, type Catalogue, type MessageKey } from './en.js';

export type { Catalogue, MessageKey } from './en.js';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Shipped languages. English is in the shell; each other catalogue is its own small chunk, loaded
 * when that language is first used (the shell stays within its size budget). Each catalogue has
 * exactly the English keys (a unit test checks).
 */
/** English as loaded so far: the shell's part, and the call's part once its chunk is here (en-call.ts). */
const english: Record<string, string> = { ...en };

/** Adds a part of the English catalogue (each part comes with the chunk that uses it). */
export function addEnglish(part: Readonly<Record<string, string>>): void {
  Object.assign(english, part);
}

export const LOADERS: Readonly<Record<string, () => Promise<Catalogue>>> = {
  en: () => Promise.resolve(english as Catalogue),
  de: () => import('./locales/de.js').then((m) => m.de),
  es: () => import('./locales/es.js').then((m) => m.es),
  fr: () => import('./locales/fr.js').then((m) => m.fr),
  ja: () => import('./locales/ja.js').then((m) => m.ja),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
};
export const LANGUAGES = Object.keys(LOADERS);
const loaded = new Map<string, Catalogue>([['en', english as Catalogue]]);

/** Whether a language's words are here (until then its translator speaks English). */
export function isLoaded(lang: string): boolean {
  return loaded.has(lang);
}

/** Loads a language's catalogue once; a failed load leaves English in place. */
export async function loadLanguage(lang: string): Promise<boolean> {
  if (loaded.has(lang)) return true;
  const loader = Object.hasOwn(LOADERS, lang) ? LOADERS[lang] : undefined;
  if (!loader) return false;
  try {
    loaded.set(lang, await loader());
    return true;
  } catch {
    return false;
  }
}
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** The first tag with a catalogue (exact, then its base language), else English. */
export function resolveLanguage(candidates: ReadonlyArray<string | undefined>): string {
  for (const tag of candidates) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    if (Object.hasOwn(LOADERS, lower)) return lower;
    const base = lower.split('-')[0] ?? '';
    if (Object.hasOwn(LOADERS, base)) return base;
  }
  return 'en';
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

/** Host overrides win over the catalogue. Parameters are substituted as plain text; the result is rendered as text, never HTML. */
export function createTranslator(lang: string, overrides: unknown = {}): Translate {
  const catalogue = loaded.get(lang) ?? (english as Catalogue);
  // Host input: anything but a plain object of strings is ignored (null, arrays, numbers, getters' prototypes).
  const table =
    typeof overrides === 'object' && overrides !== null && !Array.isArray(overrides) ? (overrides as Record<string, unknown>) : {};
  return (key, params) => {
    let override: unknown;
    try {
      override = Object.hasOwn(table, key) ? table[key] : undefined;
    } catch {
      // A getter or proxy that throws must not take every render down with it.
    }
    // A key whose English part has not loaded yet reads as the key itself, never as a crash.
    const template = typeof override === 'string' ? override : ((catalogue[key] as string | undefined) ?? english[key] ?? key);
    return params
      ? template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m))
      : template;
  };
}
