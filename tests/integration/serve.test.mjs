// The dev server (`npm start`, the E2E suite) as an attacker would probe it: hostile paths, links
// out of the served folder, methods, and cross-origin token requests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
  symlinkSync(outside, join(dist, 'linked'));
  symlinkSync(join(dist, 'confab.js'), join(dist, 'alias.js'));
  writeFileSync(join(dist, 'embed.html'), '<!doctype html><title>embed</title>');
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
      res.on('error', reject);
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
  for (const path of ['/planted.txt', '/chunks/passwd.js', '/linked/secret.txt']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.ok(!res.body.includes('TOP SECRET') && !res.body.includes('root:'), path);
  }
  assert.equal((await get('/confab.js')).status, 200);
  // A link that stays inside is served.
  assert.equal((await get('/alias.js')).body, 'export {};');
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
  for (const query of [
    'room=&name=Ada',
    'room=a%20b&name=Ada',
    'room=r&name=',
    'room=r&name=%E2%80%AEevil',
    'room=r&name=%E2%80%8B',
    `room=r&name=${'x'.repeat(65)}`,
  ]) {
    const res = await get(`/api/token?${query}`);
    assert.equal(res.status, 400, query);
    assert.match(res.headers['content-type'], /application\/json/);
    assert.ok(JSON.parse(res.body).error, query);
  }
});

test('embed.html may be framed only by itself and pages on this machine', async () => {
  const res = await get('/embed.html');
  assert.equal(res.status, 200);
  const ancestors = /(?:^|;\s*)frame-ancestors ([^;]+)/
    .exec(res.headers['content-security-policy'] ?? '')?.[1]
    .trim()
    .split(/\s+/);
  assert.deepEqual(ancestors, ["'self'", 'http://127.0.0.1:*', 'http://localhost:*']);
});

test('the token endpoint echoes every loopback origin, any port, and varies on Origin even when it refuses', async () => {
  for (const origin of ['http://127.0.0.1:8191', 'http://localhost:5173', 'http://[::1]:3000', 'http://localhost']) {
    const res = await get('/api/token?room=r&name=Ada', { headers: { origin } });
    assert.equal(res.headers['access-control-allow-origin'], origin, origin);
  }
  for (const origin of [
    'https://localhost:8191',
    'http://localhost.evil.example',
    'http://192.168.1.20:8080',
    'http://localhost:8191/x',
    undefined,
  ]) {
    const res = await get('/api/token?room=r&name=Ada', { headers: origin ? { origin } : {} });
    assert.equal(res.headers['access-control-allow-origin'], undefined, origin);
    assert.match(res.headers.vary ?? '', /Origin/, `${origin}: a cache must not hand one origin's answer to another`);
  }
  // A refusal follows the same rule: a loopback page can read why, another origin cannot.
  const local = await get('/api/token?room=a%20b&name=Ada', { headers: { origin: 'http://localhost:8191' } });
  assert.equal(local.status, 400);
  assert.equal(local.headers['access-control-allow-origin'], 'http://localhost:8191');
  const foreign = await get('/api/token?room=a%20b&name=Ada', { headers: { origin: 'https://evil.example' } });
  assert.equal(foreign.headers['access-control-allow-origin'], undefined);
});

test('a served folder that appears after the server started, under a linked path, is served', async (t) => {
  // `node scripts/serve.mjs` started before the first build, in a checkout reached through a link
  // (macOS's /tmp, a symlinked home): the folder's real path is known only once it exists.
  const base = mkdtempSync(join(tmpdir(), 'confab-late-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  mkdirSync(join(base, 'real'));
  symlinkSync(join(base, 'real'), join(base, 'link'));
  const late = createAppServer({ distDir: join(base, 'link', 'dist') });
  await listen(late, 0);
  t.after(() => late.close());
  mkdirSync(join(base, 'real', 'dist'));
  writeFileSync(join(base, 'real', 'dist', 'confab.js'), 'export {};');
  const res = await new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: late.address().port, path: '/confab.js' }, (r) => {
      r.resume();
      r.on('end', () => resolve(r));
    })
      .on('error', reject)
      .end();
  });
  assert.equal(res.statusCode, 200);
});

test('a file the server cannot read is a 500 that names nothing, and the server keeps serving', async (t) => {
  // Run in a child: a crash must fail this test, not take the test runner down. Root reads any file,
  // so as root the child drops to nobody.
  const base = mkdtempSync(join(tmpdir(), 'confab-unreadable-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  writeFileSync(join(base, 'confab.js'), 'export {};');
  writeFileSync(join(base, 'locked.js'), 'export const secret = 1;');
  chmodSync(base, 0o755);
  chmodSync(join(base, 'confab.js'), 0o644);
  chmodSync(join(base, 'locked.js'), 0o000);
  const serve = new URL('../../scripts/serve.mjs', import.meta.url).href;
  const script = `const { createAppServer, listen } = await import(process.argv[2]);
    const s = await listen(createAppServer({ distDir: process.argv[1] }), 0);
    process.stdout.write(s.address().port + '\\n');`;
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, base, serve], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...asNobody,
  });
  t.after(() => child.kill());
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const childPort = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(Number(String(d).trim())));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
  });
  const ask = (path) =>
    new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port: childPort, path }, (r) => {
        let body = '';
        r.on('data', (d) => (body += d));
        r.on('end', () => resolve({ status: r.statusCode, body }));
        r.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
  const locked = await ask('/locked.js').catch((err) => ({ status: 0, body: String(err) }));
  assert.equal(locked.status, 500, `${locked.body}\n${stderr}`);
  assert.deepEqual(JSON.parse(locked.body), { error: 'internal' });
  const after = await ask('/confab.js').catch((err) => ({ status: 0, body: String(err) }));
  assert.equal(after.status, 200, `the server died: ${after.body}\n${stderr}`);
});
