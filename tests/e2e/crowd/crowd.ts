// A crowd of synthetic participants for load tests, in a process of its own (publishers.mjs): N
// people join a room of the real server, each publishing a small camera. Cheap enough for 25+ on
// 2 cores; the test runner's heap and event loop stay its own.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Crowd {
  /** The identities, in join order. */
  readonly identities: string[];
  stop(): Promise<void>;
}

/** `count` people join `room` at once (a burst), each publishing video at `fps`; resolves once all publish. */
export async function crowd(url: string, room: string, count: number, options: { prefix?: string; fps?: number } = {}): Promise<Crowd> {
  const child = spawn(
    process.execPath,
    [
      new URL('./publishers.mjs', import.meta.url).pathname,
      url,
      room,
      String(count),
      options.prefix ?? 'synthetic',
      String(options.fps ?? 5),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const identities = await new Promise<string[]>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{"ready"')) return;
      resolve((JSON.parse(line) as { ready: string[] }).ready);
    });
    child.once('exit', (code) => reject(new Error(`the synthetic crowd exited (${code ?? 'signal'}) before everyone published`)));
  });
  return {
    identities,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
