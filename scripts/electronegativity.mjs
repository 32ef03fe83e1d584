#!/usr/bin/env node
// Runs @doyensec/electronegativity over the Electron-facing sources and fails on any HIGH or MEDIUM
// finding, except "manual review" findings that are reviewed in scripts/electronegativity-reviewed.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const reviewed = JSON.parse(readFileSync('scripts/electronegativity-reviewed.json', 'utf8')).reviewed;
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const out = join(dir, 'findings.csv');
// Run offline: the tool's own release-list and translation fetches would make the verdict depend on
// the network. Its available-security-fixes check needs that list, so it is skipped; Electron is pinned
// and its upgrades are deliberate.
const run = spawnSync(
  process.execPath,
  [
    '--require',
    './scripts/offline-network.cjs',
    'node_modules/@doyensec/electronegativity/dist/index.js',
    '-i',
    'src',
    '-e',
    electronVersion,
    '-x',
    'AvailableSecurityFixesGlobalCheck',
    '-o',
    out,
    '-r',
    '-v',
    'false',
  ],
  { encoding: 'utf8', timeout: 180_000, env: { ...process.env, LANG: 'en-US' } },
);
let csv = '';
try {
  csv = readFileSync(out, 'utf8');
} catch {
  console.error(run.stdout, run.stderr, run.error ?? '');
  console.error(`electronegativity produced no report (exit ${run.status}, signal ${run.signal})`);
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

// Columns: issue, severity, confidence, filename, location, sample, description, url
const findings = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const cells = parseCsvLine(line);
    return { issue: cells[0], severity: cells[1], file: cells[3], location: cells[4] };
  })
  .filter((f) => f.issue);
const blocking = findings.filter(
  (f) =>
    (f.severity === 'HIGH' || f.severity === 'MEDIUM') &&
    !reviewed.some((r) => r.issue === f.issue && f.file.endsWith(r.file)),
);
if (blocking.length > 0) console.log(run.stdout);
for (const f of findings) {
  const mark = blocking.includes(f) ? 'BLOCKING' : 'ok      ';
  console.log(`${mark} ${f.severity.padEnd(8)} ${f.issue} ${f.file}:${f.location}`);
}
console.log(
  `electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${blocking.length} high/medium not reviewed`,
);
process.exit(blocking.length === 0 ? 0 : 1);
