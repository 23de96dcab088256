// `npm start` as a newcomer uses it: it serves the demo, the bundle and the token endpoint, and on
// SIGTERM stops every child process and frees every port.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { test } from 'node:test';

const PORT = 8280;
const LIVEKIT_PORT = 7980;

const portOpen = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

test('npm start serves the app and SIGTERM leaves no process or port behind', { timeout: 180_000 }, async () => {
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(PORT), LIVEKIT_PORT: String(LIVEKIT_PORT) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  try {
    const deadline = Date.now() + 170_000;
    while (!output.includes('Confab is running')) {
      assert.ok(Date.now() < deadline, `npm start did not become ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(output, new RegExp(`http://127\\.0\\.0\\.1:${PORT}/`));
    const base = `http://127.0.0.1:${PORT}`;
    assert.equal((await fetch(`${base}/`)).status, 200);
    const bundle = await fetch(`${base}/confab.js`);
    assert.equal(bundle.headers.get('access-control-allow-origin'), '*');
    const token = await (await fetch(`${base}/api/token?room=standup&name=Ada`)).json();
    assert.equal(token.serverUrl, `ws://127.0.0.1:${LIVEKIT_PORT}`);
    assert.equal((await fetch(`${base}/api/token?room=a%20b&name=Ada`)).status, 400);
    assert.ok(await portOpen(LIVEKIT_PORT), 'LiveKit listens');
  } finally {
    child.kill('SIGTERM');
  }
  await exited;
  const deadline = Date.now() + 10_000;
  while ((await portOpen(PORT)) || (await portOpen(LIVEKIT_PORT))) {
    assert.ok(Date.now() < deadline, 'a port is still bound after SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
  }
});
