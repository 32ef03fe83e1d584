/**
 * Receipts in Chromium against the browser host in demo mode: a purchase's receipt saved as PDF
 * (read back with pdftotext: masked card, amount, both languages with the bilingual setting, the
 * demo marker) and printed alone; then a manager's partial return shows the customer's receipt,
 * which prints and saves as PDF too. axe-core on each new screen; screenshots go to
 * test-artifacts/screenshots/receipts-*.png.
 */
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { DEMO } from '../../src/sandbox/state/demo-data';
import { hasPdftotext, pdftotextOf } from '../fixtures/pdftotext';
import type { CoreHarness } from '../integration/helpers/core-harness';
import { useAppUnderTest } from './support/use-app-under-test';
import { axeAndScreenshot } from './support/check-screen';
import { CHROMIUM, hasChromium } from './support/chromium';
import { DEFAULT_MANAGER, firstStartInDemoMode } from './support/first-run';
import { startJohnSmithPurchase, verifyJohnSmithByQuestion } from './support/purchase-steps';
import { sandboxControl } from './support/sandbox-control';
import { saveScreenshot } from './support/screenshots';

const JOHN = DEMO.accounts.johnSmith;
const FULL_NUMBERS = [JOHN.accountNumber, JOHN.vcc].map(String);
const ORDER = 'ORDER-RCPT-1';

const pdftotext = hasPdftotext;
if (!hasChromium) console.warn(`e2e receipts skipped: ${CHROMIUM} is not installed on this machine.`);
if (!pdftotext) console.warn('e2e receipts skipped: pdftotext is absent (apt-get install poppler-utils).');

/** What pdftotext reads in the PDF, no-break spaces as plain spaces. */
async function pdfText(download: Download): Promise<string> {
  return pdftotextOf(await download.path());
}

interface Ledger {
  authorizations: { authorization_id: number | string; reference: string | null }[];
  captures: {
    capture_id: number | string;
    authorization_id: number | string;
    remaining_capture_amount_cents: number;
  }[];
}

