import { en, type Catalogue, type MessageKey } from './en.js';

export type { MessageKey } from './en.js';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGUES: Record<string, Partial<Catalogue>> = { en };

export function resolveLanguage(requested: string | undefined, fallbacks: readonly string[] = []): string {
  for (const tag of [requested, ...fallbacks]) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    if (CATALOGUES[lower]) return lower;
    const base = lower.split('-')[0] ?? '';
    if (CATALOGUES[base]) return base;
  }
  return 'en';
}

/** Parameters are substituted as plain text; the result is always rendered as text, never HTML. */
export function createTranslator(lang: string, overrides: Partial<Catalogue> = {}): Translate {
  const catalogue = CATALOGUES[lang] ?? en;
  return (key, params) => {
    const template = overrides[key] ?? catalogue[key] ?? en[key];
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
  };
}
