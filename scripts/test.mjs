#!/usr/bin/env node
// npm test: lint, format check, typecheck, build, then every test project (unit, component, integration, e2e),
// inside a private D-Bus session with an unlocked gnome-keyring so the credential vault is tested
// against a real OS keychain without touching the user's own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = process.argv.slice(2);

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

if (!process.env.FLEXITI_TEST_DBUS && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const inner =
    'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec node scripts/test.mjs "$@"';
  const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', ...args], {
    stdio: 'inherit',
    env: { ...process.env, FLEXITI_TEST_DBUS: '1' },
  });
  process.exit(r.status ?? 1);
}
if (!process.env.FLEXITI_TEST_DBUS) {
  console.log(
    '[test] dbus-run-session or gnome-keyring is missing: keychain tests will skip (./scripts/setup --test installs them).',
  );
}

// Native modules may have been rebuilt for Electron's ABI by npm start; the tests run on Node.
const probe = spawnSync(process.execPath, ['-e', "require('better-sqlite3'); require('keytar')"], {
  encoding: 'utf8',
});
if (probe.status !== 0 && /NODE_MODULE_VERSION/.test(probe.stderr)) {
  console.log('[test] rebuilding native modules for Node');
  spawnSync('npm', ['rebuild', 'better-sqlite3', 'keytar'], { stdio: 'inherit' });
  spawnSync('rm', ['-f', 'node_modules/.flexiti-native-abi']);
}

const only = args.filter((a) => !a.startsWith('-'));
const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']],
  ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
];
const results = [];
// A failed step's output is printed again at the end, next to the verdict, where a CI log's tail shows it.
const stepFailures = [];
for (const [name, cmd, cmdArgs] of steps) {
  if (only.length > 0) break; // `npm test -- <files>` runs just those tests
  console.log(`\n[test] ${name}`);
  const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  process.stdout.write(output);
  results.push([name, r.status === 0]);
  if (r.status !== 0) stepFailures.push([name, output]);
}

mkdirSync('test-results', { recursive: true });
const jsonFile = join('test-results', 'vitest.json');
console.log('\n[test] vitest (unit, component, integration, e2e)');
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...only],
  { stdio: 'inherit' },
);
results.push(['vitest', vitest.status === 0]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(jsonFile)) {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
const badSteps = results.filter(([, ok]) => !ok).map(([n]) => n);
for (const [name, output] of stepFailures) {
  const tail = output.trimEnd().split('\n').slice(-40).join('\n');
  console.log(`\n[test] ${name} failed; the end of its output:\n${tail}`);
}
console.log('');
for (const [name, ok] of results) console.log(`[test] ${name}: ${ok ? 'ok' : 'FAILED'}`);
// Counted as failures too, so a lint or type error can never hide behind green tests.
const failedSteps = badSteps.filter((n) => n !== 'vitest').length;
console.log(`Tests: ${passed} passed, ${failed + failedSteps} failed, ${skipped} skipped`);
process.exit(badSteps.length === 0 && passed > 0 ? 0 : 1);
