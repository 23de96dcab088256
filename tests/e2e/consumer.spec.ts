// The npm package as a developer gets it: `npm pack`, unpacked into a fresh Vite + TypeScript app and
// a fresh React 19 app, each typechecked strictly (the Vite app under `moduleResolution: node` as well
// as `bundler`, the React app with the package's JSX typings), built by the app's own bundler (which
// must find the effects worker from the package's `new Worker(new URL(…), import.meta.url)`), with the
// documented copy of the blur assets, and a real call joined from each build with background blur on.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { uniqueRoom } from './pages/meeting.js';
import { expect, test, type Page } from './pages/test.js';

const root = resolve(import.meta.dirname, '../..');
// Inside the checkout, so that the package's dependencies (lit, livekit-client, zustand) and React
// resolve from its node_modules, as they would from the app's own after `npm install confab`.
const work = join(root, 'test-results', 'consumer');
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const TOKEN_ENDPOINT = 'http://127.0.0.1:8190/api/token';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let tarball = '';
test.beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // `npm run build` ran before the tests; the package's prepack would only build it again.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], { cwd: root, stdio: 'pipe' });
  tarball = join(
    work,
    readdirSync(work).find((f) => f.endsWith('.tgz'))!,
  );
});

/** A fresh app folder with the package unpacked into its node_modules, as `npm install` leaves it. */
function newApp(name: string, files: Record<string, string>): string {
  const app = join(work, name);
  const installed = join(app, 'node_modules', 'confab');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  // A package.json of its own: inside the checkout, the checkout's (named confab) would otherwise be
  // the scope and TypeScript would resolve `confab/…` to the checkout itself, not the tarball.
  const manifest = JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' });
  for (const [file, text] of Object.entries({ 'package.json': manifest, ...files })) {
    mkdirSync(join(app, file, '..'), { recursive: true });
    writeFileSync(join(app, file), text);
  }
  // The documented step: the blur assets beside the app's pages (embed.md, "npm package").
  cpSync(join(installed, 'dist', 'lib', 'mediapipe'), join(app, 'public', 'mediapipe'), { recursive: true });
  return app;
}

const compilerOptions = {
  strict: true,
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['es2022', 'dom', 'dom.iterable'],
  types: [],
  noEmit: true,
  skipLibCheck: false,
};

function typecheck(app: string, tsconfig: string, options: Record<string, unknown>) {
  writeFileSync(join(app, tsconfig), JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, include: ['src'] }));
  try {
    execFileSync(tsc, ['-p', join(app, tsconfig)], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`${tsconfig} of ${app} does not typecheck:\n${(error as { stdout?: Buffer }).stdout?.toString()}`, { cause: error });
  }
}

async function build(app: string, outDir: string) {
  const { build } = await import('vite');
  await build({
    root: app,
    base: './',
    configFile: false,
    logLevel: 'warn',
    build: { outDir: join(root, 'tests/e2e/fixtures', outDir), emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  });
}

/** Joins from the built page: connected under the app's name, blur running in the worker the app's bundler emitted. */
async function joinsWithBlur(page: Page, path: string, identity: RegExp) {
  const workerRequests: number[] = [];
  page.on('response', (r) => {
    if (/effects-worker[^/]*\.js$/.test(r.url())) workerRequests.push(r.status());
  });
  await page.goto(`http://127.0.0.1:8191/${path}?room=${uniqueRoom('consumer')}`);
  const meeting = page.locator('confab-meeting');
  await expect(meeting).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(page).toHaveTitle(identity);
  const blur = page.locator('confab-control-bar button[data-control="blur"]');
  await expect(blur).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await expect(blur).toHaveAttribute('data-compositor', /^(canvas|webgl)$/, { timeout: 30_000 });
  expect(workerRequests).toEqual([200]);
}

test('a Vite + TypeScript app built from the packed package joins a call with blur on', async ({ page }) => {
  const app = newApp('vite', {
    'src/main.ts': `import 'confab/define';
import type { ConfabMeeting, TokenProvider } from 'confab';

const room = new URLSearchParams(location.search).get('room') ?? 'consumer';
const meeting = document.createElement('confab-meeting') as ConfabMeeting;
meeting.setAttribute('token-endpoint', '${TOKEN_ENDPOINT}');
meeting.setAttribute('room', room);
meeting.setAttribute('name', 'Vita');
meeting.setAttribute('prejoin', 'off');
meeting.setAttribute('blur', 'on');
meeting.addEventListener('confab-joined', (event) => {
  const detail: { identity: string } = event.detail;
  document.title = \`joined as \${detail.identity}\`;
});
// Typed commands: a wrong argument is an error.
export const send = (text: string): Promise<string> => meeting.sendChatMessage(text);
// @ts-expect-error setLayout takes 'auto' | 'grid' | 'speaker'
export const wrong = () => meeting.setLayout('mosaic');
export const provider: TokenProvider | undefined = meeting.tokenProvider;
document.body.append(meeting);
`,
    'index.html':
      '<!doctype html><html><head><meta charset="utf-8"><title>consumer</title></head><body><script type="module" src="./src/main.ts"></script></body></html>',
  });
  typecheck(app, 'tsconfig.json', {});
  // The classic resolution many existing apps still use (typesVersions maps the subpaths).
  typecheck(app, 'tsconfig.node.json', { moduleResolution: 'node', module: 'esnext', ignoreDeprecations: '6.0' });
  await build(app, 'consumer');
  await joinsWithBlur(page, 'consumer/index.html', /^joined as vita-/);
});

test('a React 19 app built from the packed package, with its JSX typings, joins a call with blur on', async ({ page }) => {
  const app = newApp('react', {
    'src/main.tsx': `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'confab/define';
import type {} from 'confab/react';

const room = new URLSearchParams(location.search).get('room') ?? 'consumer';

function Meeting() {
  const [identity, setIdentity] = useState('');
  if (identity) document.title = \`joined as \${identity}\`;
  // React 19 sets backgroundBlur as the element's property; the event handler's detail is typed.
  return (
    <confab-meeting
      token-endpoint="${TOKEN_ENDPOINT}"
      room={room}
      name="Reya"
      prejoin="off"
      backgroundBlur="on"
      onconfab-joined={(event) => setIdentity(event.detail.identity)}
      style={{ display: 'block', height: 480 }}
    />
  );
}

// Typed attributes: a value outside the option's set is an error.
// @ts-expect-error prejoin is 'on' | 'off' | 'auto'
export const wrong = () => <confab-meeting prejoin="sometimes" />;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Meeting />
  </StrictMode>,
);
`,
    'index.html':
      '<!doctype html><html><head><meta charset="utf-8"><title>react</title></head><body><div id="root"></div><script type="module" src="./src/main.tsx"></script></body></html>',
  });
  typecheck(app, 'tsconfig.json', { jsx: 'react-jsx', types: [] });
  await build(app, 'consumer-react');
  await joinsWithBlur(page, 'consumer-react/index.html', /^joined as reya-/);
});
