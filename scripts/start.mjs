/**
 * `npm start`: builds when out/ is missing or older than the sources, then runs Electron. Where the
 * Electron binary is absent (it could not be downloaded), it opens the browser host in demo mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) =>
  join(root, p),
);
const sources = ['src', 'electron.vite.config.ts', 'package.json'].map((p) => join(root, p));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  if (!outputs.every((file) => existsSync(file))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return Math.max(...sources.map(newestMtime)) > built;
}

function electronBinary() {
  const bundled = join(root, 'node_modules', 'electron', 'dist', 'electron');
  if (existsSync(bundled)) return bundled;
  try {
    // The electron package's main export is the binary's path; it throws when the download failed.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (isStale()) {
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * keytar and better-sqlite3 are built for Node by npm ci; Electron has its own ABI. Rebuild them for
 * Electron once per Electron version (npm test rebuilds them for Node when it needs to).
 */
function ensureNativeModulesForElectron() {
  const marker = join(root, 'node_modules', '.flexiti-native-abi');
  const version = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === `electron-${version}`) return;
  const rebuild = spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit' });
  if (rebuild.status !== 0) process.exit(rebuild.status ?? 1);
  writeFileSync(marker, `electron-${version}`);
}

const electron = electronBinary();
if (electron) {
  ensureNativeModulesForElectron();
  run(electron, ['.']);
} else {
  console.log(
    'Electron is not available on this machine (its binary could not be downloaded); opening Flexiti In-Store through the browser host instead.',
  );
  run(process.execPath, ['--import', 'tsx', join(root, 'src', 'main', 'browser-host', 'cli.ts'), '--open']);
}
