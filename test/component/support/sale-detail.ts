/**
 * A sale as main describes it to the manager's screens (a promotional sale of $300 with nothing done
 * yet), a customer's receipt for an operation on it, and a fake main that serves the sale to a manager.
 */
import type { ResponseOf } from '../../../src/shared/ipc/contract';
import type { OperationReceipt, SaleDetail } from '../../../src/shared/ipc/channels/returns';
import { createFakePos } from './fake-pos';

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
    returnedLineItems: [],
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

export function receipt(over: Partial<OperationReceipt>): OperationReceipt {
  return {
    kind: 'release',
    languages: ['en', 'fr'],
    locationId: 'STORE-001',
    registerId: 'REG-7',
    storeProvince: 'ON',
    employeeId: 'M1',
    at: '2026-03-15T10:00:00.000Z',
    accountLast4: '6789',
    authorizationId: AUTHORIZATION,
    orderReference: 'ORD-1',
    amountCents: 30_000,
    sale: { heldCents: 0, chargedCents: 0 },
    ...over,
  };
}

export function fakeFor(detail: SaleDetail, where: Partial<ResponseOf<'app.status'>> = {}) {
  const status: ResponseOf<'app.status'> = {
    mode: 'demo',
    environment: 'sandbox',
    restartRequired: false,
    canRestart: false,
    version: '1.0.0',
    locale: 'en',
    ready: true,
    reconciling: false,
    inDoubtCount: 0,
    setupNeeded: false,
    settingsProblems: 0,
    ...where,
  };
  return createFakePos()
    .on('app.status', status)
    .on('session.current', {
      session: { employeeId: 'M1', name: 'Mia Manager', role: 'manager', idleLockMinutes: 10 },
    })
    .on('sales.get', { sale: detail, refreshed: true });
}
