import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enCall } from '../../../src/i18n/en-call.js';
import { enChat } from '../../../src/i18n/en-chat.js';
import { enPeople } from '../../../src/i18n/en-people.js';
import { enReactions } from '../../../src/i18n/en-reactions.js';
import { enEmbed } from '../../../src/i18n/en-embed.js';
import { enControls } from '../../../src/i18n/en-controls.js';
import { enSettings } from '../../../src/i18n/en-settings.js';
import { enEndings } from '../../../src/i18n/en-endings.js';
import { enModeration } from '../../../src/i18n/en-moderation.js';
import { en as enShell } from '../../../src/i18n/en.js';
import {
  addEnglish,
  createTranslator,
  directionOf,
  isLoaded,
  LANGUAGES,
  loadLanguage,
  LOADERS,
  resolveLanguage,
} from '../../../src/i18n/i18n.js';
import type { Catalogue } from '../../../src/i18n/en.js';
import { REFUSALS } from '../../../src/core/refusals.js';
import { REFUSALS as SERVER_REFUSALS } from '../../../server/policies.js';

// English in two parts: the shell's, and the call's (its chunk adds it when it loads).
addEnglish(enCall);
addEnglish(enChat);
addEnglish(enSettings);
addEnglish(enPeople);
addEnglish(enReactions);
addEnglish(enEmbed);
addEnglish(enControls);
addEnglish(enEndings);
addEnglish(enModeration);
const en = {
  ...enShell,
  ...enCall,
  ...enChat,
  ...enSettings,
  ...enPeople,
  ...enReactions,
  ...enEmbed,
  ...enControls,
  ...enEndings,
  ...enModeration,
};
const CATALOGUES: Record<string, Catalogue> = Object.fromEntries(
  await Promise.all(LANGUAGES.map(async (lang) => [lang, await LOADERS[lang]!()] as const)),
);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.includes('/i18n/') ? [p] : [];
  });
}

describe('i18n', () => {
  it('splits English between the shell and the call without a key in both', () => {
    const parts = [enShell, enCall, enChat, enSettings, enPeople, enReactions, enEmbed, enControls].map((part) => Object.keys(part));
    expect(parts.flat().length).toBe(new Set(parts.flat()).size);
  });

  it('gives the pre-join every word it shows from the shell (the other parts load later)', () => {
    const shellParts = ['components/prejoin', 'components/device-select', 'components/shared']
      .flatMap((d) => sources(d))
      .map((f) => readFileSync(f, 'utf8'));
    const used = shellParts.flatMap((code) => [...code.matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((key) => !Object.hasOwn(enShell, key))).toEqual([]);
  });

  it('ships en, de, es, fr, ja and ar', () => {
    expect([...LANGUAGES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja']);
  });

  it('speaks English until a language has loaded, then that language', async () => {
    expect(createTranslator('fr')('prejoin.join')).toBe('Join meeting');
    expect(await loadLanguage('fr')).toBe(true);
    expect(isLoaded('fr')).toBe(true);
    expect(createTranslator('fr')('prejoin.join')).toBe(CATALOGUES.fr!['prejoin.join']);
    expect(await loadLanguage('xx')).toBe(false);
  });

  it.each(Object.entries(CATALOGUES))('%s has every key of en, with the same placeholders', (_lang, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(catalogue[key as keyof typeof en]), key).toEqual(placeholders(text));
      expect(catalogue[key as keyof typeof en].trim(), key).not.toBe('');
    }
  });

  it('every English key is used by the code (no dead strings)', () => {
    const code = ['src', 'components']
      .flatMap((d) => sources(d))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Keys built from a template (`left.reason.${reason}`, `device.${device}.${reason}`, `device.help.*`) count by prefix.
    const dynamic = [
      'left.reason.',
      'left.title.',
      'device.camera.',
      'device.microphone.',
      'device.screen.',
      'device.help.',
      'devices.switched',
      'devices.restored',
      'announce.',
      'background.unavailable.',
      'background.image.',
      'people.quality.',
      'reaction.',
      'refused.',
    ];
    const unused = Object.keys(en).filter((k) => !code.includes(`'${k}'`) && !dynamic.some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it("says every refusal of the Confab server in words of its own (the widget's REFUSALS, each code the server sends)", () => {
    const said = Object.keys(enEndings)
      .filter((k) => k.startsWith('refused.'))
      .map((k) => k.slice('refused.'.length));
    expect([...REFUSALS].sort()).toEqual(said.sort());
    // The server's codes, but the one a widget never asks (host-tokens has no endpoint), and its 429.
    const sent = Object.keys(SERVER_REFUSALS).filter((c) => c !== 'policy-host-tokens');
    // Plus the lobby's own ending (the meeting someone waited for finished).
    expect([...sent, 'rate-limited', 'lobby-closed'].sort()).toEqual(said.sort());
  });

  it.each([
    [['de-AT'], 'de'],
    [['pt-BR', 'fr-CA'], 'fr'],
    [[undefined, 'ja'], 'ja'],
    [['xx'], 'en'],
    [['__proto__'], 'en'],
    [[], 'en'],
  ])('resolves %j to %s', (candidates, lang) => {
    expect(resolveLanguage(candidates)).toBe(lang);
  });

  it('gives Arabic a right-to-left direction', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });

  it('lets the host override a string and keeps parameters as plain text', async () => {
    const t = createTranslator('en', { 'prejoin.join': 'Enter the room' });
    expect(t('prejoin.join')).toBe('Enter the room');
    expect(t('announce.joined', { name: '<b>Eve</b>' })).toBe('<b>Eve</b> joined');
    await loadLanguage('de');
    expect(createTranslator('de')('controls.leave')).toBe('Meeting verlassen');
  });
});

describe('host string overrides that are not a table of strings', () => {
  it.each([null, undefined, 42, 'text', ['x'], { 'prejoin.join': 7 }, JSON.parse('{"__proto__": {"prejoin.join": "Pwned"}}') as unknown])(
    "overrides %j leave every render working, in the catalogue's words",
    (overrides) => {
      const t = createTranslator('en', overrides);
      expect(t('prejoin.join')).toBe('Join meeting');
    },
  );

  it("reads only the table's own strings: inherited ones and throwing getters are ignored", () => {
    // JSON's "__proto__" above is an own key, so it cannot catch a lookup that follows the prototype; this can.
    const inherited = Object.create({ 'prejoin.join': 'Pwned' }) as unknown;
    expect(createTranslator('en', inherited)('prejoin.join')).toBe('Join meeting');
    const hostile = Object.defineProperty({}, 'prejoin.join', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(createTranslator('en', hostile)('prejoin.join')).toBe('Join meeting');
  });

  it('a string override still wins', () => {
    expect(createTranslator('en', { 'prejoin.join': 'Enter' })('prejoin.join')).toBe('Enter');
  });
});
