// The snippet builder at the Confab server's `/`: a site owner picks a room and options, sees the real
// widget live, copies each snippet, and pastes it into a blank page on another origin — where the
// widget comes up configured as chosen and joins. The React snippet is built as a site would build
// it (Vite, React 19, the npm package's `confab/frame`).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { uniqueRoom } from './pages/meeting.js';
import { expect, test, type Frame, type Page } from './pages/test.js';

const BLANK = 'http://127.0.0.1:8191/host.html';
const root = resolve(import.meta.dirname, '../..');

test.use({ permissions: ['camera', 'microphone', 'clipboard-read', 'clipboard-write'] });

async function copied(page: Page, kind: 'iframe' | 'element' | 'helper' | 'react'): Promise<string> {
  await page.getByRole('tab', { name: { iframe: 'iframe', element: 'Element', helper: 'Host helper', react: 'React' }[kind] }).click();
  await page.locator(`[data-copy="${kind}"]`).click();
  await expect(page.locator(`[data-copy="${kind}"]`)).toHaveText('Copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toBe(await page.locator(`[data-snippet="${kind}"]`).textContent());
  return text;
}

/** The widget, wherever the snippet put it: dark, four tiles a page, no chat, and it joins. */
async function expectConfiguredAndJoins(scope: Page | Frame, room: string): Promise<void> {
  const meeting = scope.locator('confab-meeting');
  await expect(meeting).toHaveAttribute('data-theme', 'dark');
  await expect(meeting).toHaveAttribute('max-tiles', '4');
  await expect(meeting).toHaveAttribute('chat', 'off');
  await expect(meeting).toHaveAttribute('room', room);
  await expect(scope.locator('confab-prejoin input')).toHaveValue('Ada');
  await scope.getByRole('button', { name: 'Join meeting' }).click();
  await expect(meeting).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(scope.locator('confab-control-bar [data-control="microphone"]')).toBeVisible();
  await expect(scope.locator('confab-control-bar [data-control="chat"]')).toHaveCount(0);
}

const frameOf = async (page: Page): Promise<Frame> => {
  await expect(page.locator('iframe')).toHaveCount(1);
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  return frame!;
};

test('each copied snippet, pasted into a blank page on another origin, brings up the widget as chosen', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const room = uniqueRoom('builder');
  await page.goto('/');
  await page.locator('[data-option="room"]').fill(room);
  await page.locator('[data-option="room"]').press('Tab');
  await page.locator('[data-option="name"]').fill('Ada');
  await page.locator('[data-option="name"]').press('Tab');
  await page.locator('[data-option="theme"]').selectOption('dark');
  await page.locator('[data-option="chat"]').selectOption('off');
  await page.locator('[data-option="max-tiles"]').fill('4');
  await page.locator('[data-option="max-tiles"]').press('Tab');
  // The live preview is the real widget with exactly these settings.
  const preview = page.frameLocator('[data-preview]').locator('confab-meeting');
  await expect(preview).toHaveAttribute('data-theme', 'dark');
  await expect(preview).toHaveAttribute('room', room);

  const snippets = {
    iframe: await copied(page, 'iframe'),
    element: await copied(page, 'element'),
    helper: await copied(page, 'helper'),
    react: await copied(page, 'react'),
  };
  // Only what differs from the defaults, and nothing secret, goes into a snippet.
  const src = new URL(/src="([^"]+)"/.exec(snippets.iframe)![1]!.replaceAll('&amp;', '&'));
  expect(Object.fromEntries(src.searchParams)).toEqual({ room, name: 'Ada', theme: 'dark', chat: 'off', 'max-tiles': '4' });
  expect(snippets.element).not.toMatch(/audio=|video=|eyJ/);

  const blank = await browser.newPage();
  try {
    for (const kind of ['iframe', 'element', 'helper'] as const) {
      await blank.goto(BLANK);
      await blank.setContent(snippets[kind]);
      await expectConfiguredAndJoins(kind === 'element' ? blank : await frameOf(blank), room);
    }

    // React: the snippet as a component file of a Vite + React app that uses the npm package.
    // Inside the checkout, so that react, react-dom and lit resolve from its node_modules.
    const app = join(root, 'test-results', 'snippet-react-app');
    rmSync(app, { recursive: true, force: true });
    mkdirSync(join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'src', 'meeting.jsx'), snippets.react);
    writeFileSync(
      join(app, 'src', 'main.jsx'),
      "import { createRoot } from 'react-dom/client';\nimport { Meeting } from './meeting.jsx';\ncreateRoot(document.getElementById('root')).render(<Meeting />);\n",
    );
    writeFileSync(
      join(app, 'index.html'),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="./src/main.jsx"></script></body></html>',
    );
    const { build } = await import('vite');
    await build({
      root: app,
      base: './',
      configFile: false,
      logLevel: 'warn',
      oxc: { jsx: { runtime: 'automatic' } },
      resolve: { alias: { 'confab/frame': join(root, 'dist/lib/frame.js') } },
      define: { 'process.env.NODE_ENV': '"production"' },
      build: { outDir: join(root, 'tests/e2e/fixtures/snippet-react'), emptyOutDir: true },
    });
    await blank.goto('http://127.0.0.1:8191/snippet-react/index.html');
    await expectConfiguredAndJoins(await frameOf(blank), room);
  } finally {
    await blank.close();
  }
});
