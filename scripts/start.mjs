#!/usr/bin/env node
// `npm start`: install what is missing, provision LiveKit, build the widget and the Confab server, and
// run the server in its development configuration (the open policy, loopback only).
// Ctrl-C (or SIGTERM) stops every child process.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/deps.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => process.stderr.write(`[confab] ${msg}\n`);

async function main() {
  ensureDependencies(root);
  const { ensureBinary, startServer, startCluster, LIVEKIT_VERSION } = await import('./livekit.mjs');
  await ensureBinary();

  say('Building the widget…');
  const { build } = await import('vite');
  const configFile = resolve(root, 'vite.config.ts');
  await build({ root, logLevel: 'warn', configFile });
  await build({ root, logLevel: 'warn', configFile, mode: 'frame' });
  say('Building the Confab server…');
  await build({ root, logLevel: 'warn', configFile, mode: 'server' });

  const livekitPort = Number(process.env.LIVEKIT_PORT ?? 7880);
  // `npm start -- --cluster` (or CONFAB_CLUSTER=1): LiveKit's own cluster mode, Redis + two nodes.
  const clustered = process.argv.includes('--cluster') || process.env.CONFAB_CLUSTER === '1';
  let livekit;
  let cluster = null;
  if (clustered) {
    say(`Starting a LiveKit ${LIVEKIT_VERSION} cluster: Redis and nodes on ws://127.0.0.1:${livekitPort} and :${livekitPort + 20}…`);
    cluster = await startCluster({
      port: livekitPort,
      redisPort: Number(process.env.REDIS_PORT ?? 6379),
      quiet: !process.env.LIVEKIT_LOGS,
    });
    livekit = { ...cluster.nodes[0], stop: () => cluster.stop(), child: cluster.nodes[0].child };
  } else {
    say(`Starting LiveKit ${LIVEKIT_VERSION} on ws://127.0.0.1:${livekitPort}…`);
    livekit = await startServer({ port: livekitPort, quiet: !process.env.LIVEKIT_LOGS });
  }

  const confab = await import('../server/dist/index.js');
  const port = Number(process.env.PORT ?? 8080);
  let app;
  try {
    app = await confab.startServer({
      dev: true,
      // Always the development configuration (vite's build set NODE_ENV=production in this process).
      env: { CONFAB_LOG_LEVEL: 'warn', ...process.env, NODE_ENV: 'development', LIVEKIT_URL: livekit.url, PORT: String(port) },
    });
  } catch (err) {
    await livekit.stop();
    const busy = err instanceof Error && 'code' in err && err.code === 'EADDRINUSE';
    throw new Error(busy ? `Port ${port} is busy; set PORT to another port.` : err instanceof Error ? err.message : String(err), {
      cause: err,
    });
  }

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('Stopping…');
    await Promise.all([app.close(), livekit.stop()]);
    say('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGHUP', () => void stop());
  // If whatever started us (npm, a shell, a process manager) dies without passing the signal on,
  // stop too rather than leave LiveKit and the app server running as orphans.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop();
  }, 1000).unref();
  livekit.child.on('exit', (code) => {
    if (!stopping) {
      say(`LiveKit exited unexpectedly (code ${code}).`);
      void stop(1);
    }
  });

  const url = `http://127.0.0.1:${port}/`;
  const clusterNote = cluster
    ? `  LiveKit cluster: ${cluster.nodes.map((n) => n.url).join(' and ')} sharing Redis at ${cluster.redis.address}; the token endpoint hands out the first.\n`
    : '';
  process.stdout.write(
    `\n  Confab is running: ${url}\n${clusterNote}  Open ${url}demo.html?room=standup in two tabs to start a call, or build an embed snippet at ${url}. Ctrl-C stops everything.\n\n`,
  );
}

main().catch((err) => {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
