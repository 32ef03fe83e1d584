/** Receipts as main sends them, checked against the contract so a fixture can never drift from it. */
import { receiptSchema, type Receipt } from '../../../src/shared/ipc/channels/purchase';
import { operationReceiptSchema, type OperationReceipt } from '../../../src/shared/ipc/channels/returns';

export function purchaseReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return receiptSchema.parse({
    languages: ['en', 'fr'],
    locationId: 'STORE-001',
    registerId: 'REG-7',
    employeeId: 'E100',
    storeProvince: 'ON',
    printedAt: '2026-03-14T15:09:00.000Z',
    authorization: {
      authorizationId: '8812345',
      status: 'closed',
      authorizedCents: 123_456,
      capturedCents: 123_456,
      releasedCents: 0,
      remainingCents: 0,
      captureIds: ['991'],
      cardMasked: '•••• 5941',
      financing: {
        kind: 'plan',
        planId: 4,
        planName: '12 months no interest',
        term: 12,
        monthlyPaymentCents: 10_288,
        annualRate: { rate: 0.2999 },
        fees: [],
      },
      orderReference: 'ORD-1001',
      date: '2026-03-14T15:08:00.000Z',
    },
    referenceId: '0123456789abcdef0123456789abcdef',
    customerName: 'John Smith',
    texts: [
      { language: 'en', planLabel: 'Equal payments, no interest' },
      { language: 'fr', planLabel: 'Versements égaux, sans intérêt' },
    ],
    ...overrides,
  });
}

export function operationReceipt(overrides: Partial<OperationReceipt> = {}): OperationReceipt {
  return operationReceiptSchema.parse({
    kind: 'return',
    languages: ['fr', 'en'],
    locationId: 'STORE-001',
    registerId: 'REG-7',
    storeProvince: 'QC',
    employeeId: 'E200',
    approverId: 'E100',
    at: '2026-03-20T18:30:00.000Z',
    accountLast4: '4755',
    authorizationId: '8812345',
    orderReference: 'ORD-1001',
    amountCents: 25_050,
    returnId: '5511',
    captureId: '991',
    remainingCaptureCents: 98_406,
    sale: { heldCents: 0, chargedCents: 98_406 },
    referenceId: 'fedcba9876543210fedcba9876543210',
    ...overrides,
  });
}
