#!/usr/bin/env node
// `npm run bench`: every benchmark in one run, one after the other (they share the machine's two
// cores; in parallel they would measure each other). Writes bench/results.json, prints a Markdown
// table of Confab beside LiveKit's own prebuilt, and with `--readme` puts that table in README.md
// between its bench markers. Never fails on timing; fails only when a benchmark cannot run.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
// The soak (15 minutes by default) runs only when named: `npm run bench -- soak`.
const BENCHES = ['prebuilt', 'grid', 'chat', 'blur', 'e2ee', 'server', 'soak'];
const chosen = BENCHES.filter((b) => (only.length ? only.includes(b) : b !== 'soak'));

// A run of some benchmarks keeps the others' last figures (each says when it was measured).
const resultsFile = join(root, 'bench', 'results.json');
const previous = (() => {
  try {
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    return {};
  }
})();
// Figures from an older run keep that run's date.
for (const b of BENCHES) if (previous[b] && !previous[b].measuredAt) previous[b].measuredAt = previous.date;
const results = { ...previous, date: new Date().toISOString(), machine: { cores: (await import('node:os')).cpus().length } };
for (const name of chosen) {
  process.stderr.write(`\n[bench] ${name}…\n`);
  const r = spawnSync(process.execPath, [join(root, 'bench', `${name}.mjs`)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) {
    process.stderr.write(`[bench] ${name} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
  // Each bench prints one JSON document on stdout (and may log before it).
  results[name] = { ...JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))), measuredAt: results.date };
}
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (n) => (n == null ? '—' : `${Math.round(n)} ms`);
const x = (n) => (n == null ? '—' : `${n.toFixed(2)}×`);
const rows = [];
const { prebuilt, grid, chat, blur, e2ee, server, soak } = results;
if (prebuilt) {
  const j = prebuilt.joinClickToFirstRemoteFrameMs;
  const s = prebuilt.serverRestart;
  rows.push([
    'JavaScript to be in a call (gzip)',
    kb(prebuilt.sizes.confab.callJsGzipBytes),
    kb(prebuilt.sizes.videoConference.allJsGzipBytes),
    x(prebuilt.sizes.ratioVideoConferenceToConfab),
  ]);
  rows.push([`Join click → first remote frame, p50 (${j.joins} joins)`, ms(j.confab.p50), ms(j.videoConference.p50), x(j.ratioP50)]);
  rows.push([`Join click → first remote frame, p95`, ms(j.confab.p95), ms(j.videoConference.p95), x(j.ratioP95)]);
  rows.push([
    `Server crash + restart → remote video again, p50 (${s.restarts} restarts)`,
    ms(s.confab.toRemoteVideoMsP50),
    ms(s.videoConference.toRemoteVideoMsP50),
    x(s.ratioToRemoteVideoP50),
  ]);
}
if (grid) {
  for (const r of grid.runs) {
    const cell = (m) =>
      `${m.fps} fps, ${m.remoteFramesPaintedPerSecond} video frames/s on ${m.tiles} tiles, main thread ${m.mainThreadBusyPercent}% busy`;
    rows.push([
      `Grid, ${r.people} people (${grid.publisherFps} fps publishers): page frame rate, remote video painted, main-thread load`,
      cell(r.confab),
      cell(r.videoConference),
      `${x(r.ratioFps)} fps, ${x(r.ratioBusy)} busy`,
    ]);
  }
}
if (chat) {
  const at10k = chat.runs.find((r) => r.messages === 10_000);
  const theirs = chat.videoConference?.runs.find((r) => r.messages === 10_000);
  const cell = (r) => `${r.appendToFrameP95Ms} ms (${r.domMessageRows} rows in the DOM)`;
  rows.push([
    'Chat at 10,000 messages: a message arrives → the frame that shows it, p95',
    cell(at10k),
    theirs ? cell(theirs) : 'not measured',
    theirs ? x(chat.ratioAppendToFrameP95At10k) : '—',
  ]);
  rows.push([
    'Chat at 10,000 messages: first render of the list',
    ms(at10k.initialRenderMs),
    theirs ? ms(theirs.initialRenderMs) : '—',
    theirs ? x(theirs.initialRenderMs / at10k.initialRenderMs) : '—',
  ]);
  rows.push([
    'Chat at 10,000 messages: main-thread work per append, p95 (Confab: store write → panel updated)',
    `${at10k.appendP95Ms} ms`,
    '—',
    '—',
  ]);
}
if (blur) {
  rows.push([
    'Background blur, per frame at 640×360 (vs `@livekit/track-processors`)',
    ms(blur.ours.totalMs.median),
    ms(blur.livekit.totalMs.median),
    x(blur.totalMsRatio),
  ]);
  if (blur.oursWebgl)
    rows.push([
      'Blur with the WebGL compositor forced (software GL here), per frame / compositing',
      `${ms(blur.oursWebgl.totalMs.median)} / ${ms(blur.oursWebgl.compositingMs.median)}`,
      '—',
      '—',
    ]);
  rows.push([
    'Blur output fps / longest main-thread task',
    `${blur.ours.fps} fps / ${blur.ours.longestMainThreadTaskMs} ms`,
    `${blur.livekit.fps} fps / ${blur.livekit.longestMainThreadTaskMs} ms`,
    '—',
  ]);
}
if (e2ee) {
  rows.push([
    'End-to-end encryption: browser CPU of a 2-person call (cameras and microphones on), off → on',
    `${e2ee.cpuCoresOff} → ${e2ee.cpuCoresOn} cores (+${Math.round((e2ee.ratioOnToOff - 1) * 100)}%)`,
    '— (VideoConference has it with the same scheme)',
    '—',
  ]);
}
if (server) {
  const { invite, singleUse } = server.tokenRequest;
  const cell = (r) => `p50 ${ms(r.p50Ms)}, p99 ${ms(r.p99Ms)}, ${r.perSecond}/s`;
  rows.push([
    `Token request with an invite (${server.concurrency} concurrent clients)`,
    cell(invite),
    '— (LiveKit Meet: no access control)',
    '—',
  ]);
  rows.push(['… with a single-use invite (spent in the shared state)', cell(singleUse), '—', '—']);
}
if (soak) {
  const worst = (k) => Math.max(...Object.values(soak.steadySlopesPerMinute ?? soak.slopesPerMinute).map((p) => p[k]));
  const delivered = Object.values(soak.delivery).every((d) => !d.lost && !d.doubled);
  rows.push([
    `A ${soak.minutes}-minute meeting of ${soak.participants} (chat every 3 s each, hands, reactions, cameras, panels, a LiveKit crash): growth per minute between restarts, worst participant`,
    `nodes ${worst('nodes')}, listeners ${worst('listeners')}, detached nodes ${worst('detachedNodes')}, heap ${worst('heapKB')} KB; ${soak.messagesSent} messages, ${delivered ? 'none lost or doubled' : 'SOME LOST OR DOUBLED'}`,
    'not measured',
    '—',
  ]);
}
const days = [...new Set(BENCHES.filter((b) => results[b]).map((b) => results[b].measuredAt.slice(0, 10)))].sort();
const table = [
  `| Measured ${days.length > 1 ? `${days[0]} – ${days.at(-1)}` : days[0]}, ${results.machine.cores} cores | Confab | LiveKit prebuilt | LiveKit ÷ Confab |`,
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
process.stdout.write(`${table}\n`);

if (process.argv.includes('--readme')) {
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!text.includes(start) || !text.includes(end)) throw new Error('README.md has no bench markers');
  writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
}
