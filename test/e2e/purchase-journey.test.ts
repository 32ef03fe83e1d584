/**
 * The cashier's purchase journey in Chromium against the browser host in demo mode, over the built
 * renderer and the embedded sandbox: look up John Smith, price, verify by SMS with the PIN from the
 * sandbox outbox, authorize, see the receipt, and check the sandbox ledger; the same in French with a
 * capture at pickup; a frozen account; Flexiti down. axe-core runs on every screen; screenshots go to
 * test-artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { DEMO } from '../../src/sandbox/state/demo-data';
import { hasChromium, CHROMIUM } from './support/chromium';
import { axeAndScreenshot } from './support/check-screen';
import { nextSmsPin, outbox } from './support/outbox';
import { sandboxControl } from './support/sandbox-control';
import { firstStartInDemoMode } from './support/first-run';
import { useAppUnderTest } from './support/use-app-under-test';
import { signIn, signOut } from './support/staff';

const JOHN = DEMO.accounts.johnSmith;
const FROZEN = DEMO.accounts.johnSmithFrozen;
/** What must never be on screen: every full account and card number of the personas used. */
const FULL_NUMBERS = [JOHN.accountNumber, JOHN.vcc, FROZEN.accountNumber, FROZEN.vcc].map(String);

if (!hasChromium) console.warn(`e2e purchase journey skipped: ${CHROMIUM} is not installed on this machine.`);

interface Ledger {
  posted_balance_cents: number;
  open_holds_cents: number;
  authorizations: unknown[];
}

