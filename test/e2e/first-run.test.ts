/**
 * First start in Chromium against the browser host over the built renderer: after the first manager,
 * the terminal is put in demo mode or given a live Flexiti environment. Without --allow-live the live
 * choice is refused in plain words and the terminal stays in demo mode; with it, the credentials go to
 * the keychain and the secret is never on the page afterwards.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { createKeychainVault } from '../../src/main/core/credentials/credential-vault';
import type { AppCoreOptions } from '../../src/main/core/app-core';
import type { Sender } from '../../src/main/core/handlers/handler-types';
import { memoryKeychain, startCore, type CoreHarness } from '../integration/helpers/core-harness';
import { hasChromium, CHROMIUM, launchChromium } from './support/chromium';
import { ensureBuilt, RENDERER } from './support/renderer-build';
import { ensureScreenshotDir, saveScreenshot } from './support/screenshots';
import { expectNoSeriousAxeViolations } from './support/axe';
import { createFirstManager, continueInDemoMode } from './support/first-run';

/** The test reads state as the terminal's own window would; the session is the manager's. */
const IPC: Sender = { kind: 'ipc', trusted: true };
const SECRET = 'Sx9-qTr7!vLm2#Kp';

if (!hasChromium) console.warn(`e2e first run skipped: ${CHROMIUM} is not installed on this machine.`);

describe.skipIf(!hasChromium)('first run: demo mode or a live environment (Chromium)', () => {
  let browser: Browser;
  const running: Array<{ harness: CoreHarness; host: RunningBrowserHost }> = [];

  beforeAll(async () => {
    ensureBuilt();
    ensureScreenshotDir();
    browser = await launchChromium();
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
    await createFirstManager(page);
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
    await expectNoSeriousAxeViolations(page, name);
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
    await saveScreenshot(page, 'first-run-environment');
    await continueInDemoMode(page);
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
    await saveScreenshot(page, 'first-run-live-refused');
    const settings = await harness.core.handle('settings.get', {}, IPC);
    expect(settings).toMatchObject({ ok: true, value: { settings: { environment: 'sandbox' } } });
    await continueInDemoMode(page);
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
