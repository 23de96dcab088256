import { describe, expect, it } from 'vitest';
import { parseConfig, parseOption } from '../../../src/config/parse.js';
import { OPTIONS, type OptionSpec } from '../../../src/config/schema.js';

const spec = (name: string) => OPTIONS.find((o) => o.name === name) as OptionSpec;

describe('config parsing', () => {
  it('gives every option its default when nothing is set', () => {
    const { config, issues } = parseConfig(() => undefined);
    expect(issues).toEqual([]);
    expect(config).toMatchObject({ audio: true, video: true, prejoin: 'on', layout: 'auto', maxTiles: 16, theme: 'auto', blur: false });
    expect(config.token).toBeUndefined();
  });

  it.each([
    ['audio', 'off', false],
    ['audio', 'on', true],
    ['audio', '', true],
    ['video', 'OFF', false],
    ['prejoin', 'auto', 'auto'],
    ['layout', 'speaker', 'speaker'],
    ['max-tiles', '49', 49],
    ['max-tiles', '1', 1],
    ['room', 'stand_up-1', 'stand_up-1'],
    ['name', '  Ada Lovelace ', 'Ada Lovelace'],
    ['name', 'محمد', 'محمد'],
    ['server-url', 'wss://lk.example.com', 'wss://lk.example.com'],
    ['token-endpoint', '/api/token', '/api/token'],
    ['accent', '#ff0066', '#ff0066'],
    ['lang', 'pt-BR', 'pt-BR'],
    ['parent-origin', 'https://host.example', 'https://host.example'],
  ])('%s=%j is accepted as %j', (name, raw, expected) => {
    expect(parseOption(spec(name), raw)).toEqual({ value: expected });
  });

  it.each([
    ['audio', 'maybe', 'not-allowed-value'],
    ['layout', 'mosaic', 'not-allowed-value'],
    ['max-tiles', '0', 'out-of-range'],
    ['max-tiles', '50', 'out-of-range'],
    ['max-tiles', '4.5', 'out-of-range'],
    ['max-tiles', '1e1', 'out-of-range'],
    ['room', 'has space', 'bad-format'],
    ['room', 'x'.repeat(129), 'bad-format'],
    ['name', 'x'.repeat(65), 'bad-format'],
    ['name', 'bell\u0007', 'bad-format'],
    ['server-url', 'https://lk.example.com', 'bad-format'],
    ['server-url', 'javascript:alert(1)', 'bad-format'],
    ['token-endpoint', '//evil.example/token', 'bad-format'],
    ['token', '<script>', 'bad-format'],
    ['accent', 'red;}body{display:none', 'bad-format'],
    ['parent-origin', 'https://host.example/path', 'bad-format'],
    ['parent-origin', '*', 'bad-format'],
  ])('%s=%j falls back to the default with %s', (name, raw, reason) => {
    const s = spec(name);
    const { value, issue } = parseOption(s, raw);
    expect(value).toEqual(s.default);
    expect(issue).toMatchObject({ option: name, reason });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a value named like an Object member (%s) is never taken for an allowed one',
    (value) => {
      // A lookup by object key (`value in allowed`) would accept these; the schema's lists must not.
      const { config, issues } = parseConfig((name) =>
        ['layout', 'theme', 'prejoin', 'audio', 'max-tiles'].includes(name) ? value : undefined,
      );
      expect(config).toMatchObject({ layout: 'auto', theme: 'auto', prejoin: 'on', audio: true, maxTiles: 16 });
      expect(issues.map((i) => i.option).sort()).toEqual(['audio', 'layout', 'max-tiles', 'prejoin', 'theme']);
    },
  );

  it('asks only for the schema\'s options and keeps "__proto__" and "constructor" as plain text values', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"room": "from-prototype", "polluted": 1}, "name": "__proto__", "room": "constructor", "layout": "grid"}',
    ) as Record<string, unknown>;
    const asked: string[] = [];
    const { config, issues } = parseConfig((name) => {
      asked.push(name);
      return Object.hasOwn(hostile, name) ? String(hostile[name]) : undefined;
    });
    expect(asked).toEqual(OPTIONS.map((o) => o.name));
    expect(issues).toEqual([]);
    expect(config).toMatchObject({ name: '__proto__', room: 'constructor', layout: 'grid' });
    expect(Object.hasOwn(config, 'name')).toBe(true);
    // A plain object for callers (String(config), spread, hasOwnProperty work), with exactly the schema's keys.
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(Object.keys(config)).toEqual(OPTIONS.map((o) => o.key));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['blurple', false],
    ['#ff0066', true],
    ['rebeccapurple', true],
  ])('accent %j is %s where the browser can tell a colour', (value, valid) => {
    const css = { supports: (_p: string, v: string) => v !== 'blurple' };
    const saved = (globalThis as { CSS?: unknown }).CSS;
    (globalThis as { CSS?: unknown }).CSS = css;
    try {
      const { issues } = parseConfig((name) => (name === 'accent' ? value : undefined));
      expect(issues.some((i) => i.option === 'accent')).toBe(!valid);
    } finally {
      (globalThis as { CSS?: unknown }).CSS = saved;
    }
  });
});
