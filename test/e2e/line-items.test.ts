/**
 * Line items in the purchase journey, in Chromium over the browser host in demo mode: the collapsed
 * editor on the amount step, rows added and removed from the keyboard, accents taken off for Flexiti,
 * a character Flexiti cannot take explained on its row, the running total and "use the items' total
 * as the amount", the items read back on the confirm step, and the receipt data carrying them; then
 * the manager's sale view lists them and a return says which came back.
 * axe-core runs on the editor and the confirm step; screenshots go to test-artifacts/screenshots/.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import type { Sender } from '../../src/main/core/handlers/handler-types';
import { DEMO } from '../../src/sandbox/state/demo-data';
import type { CoreHarness } from '../integration/helpers/core-harness';
import { useAppUnderTest } from './support/use-app-under-test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { CHROMIUM, hasChromium } from './support/chromium';
import { firstStartInDemoMode } from './support/first-run';
import { johnSmithCard, searchJohnSmith } from './support/purchase-steps';
import { nextSmsPin, outbox } from './support/outbox';
import { sandboxControl } from './support/sandbox-control';
import { saveScreenshot } from './support/screenshots';

const JOHN = DEMO.accounts.johnSmith;
/** The browser host's own sender: the same session the screen signed in. */
const HOST: Sender = { kind: 'browser-host', trusted: true };

if (!hasChromium) console.warn(`e2e line items skipped: ${CHROMIUM} is not installed on this machine.`);

