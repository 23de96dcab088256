#!/usr/bin/env node
// `npm start`: install what is missing, provision LiveKit, build the widget, serve the demo.
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

  const { createAppServer, listen } = await import('./serve.mjs');
  const port = Number(process.env.PORT ?? 8080);
  const app = createAppServer({ livekitUrl: livekit.url });
  try {
    await listen(app, port);
  } catch (err) {
    await livekit.stop();
    throw new Error(`Port ${port} is busy (${err instanceof Error ? err.message : err}); set PORT to another port.`, { cause: err });
  }

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('Stopping…');
    app.closeAllConnections?.();
    await Promise.all([new Promise((r) => app.close(() => r())), livekit.stop()]);
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
    `\n  Confab is running: ${url}\n${clusterNote}  Open ${url}?room=standup in two tabs to start a call. Ctrl-C stops everything.\n\n`,
  );
}

main().catch((err) => {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
