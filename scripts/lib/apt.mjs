// Debian packages the suite needs (Chromium, redis-server, python3-skimage): found on PATH, or installed with apt
// when we are root and apt exists, else a clear message saying what to install.
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { isExecutable } from './executable.mjs';

export function findOnPath(names) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * @param {{ package: string, binaries: string[], why: string }} need
 * @returns {string} the binary's path
 */
export function ensurePackage(need) {
  return installWith(need, () => findOnPath(need.binaries));
}

/**
 * @template T
 * @param {{ package: string, binaries: string[], why: string }} need
 * @param {() => T | null} find what the package provides, or null while it is missing
 * @returns {T}
 */
function installWith(need, find) {
  const found = find();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(`${need.why} and was not found.\n  Install it (Debian/Ubuntu: sudo apt-get install -y ${need.package}).`);
  }
  process.stderr.write(`[confab] Installing ${need.package} with apt-get (once)…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', need.package],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}).`);
  }
  const installed = find();
  if (!installed) throw new Error(`apt-get installed ${need.package}, but no ${need.binaries[0]} was found.`);
  return installed;
}

export function ensureRedis() {
  return ensurePackage({
    package: 'redis-server',
    binaries: ['redis-server'],
    why: 'redis-server is needed for the LiveKit cluster (npm start -- --cluster, and its end-to-end test)',
  });
}

/** Debian's python3 with scikit-image: the blur test builds its fake camera from skimage's astronaut. */
export function ensureSkimage() {
  const python = '/usr/bin/python3';
  const has = () => (spawnSync(python, ['-c', 'import skimage, numpy'], { stdio: 'ignore' }).status === 0 ? python : null);
  return installWith(
    {
      package: 'python3-skimage',
      binaries: ['python3 with skimage'],
      why: 'python3-skimage is needed by the background blur test (its portrait is the fake camera)',
    },
    has,
  );
}

/** python3 able to make a virtual environment: the Python token endpoint's test installs LiveKit's SDK into one. */
export function ensurePythonVenv() {
  const has = () => (spawnSync('python3', ['-c', 'import ensurepip, venv'], { stdio: 'ignore' }).status === 0 ? 'python3' : null);
  return installWith(
    {
      package: 'python3-venv',
      binaries: ['python3 with venv'],
      why: 'python3-venv is needed by the token endpoints test (docs/token-endpoints/python runs in a virtual environment)',
    },
    has,
  );
}
