/**
 * Main's receipt for a return, refund or release: languages from the terminal's format (the customer
 * is looked up only when the format depends on them), and only the fields the customer may see.
 */
import { describe, expect, it } from 'vitest';
import type { FlowContext } from '../../../src/main/core/flexiti/call-runner';
import type { CustomerDetails } from '../../../src/main/core/flexiti/schemas/customer-schemas';
import {
  operationReceipt,
  operationReceiptLanguages,
  type CustomerSource,
  type OperationReceiptTerminal,
} from '../../../src/main/core/handlers/operation-receipt';
import type { Sale } from '../../../src/main/core/sales/sale-search';
import { operationReceiptSchema } from '../../../src/shared/ipc/channels/returns';

const terminal = (over: Partial<OperationReceiptTerminal> = {}): OperationReceiptTerminal => ({
  locationId: 'STORE-001',
  registerId: 'REG-7',
  storeProvince: 'ON',
  receiptFormat: 'auto',
  language: 'en',
  ...over,
});

/** A lookup that answers with the given customer, or fails, and counts its calls. */
function customers(details: Partial<CustomerDetails> | Error) {
  const source = {
    calls: 0,
    newFlow: (): FlowContext => ({ referenceId: 'a'.repeat(32), requestId: 'r' }),
    lookupCustomer: async () => {
      source.calls++;
      if (details instanceof Error) throw details;
      return details as CustomerDetails;
    },
  } satisfies CustomerSource & { calls: number };
  return source;
}

describe('operationReceiptLanguages', () => {
  it('follows a French-speaking customer in auto, and asks nobody in Quebec', async () => {
    const french = customers({ preferredLanguage: 'fr', province: 'ON' });
    expect(await operationReceiptLanguages(terminal(), french, '116994755')).toEqual(['fr']);
    const quebecStore = customers({ preferredLanguage: 'en' });
    expect(await operationReceiptLanguages(terminal({ storeProvince: 'QC' }), quebecStore, '1')).toEqual([
      'fr',
      'en',
    ]);
    expect(quebecStore.calls).toBe(0);
  });

  it('does not look up for a fixed language, and falls back to the terminal when the lookup fails', async () => {
    const never = customers({ preferredLanguage: 'fr' });
    expect(await operationReceiptLanguages(terminal({ receiptFormat: 'en' }), never, '1')).toEqual(['en']);
    expect(never.calls).toBe(0);
    const down = customers(new Error('down'));
    expect(await operationReceiptLanguages(terminal({ language: 'fr' }), down, '1')).toEqual(['fr']);
    expect(await operationReceiptLanguages(terminal({ receiptFormat: 'bilingual' }), down, '1')).toEqual([
      'en',
      'fr',
    ]);
  });
});

describe('operationReceipt', () => {
  const sale = {
    authorizationId: '8812345',
    reference: 'ORD-1',
    capturedCents: 10_000,
    returnedCents: 2_000,
    refundedCents: 500,
    remainingToCaptureCents: 1_000,
  } as Sale;

  it('builds a receipt the contract accepts, with what remains on the sale', () => {
    const receipt = operationReceipt({
      kind: 'return',
      languages: ['en'],
      terminal: terminal(),
      employeeId: 'E200',
      approverId: 'E100',
      atMs: Date.parse('2026-03-20T18:30:00Z'),
      accountLast4: '4755',
      sale,
      amountCents: 2_000,
      returnId: '55',
      captureId: '9',
      remainingCaptureCents: 8_000,
    });
    expect(operationReceiptSchema.parse(receipt)).toEqual(receipt);
    expect(receipt).toMatchObject({
      at: '2026-03-20T18:30:00.000Z',
      authorizationId: '8812345',
      orderReference: 'ORD-1',
      sale: { heldCents: 1_000, chargedCents: 7_500 },
    });
  });

  it('leaves out an account ending that is not 4 digits, and a sale that is not there', () => {
    const receipt = operationReceipt({
      kind: 'refund',
      languages: ['fr'],
      terminal: terminal(),
      employeeId: 'E100',
      atMs: Number.NaN,
      accountLast4: '12',
      sale: null,
      amountCents: 100,
    });
    expect(operationReceiptSchema.parse(receipt)).toEqual(receipt);
    expect(receipt.accountLast4).toBeUndefined();
    expect(receipt.sale).toBeUndefined();
    expect(Number.isNaN(Date.parse(receipt.at))).toBe(false);
  });
});
