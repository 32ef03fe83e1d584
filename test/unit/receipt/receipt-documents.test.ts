/**
 * The receipt documents the screen, the printer and the PDF all draw: sections in the data's
 * language order with each section's own labels, the masked card or account only, line items,
 * the demo marker, and nothing from a licence or a refund's reason.
 */
import { describe, expect, it } from 'vitest';
import { operationReceiptSchema } from '../../../src/shared/ipc/channels/returns';
import { formatCents } from '../../../src/renderer/i18n/i18n';
import { operationReceiptDocument } from '../../../src/renderer/receipt/operation-receipt-document';
import { purchaseReceiptDocument } from '../../../src/renderer/receipt/purchase-receipt-document';
import type { ReceiptDocument } from '../../../src/renderer/receipt/receipt-document';
import { operationReceipt, purchaseReceipt } from './receipt-fixtures';

const rowOf = (doc: ReceiptDocument, section: number, key: string) =>
  doc.sections[section]?.rows.find((row) => row.key === key);
const allText = (doc: ReceiptDocument) => JSON.stringify(doc);

describe('purchase receipt document', () => {
  it('has one section per language, in the order main gives, each labelled in its own language', () => {
    const doc = purchaseReceiptDocument(purchaseReceipt({ languages: ['en', 'fr'] }), { demo: false });
    expect(doc.sections.map((s) => s.language)).toEqual(['en', 'fr']);
    expect(doc.sections[0]?.heading).toBe('Flexiti financing receipt');
    expect(doc.sections[1]?.heading).toBe('Reçu de financement Flexiti');
    expect(rowOf(doc, 0, 'authorized')).toEqual({
      key: 'authorized',
      label: 'Authorized',
      value: formatCents(123_456, 'en'),
    });
    expect(rowOf(doc, 1, 'authorized')?.label).toBe('Autorisé');
    expect(rowOf(doc, 1, 'authorized')?.value).toBe(formatCents(123_456, 'fr'));
    expect(rowOf(doc, 0, 'plan')?.value).toBe('Equal payments, no interest');
    expect(rowOf(doc, 1, 'plan')?.value).toBe('Versements égaux, sans intérêt');
  });

  it('puts French first for Quebec, and prints one language when asked', () => {
    const quebec = purchaseReceiptDocument(
      purchaseReceipt({ languages: ['fr', 'en'], storeProvince: 'QC' }),
      {
        demo: false,
      },
    );
    expect(quebec.sections.map((s) => s.language)).toEqual(['fr', 'en']);
    expect(rowOf(quebec, 0, 'store')?.value).toBe('STORE-001 (QC)');
    const english = purchaseReceiptDocument(purchaseReceipt({ languages: ['en'] }), { demo: false });
    expect(english.sections.map((s) => s.language)).toEqual(['en']);
  });

  it('shows the masked card and nothing from a licence', () => {
    const doc = purchaseReceiptDocument(purchaseReceipt(), { demo: false });
    for (const section of doc.sections) {
      expect(section.rows.find((r) => r.key === 'card')?.value).toBe('•••• 5941');
      expect(section.rows.map((r) => r.key).join(' ')).not.toMatch(/licen|birth|dob|address|account/i);
    }
    // No run of 9+ digits but the authorization and the support reference's own ids.
    const digits = allText(doc).match(/\d{9,}/g) ?? [];
    expect(digits.every((d) => '0123456789abcdef0123456789abcdef'.includes(d))).toBe(true);
  });

  it('lists the line items with quantity, unit price and line total', () => {
    const doc = purchaseReceiptDocument(
      purchaseReceipt({
        lineItems: [
          { sku: 'SOFA-3', description: 'Three-seat sofa', quantity: 1, unitPriceCents: 99_999 },
          { sku: 'PILLOW', quantity: 3, unitPriceCents: 1_250 },
        ],
      }),
      { demo: false },
    );
    const [en, fr] = doc.sections;
    expect(en?.items?.columns).toEqual(['Item', 'Qty', 'Unit price', 'Total']);
    expect(en?.items?.rows).toEqual([
      ['Three-seat sofa (SOFA-3)', '1', formatCents(99_999, 'en'), formatCents(99_999, 'en')],
      ['PILLOW', '3', formatCents(1_250, 'en'), formatCents(3_750, 'en')],
    ]);
    expect(fr?.items?.heading).toBe('Articles');
    expect(fr?.items?.rows[1]?.[3]).toBe(formatCents(3_750, 'fr'));
    expect(purchaseReceiptDocument(purchaseReceipt(), { demo: false }).sections[0]?.items).toBeUndefined();
  });

  it('marks every section of a demo receipt', () => {
    const doc = purchaseReceiptDocument(purchaseReceipt(), { demo: true });
    expect(doc.sections.map((s) => s.demoMarker)).toEqual([
      'DEMO: not a real transaction',
      'DÉMO : aucune transaction réelle',
    ]);
    expect(
      purchaseReceiptDocument(purchaseReceipt(), { demo: false }).sections[0]?.demoMarker,
    ).toBeUndefined();
  });

  it('carries the Quebec disclosure into the section of its language', () => {
    const doc = purchaseReceiptDocument(
      purchaseReceipt({
        languages: ['fr', 'en'],
        texts: [
          { language: 'fr', quebecDisclosure: 'Divulgation LPC' },
          { language: 'en', quebecDisclosure: 'CPA disclosure' },
        ],
      }),
      { demo: false },
    );
    expect(doc.sections[0]?.notes).toEqual(['Divulgation LPC']);
    expect(doc.sections[1]?.notes).toEqual(['CPA disclosure']);
  });
});

