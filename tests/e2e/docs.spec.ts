// Docs that cannot drift: every HTML and JavaScript block of embed.md and the README runs here as a
// site owner would paste it — on a page of another origin, under the Content-Security-Policy that
// embed.md §7 recommends (read from embed.md itself) — with only the placeholders substituted: the
// example domains become this machine's Confab server and LiveKit, the token a real one, the site's
// own endpoints (`/api/token`, `/my/livekit-token`) a stand-in backend on the page's origin, and an
// inline script gets the page's nonce. The page is a file of the host origin's static server (a page
// Playwright made up would count as a public address, which Chromium bars from loopback), its policy
// in a <meta http-equiv> (everything §7 names can be set there). Each must give a meeting that works: no CSP violation (the
// fixture fails on any), no page error, every meeting on its pre-join or in the call.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { uniqueRoom } from './pages/meeting.js';
import { expect, test, type Page } from './pages/test.js';

const root = resolve(import.meta.dirname, '../..');
const APP = 'http://127.0.0.1:8190';
const SITE = 'http://127.0.0.1:8192';
const LIVEKIT = 'ws://127.0.0.1:7890';
const NONCE = 'docs-test-nonce';

type Block = { file: string; line: number; lang: string; code: string };
function blocks(file: string): Block[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^```(html|js)\n([\s\S]*?)^```/gm)].map((m) => ({
    file,
    line: text.slice(0, m.index).split('\n').length,
    lang: m[1]!,
    code: m[2]!,
  }));
}
const BLOCKS = [...blocks('embed.md'), ...blocks('README.md')];

/** embed.md §7's policy for a host page, with its placeholders and this page's nonce. */
function recommendedPolicy(): string {
  const text = readFileSync(join(root, 'embed.md'), 'utf8');
  const section = text.slice(text.indexOf('## 7. Content Security Policy'));
  const policy = /^```\nContent-Security-Policy: ([\s\S]*?)^```/m.exec(section)?.[1];
  if (!policy) throw new Error('embed.md §7 has no Content-Security-Policy block');
  return substitute(policy.replace(/\s+/g, ' ').trim()).replace("script-src 'self'", `script-src 'self' 'nonce-${NONCE}'`);
}

function substitute(code: string, room = 'standup', token = ''): string {
  return code
    .replaceAll('https://confab.example.com', APP)
    .replaceAll('http://127.0.0.1:8080', APP)
    .replaceAll('wss://lk.example.com', LIVEKIT)
    .replaceAll('https://lk.example.com', LIVEKIT.replace('ws:', 'http:'))
    .replaceAll('eyJhbGciOi…', token)
    .replace(/(room="|room: '|room=)standup\b/g, `$1${room}`);
}

async function tokenFor(room: string, name: string): Promise<string> {
  const at = new AccessToken('devkey', 'secret', { identity: `docs-${Math.random().toString(36).slice(2, 8)}`, name });
  at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: true });
  return at.toJwt();
}

/** The site's own token endpoints, backed by the Confab server's (a proxy) or minted here (your backend). */
async function serveBackend(page: Page, room: string) {
  await page.route(`${SITE}/api/token?*`, async (route) => {
    const query = new URL(route.request().url()).search;
    const answer = await fetch(`${APP}/api/token${query}`);
    await route.fulfill({ status: answer.status, contentType: 'application/json', body: await answer.text() });
  });
  await page.route(`${SITE}/my/livekit-token`, async (route) => {
    const { name } = route.request().postDataJSON() as { name?: string };
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ serverUrl: LIVEKIT, token: await tokenFor(room, name ?? 'Provided') }),
    });
  });
}

