/**
 * The first-run journey in Chromium against the browser host in demo mode, over the built renderer:
 * create the first manager, sign in, find John Smith, see his masked card and the Demo banner, switch
 * to French. Screenshots go to test-artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { hasChromium, CHROMIUM } from './support/chromium';
import { saveScreenshot } from './support/screenshots';
import { createFirstManager, continueInDemoMode } from './support/first-run';
import { useAppUnderTest } from './support/use-app-under-test';
import { signOut } from './support/staff';

if (!hasChromium) console.warn(`e2e smoke skipped: ${CHROMIUM} is not installed on this machine.`);

describe.skipIf(!hasChromium)('browser host smoke (Chromium)', () => {
  let host: RunningBrowserHost;
  let page: Page;
  const problems: string[] = [];

  useAppUnderTest(
    {
      viewport: { width: 1280, height: 800 },
      bypassCSP: false,
      problems,
      failureScreenshot: 'smoke-failure',
    },
    (app) => {
      ({ host, page } = app);
    },
  );

  it('creates the first manager, signs in, finds John Smith, and speaks French', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.url()).not.toContain('#k=');
    await page.getByRole('heading', { name: 'First start: create the manager' }).waitFor();
    await expect(page.getByTestId('demo-banner').textContent()).resolves.toContain('Demo mode');

    await createFirstManager(page);
    await continueInDemoMode(page);
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();

    await signOut(page);
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
    await saveScreenshot(page, 'smoke-lookup-en');

    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: 'Trouver un client' }).waitFor();
    await expect(page.getByTestId('demo-banner').textContent()).resolves.toContain('Mode démo');
    await page.getByText('Carte •••• 5941').waitFor();
    await saveScreenshot(page, 'smoke-lookup-fr');

    expect(problems).toEqual([]);
  });
});