describe.skipIf(!hasChromium)('purchase journey (Chromium)', () => {
  let host: RunningBrowserHost;
  let page: Page;
  let sandboxUrl: string;
  const problems: string[] = [];

  const control = sandboxControl(() => sandboxUrl);

  const ledger = async (accountNumber: number) =>
    (await control('GET', `/accounts/${accountNumber}`)) as Ledger;

  const smsPin = (accountNumber: number, notBefore: number) => nextSmsPin(control, accountNumber, notBefore);
  const outboxCount = async () => (await outbox(control)).length;

  const checkScreen = (name: string) => axeAndScreenshot(page, 'purchase', name);

  async function expectNoFullNumbers(): Promise<void> {
    const text = await page.evaluate(() => document.body.innerText);
    const html = await page.content();
    for (const number of FULL_NUMBERS) {
      expect(text).not.toContain(number);
      expect(html).not.toContain(number);
    }
  }

  async function findJohn(labels: { first: string; last: string; dob: string; search: string }) {
    await page.getByLabel(labels.first).fill('John');
    await page.getByLabel(labels.last).fill('Smith');
    await page.getByLabel(labels.dob).fill('1900-01-01');
    await page.getByRole('button', { name: labels.search, exact: true }).click();
    await page.getByTestId('account-card').first().waitFor();
  }

  const johnCard = () => page.getByTestId('account-card').filter({ hasText: `•••• ${JOHN.vcc.slice(-4)}` });
  const focusedHeading = () => page.evaluate(() => document.activeElement?.tagName);

  useAppUnderTest({ problems, failureScreenshot: 'purchase-failure' }, (app) => {
    ({ host, page, sandboxUrl } = app);
  });

  it('creates the manager and signs in', async () => {
    await firstStartInDemoMode(page, host.url);
    await signOut(page);
    await signIn(page);
  });

  it('buys on plan 4 over 12 months for John Smith, verified by SMS, with auto-capture', async () => {
    const before = await ledger(JOHN.accountNumber);
    await findJohn({
      first: 'First name',
      last: 'Last name',
      dob: 'Date of birth (YYYY-MM-DD)',
      search: 'Search',
    });
    await checkScreen('lookup-en');
    await johnCard().getByTestId('start-purchase').click();

    await page.getByRole('heading', { name: 'Purchase amount' }).waitFor();
    expect(await focusedHeading()).toBe('H1');
    await checkScreen('amount-en');
    await page.getByLabel('Amount in dollars and cents').fill('1,000.00');
    await page.getByLabel('Order reference (optional)').fill('ORDER-2001');
    await page.getByRole('button', { name: 'See the payment plans' }).click();

    await page.getByRole('heading', { name: 'Payment plans for $1,000.00' }).waitFor();
    const term = page.getByTestId('term-4-12');
    await term.waitFor();
    await expect(term.textContent()).resolves.toMatch(/Monthly payment\$\d+\.\d{2}/);
    await expect(term.textContent()).resolves.toMatch(/Annual rate\d+\.\d{2}%/);
    await checkScreen('plans-en');
    await term.getByRole('button').click();

    await page.getByRole('heading', { name: 'Verify the customer' }).waitFor();
    await expect(page.getByTestId('verify-merchant_override').textContent()).resolves.toBe(
      'Manager override',
    );
    await expect(page.getByText('Needs a manager').count()).resolves.toBe(1);
    await checkScreen('verify-en');
    const sent = await outboxCount();
    await page.getByTestId('verify-sms').click();
    await page.getByRole('heading', { name: 'Ask the customer for the PIN' }).waitFor();
    await checkScreen('pin-en');
    await page.getByLabel('PIN the customer reads to you').fill(await smsPin(JOHN.accountNumber, sent));
    await page.getByRole('button', { name: 'Use this PIN' }).click();

    // 1,000.00 plus interest is more than John's available credit in the demo data: a neutral decline.
    await page.getByRole('heading', { name: 'Confirm the purchase' }).waitFor();
    await checkScreen('confirm-en');
    await page.getByTestId('authorize').click();
    await page.getByText('Flexiti did not approve this purchase.').waitFor();
    await page.getByText('Try another plan or another account.').waitFor();
    await checkScreen('declined-en');
    expect(await ledger(JOHN.accountNumber)).toEqual(before);

    // Escape goes back: plans, then the amount; a smaller amount keeps the unused PIN.
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Payment plans for $1,000.00' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Purchase amount' }).waitFor();
    await expect(page.getByLabel('Amount in dollars and cents').inputValue()).resolves.toBe('1,000.00');
    await page.getByLabel('Amount in dollars and cents').fill('500.00');
    await page.getByRole('button', { name: 'See the payment plans' }).click();
    await page.getByRole('heading', { name: 'Payment plans for $500.00' }).waitFor();
    await page.getByTestId('term-4-12').getByRole('button').click();
    await page.getByRole('heading', { name: 'Confirm the purchase' }).waitFor();
    await page.getByTestId('authorize').click();

    await page.getByRole('heading', { name: 'Purchase approved' }).waitFor();
    await expect(page.getByTestId('captured').textContent()).resolves.toBe('$500.00');
    await checkScreen('result-en');
    await page.getByRole('button', { name: 'Show the receipt' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await expect(receipt.textContent()).resolves.toContain(`•••• ${JOHN.vcc.slice(-4)}`);
    await expect(receipt.textContent()).resolves.toContain('ORDER-2001');
    await expect(receipt.textContent()).resolves.toContain('$500.00');
    await expectNoFullNumbers();
    await checkScreen('receipt-en');

    const after = await ledger(JOHN.accountNumber);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(50_000);
    expect(after.open_holds_cents).toBe(before.open_holds_cents);
    expect(after.authorizations).toHaveLength(before.authorizations.length + 1);
    await page.getByRole('button', { name: 'Done: next customer' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }, 120_000);

  it('makes the same purchase in French, authorized now and captured at pickup', async () => {
    const before = await ledger(JOHN.accountNumber);
    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: 'Trouver un client' }).waitFor();
    await findJohn({
      first: 'Prénom',
      last: 'Nom de famille',
      dob: 'Date de naissance (AAAA-MM-JJ)',
      search: 'Rechercher',
    });
    await johnCard().getByTestId('start-purchase').click();

    await page.getByRole('heading', { name: 'Montant de l’achat' }).waitFor();
    await checkScreen('amount-fr');
    await page.getByLabel('Montant en dollars et en cents').fill('100,00');
    await page.getByRole('button', { name: 'Voir les plans de paiement' }).click();
    // John's account prefers English: his offer is in English until he asks for French.
    await page.getByRole('heading', { name: 'Payment plans for $100.00' }).waitFor();
    await page.getByTestId('customer-language-fr').click();
    await page.getByRole('heading', { name: /^Plans de paiement pour 100,00\s\$$/ }).waitFor();
    await page.getByTestId('term-4-12').waitFor();
    await expect(page.getByTestId('term-4-12').textContent()).resolves.toMatch(/Taux annuel\d+,\d{2}\s%/);
    await checkScreen('plans-fr');
    await page.getByTestId('term-4-12').getByRole('button').click();

    await page.getByRole('heading', { name: 'Vérifier le client' }).waitFor();
    const sent = await outboxCount();
    await page.getByTestId('verify-sms').click();
    await page.getByRole('heading', { name: 'Demandez le NIP au client' }).waitFor();
    await checkScreen('pin-fr');
    await page.getByLabel('NIP que le client vous lit').fill(await smsPin(JOHN.accountNumber, sent));
    await page.getByRole('button', { name: 'Utiliser ce NIP' }).click();

    await page.getByRole('heading', { name: 'Confirmer l’achat' }).waitFor();
    await page.getByLabel('Autoriser maintenant, débiter au ramassage').check();
    await checkScreen('confirm-fr');
    await page.getByTestId('authorize').click();
    await page.getByRole('heading', { name: 'Autorisé : à débiter au ramassage' }).waitFor();
    const held = await ledger(JOHN.accountNumber);
    expect(held.open_holds_cents - before.open_holds_cents).toBe(10_000);
    expect(held.posted_balance_cents).toBe(before.posted_balance_cents);
    await checkScreen('authorized-fr');

    await page.getByTestId('capture').click();
    await page.getByRole('heading', { name: 'Achat approuvé' }).waitFor();
    await page.getByRole('button', { name: 'Afficher le reçu' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await expect(receipt.textContent()).resolves.toContain(`•••• ${JOHN.vcc.slice(-4)}`);
    await expectNoFullNumbers();
    await checkScreen('receipt-fr');

    const after = await ledger(JOHN.accountNumber);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(10_000);
    expect(after.open_holds_cents).toBe(before.open_holds_cents);
    await page.getByRole('button', { name: 'Terminé : client suivant' }).click();
    await page.getByRole('heading', { name: 'Trouver un client' }).waitFor();
    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }, 120_000);

  it('offers no purchase on John Smith’s frozen account', async () => {
    await findJohn({
      first: 'First name',
      last: 'Last name',
      dob: 'Date of birth (YYYY-MM-DD)',
      search: 'Search',
    });
    const frozen = page.getByTestId('account-card').filter({ hasText: `•••• ${FROZEN.vcc.slice(-4)}` });
    await frozen.waitFor();
    await expect(frozen.textContent()).resolves.toContain('Frozen');
    await expect(frozen.getByRole('button').count()).resolves.toBe(0);
    await expect(frozen.getByTestId('no-purchase').textContent()).resolves.toBe(
      'This account cannot make a purchase.',
    );
    await expect(johnCard().getByTestId('start-purchase').count()).resolves.toBe(1);
    await checkScreen('frozen-en');
  });

  it('asks the security question, then locks it after too many wrong answers; a wrong PIN asks to verify again', async () => {
    await johnCard().getByTestId('start-purchase').click();
    await page.getByLabel('Amount in dollars and cents').fill('50.00');
    await page.getByRole('button', { name: 'See the payment plans' }).click();
    await page.getByTestId('term-4-12').getByRole('button').click();
    await page.getByRole('heading', { name: 'Verify the customer' }).waitFor();

    await page.getByTestId('verify-security_question').click();
    await page.getByRole('heading', { name: 'Ask the customer this question' }).waitFor();
    const question = await page.locator('.question-text').textContent();
    expect(question?.length).toBeGreaterThan(5);
    await checkScreen('question-en');
    const wrong = `Not${JOHN.securityAnswer}`;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      if ((await page.getByTestId('too-many-tries').count()) > 0) break;
      await page.getByLabel('Customer’s answer').fill(wrong);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/verify.start'));
      await page.getByRole('button', { name: 'Check the answer' }).click();
      await answered;
      await page.getByTestId('payment-error').or(page.getByTestId('too-many-tries')).first().waitFor();
    }
    await page.getByTestId('too-many-tries').waitFor();
    await expect(page.getByTestId('verify-security_question').isDisabled()).resolves.toBe(true);
    await checkScreen('too-many-tries-en');

    // A wrong PIN is only found out at authorization: back to verification with a plain sentence.
    await page.getByTestId('verify-sms').click();
    await page.getByLabel('PIN the customer reads to you').fill('0000');
    await page.getByRole('button', { name: 'Use this PIN' }).click();
    await page.getByRole('heading', { name: 'Confirm the purchase' }).waitFor();
    await page.getByTestId('authorize').click();
    await page.getByRole('heading', { name: 'Verify the customer' }).waitFor();
    await page
      .getByText('The PIN was not accepted. Send a new PIN or choose another way to verify.')
      .waitFor();
    await checkScreen('wrong-pin-en');
  }, 120_000);

  it('says nothing was charged when Flexiti is down, and the ledger does not move', async () => {
    const before = await ledger(JOHN.accountNumber);
    const sent = await outboxCount();
    await page.getByTestId('verify-sms').click();
    await page.getByLabel('PIN the customer reads to you').fill(await smsPin(JOHN.accountNumber, sent));
    await page.getByRole('button', { name: 'Use this PIN' }).click();
    await page.getByRole('heading', { name: 'Confirm the purchase' }).waitFor();

    await control('POST', '/faults', {
      method: 'POST',
      path: '**/authorization',
      kind: 'status',
      status: 503,
    });
    try {
      await page.getByTestId('authorize').click();
      await page.getByText('Flexiti isn’t answering. Nothing was charged. Try again in a moment.').waitFor({
        timeout: 60_000,
      });
      await checkScreen('flexiti-down-en');
      const after = await ledger(JOHN.accountNumber);
      expect(after.posted_balance_cents).toBe(before.posted_balance_cents);
      expect(after.open_holds_cents).toBe(before.open_holds_cents);
      expect(after.authorizations).toHaveLength(before.authorizations.length);
    } finally {
      await control('DELETE', '/faults');
    }
    // Flexiti is back: trying again charges once, exactly the amount.
    await page.getByTestId('authorize').click();
    await page.getByRole('heading', { name: 'Purchase approved' }).waitFor();
    const after = await ledger(JOHN.accountNumber);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(5_000);
    expect(after.authorizations).toHaveLength(before.authorizations.length + 1);
    await expectNoFullNumbers();
    expect(problems).toEqual([]);
  }, 120_000);
});
