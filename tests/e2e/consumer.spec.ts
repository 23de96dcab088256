// The npm package as a developer gets it: `npm pack`, unpacked into a fresh Vite + TypeScript app,
// typechecked strictly, built by the app's own bundler (which must find the effects worker from the
// package's `new Worker(new URL(…), import.meta.url)`), with the documented copy of the blur assets,
// and a real call joined from that build with background blur on.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { uniqueRoom } from './pages/meeting.js';
import { expect, test } from './pages/test.js';

const root = resolve(import.meta.dirname, '../..');

test('a Vite + TypeScript app built from the packed package joins a call with blur on', async ({ page }) => {
  test.setTimeout(180_000);
  // Inside the checkout, so that the package's dependencies (lit, livekit-client, zustand) resolve
  // from its node_modules, as they would from the app's own after `npm install confab`.
  const work = join(root, 'test-results', 'consumer');
  rmSync(work, { recursive: true, force: true });
  const app = join(work, 'app');
  const installed = join(app, 'node_modules', 'confab');
  mkdirSync(installed, { recursive: true });
  execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', installed, '--strip-components=1']);

  mkdirSync(join(app, 'src'));
  writeFileSync(
    join(app, 'src', 'main.ts'),
    `import 'confab/define';
import type { ConfabMeeting } from 'confab';

const room = new URLSearchParams(location.search).get('room') ?? 'consumer';
const meeting = document.createElement('confab-meeting') as ConfabMeeting;
meeting.setAttribute('token-endpoint', 'http://127.0.0.1:8190/api/token');
meeting.setAttribute('room', room);
meeting.setAttribute('name', 'Vita');
meeting.setAttribute('prejoin', 'off');
meeting.setAttribute('blur', 'on');
meeting.addEventListener('confab-joined', (event) => {
  const detail: { identity: string } = event.detail;
  document.title = \`joined as \${detail.identity}\`;
});
document.body.append(meeting);
`,
  );
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>consumer</title></head><body><script type="module" src="./src/main.ts"></script></body></html>',
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom', 'dom.iterable'],
        types: [],
        noEmit: true,
        skipLibCheck: false,
      },
      include: ['src'],
    }),
  );
  execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(app, 'tsconfig.json')], { stdio: 'pipe' });
  // The documented step: the blur assets beside the app's pages (embed.md, "npm package").
  cpSync(join(installed, 'dist', 'lib', 'mediapipe'), join(app, 'public', 'mediapipe'), { recursive: true });

  const { build } = await import('vite');
  await build({
    root: app,
    base: './',
    configFile: false,
    logLevel: 'warn',
    build: { outDir: join(root, 'tests/e2e/fixtures/consumer'), emptyOutDir: true },
  });

  const workerRequests: number[] = [];
  page.on('response', (r) => {
    if (/effects-worker[^/]*\.js$/.test(r.url())) workerRequests.push(r.status());
  });
  await page.goto(`http://127.0.0.1:8191/consumer/index.html?room=${uniqueRoom('consumer')}`);
  const meeting = page.locator('confab-meeting');
  await expect(meeting).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(page).toHaveTitle(/^joined as vita-/);
  const blur = page.locator('confab-control-bar button[data-control="blur"]');
  await expect(blur).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  // The effect is running (its compositor chosen), in the worker the app's bundler emitted.
  await expect(blur).toHaveAttribute('data-compositor', /^(canvas|webgl)$/, { timeout: 30_000 });
  expect(workerRequests).toEqual([200]);
});