describe.skipIf(!hasChromium || !pdftotext)('receipts (Chromium)', () => {
  let harness: CoreHarness;
  let host: RunningBrowserHost;
  let page: Page;
  let sandboxUrl: string;
  let authorizationId = '';
  const problems: string[] = [];
  const control = sandboxControl(() => sandboxUrl);
  const ledger = async () => (await control('GET', `/accounts/${JOHN.accountNumber}`)) as Ledger;

  const checkScreen = (name: string) => axeAndScreenshot(page, 'receipts', name);

  async function expectNoFullNumbers(text: string): Promise<void> {
    const html = await page.content();
    for (const number of FULL_NUMBERS) {
      expect(text).not.toContain(number);
      expect(html).not.toContain(number);
    }
  }

  /** Replaces the print dialog with a counter that notes which receipt was marked for print. */
  async function stubPrint(): Promise<void> {
    await page.evaluate(() => {
      const w = window as unknown as { printed: string[] };
      w.printed = [];
      window.print = () => {
        w.printed.push(document.querySelector('.print-target')?.id ?? '');
      };
    });
  }
  const printed = () => page.evaluate(() => (window as unknown as { printed: string[] }).printed);

  async function saveAs(button: ReturnType<Page['getByTestId']>): Promise<Download> {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return download;
  }

  useAppUnderTest({ problems, failureScreenshot: 'receipts-failure', acceptDownloads: true }, (app) => {
    ({ harness, host, page, sandboxUrl } = app);
  });

  it('sets up the terminal for bilingual receipts', async () => {
    await firstStartInDemoMode(page, host.url);
    const updated = await harness.core.handle(
      'settings.update',
      { patch: { receipt: { format: 'bilingual' } } },
      { kind: 'ipc', trusted: true },
    );
    expect(updated.ok).toBe(true);
  });

  it('saves a purchase receipt as PDF, in both languages with the masked card, and prints it alone', async () => {
    await startJohnSmithPurchase(page, '300.00', ORDER);
    await verifyJohnSmithByQuestion(page);
    await page.getByTestId('authorize').click();
    await page.getByRole('heading', { name: 'Purchase approved' }).waitFor();
    await page.getByRole('button', { name: 'Show the receipt' }).click();

    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await expect(
      receipt
        .locator('section[data-language]')
        .evaluateAll((s) => s.map((x) => x.getAttribute('data-language'))),
    ).resolves.toEqual(['en', 'fr']);
    await checkScreen('purchase');

    const download = await saveAs(page.getByTestId('receipt-save-pdf'));
    const file = download.suggestedFilename();
    expect(file).toMatch(/^flexiti-receipt-\d+\.pdf$/);
    authorizationId = /(\d+)/.exec(file)?.[1] ?? '';
    const text = await pdfText(download);
    expect(text).toContain('Flexiti financing receipt');
    expect(text).toContain('Reçu de financement Flexiti');
    expect(text.indexOf('Flexiti financing receipt')).toBeLessThan(
      text.indexOf('Reçu de financement Flexiti'),
    );
    expect(text).toContain(`•••• ${JOHN.vcc.slice(-4)}`);
    expect(text).toContain('$300.00');
    expect(text).toContain('300,00 $');
    expect(text).toContain(ORDER);
    expect(text).toContain(authorizationId);
    expect(text).toContain('DEMO: not a real transaction');
    expect(text).toContain('DÉMO : aucune transaction réelle');
    await expectNoFullNumbers(text);
    await page.getByTestId('receipt-pdf-saved').waitFor();
    const authorization = (await ledger()).authorizations.find((a) => a.reference === ORDER);
    expect(String(authorization?.authorization_id)).toBe(authorizationId);

    await stubPrint();
    await page.getByTestId('receipt-print').click();
    await expect(printed()).resolves.toEqual([`receipt-${authorizationId}`]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('demo-banner').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('receipt-save-pdf').isVisible()).resolves.toBe(false);
    await expect(receipt.isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'receipts-purchase-print');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

    await page.getByRole('button', { name: 'Done: next customer' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }, 120_000);

  it('shows the customer’s receipt after a partial return, prints it and saves it as PDF', async () => {
    await page.getByTestId('nav-sales').click();
    await page.getByLabel('Order reference (or its beginning)').fill(ORDER);
    await page.getByTestId('sales-search').click();
    await expect.poll(() => page.getByTestId('sale').count()).toBe(1);
    const sale = page.getByTestId('sale');
    await sale.getByTestId('sale-manage').click();
    const form = sale.getByTestId('return-form');
    await form.getByLabel('Return part of it').check();
    await form.getByLabel('Amount to return').fill('100.00');
    await form.getByTestId('return-check').click();
    await form.getByTestId('return-confirm').click();

    const panel = sale.getByTestId('operation-receipt');
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Flexiti return receipt');
    expect(text).toContain('Reçu de retour Flexiti');
    expect(text).toContain(`•••• ${String(JOHN.accountNumber).slice(-4)}`);
    expect(text).toContain('$100.00');
    expect(text).toContain('$200.00');
    await expectNoFullNumbers(text);
    const capture = (await ledger()).captures.find((c) => String(c.authorization_id) === authorizationId);
    expect(capture?.remaining_capture_amount_cents).toBe(20_000);
    await panel.scrollIntoViewIfNeeded();
    await checkScreen('return');

    await stubPrint();
    await panel.getByTestId('receipt-print').click();
    const marked = await printed();
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(/^operation-receipt-return-\d+$/);
    await page.emulateMedia({ media: 'print' });
    // On paper: this receipt alone, not the sales list around it.
    await expect(page.getByTestId('sales-search').isVisible()).resolves.toBe(false);
    await expect(panel.getByTestId('receipt').isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'receipts-return-print');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

    const download = await saveAs(panel.getByTestId('receipt-save-pdf'));
    expect(download.suggestedFilename()).toBe(`flexiti-return-receipt-${authorizationId}.pdf`);
    const pdf = await pdfText(download);
    expect(pdf).toContain('Flexiti return receipt');
    expect(pdf).toContain('Reçu de retour Flexiti');
    expect(pdf).toContain(`•••• ${String(JOHN.accountNumber).slice(-4)}`);
    expect(pdf).toContain('$100.00');
    expect(pdf).toContain('100,00 $');
    expect(pdf).toContain(DEFAULT_MANAGER.employeeId);
    expect(pdf).toContain('DEMO: not a real transaction');
    await expectNoFullNumbers(pdf);

    await panel.getByTestId('operation-receipt-close').click();
    await expect(sale.getByTestId('operation-receipt').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);
});
