// A small fault toolkit for E2E tests: a LiveKit server of the test's own (so killing it harms no
// other test), tokens for it, and the faults themselves — kill, restart, freeze, thaw.
import { AccessToken } from 'livekit-server-sdk';
import { startServer } from '../../../scripts/livekit.mjs';

interface Started {
  url: string;
  httpUrl: string;
  pid: number;
  child: import('node:child_process').ChildProcess;
  stop(): Promise<void>;
}

export interface FaultServer {
  /** ws:// URL for clients. */
  readonly url: string;
  readonly port: number;
  /** A token for this server (dev keys), with a chosen lifetime. */
  token(room: string, name: string, ttlSeconds?: number): Promise<string>;
  /** SIGKILL: the process is gone at once, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same ports (a fresh process: every room is gone). */
  restart(): Promise<void>;
  /** SIGSTOP / SIGCONT: the process hangs, its sockets stay open. */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

export async function startFaultServer(port: number, options: { redis?: string } = {}): Promise<FaultServer> {
  let server = (await startServer({ port, quiet: true, logLevel: 'warn', ...options })) as Started;
  let frozen = false;
  const kill = async () => {
    if (server.child.exitCode !== null || server.child.signalCode) return;
    const gone = new Promise((resolve) => server.child.once('exit', resolve));
    if (frozen) server.child.kill('SIGCONT');
    frozen = false;
    server.child.kill('SIGKILL');
    await gone;
  };
  return {
    url: server.url,
    port,
    async token(room, name, ttlSeconds = 600) {
      const at = new AccessToken('devkey', 'secret', {
        identity: `${name.toLowerCase().replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`,
        name,
        ttl: ttlSeconds,
      });
      at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true, canPublishData: true });
      return at.toJwt();
    },
    kill,
    async restart() {
      await kill();
      server = (await startServer({ port, quiet: true, logLevel: 'warn', ...options })) as Started;
    },
    freeze() {
      server.child.kill('SIGSTOP');
      frozen = true;
    },
    thaw() {
      server.child.kill('SIGCONT');
      frozen = false;
    },
    async stop() {
      if (frozen) server.child.kill('SIGCONT');
      frozen = false;
      await server.stop();
    },
  };
}