describe.skipIf(!hasChromium)('line items in the purchase (Chromium)', () => {
  let host: RunningBrowserHost;
  let page: Page;
  let harness: CoreHarness | undefined;
  let sandboxUrl: string;
  const problems: string[] = [];
  const control = sandboxControl(() => sandboxUrl);

  const rows = () => page.locator('[data-line-item]');
  const rowField = (index: number, label: string): Locator =>
    rows().nth(index).getByLabel(label, { exact: true });
  const focusedLabel = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      if (!(active instanceof HTMLInputElement)) return active?.textContent ?? null;
      return active.labels?.[0]?.textContent ?? null;
    });
  const focusedRow = () =>
    page.evaluate(
      () => document.activeElement?.closest('[data-line-item]')?.querySelector('legend')?.textContent,
    );

  const smsPin = (notBefore: number) => nextSmsPin(control, JOHN.accountNumber, notBefore);

  useAppUnderTest({ problems, failureScreenshot: 'line-items-failure' }, (app) => {
    ({ harness, host, page, sandboxUrl } = app);
  });

  it('opens the editor on the amount step and reads the items from the keyboard', async () => {
    await firstStartInDemoMode(page, host.url);
    await searchJohnSmith(page);
    await johnSmithCard(page).getByTestId('start-purchase').click();
    await page.getByRole('heading', { name: 'Purchase amount' }).waitFor();

    // Collapsed by default: nothing to fill unless the cashier asks for it.
    const toggle = page.getByRole('button', { name: 'Line items (optional)' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(rows().count()).resolves.toBe(0);
    await page.getByLabel('Amount in dollars and cents').fill('250.00');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    // The first row opens with the focus in its SKU field.
    await expect(focusedRow()).resolves.toBe('Item 1');
    await expect(focusedLabel()).resolves.toBe('SKU');
    await page.keyboard.type('TV-32');
    await rowField(0, 'Description (optional)').fill('Téléviseur 32 po');
    await rowField(0, 'Quantity').fill('1');
    await rowField(0, 'Unit price in dollars').fill('199.99');
    await page
      .getByText('Sent to Flexiti without accents or special characters: “Televiseur 32 po”.')
      .waitFor();
    await page.getByText('Line total: $199.99').waitFor();

    await page.getByRole('button', { name: 'Add an item' }).click();
    await expect(focusedRow()).resolves.toBe('Item 2');
    await page.keyboard.type('HDMI-2M');
    await rowField(1, 'Quantity').fill('3');
    await rowField(1, 'Unit price in dollars').fill('12.50');

    // A character with no ASCII form is explained on its row, at once.
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.keyboard.type('LAMP-✓');
    await rowField(2, 'Unit price in dollars').fill('5');
    await rows()
      .nth(2)
      .getByText(
        'The SKU has a character Flexiti cannot take (only letters, digits and punctuation). Remove it.',
      )
      .waitFor();
    await expect(rowField(2, 'SKU').getAttribute('aria-invalid')).resolves.toBe('true');

    // Going on with it is refused, with the focus on the field to fix.
    await page.getByRole('button', { name: 'See the payment plans' }).click();
    await page.getByText('Some line items need a correction (shown on each item), or remove them.').waitFor();
    await expect(focusedRow()).resolves.toBe('Item 3');
    await expect(page.getByRole('heading', { name: 'Purchase amount' }).count()).resolves.toBe(1);

    // Removing the row keeps the focus in the list, on the row before.
    await rows().nth(2).getByRole('button', { name: 'Remove item 3' }).click();
    await expect(rows().count()).resolves.toBe(2);
    await expect(focusedRow()).resolves.toBe('Item 2');
    await expect(page.getByText('Some line items need a correction', { exact: false }).count()).resolves.toBe(
      0,
    );

    // The running total and the mismatch with the amount.
    await page.getByText('Items’ total: $237.49').waitFor();
    const mismatch = page.getByTestId('line-items-mismatch');
    await expect(mismatch.textContent()).resolves.toContain(
      'The items add up to $237.49, but the amount is $250.00.',
    );

    // Every control of the editor is a touch target of at least 44 px.
    const controls = page.locator('.line-items button, .line-items input');
    for (let i = 0; i < (await controls.count()); i += 1) {
      const box = await controls.nth(i).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await expectNoSeriousAxeViolations(page, 'line-items-editor');
    await saveScreenshot(page, 'line-items-editor-en');

    await mismatch.getByRole('button', { name: 'Use the items’ total ($237.49) as the amount' }).click();
    await expect(page.getByLabel('Amount in dollars and cents').inputValue()).resolves.toBe('237.49');
    await page.getByText('The items add up to the amount.').waitFor();
    await expect(mismatch.count()).resolves.toBe(0);
    await expectNoSeriousAxeViolations(page, 'line-items-matching');
    expect(problems).toEqual([]);
  }, 120_000);

  it('reads the items back before the money moves, and the receipt carries them', async () => {
    await page.getByRole('button', { name: 'See the payment plans' }).click();
    await page.getByRole('heading', { name: 'Payment plans for $237.49' }).waitFor();
    await page.getByTestId('term-4-12').getByRole('button').click();
    await page.getByRole('heading', { name: 'Verify the customer' }).waitFor();
    const sent = (await outbox(control)).length;
    await page.getByTestId('verify-sms').click();
    await page.getByLabel('PIN the customer reads to you').fill(await smsPin(sent));
    await page.getByRole('button', { name: 'Use this PIN' }).click();

    await page.getByRole('heading', { name: 'Confirm the purchase' }).waitFor();
    const summary = page.getByTestId('line-items-summary');
    const cells = await summary
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells).toEqual([
      ['TV-32Televiseur 32 po', '1', '$199.99', '$199.99'],
      ['HDMI-2M', '3', '$12.50', '$37.50'],
    ]);
    await expect(summary.locator('tfoot').textContent()).resolves.toBe('Items’ total$237.49');
    await expectNoSeriousAxeViolations(page, 'line-items-confirm');
    await saveScreenshot(page, 'line-items-confirm-en');

    const authorized = page.waitForResponse((r) => r.url().endsWith('/api/purchase.authorize'));
    await page.getByTestId('authorize').click();
    const body = (await (await authorized).json()) as {
      ok: boolean;
      value?: { authorization: { authorizationId: string } };
    };
    await page.getByRole('heading', { name: 'Purchase approved' }).waitFor();
    const authorizationId = body.value?.authorization.authorizationId;
    if (!harness || !authorizationId) throw new Error(`authorization failed: ${JSON.stringify(body)}`);

    // The same core the screen uses: the receipt data holds the items as they were sent.
    const result = await harness.core.handle('purchase.receipt', { authorizationId }, HOST);
    expect(result).toMatchObject({
      ok: true,
      value: {
        receipt: {
          lineItems: [
            { sku: 'TV-32', description: 'Televiseur 32 po', quantity: 1, unitPriceCents: 19_999 },
            { sku: 'HDMI-2M', quantity: 3, unitPriceCents: 1_250 },
          ],
        },
      },
    });
    expect(problems).toEqual([]);
  }, 120_000);

  it('lets the manager say which items came back: sent to Flexiti, and on the return receipt', async () => {
    await page.getByTestId('nav-sales').click();
    await page.getByRole('heading', { name: 'Find a sale' }).waitFor();
    await page.getByTestId('sales-search').click();
    await expect.poll(() => page.getByTestId('sale').count()).toBe(1);
    const sale = page.getByTestId('sale');
    // The manager's sale view lists what was sold.
    await expect(sale.getByTestId('line-items-summary').locator('tbody tr').count()).resolves.toBe(2);
    await sale.getByTestId('sale-manage').click();

    const returnForm = sale.getByTestId('return-form');
    const items = returnForm.getByTestId('return-items');
    await items.getByLabel('HDMI-2M: how many come back (up to 3)').fill('1');
    await items.getByRole('button', { name: 'Return the items’ total: $12.50' }).click();
    await expect(returnForm.getByLabel('Amount to return').inputValue()).resolves.toBe('12.50');
    await returnForm.getByTestId('return-check').click();
    await returnForm.getByTestId('return-allowed').waitFor();
    await expectNoSeriousAxeViolations(page, 'line-items-return');
    await returnForm.getByTestId('return-confirm').click();

    const receipt = page.getByTestId('operation-receipt');
    await receipt.waitFor();
    await expect(receipt.textContent()).resolves.toContain('Items returned');
    await saveScreenshot(page, 'line-items-return-receipt-en');
    // The same core the screen uses: the return's item is kept with the sale.
    const authorizationId = await sale.getAttribute('data-authorization');
    if (!harness || !authorizationId) throw new Error('no sale to check');
    const detail = await harness.core.handle('sales.get', { authorizationId }, HOST);
    expect(detail).toMatchObject({
      ok: true,
      value: { sale: { returnedCents: 1_250, returnedLineItems: [{ sku: 'HDMI-2M', quantity: 1 }] } },
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
