#!/usr/bin/env node
// Provisions and runs the official LiveKit server (pinned), never a mock.
//   node scripts/livekit.mjs ensure           find or build the binary, print its path
//   node scripts/livekit.mjs run [--port N] [--log-level warn]   start it --dev on 127.0.0.1 until Ctrl-C
//   node scripts/livekit.mjs cluster [--port N]   Redis + two nodes (N and N+20) in LiveKit's own cluster mode
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isExecutable } from './lib/executable.mjs';

export const LIVEKIT_VERSION = 'v1.13.5';
const MODULE = `github.com/livekit/livekit-server/cmd/server@${LIVEKIT_VERSION}`;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheBin = join(root, '.cache', 'livekit', LIVEKIT_VERSION, 'bin');
export const DEV_KEY = 'devkey';
export const DEV_SECRET = 'secret';

const log = (msg) => process.stderr.write(`[livekit] ${msg}\n`);

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** The binary to use, without building: LIVEKIT_SERVER_BIN › project cache › PATH. */
export function findBinary() {
  const fromEnv = process.env.LIVEKIT_SERVER_BIN;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`LIVEKIT_SERVER_BIN=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  const cached = join(cacheBin, 'server');
  if (isExecutable(cached)) return cached;
  return onPath('livekit-server');
}

function goVersion() {
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return r.stdout.trim();
}

/** Builds the pinned server with `go install` into the git-ignored cache, printing progress. */
export async function buildBinary() {
  const go = goVersion();
  if (!go) {
    throw new Error(
      'LiveKit server not found and Go is not installed.\n' +
        '  Install Go 1.26 or newer (https://go.dev/doc/install) and run this again,\n' +
        '  or set LIVEKIT_SERVER_BIN to a livekit-server binary, or put livekit-server on your PATH.',
    );
  }
  mkdirSync(cacheBin, { recursive: true });
  log(`Building LiveKit server ${LIVEKIT_VERSION} with ${go} (first run only; takes a few minutes)…`);
  const started = Date.now();
  const child = spawn('go', ['install', '-v', MODULE], {
    env: { ...process.env, GOBIN: cacheBin, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let downloaded = 0;
  let compiled = 0;
  let tail = [];
  const onLine = (line) => {
    if (!line.trim()) return;
    if (line.startsWith('go: downloading')) downloaded += 1;
    else compiled += 1;
    tail = [...tail.slice(-20), line];
  };
  let buffer = '';
  const feed = (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    lines.forEach(onLine);
  };
  child.stdout.setEncoding('utf8').on('data', feed);
  child.stderr.setEncoding('utf8').on('data', feed);
  const timer = setInterval(() => {
    const s = Math.round((Date.now() - started) / 1000);
    log(`  still building… ${s}s, ${downloaded} modules downloaded, ${compiled} packages compiled`);
  }, 10_000);
  const code = await new Promise((res) => child.on('close', res));
  clearInterval(timer);
  const bin = join(cacheBin, 'server');
  if (code !== 0 || !isExecutable(bin)) {
    throw new Error(`go install ${MODULE} failed (exit ${code}):\n${tail.join('\n')}`);
  }
  log(`Built ${bin} in ${Math.round((Date.now() - started) / 1000)}s.`);
  return bin;
}

export async function ensureBinary() {
  return findBinary() ?? (await buildBinary());
}

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Starts livekit-server --dev on 127.0.0.1 and resolves once it answers HTTP.
 * The three ports are port (HTTP/WS), port+1 (RTC TCP) and port+2 (RTC UDP), so several servers can
 * run side by side (dev on 7880, tests on 7890).
 */
/**
 * Without `keys`, LiveKit's development mode (devkey/secret); with them, those keys only (the tests of
 * a production Confab server give LiveKit a strong key of their own).
 * @param {{ port?: number, quiet?: boolean, logLevel?: string, redis?: string, keys?: Record<string, string> }} [options]
 */
export async function startServer({ port = 7880, quiet = false, logLevel = 'info', redis = undefined, keys = undefined } = {}) {
  const bin = await ensureBinary();
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url)) throw new Error(`Port ${port} is already serving something; stop it or choose another port.`);
  const config = [
    `port: ${port}`,
    'rtc:',
    `  tcp_port: ${port + 1}`,
    `  udp_port: ${port + 2}`,
    'logging:',
    // The node id is read from the start-up line, so a cluster node always logs at info level.
    `  level: ${redis ? 'info' : logLevel}`,
    // Any redis section puts the server in LiveKit's distributed mode: nodes share rooms through it.
    ...(redis ? ['redis:', `  address: ${redis}`] : []),
    ...(keys ? ['keys:', ...Object.entries(keys).map(([key, secret]) => `  ${key}: ${secret}`)] : []),
  ].join('\n');
  // livekit-server reads LIVEKIT_PORT itself, over --config-body: our own LIVEKIT_PORT (the dev
  // port, which a second cluster node must not take) stays ours.
  const env = { ...process.env };
  delete env.LIVEKIT_PORT;
  const child = spawn(bin, [...(keys ? [] : ['--dev']), '--bind', '127.0.0.1', '--node-ip', '127.0.0.1', '--config-body', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let nodeId = null;
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      const text = chunk.toString();
      nodeId ??= /"nodeID":\s*"([^"]+)"/.exec(text)?.[1] ?? /nodeID[=:\s]+"?(ND_\w+)/.exec(text)?.[1] ?? null;
      if (!quiet) (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
    });
  }
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 30_000;
  while (!(await answers(url))) {
    if (exited) throw new Error(`livekit-server exited during start-up (${JSON.stringify(exited)}).`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`livekit-server did not answer on ${url} within 30 s.`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const stop = () =>
    new Promise((res) => {
      if (exited) return res();
      child.once('exit', () => res());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl: url,
    pid: child.pid,
    child,
    stop,
    get nodeId() {
      return nodeId;
    },
  };
}

/** Starts Debian's redis-server on 127.0.0.1 (no persistence), for LiveKit's cluster mode. */
export async function startRedis({ port = 6379 } = {}) {
  const { ensureRedis } = await import('./lib/apt.mjs');
  const bin = ensureRedis();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 10_000;
  const { createConnection } = await import('node:net');
  const open = () =>
    new Promise((res) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.end();
        res(true);
      });
      socket.on('error', () => res(false));
    });
  while (!(await open())) {
    if (exited) throw new Error(`redis-server exited during start-up (${JSON.stringify(exited)}); is port ${port} free?`);
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within 10 s.`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise((res) => {
      if (exited) return res();
      child.once('exit', () => res());
      child.kill('SIGTERM');
    });
  return { address: `127.0.0.1:${port}`, child, stop };
}

