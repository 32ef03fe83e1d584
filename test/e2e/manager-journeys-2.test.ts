/**
 * Cashier-started actions with a manager's approval, and the remaining manager journeys, in Chromium
 * against the browser host in demo mode over the built renderer and the embedded sandbox: a cashier's
 * merchant override approved by a manager; a partial then a full return started by a cashier, each
 * with a manager's approval (the Flexiti ledger moves by each amount, the audit trail names the
 * approver); a release from Find a sale; a capture whose answer was lost, settled from the
 * unfinished-payments list with exactly one capture at Flexiti; a Quebec cancellation refused outside
 * the 2 days; a return refused by the 100-day rule. axe-core runs on each new screen; screenshots go
 * to test-artifacts/screenshots/manager2-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { DEMO } from '../../src/sandbox/state/demo-data';
import type { CoreHarness } from '../integration/helpers/core-harness';
import { hasChromium, CHROMIUM } from './support/chromium';
import { axeAndScreenshot } from './support/check-screen';
import { sandboxControl } from './support/sandbox-control';
import { DEFAULT_MANAGER, firstStartInDemoMode } from './support/first-run';
import { startJohnSmithPurchase, verifyJohnSmithByQuestion } from './support/purchase-steps';
import { useAppUnderTest } from './support/use-app-under-test';
import { addStaff, signIn, signOut, switchTo } from './support/staff';

const JOHN = DEMO.accounts.johnSmith;
const LUC = DEMO.accounts.quebecOld;
const MANAGER = DEFAULT_MANAGER;
const CASHIER = { employeeId: 'C200', name: 'Carl Cashier', pin: '48201967' };
const OTHER_CASHIER = { employeeId: 'C300', name: 'Cora Cashier', pin: '55102938' };
const ORDER_OVERRIDE = 'ORDER-M2-OVR';
const ORDER_RELEASE = 'ORDER-M2-REL';
const ORDER_DROPPED = 'ORDER-M2-DROP';
const DAY_SECONDS = 86_400;

if (!hasChromium)
  console.warn(`e2e manager journeys 2 skipped: ${CHROMIUM} is not installed on this machine.`);

interface Ledger {
  account_status: string;
  creation_date: string;
  posted_balance_cents: number;
  open_holds_cents: number;
  authorizations: {
    authorization_id: number | string;
    reference: string | null;
    status: string;
    authorized_amount_cents: number;
    released_amount_cents: number;
    captured_amount_cents: number;
  }[];
  captures: {
    capture_id: number | string;
    authorization_id: number | string;
    amount_cents: number;
    remaining_capture_amount_cents: number;
    returns?: { return_id: number | string; amount_cents: number }[];
  }[];
}

describe.skipIf(!hasChromium)('manager journeys 2 (Chromium)', () => {
  let harness: CoreHarness;
  let host: RunningBrowserHost;
  let page: Page;
  let sandboxUrl: string;
  /** The terminal's clock runs with the sandbox's: both move together when a test moves time. */
  let clockOffsetMs = 0;
  const problems: string[] = [];

  const control = sandboxControl(() => sandboxUrl);

  const ledger = async (accountNumber: number) =>
    (await control('GET', `/accounts/${accountNumber}`)) as Ledger;

  const checkScreen = (name: string) => axeAndScreenshot(page, 'manager2', name);

  /** John Smith's card on the lookup screen, then the amount and plan 4 over 12 months. */
  async function startJohnPurchase(amount: string, reference: string): Promise<void> {
    await page.getByTestId('nav-customers').click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
    await startJohnSmithPurchase(page, amount, reference);
  }

  /** The security question (a second SMS to the same customer minutes later may be held back). */
  const verifyByQuestion = () => verifyJohnSmithByQuestion(page);

  /** The approval dialog, filled with someone's id and PIN. */
  async function approveAs(person: { employeeId: string; pin: string }): Promise<void> {
    const dialog = page.getByRole('dialog', { name: 'A manager’s approval' });
    await dialog.waitFor();
    await dialog.getByLabel('Manager’s employee ID').fill(person.employeeId);
    await dialog.getByLabel('Manager’s PIN').fill(person.pin);
    await dialog.getByTestId('approval-submit').click();
  }

  async function findSale(reference: string) {
    await page.getByLabel('Order reference (or its beginning)').fill(reference);
    await page.getByTestId('sales-search').click();
    await expect.poll(() => page.getByTestId('sale').count()).toBe(1);
    const sale = page.getByTestId('sale');
    await expect(sale.getByTestId('sale-reference').textContent()).resolves.toBe(reference);
    return sale;
  }

  const authorizationOf = (book: Ledger, reference: string) => {
    const found = book.authorizations.find((a) => a.reference === reference);
    if (!found) throw new Error(`no authorization ${reference} at Flexiti`);
    return found;
  };

  useAppUnderTest(
    { core: { now: () => Date.now() + clockOffsetMs }, problems, failureScreenshot: 'manager2-failure' },
    (app) => {
      ({ harness, host, page, sandboxUrl } = app);
    },
  );

  it('creates the manager and a cashier; the cashier signs in and sees a Returns entry', async () => {
    await firstStartInDemoMode(page, host.url, MANAGER);

    await addStaff(harness, { ...CASHIER, role: 'cashier' }, { ...OTHER_CASHIER, role: 'cashier' });

    await switchTo(page, CASHIER);
    await page.getByTestId('cashier-nav').waitFor();
    await expect(page.getByTestId('manager-nav').count()).resolves.toBe(0);
    await expect(page.getByTestId('nav-returns').textContent()).resolves.toBe('Returns');
  }, 120_000);

  it('a cashier completes a purchase by merchant override once a manager approves it', async () => {
    const before = await ledger(JOHN.accountNumber);
    await startJohnPurchase('120.00', ORDER_OVERRIDE);
    const override = page.getByTestId('verify-merchant_override');
    await expect(override.isEnabled()).resolves.toBe(true);
    await override.click();
    const dialog = page.getByRole('dialog', { name: 'A manager’s approval' });
    await dialog.waitFor();
    await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
    // The focus starts in the dialog and stays there.
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('Tab');
    await expect(
      page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null),
    ).resolves.toBe(true);
    const targets = await dialog
      .locator('button, input')
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().height));
    for (const height of targets) expect(height).toBeGreaterThanOrEqual(44);
    await checkScreen('override-approval');

    // Escape cancels: nothing was asked of Flexiti, the method is still there to choose.
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    await page.getByRole('heading', { name: 'Verify the customer' }).waitFor();

    await override.click();
    await approveAs({ employeeId: MANAGER.employeeId, pin: '11112222' });
    await expect
      .poll(() => page.getByTestId('approval-error').textContent())
      .toBe('The manager’s employee ID or PIN is wrong.');
    await approveAs(CASHIER);
    await expect
      .poll(() => page.getByTestId('approval-error').textContent())
      .toBe('You cannot approve your own action: another manager must enter their ID and PIN.');
    await approveAs(OTHER_CASHIER);
    await expect
      .poll(() => page.getByTestId('approval-error').textContent())
      .toBe('This person is not a manager: only a manager can approve.');
    await expect(page.getByLabel('Manager’s PIN').inputValue()).resolves.toBe('');
    await approveAs(MANAGER);
    await page.getByRole('heading', { name: 'Confirm the purchase' }).waitFor();
    await page.getByTestId('authorize').click();
    await page.getByRole('heading', { name: 'Purchase approved' }).waitFor();
    await page.getByRole('button', { name: 'Done: next customer' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();

    const after = await ledger(JOHN.accountNumber);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(12_000);
    expect(authorizationOf(after, ORDER_OVERRIDE).captured_amount_cents).toBe(12_000);
  }, 120_000);

  it('a cashier returns part, then all the rest, each with a manager’s approval (one screen in French)', async () => {
    await page.getByTestId('nav-returns').click();
    await page.getByRole('heading', { name: 'Find a sale' }).waitFor();
    await checkScreen('cashier-returns');
    const sale = await findSale(ORDER_OVERRIDE);
    await sale.getByTestId('sale-manage').click();
    const form = sale.getByTestId('return-form');
    await form.waitFor();
    // A cashier only starts returns: releases and refunds stay with managers.
    await expect(sale.getByTestId('refund-form').count()).resolves.toBe(0);
    await expect(sale.getByTestId('release-form').count()).resolves.toBe(0);

    const start = await ledger(JOHN.accountNumber);
    await form.getByLabel('Return part of it').check();
    await form.getByLabel('Amount to return').fill('30.00');
    await form.getByTestId('return-check').click();
    await expect(form.getByTestId('return-allowed').textContent()).resolves.toContain(
      'This return is allowed: $30.00.',
    );
    await expect(form.getByTestId('return-confirm').textContent()).resolves.toBe(
      'Ask a manager to approve the return of $30.00',
    );

    // The approval dialog in French, then cancelled: nothing moves.
    await page.getByTestId('language-toggle').click();
    await form.getByTestId('return-confirm').click();
    const french = page.getByRole('dialog', { name: 'Approbation d’un gérant' });
    await french.waitFor();
    await expect(french.textContent()).resolves.toContain('Un gérant approuve ce retour');
    await expect(page.locator('[lang="fr-CA"]').count()).resolves.toBeGreaterThan(0);
    await checkScreen('return-approval-fr');
    await french.getByRole('button', { name: 'Annuler' }).click();
    await expect(french.count()).resolves.toBe(0);
    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: 'Find a sale' }).waitFor();
    expect((await ledger(JOHN.accountNumber)).posted_balance_cents).toBe(start.posted_balance_cents);

    await form.getByTestId('return-confirm').click();
    await approveAs(MANAGER);
    await form.getByTestId('return-done').waitFor();
    const afterPartial = await ledger(JOHN.accountNumber);
    expect(start.posted_balance_cents - afterPartial.posted_balance_cents).toBe(3_000);
    await expect(sale.getByTestId('sale-returns').textContent()).resolves.toContain('$30.00');
    await checkScreen('cashier-return-done');

    // The rest: a full return of what remains ($90.00), approved again (a token is good once).
    const rest = sale.getByTestId('return-form');
    await rest.getByLabel('Return everything that remains').check();
    await rest.getByTestId('return-check').click();
    await expect(rest.getByTestId('return-allowed').textContent()).resolves.toContain(
      'This return is allowed: $90.00.',
    );
    await rest.getByTestId('return-confirm').click();
    await approveAs(MANAGER);
    await expect
      .poll(async () => (await ledger(JOHN.accountNumber)).posted_balance_cents)
      .toBe(afterPartial.posted_balance_cents - 9_000);
    const capture = (await ledger(JOHN.accountNumber)).captures.find(
      (c) =>
        String(c.authorization_id) === String(authorizationOf(afterPartial, ORDER_OVERRIDE).authorization_id),
    );
    expect(capture?.remaining_capture_amount_cents).toBe(0);
    await expect.poll(() => sale.getByTestId('return-form').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);

  it('the cashier makes two sales to capture at pickup; the second capture’s answer is lost', async () => {
    for (const reference of [ORDER_RELEASE, ORDER_DROPPED]) {
      await startJohnPurchase(reference === ORDER_RELEASE ? '50.00' : '40.00', reference);
      await verifyByQuestion();
      await page.getByLabel('Authorize now, capture at pickup').check();
      await page.getByTestId('authorize').click();
      await page.getByTestId('result-heading').waitFor();
      await expect(page.getByTestId('result-heading').textContent()).resolves.toBe(
        'Authorized: capture at pickup',
      );
      if (reference === ORDER_RELEASE) {
        await page.getByRole('button', { name: 'Done: next customer' }).click();
        await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
      }
    }
    // Flexiti takes the capture but the answer never arrives, on every attempt.
    await control('POST', '/faults', {
      method: 'POST',
      path: '**/capture',
      kind: 'drop_after_commit',
      times: 4,
    });
    try {
      await page.getByTestId('capture').click();
      await page
        .locator('[data-testid="payment-error"][data-category="in_doubt"]')
        .waitFor({ timeout: 60_000 });
    } finally {
      await control('DELETE', '/faults');
    }
    await checkScreen('capture-in-doubt');
    await page.getByRole('button', { name: 'Done: next customer' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }, 180_000);

  it('the audit trail names the manager who approved each of the cashier’s returns', async () => {
    await switchTo(page, MANAGER);
    await page.getByTestId('nav-audit').click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByLabel('Action').selectOption('return');
    await page.getByTestId('audit-search').click();
    const returns = page.locator(
      `[data-testid="audit-row"][data-action="return"][data-actor="${CASHIER.employeeId}"]`,
    );
    await expect.poll(() => returns.count()).toBe(2);
    for (const text of await returns.allTextContents()) expect(text).toContain(`/ ${MANAGER.employeeId}`);
    await expect(returns.allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('$30.00'), expect.stringContaining('$90.00')]),
    );
  }, 120_000);

  it('the manager releases an open authorization from Find a sale', async () => {
    const before = await ledger(JOHN.accountNumber);
    expect(authorizationOf(before, ORDER_RELEASE).authorized_amount_cents).toBe(5_000);
    await page.getByTestId('nav-sales').click();
    await page.getByRole('heading', { name: 'Find a sale' }).waitFor();
    const sale = await findSale(ORDER_RELEASE);
    await sale.getByTestId('sale-manage').click();
    const release = sale.getByTestId('release-form');
    await release.waitFor();
    await checkScreen('release');
    await release.getByTestId('release-confirm').click();
    // Nothing is held any more, so the release is no longer offered.
    await expect.poll(() => sale.getByTestId('release-form').count()).toBe(0);
    const after = await ledger(JOHN.accountNumber);
    expect(before.open_holds_cents - after.open_holds_cents).toBe(5_000);
    expect(authorizationOf(after, ORDER_RELEASE).released_amount_cents).toBe(5_000);
    expect(after.posted_balance_cents).toBe(before.posted_balance_cents);
  }, 120_000);

  it('the lost capture is unfinished; checking with Flexiti settles it with exactly one capture', async () => {
    const book = await ledger(JOHN.accountNumber);
    const dropped = authorizationOf(book, ORDER_DROPPED);
    const capturesOf = (l: Ledger) =>
      l.captures.filter((c) => String(c.authorization_id) === String(dropped.authorization_id));
    expect(capturesOf(book)).toHaveLength(1);

    await page.getByTestId('nav-inDoubt').click();
    await page.getByRole('heading', { name: 'Unfinished payments', level: 1 }).waitFor();
    const entries = page.getByTestId('in-doubt-entry');
    await expect.poll(() => entries.count()).toBe(1);
    await expect(entries.first().textContent()).resolves.toContain('$40.00');
    await checkScreen('in-doubt-capture');
    await page.getByTestId('reconcile').click();
    await expect(page.getByTestId('in-doubt-checked').textContent()).resolves.toBe(
      'Checked with Flexiti: 1 settled, 0 still unknown.',
    );
    const after = await ledger(JOHN.accountNumber);
    expect(capturesOf(after)).toHaveLength(1);
    expect(capturesOf(after)[0]?.amount_cents).toBe(4_000);
    expect(authorizationOf(after, ORDER_DROPPED).captured_amount_cents).toBe(4_000);
    expect(after.posted_balance_cents).toBe(book.posted_balance_cents);

    await page.getByTestId('nav-sales').click();
    const sale = await findSale(ORDER_DROPPED);
    await expect(sale.getByTestId('sale-captured').textContent()).resolves.toBe('$40.00');
  }, 120_000);

  it('refuses a Quebec cancellation outside the 2 days, and says why', async () => {
    await page.getByTestId('nav-customers').click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
    await page.getByLabel('First name').fill('Luc');
    await page.getByLabel('Last name').fill('Gagnon');
    await page.getByLabel('Date of birth (YYYY-MM-DD)').fill('1975-11-02');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const card = page.getByTestId('account-card').filter({ hasText: `•••• ${LUC.vcc.slice(-4)}` });
    await card.waitFor();
    await card.getByTestId('cancel-quebec').click();
    await page.getByRole('heading', { name: 'Quebec cancellation' }).waitFor();
    const account = await ledger(LUC.accountNumber);
    await expect(page.getByTestId('quebec-facts').textContent()).resolves.toContain(
      `Contract received ${account.creation_date}`,
    );
    await expect(page.getByTestId('quebec-refusal').textContent()).resolves.toBe(
      'The 2 days have passed: this account can no longer be cancelled here.',
    );
    await expect(page.getByTestId('quebec-confirm').count()).resolves.toBe(0);
    await checkScreen('quebec-window-passed');
    expect((await ledger(LUC.accountNumber)).account_status).toBe(account.account_status);
    expect(account.account_status).toBe('N');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain(String(LUC.accountNumber));
    expect(text).not.toContain(LUC.vcc);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }, 120_000);

  it('refuses a return after 100 days by the rules shown before any call; nothing moves', async () => {
    // 101 days later, at Flexiti and on the terminal alike (the idle lock would end the session).
    await signOut(page);
    await control('POST', '/clock', { advance_seconds: 101 * DAY_SECONDS });
    clockOffsetMs += 101 * DAY_SECONDS * 1000;
    await signIn(page, MANAGER);
    const before = await ledger(JOHN.accountNumber);
    await page.getByTestId('nav-sales').click();
    await page.getByRole('heading', { name: 'Find a sale' }).waitFor();
    const sale = await findSale(ORDER_DROPPED);
    await sale.getByTestId('sale-manage').click();
    const form = sale.getByTestId('return-form');
    await form.waitFor();
    await expect(form.textContent()).resolves.toContain('within 100 days');
    await form.getByTestId('return-check').click();
    await expect(form.getByTestId('return-refused').textContent()).resolves.toContain(
      'More than 100 days have passed since the capture: use a refund instead.',
    );
    await expect(form.getByTestId('return-confirm').count()).resolves.toBe(0);
    await checkScreen('return-100-days');
    const after = await ledger(JOHN.accountNumber);
    expect(after.posted_balance_cents).toBe(before.posted_balance_cents);
    expect(after.captures.flatMap((c) => c.returns ?? [])).toEqual(
      before.captures.flatMap((c) => c.returns ?? []),
    );
    expect(problems).toEqual([]);
  }, 120_000);
});
