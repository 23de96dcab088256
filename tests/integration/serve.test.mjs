// The dev server (`npm start`, the E2E suite) as an attacker would probe it: hostile paths, links
// out of the served folder, methods, and cross-origin token requests.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createAppServer, listen } from '../../scripts/serve.mjs';

let server;
let port;
let dist;

before(async () => {
  dist = mkdtempSync(join(tmpdir(), 'confab-serve-'));
  mkdirSync(join(dist, 'chunks'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(dist, 'confab.js'), 'export {};');
  const outside = mkdtempSync(join(tmpdir(), 'confab-secret-'));
  writeFileSync(join(outside, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(outside, 'secret.txt'), join(dist, 'planted.txt'));
  symlinkSync('/etc/passwd', join(dist, 'chunks', 'passwd.js'));
  server = createAppServer({ distDir: dist, livekitUrl: 'ws://127.0.0.1:7880' });
  await listen(server, 0);
  port = server.address().port;
});

after(() => server.close());

/** A raw request: the path goes out exactly as written (fetch would normalise it). */
function get(path, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a NUL or control character in the path is a 400 that reveals no file-system path', async () => {
  for (const path of ['/%00', '/confab.js%00.html', '/%0a']) {
    const res = await get(path);
    assert.equal(res.status, 400, path);
    assert.ok(!res.body.includes(dist) && !res.body.includes('/tmp'), `${path}: ${res.body}`);
  }
});

test('links inside the served folder never lead out of it', async () => {
  for (const path of ['/planted.txt', '/chunks/passwd.js']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.ok(!res.body.includes('TOP SECRET') && !res.body.includes('root:'), path);
  }
  assert.equal((await get('/confab.js')).status, 200);
});

test('every response says nosniff; a refused method says what is allowed', async () => {
  for (const path of ['/', '/confab.js', '/missing', '/api/token?room=r&name=Ada', '/confab.config.json']) {
    assert.equal((await get(path)).headers['x-content-type-options'], 'nosniff', path);
  }
  const res = await get('/confab.js', { method: 'POST' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.allow, 'GET, HEAD');
});

test('the token endpoint answers loopback origins across origins, and no other', async () => {
  const loopback = await get('/api/token?room=r&name=Ada', { headers: { origin: 'http://localhost:8191' } });
  assert.equal(loopback.status, 200);
  assert.equal(loopback.headers['access-control-allow-origin'], 'http://localhost:8191');
  assert.match(loopback.headers.vary ?? '', /Origin/);
  for (const origin of ['https://evil.example', 'http://127.0.0.1.evil.example', 'null']) {
    const res = await get('/api/token?room=r&name=Ada', { headers: { origin } });
    assert.equal(res.headers['access-control-allow-origin'], undefined, origin);
  }
  // The bundle itself stays loadable from anywhere, as from a CDN (contract §8).
  assert.equal((await get('/confab.js', { headers: { origin: 'https://evil.example' } })).headers['access-control-allow-origin'], '*');
});

test('the token endpoint refuses bad input with a JSON 400', async () => {
  for (const query of ['room=&name=Ada', 'room=a%20b&name=Ada', 'room=r&name=', 'room=r&name=%E2%80%AEevil', 'room=r&name=%E2%80%8B', `room=r&name=${'x'.repeat(65)}`]) {
    const res = await get(`/api/token?${query}`);
    assert.equal(res.status, 400, query);
    assert.match(res.headers['content-type'], /application\/json/);
    assert.ok(JSON.parse(res.body).error, query);
  }
});
