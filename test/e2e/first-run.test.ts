/**
 * First start in Chromium against the browser host over the built renderer: after the first manager,
 * the terminal is put in demo mode or given a live Flexiti environment. Without --allow-live the live
 * choice is refused in plain words and the terminal stays in demo mode; with it, the credentials go to
 * the keychain and the secret is never on the page afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { createKeychainVault } from '../../src/main/core/credentials/credential-vault';
import type { AppCoreOptions } from '../../src/main/core/app-core';
import type { Sender } from '../../src/main/core/handlers/handler-types';
import { memoryKeychain, startCore, type CoreHarness } from '../integration/helpers/core-harness';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const RENDERER = join(ROOT, 'out', 'renderer');
const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const hasChromium = existsSync(CHROMIUM);
/** The test reads state as the terminal's own window would; the session is the manager's. */
const IPC: Sender = { kind: 'ipc', trusted: true };
const SECRET = 'Sx9-qTr7!vLm2#Kp';

if (!hasChromium) console.warn(`e2e first run skipped: ${CHROMIUM} is not installed on this machine.`);

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newest(join(path, entry))), info.mtimeMs);
}

/** Builds when the renderer output is missing or older than its sources. */
function ensureBuilt(): void {
  const index = join(RENDERER, 'index.html');
  const sources = Math.max(newest(join(ROOT, 'src', 'renderer')), newest(join(ROOT, 'src', 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`);
}

describe.skipIf(!hasChromium)('first run: demo mode or a live environment (Chromium)', () => {
  let browser: Browser;
  const running: Array<{ harness: CoreHarness; host: RunningBrowserHost }> = [];

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterEach(async () => {
    for (const { harness, host } of running.splice(0)) {
      await host.close();
      await harness.dispose();
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh terminal, its page on the environment step (the manager just created). */
  async function atEnvironmentStep(
    options: Partial<AppCoreOptions> = {},
  ): Promise<{ page: Page; harness: CoreHarness; problems: string[] }> {
    const harness = await startCore(options);
    const host = await startBrowserHost({ handle: harness.core.handle, staticDir: RENDERER });
    running.push({ harness, host });
    // The app's CSP allows no inline script; axe is test tooling injected from outside.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'First start: create the manager' }).waitFor();
    await page.getByLabel('Employee ID').fill('M100');
    await page.getByLabel('Name').fill('Mia Manager');
    await page.getByLabel('PIN (4 to 12 digits)').fill('73915824');
    await page.getByLabel('PIN again').fill('73915824');
    await page.getByRole('button', { name: 'Create manager and sign in' }).click();
    await page.getByRole('heading', { name: 'First start: where this terminal works' }).waitFor();
    return { page, harness, problems };
  }

  async function fillLive(page: Page): Promise<void> {
    await page.getByLabel('A live Flexiti environment').check();
    await page.getByLabel('Merchant integration (Flexiti test)').check();
    await page.getByLabel('Location ID').fill('LOC-42');
    await page.getByLabel('Register ID').fill('REG-7');
    await page.getByLabel('Client ID').fill('store-42-client');
    await page.getByLabel('Client secret (never shown again)').fill(SECRET);
    await expectAccessible(page, 'live form');
    await page.getByRole('button', { name: 'Save the environment and credentials' }).click();
  }

  /** axe on the current screen: no serious or critical violation. */
  async function expectAccessible(page: Page, name: string): Promise<void> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null }> }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, `${name}: ${JSON.stringify(serious)}`).toEqual([]);
  }

  /** The secret in neither the markup, the text nor any field's current value. */
  async function expectNoSecret(page: Page): Promise<void> {
    expect(await page.content()).not.toContain(SECRET);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(SECRET);
    const values = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input')).map((input) => input.value),
    );
    expect(values).not.toContain(SECRET);
  }

  it('demo mode lands on the customer search, still in demo mode', async () => {
    const { page, harness, problems } = await atEnvironmentStep();
    await expectAccessible(page, 'environment step');
    await page.screenshot({ path: join(SCREENSHOTS, 'first-run-environment.png'), fullPage: true });
    await page.getByRole('button', { name: 'Continue in demo mode' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
    expect(await page.getByTestId('demo-banner').isVisible()).toBe(true);
    const status = await harness.core.handle('app.status', {}, IPC);
    expect(status).toMatchObject({ ok: true, value: { mode: 'demo', setupNeeded: false } });
    expect(problems).toEqual([]);
  });

  it('a live environment is refused in the browser host: a plain sentence, and demo mode stays', async () => {
    const { page, harness, problems } = await atEnvironmentStep();
    await fillLive(page);
    await page
      .getByText(
        'This terminal was started for demo mode only, so it cannot use a live Flexiti environment.',
        {
          exact: false,
        },
      )
      .waitFor();
    await expectNoSecret(page);
    await expectAccessible(page, 'live refused');
    await page.screenshot({ path: join(SCREENSHOTS, 'first-run-live-refused.png'), fullPage: true });
    const settings = await harness.core.handle('settings.get', {}, IPC);
    expect(settings).toMatchObject({ ok: true, value: { settings: { environment: 'sandbox' } } });
    await page.getByRole('button', { name: 'Continue in demo mode' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
    expect(await page.getByTestId('demo-banner').isVisible()).toBe(true);
    await expectNoSecret(page);
    expect(problems).toEqual([]);
  });

  it('where live is allowed, the secret goes to the keychain and never appears on the page', async () => {
    const keychain = memoryKeychain();
    const vault = createKeychainVault({ keychain, servicePrefix: 'flexiti-in-store-first-run' });
    const { page, harness, problems } = await atEnvironmentStep({ allowLive: true, vault });
    await fillLive(page);
    await page.getByTestId('live-saved').waitFor();
    await expectNoSecret(page);
    const settings = await harness.core.handle('settings.get', {}, IPC);
    expect(settings).toMatchObject({
      ok: true,
      value: { settings: { environment: 'mi', locationId: 'LOC-42', registerId: 'REG-7' } },
    });
    const credentials = await harness.core.handle('credentials.status', {}, IPC);
    expect(credentials).toMatchObject({ ok: true, value: { state: 'stored', clientId: 'store-42-client' } });
    await page.getByRole('button', { name: 'Finish and go to the customer search' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
    await expectNoSecret(page);
    expect(problems).toEqual([]);
  });
});
