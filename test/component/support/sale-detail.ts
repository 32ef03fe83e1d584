/** A sale as main describes it to the manager's screens: a promotional sale of $300 with nothing done yet. */
import type { SaleDetail } from '../../../src/shared/ipc/channels/returns';

export const AUTHORIZATION = '8812345';

export function sale(over: Partial<SaleDetail> = {}): SaleDetail {
  return {
    authorizationId: AUTHORIZATION,
    at: '2026-03-14T15:08:00.000Z',
    amountCents: 30_000,
    transactionType: 'promotional_purchase',
    planId: 4,
    planName: 'Equal payments',
    term: 12,
    autoCapture: false,
    state: 'opened',
    employeeId: 'E100',
    approverId: null,
    locationId: 'STORE-001',
    registerId: 'REG-7',
    reference: 'ORD-1',
    referenceId: null,
    accountLast4: '6789',
    captures: [],
    releases: [],
    lineItems: [],
    capturedCents: 0,
    releasedCents: 0,
    returnedCents: 0,
    refundedCents: 0,
    remainingToCaptureCents: 30_000,
    afterSale: 'return',
    returns: [],
    refunds: [],
    ...over,
  };
}
