// LiveKit's own VideoConference page (tests/e2e/meet/), built once per test worker for the specs that
// put it in a room beside Confab (chat interop, encryption interop).
import { execFileSync } from 'node:child_process';

let built = false;

export function buildMeet(): void {
  if (built) return;
  execFileSync('npx', ['vite', 'build', '--config', 'tests/e2e/meet/vite.config.mjs'], { stdio: 'inherit' });
  built = true;
}

/** The page's address on the static host server (tests/e2e/fixtures/). */
export function meetUrl(room: string, name: string, passphrase?: string): string {
  const hash = passphrase ? `#${encodeURIComponent(passphrase)}` : '';
  return `http://127.0.0.1:8191/meet/index.html?${new URLSearchParams({ room, name })}${hash}`;
}
