#!/usr/bin/env node
// `npm test`: everything that proves Confab works — typecheck, lint, unit, build, then end-to-end
// against the real LiveKit server in Debian's Chromium. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/deps.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { ensurePythonVenv, ensureRedis, ensureSkimage } from './lib/apt.mjs';
import { flakyTests } from './lib/report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'test-results');
const say = (msg) => process.stderr.write(`\n[confab test] ${msg}\n`);
const timings = [];

function run(label, cmd, args, env = {}) {
  say(`${label}…`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push([label, (Date.now() - started) / 1000]);
  if (r.status !== 0) {
    summary();
    say(`FAILED: ${label} (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function counts() {
  let passed = 0;
  let failed = 0;
  let flaky = [];
  try {
    const unit = JSON.parse(readFileSync(join(reports, 'unit.json'), 'utf8'));
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
  } catch {
    /* step did not run */
  }
  try {
    const xml = readFileSync(join(reports, 'integration.xml'), 'utf8');
    const cases = (xml.match(/<testcase /g) ?? []).length;
    const failures = (xml.match(/<failure /g) ?? []).length;
    passed += cases - failures;
    failed += failures;
  } catch {
    /* step did not run */
  }
  try {
    const e2e = JSON.parse(readFileSync(join(reports, 'e2e.json'), 'utf8'));
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    flaky = flakyTests(e2e);
  } catch {
    /* step did not run */
  }
  return { passed, failed, flaky };
}

function summary() {
  for (const [label, s] of timings) process.stderr.write(`  ${label.padEnd(28)} ${s.toFixed(1)} s\n`);
}

const started = Date.now();
ensureDependencies(root);
mkdirSync(reports, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
run('lint', bin('eslint'), ['.']);
run('unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(reports, 'unit.json')}`]);
run('build', bin('vite'), ['build', '--logLevel', 'warn']);
run('build (host helper)', bin('vite'), ['build', '--mode', 'frame', '--logLevel', 'warn']);
run('build (server)', bin('vite'), ['build', '--mode', 'server', '--logLevel', 'warn']);
run('build (npm package)', bin('vite'), ['build', '--mode', 'lib', '--logLevel', 'warn']);
run('build (npm package worker)', bin('vite'), ['build', '--mode', 'lib-worker', '--logLevel', 'warn']);
run('types', bin('tsc'), ['-p', 'tsconfig.build.json']);
run('types (as the package ships them)', process.execPath, ['scripts/types.mjs']);
run('custom-elements.json', process.execPath, ['scripts/manifest.mjs']);
run('package check', process.execPath, ['scripts/check-package.mjs']);
run('size budgets', process.execPath, ['scripts/check-size.mjs']);
run('build (storybook)', bin('storybook'), ['build', '-o', 'storybook-static', '--quiet'], { STORYBOOK_DISABLE_TELEMETRY: '1' });

say('LiveKit server…');
const { ensureBinary } = await import('./livekit.mjs');
const livekitBin = await ensureBinary();
const chromium = ensureChromium();
ensureRedis();
ensureSkimage();
ensurePythonVenv();

run(
  'npm start (integration)',
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    `--test-reporter-destination=${join(reports, 'integration.xml')}`,
    'tests/integration/',
  ],
  { LIVEKIT_SERVER_BIN: livekitBin },
);
run('end-to-end tests', bin('playwright'), ['test'], {
  CHROMIUM_PATH: chromium,
  LIVEKIT_SERVER_BIN: livekitBin,
});

summary();
const { passed, failed, flaky } = counts();
process.stderr.write(`  total wall time              ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
if (!existsSync(join(reports, 'e2e.json'))) say('warning: no end-to-end report found');
// A test that needed its retry passed, but it is a bug: named here for the next person to fix.
for (const title of flaky) process.stdout.write(`FLAKY (passed on retry): ${title}\n`);
process.stdout.write(`\nflaky: ${flaky.length}\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
