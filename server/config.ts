// The Confab server's settings: one typed schema, read from environment variables or a JSON config
// file (the same names, camelCased), validated at start with every problem listed at once. `--help`
// is generated from it, like the widget's option table.

export const POLICIES = ['open', 'invite', 'jwt', 'host-tokens'] as const;
export type Policy = (typeof POLICIES)[number];

type Kind =
  | { type: 'string'; secret?: boolean; url?: 'ws' | 'http' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'int'; min: number; max: number }
  | { type: 'bool' }
  | { type: 'list' };

export interface Setting {
  /** The environment variable. */
  env: string;
  /** What it does, for --help and the docs. */
  help: string;
  /** Used when unset; `dev` overrides it in the development configuration. */
  default?: string;
  dev?: string;
  kind: Kind;
}

export const SETTINGS = {
  livekitUrl: {
    env: 'LIVEKIT_URL',
    help: 'The LiveKit server the widget connects to (wss:// in production), as browsers reach it.',
    dev: 'ws://127.0.0.1:7880',
    kind: { type: 'string', url: 'ws' },
  },
  livekitApiUrl: {
    env: 'LIVEKIT_API_URL',
    help: "LiveKit's HTTP API as this server reaches it (default: LIVEKIT_URL with http(s)://).",
    kind: { type: 'string', url: 'http' },
  },
  livekitApiKey: { env: 'LIVEKIT_API_KEY', help: 'LiveKit API key.', dev: 'devkey', kind: { type: 'string' } },
  livekitApiSecret: {
    env: 'LIVEKIT_API_SECRET',
    help: 'LiveKit API secret (at least 32 characters; never sent to a browser).',
    dev: 'secret',
    kind: { type: 'string', secret: true },
  },
  policy: {
    env: 'CONFAB_POLICY',
    help: 'Who may enter: invite (signed invites from your backend), jwt (your own login tokens), host-tokens (your backend mints LiveKit tokens), open (anyone: development only).',
    default: 'invite',
    dev: 'open',
    kind: { type: 'enum', values: POLICIES },
  },
  inviteSecret: {
    env: 'CONFAB_INVITE_SECRET',
    help: 'HS256 secret your backend signs invites with (at least 32 characters). Required by the invite policy.',
    kind: { type: 'string', secret: true },
  },
  jwksUrl: { env: 'CONFAB_JWKS_URL', help: "Your identity provider's JWKS URL (the jwt policy).", kind: { type: 'string', url: 'http' } },
  jwtIssuer: { env: 'CONFAB_JWT_ISSUER', help: 'The issuer your login tokens must have (the jwt policy).', kind: { type: 'string' } },
  jwtAudience: { env: 'CONFAB_JWT_AUDIENCE', help: 'The audience your login tokens must have (the jwt policy).', kind: { type: 'string' } },
  jwtNameClaim: { env: 'CONFAB_JWT_NAME_CLAIM', help: 'The claim that holds the display name.', default: 'name', kind: { type: 'string' } },
  jwtRoomClaim: {
    env: 'CONFAB_JWT_ROOM_CLAIM',
    help: 'A claim that limits the rooms a login token may enter (a string or a list); absent: any room.',
    default: 'rooms',
    kind: { type: 'string' },
  },
  jwtRoleClaim: { env: 'CONFAB_JWT_ROLE_CLAIM', help: 'The claim that holds the role.', default: 'role', kind: { type: 'string' } },
  jwtHostRoles: {
    env: 'CONFAB_JWT_HOST_ROLES',
    help: 'Comma-separated values of the role claim that make a host; anyone else is a guest.',
    default: 'host,admin,moderator',
    kind: { type: 'list' },
  },
  allowedOrigins: {
    env: 'CONFAB_ALLOWED_ORIGINS',
    help: 'Comma-separated origins allowed to frame embed.html and command it (https://app.example.com, or https://host:* for any port).',
    dev: 'http://127.0.0.1:*,http://localhost:*',
    kind: { type: 'list' },
  },
  allowedHosts: {
    env: 'CONFAB_ALLOWED_HOSTS',
    help: 'Comma-separated Host headers this server answers (default: the host of CONFAB_PUBLIC_URL; loopback in development).',
    kind: { type: 'list' },
  },
  publicUrl: {
    env: 'CONFAB_PUBLIC_URL',
    help: 'Where people reach this server (https://meet.example.com): invite links and the Host check use it.',
    kind: { type: 'string', url: 'http' },
  },
  redisUrl: {
    env: 'REDIS_URL',
    help: 'Redis for what several instances share (rate limits, single-use invites, the lobby); absent: memory (one instance).',
    kind: { type: 'string', secret: true },
  },
  port: { env: 'PORT', help: 'Port to listen on.', default: '8080', kind: { type: 'int', min: 1, max: 65535 } },
  host: {
    env: 'HOST',
    help: 'Address to listen on (0.0.0.0 behind a reverse proxy).',
    default: '0.0.0.0',
    dev: '127.0.0.1',
    kind: { type: 'string' },
  },
  lobby: {
    env: 'CONFAB_LOBBY',
    help: 'on: everyone without a per-invite choice waits for a host to let them in.',
    default: 'off',
    kind: { type: 'enum', values: ['on', 'off'] },
  },
  allowOpen: {
    env: 'CONFAB_ALLOW_OPEN',
    help: 'Set to 1 to say in so many words that this is a development box: the open policy may then run in production.',
    kind: { type: 'bool' },
  },
  environment: {
    env: 'NODE_ENV',
    help: 'production (the default) or development.',
    default: 'production',
    dev: 'development',
    kind: { type: 'enum', values: ['production', 'development', 'test'] },
  },
  tokenTtl: {
    env: 'CONFAB_TOKEN_TTL',
    help: 'Seconds a LiveKit token is valid (LiveKit refreshes it while connected; the widget asks again after).',
    default: '600',
    kind: { type: 'int', min: 60, max: 86400 },
  },
  rateLimit: {
    env: 'CONFAB_RATE_LIMIT',
    help: 'API requests per minute per client address.',
    default: '60',
    dev: '6000',
    kind: { type: 'int', min: 1, max: 100000 },
  },
  roomRateLimit: {
    env: 'CONFAB_ROOM_RATE_LIMIT',
    help: 'Token requests per minute per room.',
    default: '120',
    dev: '6000',
    kind: { type: 'int', min: 1, max: 100000 },
  },
  trustProxy: {
    env: 'CONFAB_TRUST_PROXY',
    help: 'Hops of reverse proxies in front whose X-Forwarded-For to trust (0: none).',
    default: '0',
    kind: { type: 'int', min: 0, max: 10 },
  },
  egress: {
    env: 'CONFAB_EGRESS',
    help: 'on: a LiveKit Egress service runs beside LiveKit, and hosts with roomRecord may record.',
    default: 'off',
    kind: { type: 'enum', values: ['on', 'off'] },
  },
  metricsToken: {
    env: 'CONFAB_METRICS_TOKEN',
    help: 'A bearer token /metrics requires (absent: /metrics answers on loopback only).',
    kind: { type: 'string', secret: true },
  },
  staticDir: {
    env: 'CONFAB_STATIC_DIR',
    help: 'The built widget to serve (default: the one inside this package).',
    kind: { type: 'string' },
  },
  logLevel: {
    env: 'CONFAB_LOG_LEVEL',
    help: 'fatal, error, warn, info, debug or silent.',
    default: 'info',
    kind: { type: 'enum', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
  },
} as const satisfies Record<string, Setting>;

export type SettingKey = keyof typeof SETTINGS;

export interface ServerConfig {
  livekitUrl: string;
  livekitApiUrl: string;
  livekitApiKey: string;
  livekitApiSecret: string;
  policy: Policy;
  inviteSecret: string | undefined;
  jwksUrl: string | undefined;
  jwtIssuer: string | undefined;
  jwtAudience: string | undefined;
  jwtNameClaim: string;
  jwtRoomClaim: string;
  jwtRoleClaim: string;
  jwtHostRoles: string[];
  allowedOrigins: string[];
  allowedHosts: string[];
  publicUrl: string | undefined;
  redisUrl: string | undefined;
  port: number;
  host: string;
  lobby: 'on' | 'off';
  allowOpen: boolean;
  environment: 'production' | 'development' | 'test';
  tokenTtl: number;
  rateLimit: number;
  roomRateLimit: number;
  trustProxy: number;
  egress: 'on' | 'off';
  metricsToken: string | undefined;
  staticDir: string | undefined;
  logLevel: string;
}

const SECRET_MIN = 32;

/** A config file's value as the environment would spell it (a list joined by commas); objects are not settings. */
function fileValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map((v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))).join(',');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
const camel = (env: string) => env.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Reads the settings: the environment beats the config file, which beats the defaults. */
export function loadConfig(
  env: Record<string, string | undefined>,
  file: Record<string, unknown> = {},
  dev = false,
): { config: ServerConfig; problems: string[] } {
  const problems: string[] = [];
  const raw = {} as Record<SettingKey, string | undefined>;
  for (const [key, setting] of Object.entries(SETTINGS) as Array<[SettingKey, Setting]>) {
    const fromFile = Object.hasOwn(file, key) ? file[key] : Object.hasOwn(file, camel(setting.env)) ? file[camel(setting.env)] : undefined;
    const value = env[setting.env] ?? fileValue(fromFile);
    raw[key] = value !== undefined && value !== '' ? value : dev && setting.dev !== undefined ? setting.dev : setting.default;
  }
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(SETTINGS) as Array<[SettingKey, Setting]>) {
    const value = raw[key];
    const { kind } = setting;
    if (value === undefined) {
      out[key] = kind.type === 'list' ? [] : kind.type === 'bool' ? false : undefined;
      continue;
    }
    if (kind.type === 'int') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < kind.min || n > kind.max)
        problems.push(`${setting.env} must be a whole number from ${kind.min} to ${kind.max}`);
      out[key] = n;
    } else if (kind.type === 'enum') {
      if (!kind.values.includes(value)) problems.push(`${setting.env} must be one of ${kind.values.join(', ')} (it is "${value}")`);
      out[key] = value;
    } else if (kind.type === 'bool') {
      out[key] = value === '1' || value === 'true' || value === 'yes';
    } else if (kind.type === 'list') {
      out[key] = value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    } else {
      if (kind.url === 'ws' && !/^wss?:\/\/[^\s]+$/.test(value)) problems.push(`${setting.env} must be a ws:// or wss:// URL`);
      if (kind.url === 'http' && !/^https?:\/\/[^\s]+$/.test(value)) problems.push(`${setting.env} must be an http:// or https:// URL`);
      out[key] = value;
    }
  }
  const config = out as unknown as ServerConfig;
  config.livekitApiUrl ??= config.livekitUrl?.replace(/^ws/, 'http');
  if (!config.allowedHosts.length) {
    if (config.publicUrl) config.allowedHosts = [new URL(config.publicUrl).host];
    else if (config.environment !== 'production') config.allowedHosts = ['127.0.0.1:*', 'localhost:*', '[::1]:*'];
  }
  problems.push(...policyProblems(config));
  return { config, problems };
}

