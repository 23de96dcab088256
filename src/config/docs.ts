// The option table of embed.md, rendered from the schema; a unit test keeps the two identical.
import { OPTIONS, propertyOf, type OptionSpec } from './schema.js';

const URL_POLICY: Record<OptionSpec['url'], string> = {
  yes: 'yes',
  no: 'no',
  fragment: 'fragment only (`#token=`)',
  'allowed-list': "only if in the deployment's `serverUrls`",
};

function values(spec: OptionSpec): string {
  switch (spec.type) {
    case 'switch':
      return '`on` `off`';
    case 'enum':
      return spec.values.map((v) => `\`${v}\``).join(' ');
    case 'int':
      return `${spec.min}–${spec.max}`;
    case 'text':
      return {
        'ws-url': '`ws://…` / `wss://…`',
        'http-url': 'URL or path',
        jwt: 'JWT',
        room: '1–128 of `A-Z a-z 0-9 _ -`',
        name: '1–64 characters',
        color: 'CSS colour',
        lang: 'BCP 47 tag',
        origin: 'origin',
      }[spec.format];
  }
}

function defaultOf(spec: OptionSpec): string {
  if (spec.defaultText) return spec.defaultText;
  if (spec.type === 'switch') return spec.default ? '`on`' : '`off`';
  if (spec.type === 'enum') return `\`${spec.default}\``;
  if (spec.type === 'int') return String(spec.default);
  return spec.defaultText ?? '—';
}

export function optionTable(): string {
  const rows = (OPTIONS as readonly OptionSpec[]).map(
    (o) => `| \`${o.name}\` | \`${propertyOf(o)}\` | ${values(o)} | ${defaultOf(o)} | ${URL_POLICY[o.url]} | ${o.description} |`,
  );
  return ['| attribute / URL parameter | JS property | values | default | from the iframe URL? | meaning |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
