import { nameProblem } from '../core/text.js';
import { OPTIONS, type MeetingConfig, type OptionSpec } from './schema.js';

export interface ConfigIssue {
  option: string;
  value: string;
  /** i18n key describing what is wrong. */
  reason: ConfigReason;
  /** Allowed values or range, for the message. */
  expected: string;
}
export type ConfigReason = 'not-allowed-value' | 'out-of-range' | 'bad-format';

const FORMAT_HINT: Record<string, string> = {
  'ws-url': 'ws:// or wss:// URL',
  'http-url': 'http(s) URL or path',
  jwt: 'JSON Web Token',
  room: '1–128 characters of A–Z a–z 0–9 _ -',
  name: '1–64 characters, something visible, no direction overrides or invisible formatting',
  color: 'CSS colour',
  lang: 'BCP 47 language tag',
  origin: 'origin such as https://example.com',
};

function validText(format: string, raw: string): string | null {
  const value = raw.trim();
  switch (format) {
    case 'ws-url':
      return /^wss?:\/\/[^\s]+$/i.test(value) && URL.canParse(value) ? value : null;
    case 'http-url': {
      if (value.startsWith('/') && !value.startsWith('//')) return value;
      return /^https?:\/\//i.test(value) && URL.canParse(value) ? value : null;
    }
    case 'jwt':
      return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value) ? value : null;
    case 'room':
      return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : null;
    case 'name': {
      const name = value.normalize('NFC');
      return nameProblem(name) === null ? name : null;
    }
    case 'color': {
      // A conservative shape everywhere; where a browser can tell, it must also be a real colour
      // ("blurple" has the shape of a name but is not one: reported, never ignored silently).
      if (!/^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch|color)\([^;{}<>]*\))$/i.test(value)) return null;
      const css = (globalThis as { CSS?: { supports?(property: string, value: string): boolean } }).CSS;
      return typeof css?.supports === 'function' && !css.supports('color', value) ? null : value;
    }
    case 'lang':
      return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value) ? value : null;
    case 'origin': {
      if (!URL.canParse(value)) return null;
      const u = new URL(value);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === value.replace(/\/$/, '') ? u.origin : null;
    }
    default:
      return null;
  }
}

/** Parses one option's raw string; undefined or null means "not set" (the default). */
export function parseOption(spec: OptionSpec, raw: string | null | undefined): { value: unknown; issue?: ConfigIssue } {
  const fallback = spec.default;
  if (raw === null || raw === undefined) return { value: fallback };
  const value = raw;
  const issue = (reason: ConfigIssue['reason'], expected: string) => ({
    value: fallback,
    issue: { option: spec.name, value: value.slice(0, 200), reason, expected },
  });
  switch (spec.type) {
    case 'switch': {
      const v = value.trim().toLowerCase();
      // A bare boolean attribute (`<confab-meeting video>`) means on.
      if (v === 'on' || v === '' || v === 'true') return { value: true };
      if (v === 'off' || v === 'false') return { value: false };
      return issue('not-allowed-value', 'on, off');
    }
    case 'enum': {
      const v = value.trim().toLowerCase();
      return spec.values.includes(v) ? { value: v } : issue('not-allowed-value', spec.values.join(', '));
    }
    case 'int': {
      const v = value.trim();
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      return Number.isInteger(n) && n >= spec.min && n <= spec.max ? { value: n } : issue('out-of-range', `${spec.min}–${spec.max}`);
    }
    case 'text': {
      const v = validText(spec.format, value);
      return v === null ? issue('bad-format', FORMAT_HINT[spec.format] ?? spec.format) : { value: v };
    }
  }
}

/** Builds a complete config from a lookup of kebab-case names; bad values fall back to defaults. */
export function parseConfig(lookup: (name: string, spec: OptionSpec) => string | null | undefined): {
  config: MeetingConfig;
  issues: ConfigIssue[];
} {
  const config = Object.create(null) as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  for (const spec of OPTIONS as readonly OptionSpec[]) {
    const { value, issue } = parseOption(spec, lookup(spec.name, spec));
    config[spec.key] = value;
    if (issue) issues.push(issue);
  }
  return { config: { ...config } as MeetingConfig, issues };
}