describe('return, refund and release receipt documents', () => {
  it('shows a return with its id, amount, what remains, the approver, French first', () => {
    const doc = operationReceiptDocument(operationReceipt(), { demo: false });
    expect(doc.kind).toBe('return');
    expect(doc.sections.map((s) => s.language)).toEqual(['fr', 'en']);
    expect(doc.sections[0]?.heading).toBe('Reçu de retour Flexiti');
    expect(doc.sections[1]?.heading).toBe('Flexiti return receipt');
    expect(rowOf(doc, 1, 'amount')).toEqual({
      key: 'amount',
      label: 'Amount returned',
      value: formatCents(25_050, 'en'),
    });
    expect(rowOf(doc, 0, 'amount')?.value).toBe(formatCents(25_050, 'fr'));
    expect(rowOf(doc, 1, 'returnId')?.value).toBe('5511');
    expect(rowOf(doc, 1, 'remainingCapture')?.value).toBe(formatCents(98_406, 'en'));
    expect(rowOf(doc, 1, 'approver')?.value).toBe('E100');
    expect(rowOf(doc, 1, 'account')?.value).toBe('•••• 4755');
    expect(rowOf(doc, 1, 'held')).toBeUndefined();
  });

  it('shows a refund and a release in their own words', () => {
    const refund = operationReceiptDocument(
      operationReceipt({
        kind: 'refund',
        languages: ['en'],
        returnId: undefined,
        remainingCaptureCents: undefined,
      }),
      { demo: true },
    );
    expect(refund.sections[0]?.heading).toBe('Flexiti refund receipt');
    expect(rowOf(refund, 0, 'amount')?.label).toBe('Amount refunded');
    expect(rowOf(refund, 0, 'returnId')).toBeUndefined();
    expect(refund.sections[0]?.demoMarker).toBe('DEMO: not a real transaction');

    const release = operationReceiptDocument(
      operationReceipt({
        kind: 'release',
        languages: ['en', 'fr'],
        returnId: undefined,
        captureId: undefined,
        remainingCaptureCents: undefined,
        sale: { heldCents: 5_000, chargedCents: 0 },
      }),
      { demo: false },
    );
    expect(release.sections[1]?.heading).toBe('Reçu de libération Flexiti');
    expect(rowOf(release, 0, 'held')?.value).toBe(formatCents(5_000, 'en'));
    expect(rowOf(release, 1, 'amount')?.label).toBe('Montant libéré');
  });

  it('cannot carry a refund reason or a full account number', () => {
    const base = operationReceipt({ kind: 'refund' });
    expect(operationReceiptSchema.safeParse({ ...base, reason: 'damaged' }).success).toBe(false);
    expect(operationReceiptSchema.safeParse({ ...base, accountLast4: '1234567890' }).success).toBe(false);
    const doc = operationReceiptDocument(base, { demo: false });
    expect(allText(doc)).not.toMatch(/reason|raison|licen|permis/i);
  });

  it('has no authorization for a refund made on the account alone', () => {
    const doc = operationReceiptDocument(
      operationReceipt({
        kind: 'refund',
        authorizationId: undefined,
        orderReference: undefined,
        returnId: undefined,
        captureId: undefined,
        remainingCaptureCents: undefined,
        sale: undefined,
      }),
      { demo: false },
    );
    expect(doc.authorizationId).toBeUndefined();
    expect(rowOf(doc, 0, 'authorizationId')).toBeUndefined();
    expect(rowOf(doc, 0, 'charged')).toBeUndefined();
  });
});
