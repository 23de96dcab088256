import { spawn } from 'node:child_process';
import { startServer } from '../scripts/livekit.mjs';
import { confabServer, launchBrowser, opener } from './pages.mjs';
const livekit = await startServer({ port: 7893, quiet: true, logLevel: 'warn' });
const app = await confabServer(8206, livekit.url);
const browser = await launchBrowser();
const open = opener(browser, 'http://127.0.0.1:8206', '');
try {
  const page = await open.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 200)));
  await page.goto(`http://127.0.0.1:8206/?room=lroom3&name=Ada&prejoin=off&video=off&audio=off`);
  await page.locator('confab-meeting[data-state="connected"]').waitFor({ timeout: 60000 });
  await page.evaluate(() => document.querySelector('confab-meeting').openPanel('chat'));
  const peer = spawn(process.execPath, ['tests/e2e/crowd/legacy-chat-peer.mjs', livekit.url.replace('http', 'ws'), 'lroom3', 'oldie'], {
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  await new Promise((r) => setTimeout(r, 4000));
  peer.stdin.write('{"send":"hello old"}\n');
  await new Promise((r) => setTimeout(r, 3000));
  console.log('rows', await page.locator('confab-chat [data-message-id]').allTextContents());
  console.log(
    'participants',
    JSON.stringify((await page.evaluate(() => document.querySelector('confab-meeting').getState())).participants.map((p) => p.identity)),
  );
  peer.kill();
} finally {
  await browser.close();
  await app.close();
  await livekit.stop();
}