/** What the chosen policy and environment need, all at once. */
function policyProblems(c: ServerConfig): string[] {
  const problems: string[] = [];
  const production = c.environment === 'production';
  if (!c.livekitUrl) problems.push('LIVEKIT_URL is required');
  if (!c.livekitApiKey) problems.push('LIVEKIT_API_KEY is required');
  if (!c.livekitApiSecret) problems.push('LIVEKIT_API_SECRET is required');
  else if (production && (c.livekitApiSecret.length < SECRET_MIN || c.livekitApiSecret === 'secret'))
    problems.push(`LIVEKIT_API_SECRET is too weak for production: use at least ${SECRET_MIN} random characters (openssl rand -base64 32)`);
  if (c.policy === 'open' && production && !c.allowOpen)
    problems.push(
      'CONFAB_POLICY=open lets anyone on the internet into any room: refused in production. Choose invite, jwt or host-tokens, or set CONFAB_ALLOW_OPEN=1 on a development box.',
    );
  if (c.policy === 'invite' && (!c.inviteSecret || c.inviteSecret.length < SECRET_MIN))
    problems.push(`CONFAB_POLICY=invite needs CONFAB_INVITE_SECRET of at least ${SECRET_MIN} characters`);
  if (c.policy === 'jwt' && !c.jwksUrl) problems.push('CONFAB_POLICY=jwt needs CONFAB_JWKS_URL');
  if (c.policy === 'jwt' && !c.jwtIssuer) problems.push('CONFAB_POLICY=jwt needs CONFAB_JWT_ISSUER');
  if (production && !c.allowedHosts.length)
    problems.push('CONFAB_PUBLIC_URL (or CONFAB_ALLOWED_HOSTS) is required in production: the Host header check uses it');
  for (const origin of c.allowedOrigins)
    if (!/^https?:\/\/[^/*\s]+(:\*)?$/.test(origin))
      problems.push(`CONFAB_ALLOWED_ORIGINS: "${origin}" is not an origin (https://host, or https://host:* for any port)`);
  return problems;
}

/** `confab-server --help`: every setting, from the schema. */
export function helpText(): string {
  const lines = [
    'confab-server: the Confab widget, its embed page and the API that decides who may enter.',
    '',
    'Usage:',
    '  confab-server [--config file.json]          start the server',
    '  confab-server invite --room R --role host|guest [--name N] [--ttl 1h] [--single-use] [--lobby]',
    '                                               print an invite link (the invite policy)',
    '  confab-server --help',
    '',
    'Settings: environment variables, or the same names camelCased in a JSON config file.',
    '',
  ];
  for (const setting of Object.values(SETTINGS) as Setting[]) {
    const kind = setting.kind;
    const values = kind.type === 'enum' ? ` (${kind.values.join('|')})` : kind.type === 'int' ? ` (${kind.min}–${kind.max})` : '';
    const def = setting.default !== undefined ? ` [default: ${setting.default}]` : '';
    lines.push(`  ${setting.env}${values}${def}`, `      ${setting.help}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every setting as a Markdown table (embed.md carries it; a unit test keeps the two the same). */
export function settingsTable(): string {
  const rows = (Object.entries(SETTINGS) as Array<[SettingKey, Setting]>).map(([key, s]) => {
    const values =
      s.kind.type === 'enum'
        ? s.kind.values.map((v) => `\`${v}\``).join(' ')
        : s.kind.type === 'int'
          ? `${s.kind.min}–${s.kind.max}`
          : s.kind.type;
    const def = s.default !== undefined ? `\`${s.default}\`` : '—';
    const dev = s.dev !== undefined ? `\`${s.dev}\`` : '';
    return `| \`${s.env}\` | \`${key}\` | ${values} | ${def} | ${dev} | ${s.help.replace(/\|/g, '\\|')} |`;
  });
  return ['| environment | config file | values | default | `--dev` | meaning |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** A setting's value as a log line may show it: secrets never. */
export function printable(config: ServerConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(SETTINGS) as Array<[SettingKey, Setting]>) {
    const value = config[key];
    out[setting.env] = 'secret' in setting.kind && setting.kind.secret ? (value ? '(set)' : '(unset)') : value;
  }
  return out;
}
