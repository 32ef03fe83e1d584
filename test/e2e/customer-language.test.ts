/**
 * The customer's language in Chromium against the browser host in demo mode: on an English terminal,
 * Marie Tremblay (Quebec, fr-CA) sees her plans, the Quebec disclosure and the PIN entry in French and
 * gets her SMS in French, while the cashier's navigation stays English; when she asks for English the
 * cashier switches, the screens follow and the next SMS is in English. axe-core on every screen;
 * screenshots go to test-artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { DEMO } from '../../src/sandbox/state/demo-data';
import { useAppUnderTest } from './support/use-app-under-test';
import { axeAndScreenshot } from './support/check-screen';
import { CHROMIUM, hasChromium } from './support/chromium';
import { firstStartInDemoMode } from './support/first-run';
import { nextSms, outbox } from './support/outbox';
import { sandboxControl } from './support/sandbox-control';
import { signIn, signOut } from './support/staff';

const MARIE = DEMO.accounts.quebec;

if (!hasChromium)
  console.warn(`e2e customer language skipped: ${CHROMIUM} is not installed on this machine.`);

describe.skipIf(!hasChromium)('customer language (Chromium)', () => {
  let host: RunningBrowserHost;
  let page: Page;
  let sandboxUrl: string;
  const problems: string[] = [];
  const control = sandboxControl(() => sandboxUrl);

  const checkScreen = (name: string) => axeAndScreenshot(page, 'customer-language', name);

  /** The cashier's chrome stays in the terminal's language whatever the customer reads. */
  async function expectStaffChromeInEnglish(): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect(page.getByTestId('nav-customers').textContent()).resolves.toBe('Customers');
    await expect(page.locator('.app').getAttribute('lang')).resolves.toBe('en-CA');
    await expect(page.locator('#customer-language-label').textContent()).resolves.toBe(
      'Customer’s language:',
    );
  }

  useAppUnderTest({ problems, failureScreenshot: 'customer-language-failure' }, (app) => {
    ({ host, page, sandboxUrl } = app);
  });

  it('creates the manager and signs in on an English terminal', async () => {
    await firstStartInDemoMode(page, host.url);
    await signOut(page);
    await signIn(page);
  });

  it('shows a fr-CA customer her plans, disclosure and PIN entry in French; the SMS is French', async () => {
    await page.getByLabel('First name').fill('Marie');
    await page.getByLabel('Last name').fill('Tremblay');
    await page.getByLabel('Date of birth (YYYY-MM-DD)').fill('1988-07-21');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const card = page.getByTestId('account-card').filter({ hasText: `•••• ${MARIE.vcc.slice(-4)}` });
    await card.waitFor();
    await expect(card.getByTestId('account-language').textContent()).resolves.toBe(
      'Customer’s language: French',
    );
    await card.getByTestId('start-purchase').click();

    // The amount is keyed by the cashier: the terminal's language.
    await page.getByRole('heading', { name: 'Purchase amount' }).waitFor();
    await page.getByLabel('Amount in dollars and cents').fill('100.00');
    await page.getByRole('button', { name: 'See the payment plans' }).click();

    await page.getByRole('heading', { name: /^Plans de paiement pour 100,00\s\$$/ }).waitFor();
    const offer = page.getByTestId('customer-offer');
    await expect(offer.getAttribute('lang')).resolves.toBe('fr-CA');
    await expect(page.getByTestId('quebec-disclosure').textContent()).resolves.toMatch(/Résidents du Québec/);
    const term = page.getByTestId('term-4-12');
    await term.waitFor();
    await expect(term.textContent()).resolves.toMatch(/Versement mensuel.*Taux annuel\d+,\d{2}\s%/);
    await expect(page.getByTestId('customer-language-fr').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: 'Back' }).count()).resolves.toBe(1);
    await expectStaffChromeInEnglish();
    await checkScreen('plans-fr');
    await term.getByRole('button').click();

    await page.getByRole('heading', { name: 'Verify the customer' }).waitFor();
    const sent = (await outbox(control)).length;
    await page.getByTestId('verify-sms').click();
    await page.getByRole('heading', { name: 'Demandez le NIP au client' }).waitFor();
    await expect(page.locator('section.pin-entry').getAttribute('lang')).resolves.toBe('fr-CA');
    const sms = await nextSms(control, MARIE.accountNumber, sent);
    expect(sms.lang).toBe('fr');
    expect(sms.text).toContain('Votre code de vérification Flexiti');
    await expectStaffChromeInEnglish();
    await checkScreen('pin-fr');
  }, 120_000);

  it('switches to English when the customer asks: the screens and the next SMS follow', async () => {
    // Keyboard: the English button is reachable and pressed with Enter.
    await page.getByTestId('customer-language-en').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ask the customer for the PIN' }).waitFor();
    await expect(page.locator('section.pin-entry').getAttribute('lang')).resolves.toBe('en-CA');
    await expect(page.getByTestId('customer-language-en').getAttribute('aria-pressed')).resolves.toBe('true');

    const sent = (await outbox(control)).length;
    await page.getByRole('button', { name: 'Send a new PIN' }).click();
    const sms = await nextSms(control, MARIE.accountNumber, sent);
    expect(sms.lang).toBe('en');
    expect(sms.text).toContain('Your Flexiti verification code');
    await checkScreen('pin-en');

    await page.getByLabel('PIN the customer reads to you').fill(String(sms.pin));
    await page.getByRole('button', { name: 'Use this PIN' }).click();
    await page.getByRole('heading', { name: 'Confirm the purchase' }).waitFor();
    const summary = page.getByTestId('customer-summary');
    await expect(summary.getAttribute('lang')).resolves.toBe('en-CA');
    await expect(summary.textContent()).resolves.toContain('$100.00');
    await checkScreen('confirm-en');

    // Back to the plans: asked again in English, disclosure included.
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Payment plans for $100.00' }).waitFor();
    await expect(page.getByTestId('quebec-disclosure').textContent()).resolves.toMatch(/Quebec residents/);
    await expect(page.getByTestId('term-4-12').textContent()).resolves.toMatch(/Annual rate\d+\.\d{2}%/);
    await expectStaffChromeInEnglish();
    await checkScreen('plans-en');
    expect(problems).toEqual([]);
  }, 120_000);
});
