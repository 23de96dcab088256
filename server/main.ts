// Starting and stopping the Confab server: settings checked (every problem at once, then exit 1),
// shared state chosen (Redis when REDIS_URL is set), the HTTP app built, and a graceful shutdown
// that drains requests in flight.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, limitsOf, type ConfabApp } from './app.js';
import { loadConfig, printable, type ServerConfig } from './config.js';
import { memoryState, redisState, type SharedState } from './state.js';

export interface RunningServer {
  url: string;
  config: ServerConfig;
  app: ConfabApp;
  state: SharedState;
  close(): Promise<void>;
}

/**
 * The built widget this server serves: CONFAB_STATIC_DIR, else the nearest `widget/` (the copy inside
 * the published package) or `dist/` (a checkout) above this module.
 */
export function widgetDir(config: ServerConfig): string {
  if (config.staticDir) return resolve(config.staticDir);
  let dir = dirname(fileURLToPath(import.meta.url));
  const looked: string[] = [];
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    for (const name of ['widget', 'dist']) {
      const candidate = join(dir, name);
      looked.push(candidate);
      if (existsSync(join(candidate, 'embed.html'))) return candidate;
    }
  }
  throw new Error(`No built widget found (looked in ${looked.join(', ')}): run npm run build, or set CONFAB_STATIC_DIR.`);
}

export function readConfigFile(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${path}: a JSON object of settings is expected`);
  return parsed as Record<string, unknown>;
}

/** Starts the server; rejects with every configuration problem listed. */
export async function startServer(options: {
  env?: Record<string, string | undefined>;
  file?: Record<string, unknown>;
  dev?: boolean;
  logger?: boolean;
  overrides?: Partial<ServerConfig>;
}): Promise<RunningServer> {
  const { config: loaded, problems } = loadConfig(options.env ?? process.env, options.file, options.dev);
  if (problems.length) throw new Error(`The Confab server cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const config = { ...loaded, ...options.overrides };
  const limits = limitsOf(config);
  const state = config.redisUrl ? redisState(config.redisUrl, limits) : memoryState(limits);
  const app = await buildApp({ config, state, staticDir: widgetDir(config), ...(options.logger === false ? { logger: false } : {}) });
  const address = await app.app.listen({ port: config.port, host: config.host });
  app.app.log.info({ settings: printable(config) }, `Confab server on ${address} (policy ${config.policy})`);
  let closing: Promise<void> | null = null;
  return {
    url: address.replace('0.0.0.0', '127.0.0.1'),
    config,
    app,
    state,
    close() {
      // Stops taking connections, lets requests in flight finish, then lets go of Redis.
      closing ??= app.app.close().then(() => state.close());
      return closing;
    },
  };
}

/** Ctrl-C / SIGTERM: drain, then exit (a second signal, or 10 s, exits at once). */
export function closeOnSignals(server: RunningServer): void {
  let asked = false;
  const stop = () => {
    if (asked) process.exit(1);
    asked = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