/**
 * LiveKit's own scale-out, on one machine: Redis and two nodes (ports `port` and `port + 20`, each
 * with its RTC ports beside it). A room lives on one node; a client connected to the other reaches
 * it through that node's signal relay.
 */
export async function startCluster({ port = 7880, redisPort = 6379, quiet = true } = {}) {
  const redis = await startRedis({ port: redisPort });
  const nodes = [];
  try {
    nodes.push(await startServer({ port, quiet, redis: redis.address }));
    nodes.push(await startServer({ port: port + 20, quiet, redis: redis.address }));
  } catch (error) {
    await Promise.all(nodes.map((n) => n.stop()));
    await redis.stop();
    throw error;
  }
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await redis.stop();
  };
  return { redis, nodes, stop };
}

async function main() {
  const [cmd = 'run', ...rest] = process.argv.slice(2);
  const portArg = rest.indexOf('--port');
  const port = portArg >= 0 ? Number(rest[portArg + 1]) : Number(process.env.LIVEKIT_PORT ?? 7880);
  const levelArg = rest.indexOf('--log-level');
  const logLevel = levelArg >= 0 ? rest[levelArg + 1] : 'info';
  if (cmd === 'ensure') {
    process.stdout.write(`${await ensureBinary()}\n`);
    return;
  }
  if (cmd === 'cluster') {
    const cluster = await startCluster({ port, quiet: false });
    log(`LiveKit cluster: ${cluster.nodes.map((n) => `${n.url} (${n.nodeId})`).join(' and ')}, sharing Redis at ${cluster.redis.address}`);
    const shutdown = async () => {
      await cluster.stop();
      process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    return;
  }
  if (cmd !== 'run') throw new Error(`unknown command ${cmd}; use "ensure", "run" or "cluster"`);
  const server = await startServer({ port, logLevel });
  log(`LiveKit ${LIVEKIT_VERSION} ready on ${server.url} (dev keys ${DEV_KEY}/${DEV_SECRET})`);
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  server.child.on('exit', (code) => process.exit(code ?? 1));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
