/**
 * The first-run journey in Chromium against the browser host in demo mode, over the built renderer:
 * create the first manager, sign in, find John Smith, see his masked card and the Demo banner, switch
 * to French. Screenshots go to test-artifacts/screenshots/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { startCore, type CoreHarness } from '../integration/helpers/core-harness';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const RENDERER = join(ROOT, 'out', 'renderer');
const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) console.warn(`e2e smoke skipped: ${CHROMIUM} is not installed on this machine.`);

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
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`);
}

describe.skipIf(!hasChromium)('browser host smoke (Chromium)', () => {
  let harness: CoreHarness;
  let host: RunningBrowserHost;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await startCore();
    host = await startBrowserHost({ handle: harness.core.handle, staticDir: RENDERER });
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
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
  });

  afterAll(async () => {
    if (page && problems.length > 0)
      await page.screenshot({ path: join(SCREENSHOTS, 'smoke-failure.png') }).catch(() => {});
    await browser?.close();
    await host?.close();
    await harness?.dispose();
  });

  it('creates the first manager, signs in, finds John Smith, and speaks French', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.url()).not.toContain('#k=');
    await page.getByRole('heading', { name: 'First start: create the manager' }).waitFor();
    await expect(page.getByTestId('demo-banner').textContent()).resolves.toContain('Demo mode');

    await page.getByLabel('Employee ID').fill('M100');
    await page.getByLabel('Name').fill('Mia Manager');
    await page.getByLabel('PIN (4 to 12 digits)').fill('73915824');
    await page.getByLabel('PIN again').fill('73915824');
    await page.getByRole('button', { name: 'Create manager and sign in' }).click();
    await page.getByRole('button', { name: 'Continue in demo mode' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Employee ID').fill('M100');
    await page.getByLabel('PIN (4 to 12 digits)').fill('00000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The employee ID or PIN is wrong.').waitFor();
    await page.getByLabel('PIN (4 to 12 digits)').fill('73915824');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();

    await page.getByLabel('First name').fill('John');
    await page.getByLabel('Last name').fill('Smith');
    await page.getByLabel('Date of birth (YYYY-MM-DD)').fill('1900-01-01');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('Card •••• 5941').waitFor();
    await expect(page.getByText('Active: can make purchases').count()).resolves.toBeGreaterThan(0);
    const content = await page.content();
    expect(content).not.toContain('123456789');
    expect(content).not.toContain('5212340000005941');
    expect(await page.getByTestId('demo-banner').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'smoke-lookup-en.png'), fullPage: true });

    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: 'Trouver un client' }).waitFor();
    await expect(page.getByTestId('demo-banner').textContent()).resolves.toContain('Mode démo');
    await page.getByText('Carte •••• 5941').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'smoke-lookup-fr.png'), fullPage: true });

    expect(problems).toEqual([]);
  });
});
