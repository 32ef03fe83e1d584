/**
 * A manager changes the Flexiti environment in Settings while the terminal runs (Chromium against the
 * browser host, demo mode, live environments allowed): the change is saved, a banner on every screen
 * says to restart, a customer lookup is refused in plain words and reaches no Flexiti, and switching
 * back clears it all. The browser host cannot restart itself, so the banner says to restart by hand.
 * axe-core on each screen; screenshots go to test-artifacts/screenshots/environment-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { DEMO } from '../../src/sandbox/state/demo-data';
import { hasChromium, CHROMIUM } from './support/chromium';
import { axeAndScreenshot } from './support/check-screen';
import { sandboxControl } from './support/sandbox-control';
import { firstStartInDemoMode } from './support/first-run';
import { useAppUnderTest } from './support/use-app-under-test';

const ACCOUNT = String(DEMO.accounts.johnSmith.accountNumber);
const RESTART_MESSAGE = 'The Flexiti environment was changed. Restart Flexiti In-Store, then try again.';

if (!hasChromium)
  console.warn(`e2e environment change skipped: ${CHROMIUM} is not installed on this machine.`);

interface Stats {
  endpoints: { endpoint: string; count: number }[];
}

describe.skipIf(!hasChromium)('changing the Flexiti environment while running (Chromium)', () => {
  let host: RunningBrowserHost;
  let page: Page;
  let sandboxUrl: string;
  const problems: string[] = [];
  const control = sandboxControl(() => sandboxUrl);

  const checkScreen = (name: string) => axeAndScreenshot(page, 'environment', name);

  async function flexitiRequests(): Promise<number> {
    const stats = (await control('GET', '/stats')) as Stats;
    return stats.endpoints.reduce((sum, endpoint) => sum + endpoint.count, 0);
  }

  async function lookUpJohn(): Promise<void> {
    await page.getByRole('textbox', { name: 'Account or card number' }).fill(ACCOUNT);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
  }

  async function saveEnvironment(value: string): Promise<void> {
    await page.getByLabel('Flexiti environment').selectOption(value);
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
  }

  useAppUnderTest(
    { core: { allowLive: true }, problems, failureScreenshot: 'environment-failure' },
    (app) => {
      ({ host, page, sandboxUrl } = app);
    },
  );

  it('saves the change, shows the restart banner, and refuses a lookup in plain words', async () => {
    await firstStartInDemoMode(page, host.url);
    await expect(page.getByTestId('restart-banner').count()).resolves.toBe(0);

    await page.getByTestId('nav-settings').click();
    await page.getByRole('heading', { name: 'Terminal settings' }).waitFor();
    await saveEnvironment('training');

    const banner = page.getByTestId('restart-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('Restart Flexiti In-Store to switch to Training.');
    // The browser host cannot restart itself: no button, a plain next step instead.
    await expect(banner.textContent()).resolves.toContain('Close Flexiti In-Store and start it again.');
    await expect(page.getByTestId('restart-app').count()).resolves.toBe(0);
    await expect(page.getByTestId('restart-note').textContent()).resolves.toContain(
      'The new environment is saved. It takes effect when Flexiti In-Store is restarted.',
    );
    // Still the demo books until the restart: the Demo banner stays.
    await expect(page.getByTestId('demo-banner').textContent()).resolves.toContain('Demo mode');
    await expect(page.getByLabel('Flexiti environment').inputValue()).resolves.toBe('training');
    await checkScreen('settings-restart');

    await page.getByTestId('nav-customers').click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
    const before = await flexitiRequests();
    await lookUpJohn();
    await page.getByText(RESTART_MESSAGE).waitFor();
    expect(await flexitiRequests()).toBe(before);
    await checkScreen('lookup-refused');
    expect(problems).toEqual([]);
  }, 120_000);

  it('switching back to demo clears the banner and lookups work again', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByRole('heading', { name: 'Terminal settings' }).waitFor();
    await saveEnvironment('sandbox');
    await page.getByTestId('restart-banner').waitFor({ state: 'detached' });
    await expect(page.getByTestId('restart-note').count()).resolves.toBe(0);

    await page.getByTestId('nav-customers').click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
    await page.getByRole('button', { name: 'New customer' }).click();
    await lookUpJohn();
    await page.getByTestId('start-purchase').first().waitFor();
    await expect(page.getByText(RESTART_MESSAGE).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);
});
