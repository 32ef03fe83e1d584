/**
 * Cashier steps the journeys repeat on the way to a purchase with John Smith, the demo customer with an
 * active account: find him, start the purchase on plan 4 over 12 months, verify him by his question.
 */
import type { Locator, Page } from 'playwright-core';
import { DEMO } from '../../../src/sandbox/state/demo-data';

const JOHN = DEMO.accounts.johnSmith;

/** On the customer search: searches John Smith by name and date of birth. */
export async function searchJohnSmith(page: Page): Promise<void> {
  await page.getByLabel('First name').fill('John');
  await page.getByLabel('Last name').fill('Smith');
  await page.getByLabel('Date of birth (YYYY-MM-DD)').fill('1900-01-01');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

/** John Smith's card among the search results (he has more than one account). */
export function johnSmithCard(page: Page): Locator {
  return page.getByTestId('account-card').filter({ hasText: `•••• ${JOHN.vcc.slice(-4)}` });
}

/**
 * On the customer search: finds John Smith, keys the amount (and the order reference when given),
 * chooses plan 4 over 12 months and waits for the verify screen.
 */
export async function startJohnSmithPurchase(page: Page, amount: string, reference?: string): Promise<void> {
  await searchJohnSmith(page);
  const card = johnSmithCard(page);
  await card.waitFor();
  await card.getByTestId('start-purchase').click();
  await page.getByLabel('Amount in dollars and cents').fill(amount);
  if (reference !== undefined) await page.getByLabel('Order reference (optional)').fill(reference);
  await page.getByRole('button', { name: 'See the payment plans' }).click();
  await page.getByTestId('term-4-12').getByRole('button').click();
  await page.getByRole('heading', { name: 'Verify the customer' }).waitFor();
}

/** On the verify screen: John Smith answers his security question; waits for the confirm screen. */
export async function verifyJohnSmithByQuestion(page: Page): Promise<void> {
  await page.getByTestId('verify-security_question').click();
  await page.getByLabel('Customer’s answer').fill(JOHN.securityAnswer);
  await page.getByRole('button', { name: 'Check the answer' }).click();
  await page.getByRole('heading', { name: 'Confirm the purchase' }).waitFor();
}
