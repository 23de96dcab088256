import { en, type Catalogue, type MessageKey } from './en.js';
import { ar } from './locales/ar.js';
import { de } from './locales/de.js';
import { es } from './locales/es.js';
import { fr } from './locales/fr.js';
import { ja } from './locales/ja.js';

export type { Catalogue, MessageKey } from './en.js';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Shipped languages. Each catalogue has exactly the English keys (a unit test checks). */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = { en, de, es, fr, ja, ar };
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** The first tag with a catalogue (exact, then its base language), else English. */
export function resolveLanguage(candidates: ReadonlyArray<string | undefined>): string {
  for (const tag of candidates) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    if (Object.hasOwn(CATALOGUES, lower)) return lower;
    const base = lower.split('-')[0] ?? '';
    if (Object.hasOwn(CATALOGUES, base)) return base;
  }
  return 'en';
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

/** Host overrides win over the catalogue. Parameters are substituted as plain text; the result is rendered as text, never HTML. */
export function createTranslator(lang: string, overrides: unknown = {}): Translate {
  const catalogue = CATALOGUES[lang] ?? en;
  // Host input: anything but a plain object of strings is ignored (null, arrays, numbers, getters' prototypes).
  const table = typeof overrides === 'object' && overrides !== null && !Array.isArray(overrides) ? (overrides as Record<string, unknown>) : {};
  return (key, params) => {
    const override = Object.hasOwn(table, key) ? table[key] : undefined;
    const template = typeof override === 'string' ? override : catalogue[key];
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m)) : template;
  };
}
