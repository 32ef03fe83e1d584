/**
 * The PDF writer: the bytes load back with pdf-lib, pages are 80 mm wide and break before 297 mm,
 * and pdftotext reads the same receipt the screen shows (both languages, masked card, amounts in
 * each language's format, the demo marker). Needs pdftotext (poppler-utils, in `setup --test`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCents } from '../../../src/renderer/i18n/i18n';
import { operationReceiptDocument } from '../../../src/renderer/receipt/operation-receipt-document';
import { purchaseReceiptDocument } from '../../../src/renderer/receipt/purchase-receipt-document';
import { receiptFileName, receiptPdf } from '../../../src/renderer/receipt/receipt-pdf';
import { hasPdftotext, pdftotextOf } from '../../fixtures/pdftotext';
import { operationReceipt, purchaseReceipt } from './receipt-fixtures';

const MM = 72 / 25.4;
const dir = mkdtempSync(join(tmpdir(), 'receipt-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdftotext = hasPdftotext;
if (!pdftotext) console.warn('PDF text checks skipped: pdftotext is absent (apt-get install poppler-utils).');

/** The PDF's text as pdftotext reads it, with no-break spaces as plain spaces. */
function textOf(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return pdftotextOf(file);
}
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('receipt PDF', () => {
  it('loads back as 80 mm wide pages, titled, in the first section’s language', async () => {
    const doc = purchaseReceiptDocument(purchaseReceipt({ languages: ['fr', 'en'] }), { demo: false });
    const bytes = await receiptPdf(doc, { title: 'Reçu de financement Flexiti' });
    const loaded = await PDFDocument.load(bytes);
    expect(loaded.getPageCount()).toBe(1);
    const { width, height } = loaded.getPage(0).getSize();
    expect(width).toBeCloseTo(80 * MM, 3);
    expect(height).toBeLessThanOrEqual(297 * MM);
    expect(loaded.getTitle()).toBe('Reçu de financement Flexiti');
  });

  it('breaks a long receipt over pages no longer than 297 mm', async () => {
    const lineItems = Array.from({ length: 120 }, (_, i) => ({
      sku: `SKU-${i}`,
      description: `Item number ${i} with a description long enough to wrap in its column`,
      quantity: 1 + (i % 3),
      unitPriceCents: 1_999 + i,
    }));
    const doc = purchaseReceiptDocument(purchaseReceipt({ lineItems }), { demo: false });
    const loaded = await PDFDocument.load(await receiptPdf(doc, { title: 'Receipt' }));
    expect(loaded.getPageCount()).toBeGreaterThan(1);
    for (const page of loaded.getPages()) {
      expect(page.getWidth()).toBeCloseTo(80 * MM, 3);
      expect(page.getHeight()).toBeLessThanOrEqual(297 * MM + 0.001);
    }
    if (pdftotext) {
      const text = textOf(await receiptPdf(doc, { title: 'Receipt' }), 'long.pdf');
      expect(text).toContain('SKU-119');
      expect(text).toContain(plain(formatCents((1_999 + 119) * 3, 'fr')));
    }
  });

  it.skipIf(!pdftotext)(
    'reads back both languages, the masked card, the amounts and the demo marker',
    async () => {
      const doc = purchaseReceiptDocument(
        purchaseReceipt({
          languages: ['fr', 'en'],
          storeProvince: 'QC',
          lineItems: [{ sku: 'SOFA-3', description: 'Sofa', quantity: 2, unitPriceCents: 61_728 }],
        }),
        { demo: true },
      );
      const text = textOf(await receiptPdf(doc, { title: 'Receipt' }), 'purchase.pdf');
      expect(text).toContain('Reçu de financement Flexiti');
      expect(text).toContain('Flexiti financing receipt');
      expect(text.indexOf('Reçu de financement')).toBeLessThan(text.indexOf('Flexiti financing receipt'));
      expect(text).toContain('•••• 5941');
      expect(text).toContain(plain(formatCents(123_456, 'fr')));
      expect(text).toContain(plain(formatCents(123_456, 'en')));
      expect(text).toContain('DÉMO : aucune transaction réelle');
      expect(text).toContain('DEMO: not a real transaction');
      expect(text).toContain('Sofa (SOFA-3)');
      expect(text).toContain('Versements égaux, sans intérêt');
    },
  );

  it.skipIf(!pdftotext)('writes a return receipt with the account’s last 4 digits only', async () => {
    const doc = operationReceiptDocument(operationReceipt(), { demo: false });
    const text = textOf(await receiptPdf(doc, { title: 'Return' }), 'return.pdf');
    expect(text).toContain('Reçu de retour Flexiti');
    expect(text).toContain('Flexiti return receipt');
    expect(text).toContain('•••• 4755');
    expect(text).toContain(plain(formatCents(25_050, 'en')));
    expect(text).toContain('5511');
    expect(text).not.toContain('DEMO');
  });

  it('names the file after the authorization', () => {
    const purchase = purchaseReceiptDocument(purchaseReceipt(), { demo: false });
    expect(receiptFileName(purchase)).toBe('flexiti-receipt-8812345.pdf');
    const back = operationReceiptDocument(operationReceipt(), { demo: false });
    expect(receiptFileName(back)).toBe('flexiti-return-receipt-8812345.pdf');
  });
});
