/**
 * `tsx src/main/browser-host/cli.ts [--port N] [--data-dir DIR] [--allow-live] [--open]`
 *
 * Runs the core with the browser host on 127.0.0.1 and prints the page's URL (with its per-launch
 * secret in the fragment). Demo mode unless the settings select a live environment, which is
 * refused without --allow-live.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppCoreError, createAppCore } from '../core/app-core';
import { startBrowserHost } from './browser-host';

export interface CliOptions {
  port: number;
  dataDir: string;
  allowLive: boolean;
  open: boolean;
  staticDir: string;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The per-user folder, beside (not inside) the Electron app's own user data. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = homedir();
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Flexiti In-Store', 'browser-host');
  if (platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Flexiti In-Store', 'browser-host');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Flexiti In-Store', 'browser-host');
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    port: 0,
    dataDir: defaultDataDir(),
    allowLive: false,
    open: false,
    staticDir: join(REPO_ROOT, 'out', 'renderer'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0-65535');
      options.port = port;
    } else if (arg === '--data-dir') options.dataDir = value();
    else if (arg === '--static-dir') options.staticDir = value();
    else if (arg === '--allow-live') options.allowLive = true;
    else if (arg === '--open') options.open = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function openApp(url: string): void {
  const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) =>
    existsSync(path),
  );
  if (!browser || !hasDisplay()) {
    console.log('No display or Chromium found: open the URL above in a browser on this machine.');
    return;
  }
  const child = spawn(browser, [`--app=${url}`], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log('Chromium could not be started: open the URL above in a browser.'));
  child.unref();
}

export async function main(argv: readonly string[]): Promise<void> {
  const options = parseArgs(argv);
  let core;
  try {
    core = await createAppCore({
      dataDir: options.dataDir,
      allowLive: options.allowLive,
      version: version(),
    });
  } catch (error) {
    if (error instanceof AppCoreError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const host = await startBrowserHost({
    handle: core.handle,
    staticDir: options.staticDir,
    port: options.port,
  });
  const mode = core.status().mode === 'demo' ? 'demo mode' : `live: ${core.status().environment}`;
  console.log(`Flexiti In-Store (browser host, ${mode}) is ready: ${host.url}`);
  if (core.sandboxUrl) {
    // Trainers need the PINs the simulated Flexiti "sends" by SMS or email.
    console.log(`Demo SMS and email PINs (for trainers): ${core.sandboxUrl}/sandbox/outbox`);
  }
  if (options.open) openApp(host.url);

  const stop = (): void => {
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : 'The browser host could not start.');
    process.exitCode = 1;
  });
}