/** A JavaScript block runs beside the element it talks to, as the text around it describes. */
function pageFor(block: Block, room: string, token: string): string {
  const code = substitute(block.code, room, token).replace(/<script(?![^>]*\bsrc=)/g, `<script nonce="${NONCE}"`);
  // A fragment of a page (the custom layout) goes on a page that loads confab.js, as §1.1 does.
  const loader = `<script type="module" src="${APP}/confab.js"></script>`;
  const body =
    block.lang === 'html'
      ? code.includes('confab.js') || !code.includes('<confab-')
        ? code
        : `${loader}\n${code}`
      : `${loader}
<confab-meeting token-endpoint="/api/token" room="${room}" name="Docs Reader" prejoin="${block.code.includes('tokenProvider') ? 'off' : 'on'}"></confab-meeting>
<script type="module" nonce="${NONCE}">${code}</script>`;
  const policy = recommendedPolicy().replaceAll('"', '&quot;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}">
<title>docs block</title><link rel="stylesheet" href="site.css"></head><body>${body}</body></html>`;
}

for (const block of BLOCKS) {
  test(`${block.file}:${block.line} (${block.lang}) works as pasted, under the recommended CSP`, async ({ page }) => {
    const room = uniqueRoom('docs');
    const errors: string[] = [];
    const logs: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => logs.push(m.text()));
    const pages = join(root, 'tests/e2e/fixtures/docs');
    mkdirSync(pages, { recursive: true });
    // The site's stylesheet: the height §1.1 tells you to give, and every CSS block of the guide.
    const css = [...readFileSync(join(root, 'embed.md'), 'utf8').matchAll(/^```css\n([\s\S]*?)^```/gm)].map((m) => m[1]);
    writeFileSync(join(pages, 'site.css'), ['confab-meeting, #meeting { display: block; height: 640px }', ...css].join('\n'));
    const file = `${block.file.replace('.md', '')}-${block.line}.html`;
    writeFileSync(join(pages, file), pageFor(block, room, await tokenFor(room, 'Token Holder')));
    await serveBackend(page, room);
    await page.goto(`${SITE}/docs/${file}`);

    const frame = page.frameLocator('iframe');
    const framed = block.code.includes('<iframe') || block.code.includes('createFrame');
    const meetings = (framed ? frame : page).locator('confab-meeting');
    await expect(meetings.first()).toBeAttached();
    for (const meeting of await meetings.all())
      await expect(meeting).toHaveAttribute('data-state', /^(prejoin|connected)$/, { timeout: 20_000 });
    // What each block says it does.
    if (block.code.includes('createFrame')) {
      await expect(meetings.first()).toHaveAttribute('data-state', 'connected');
      await expect.poll(() => logs.join('\n')).toMatch(/joined as \S+/);
    }
    if (block.code.includes('tokenProvider')) await expect(meetings.first()).toHaveAttribute('data-state', 'connected');
    // A token's name is the name: the pre-join says who you will join as.
    if (block.code.includes('eyJhbGciOi'))
      await expect(page.locator('confab-meeting[token] confab-prejoin [data-name-from-token]')).toContainText('Token Holder');
    // The custom layout: the page's own section holds the call's elements.
    if (block.code.includes('<confab-grid')) {
      await page.locator('confab-prejoin').getByRole('textbox').fill('Layla');
      await page.locator('confab-prejoin button.join').click();
      await expect(page.locator('confab-meeting')).toHaveAttribute('data-state', 'connected');
      await expect(page.locator('confab-meeting > section h2')).toBeVisible();
      await expect(page.locator('confab-meeting > section confab-grid confab-tile[data-local]')).toBeVisible();
    }
    if (block.code.includes('.strings =')) await expect(page.locator('confab-prejoin button.join')).toHaveText('Enter the classroom');
    expect(errors).toEqual([]);
  });
}

test('the recommended CSP is enough for background blur and end-to-end encryption from another origin', async ({ page }) => {
  const room = uniqueRoom('docs-csp');
  const pages = join(root, 'tests/e2e/fixtures/docs');
  mkdirSync(pages, { recursive: true });
  const block: Block = {
    file: 'csp',
    line: 0,
    lang: 'html',
    code: `<script type="module" src="https://confab.example.com/confab.js"></script>
<confab-meeting token-endpoint="/api/token" room="standup" name="Cy" prejoin="off" blur="on" e2ee="on"></confab-meeting>
<script type="module">document.querySelector('confab-meeting').e2eeKey = 'a shared passphrase';</script>`,
  };
  writeFileSync(join(pages, 'csp.html'), pageFor(block, room, ''));
  await serveBackend(page, room);
  await page.goto(`${SITE}/docs/csp.html`);
  const meeting = page.locator('confab-meeting');
  await expect(meeting).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(meeting).toHaveAttribute('data-encrypted', '');
  await expect(page.locator('confab-control-bar button[data-control="blur"]')).toHaveAttribute('data-compositor', /^(canvas|webgl)$/, {
    timeout: 30_000,
  });
});
