/** The return rules shown before calling Flexiti, and the Quebec cancellation window. */
import { describe, expect, it } from 'vitest';
import { quebecWindow } from '../../../src/main/core/flows/quebec-cancellation';
import { DAY_MS } from '../../../src/main/core/sales/return-window';
import { checkReturn } from '../../../src/main/core/sales/return-check';
import { getSale } from '../../../src/main/core/sales/sale-search';
import { SalesLedger } from '../../../src/main/core/sales/sales-ledger';

const T0 = Date.parse('2026-03-01T12:00:00Z');

function ledgerWith(transactionType: 'promotional_purchase' | 'regular_purchase') {
  const ledger = SalesLedger.open(':memory:', { now: () => T0 });
  ledger.recordAuthorization({
    authorizationId: '1001',
    amountCents: 10_000,
    transactionType,
    ...(transactionType === 'promotional_purchase' ? { planId: 4, term: 12 } : {}),
    autoCapture: true,
    autoCaptureId: '2001',
    status: 'closed',
    accountLast4: '4755',
    employeeId: 'C1',
    at: T0,
  });
  return ledger;
}

describe('checkReturn', () => {
  it('allows a promotional return within 100 days and up to what remains', () => {
    const ledger = ledgerWith('promotional_purchase');
    ledger.recordReturn({
      returnId: '3001',
      captureId: '2001',
      authorizationId: '1001',
      amountCents: 4_000,
      employeeId: 'C1',
    });
    const sale = getSale(ledger, '1001', T0 + 100 * DAY_MS);
    if (!sale) throw new Error('sale missing');
    expect(checkReturn(sale, { captureId: '2001', full: true })).toMatchObject({
      allowed: true,
      amountCents: 6_000,
      remainingCents: 6_000,
      daysLeftToReturn: 0,
    });
    expect(checkReturn(sale, { captureId: '2001', amountCents: 6_001, full: false })).toMatchObject({
      allowed: false,
      reasons: ['amount_exceeds_remaining'],
    });
    expect(checkReturn(sale, { captureId: '9999', full: true }).reasons).toEqual(['capture_not_found']);
    const late = getSale(ledger, '1001', T0 + 100 * DAY_MS + 1);
    if (!late) throw new Error('sale missing');
    expect(checkReturn(late, { captureId: '2001', amountCents: 100, full: false }).reasons).toEqual([
      'return_window_closed',
    ]);
    ledger.close();
  });

  it('refuses a regular purchase and a capture already returned in full', () => {
    const regular = ledgerWith('regular_purchase');
    const sale = getSale(regular, '1001', T0);
    if (!sale) throw new Error('sale missing');
    expect(checkReturn(sale, { captureId: '2001', amountCents: 100, full: false }).reasons).toEqual([
      'not_promotional',
    ]);
    regular.close();

    const promo = ledgerWith('promotional_purchase');
    promo.recordReturn({
      returnId: '3001',
      captureId: '2001',
      authorizationId: '1001',
      amountCents: 10_000,
      employeeId: 'C1',
    });
    const done = getSale(promo, '1001', T0);
    if (!done) throw new Error('sale missing');
    expect(checkReturn(done, { captureId: '2001', full: true })).toMatchObject({
      allowed: false,
      reasons: ['nothing_remaining'],
      amountCents: 0,
    });
    promo.close();
  });
});

describe('quebecWindow', () => {
  it('runs from the contract date to the end of the second day after it', () => {
    expect(quebecWindow('2026-02-27', '2026-02-27')).toEqual({
      contractDate: '2026-02-27',
      lastDay: '2026-03-01',
      insideWindow: true,
    });
    expect(quebecWindow('2026-02-27', '2026-03-01').insideWindow).toBe(true);
    expect(quebecWindow('2026-02-27', '2026-03-02').insideWindow).toBe(false);
    expect(quebecWindow('2026-02-27', '2026-02-26').insideWindow).toBe(false);
  });
});
