import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { returnWindow } from '../../../src/main/core/sales/return-window';
import { getSale, searchSales } from '../../../src/main/core/sales/sale-search';
import { SalesLedger } from '../../../src/main/core/sales/sales-ledger';
import type { TransactionType } from '../../../src/main/core/sales/sales-types';

const T0 = Date.UTC(2026, 6, 1, 15);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let ledger: SalesLedger;

beforeEach(() => {
  ledger = SalesLedger.open(':memory:', { now: () => T0 });
});
afterEach(() => ledger.close());

interface Spec {
  id: string;
  reference: string;
  employeeId: string;
  registerId: string;
  accountLast4: string;
  at: number;
  type?: TransactionType;
}

function authorize(spec: Spec, amountCents = 50_000): void {
  const promotional = (spec.type ?? 'promotional_purchase') === 'promotional_purchase';
  ledger.recordAuthorization({
    authorizationId: spec.id,
    amountCents,
    transactionType: spec.type ?? 'promotional_purchase',
    planId: promotional ? 7 : null,
    planName: promotional ? 'Equal payments 12' : null,
    term: promotional ? 12 : null,
    autoCapture: false,
    status: 'opened',
    accountLast4: spec.accountLast4,
    employeeId: spec.employeeId,
    registerId: spec.registerId,
    locationId: 'L1',
    reference: spec.reference,
    at: spec.at,
  });
}

const specs: Spec[] = Array.from({ length: 30 }, (_, i) => ({
  id: String(5000 + i),
  reference: i % 10 === 0 ? `XORD-${i}` : `ORD-${i}`,
  employeeId: `E${i % 3}`,
  registerId: `R${i % 2}`,
  accountLast4: String(1000 + (i % 4)),
  at: T0 + i * 6 * HOUR,
}));

describe('sale search', () => {
  beforeEach(() => specs.forEach((s) => authorize(s)));

  const expectIds = (filter: (s: Spec) => boolean): string[] =>
    specs
      .filter(filter)
      .sort((a, b) => b.at - a.at)
      .map((s) => s.id);

  it('finds by order reference prefix, newest first', () => {
    const result = searchSales(ledger, { referencePrefix: 'ORD-1', pageSize: 100 });
    expect(result.sales.map((s) => s.authorizationId)).toEqual(
      expectIds((s) => s.reference.startsWith('ORD-1')),
    );
    expect(result.total).toBe(10);
    expect(searchSales(ledger, { referencePrefix: 'XORD' }).total).toBe(3);
    expect(searchSales(ledger, { referencePrefix: 'ord' }).total).toBe(0);
  });

  it('finds by employee and date range', () => {
    const from = T0 + DAY;
    const to = T0 + 4 * DAY;
    const result = searchSales(ledger, { employeeId: 'E1', from, to: new Date(to), pageSize: 100 });
    expect(result.sales.map((s) => s.authorizationId)).toEqual(
      expectIds((s) => s.employeeId === 'E1' && s.at >= from && s.at < to),
    );
  });

  it('finds by register and by account last 4', () => {
    expect(
      searchSales(ledger, { registerId: 'R1', pageSize: 100 }).sales.map((s) => s.authorizationId),
    ).toEqual(expectIds((s) => s.registerId === 'R1'));
    expect(
      searchSales(ledger, { accountLast4: '1002', pageSize: 100 }).sales.map((s) => s.authorizationId),
    ).toEqual(expectIds((s) => s.accountLast4 === '1002'));
  });

  it('carries each sale’s own line items in the order entered, and none for a sale without', () => {
    const items = [
      { sku: 'TV-55', description: 'Television 55 in', quantity: 1, unitPriceCents: 89_999 },
      { sku: 'WARR-2Y', quantity: 2, unitPriceCents: 4_950 },
      { sku: 'PROMO', description: 'Store discount', quantity: 1, unitPriceCents: -1_000 },
    ];
    ledger.recordAuthorization({
      authorizationId: '9001',
      amountCents: 98_899,
      transactionType: 'regular_purchase',
      autoCapture: false,
      status: 'opened',
      accountLast4: '4242',
      employeeId: 'E1',
      registerId: 'R1',
      locationId: 'L1',
      reference: 'ITEMS-1',
      at: T0 + 400 * HOUR,
      lineItems: items,
    });
    const page = searchSales(ledger, { pageSize: 3 }, () => T0 + 401 * HOUR);
    expect(page.sales.map((s) => s.authorizationId)).toEqual(['9001', '5029', '5028']);
    expect(page.sales[0]?.lineItems).toEqual(items);
    expect(page.sales[1]?.lineItems).toEqual([]);
    expect(getSale(ledger, '9001')?.lineItems).toEqual(items);
  });

  it('pages', () => {
    const all = expectIds(() => true);
    const page2 = searchSales(ledger, { page: 2, pageSize: 7 });
    expect(page2.total).toBe(30);
    expect(page2.sales.map((s) => s.authorizationId)).toEqual(all.slice(7, 14));
    expect(searchSales(ledger, { page: 5, pageSize: 7 }).sales.map((s) => s.authorizationId)).toEqual(
      all.slice(28),
    );
  });
});

describe('remaining amounts', () => {
  it('computes what is left to capture, to return and what was refunded', () => {
    authorize(
      { id: '1', reference: 'A', employeeId: 'E1', registerId: 'R1', accountLast4: '4755', at: T0 },
      100_000,
    );
    ledger.recordCapture({
      captureId: 'c1',
      authorizationId: '1',
      amountCents: 40_000,
      employeeId: 'E1',
      at: T0 + HOUR,
    });
    ledger.recordCapture({
      captureId: 'c2',
      authorizationId: '1',
      amountCents: 25_000,
      employeeId: 'E2',
      at: T0 + DAY,
    });
    ledger.recordRelease({
      operationId: 'r1',
      authorizationId: '1',
      amountCents: 5_000,
      employeeId: 'E1',
      at: T0 + DAY,
    });
    ledger.recordReturn({
      returnId: 'x1',
      captureId: 'c1',
      authorizationId: '1',
      amountCents: 10_000,
      employeeId: 'E1',
      approverId: 'M1',
      at: T0 + 2 * DAY,
    });
    ledger.recordReturn({
      returnId: 'x2',
      captureId: 'c1',
      authorizationId: '1',
      amountCents: 2_500,
      employeeId: 'E1',
      at: T0 + 3 * DAY,
    });
    ledger.recordRefund({
      operationId: 'f1',
      accountLast4: '4755',
      amountCents: 1_000,
      captureId: 'c2',
      employeeId: 'M1',
    });

    const sale = getSale(ledger, '1', T0 + 10 * DAY);
    expect(sale).toMatchObject({
      capturedCents: 65_000,
      releasedCents: 5_000,
      returnedCents: 12_500,
      refundedCents: 1_000,
      remainingToCaptureCents: 30_000,
      state: 'opened',
      promotional: true,
      afterSale: 'return',
    });
    const [c1, c2] = sale?.captures ?? [];
    expect(c1).toMatchObject({
      captureId: 'c1',
      returnedCents: 12_500,
      remainingCents: 27_500,
      returnableCents: 27_500,
    });
    expect(c1?.returns.map((r) => r.returnId)).toEqual(['x1', 'x2']);
    expect(c2).toMatchObject({ captureId: 'c2', remainingCents: 25_000, daysLeftToReturn: 91 });
    expect(sale?.refunds.map((r) => r.captureId)).toEqual(['c2']);
  });

  it('treats a regular purchase as refund-only', () => {
    authorize({
      id: '2',
      reference: 'B',
      employeeId: 'E1',
      registerId: 'R1',
      accountLast4: '4755',
      at: T0,
      type: 'regular_purchase',
    });
    ledger.recordCapture({
      captureId: 'c9',
      authorizationId: '2',
      amountCents: 50_000,
      employeeId: 'E1',
      at: T0,
    });
    const sale = getSale(ledger, '2', T0 + DAY);
    expect(sale).toMatchObject({ promotional: false, afterSale: 'refund', state: 'closed' });
    expect(sale?.captures[0]).toMatchObject({
      remainingCents: 50_000,
      returnableCents: 0,
      returnWindowOpen: false,
    });
  });

  it('lapses an authorization left open for more than 30 days', () => {
    authorize({ id: '3', reference: 'C', employeeId: 'E1', registerId: 'R1', accountLast4: '4755', at: T0 });
    expect(getSale(ledger, '3', T0 + 30 * DAY)).toMatchObject({
      state: 'opened',
      remainingToCaptureCents: 50_000,
    });
    expect(getSale(ledger, '3', T0 + 30 * DAY + 1)).toMatchObject({
      state: 'lapsed',
      remainingToCaptureCents: 0,
    });
  });
});

describe('the 100-day return window', () => {
  it('counts whole days left, rounded up, until 100 × 24 hours after the capture', () => {
    expect(returnWindow(T0, T0)).toEqual({
      deadline: new Date(T0 + 100 * DAY).toISOString(),
      open: true,
      daysLeft: 100,
    });
    expect(returnWindow(T0, T0 + 1)).toMatchObject({ open: true, daysLeft: 100 });
    expect(returnWindow(T0, T0 + DAY)).toMatchObject({ open: true, daysLeft: 99 });
    expect(returnWindow(T0, T0 + 99 * DAY + 1)).toMatchObject({ open: true, daysLeft: 1 });
    expect(returnWindow(T0, T0 + 100 * DAY)).toMatchObject({ open: true, daysLeft: 0 });
    expect(returnWindow(T0, T0 + 100 * DAY + 1)).toMatchObject({ open: false, daysLeft: 0 });
  });

  it('makes nothing returnable once the window has closed', () => {
    authorize({ id: '4', reference: 'D', employeeId: 'E1', registerId: 'R1', accountLast4: '4755', at: T0 });
    ledger.recordCapture({
      captureId: 'c4',
      authorizationId: '4',
      amountCents: 50_000,
      employeeId: 'E1',
      at: T0,
    });
    const inside = getSale(ledger, '4', T0 + 100 * DAY)?.captures[0];
    const outside = getSale(ledger, '4', T0 + 100 * DAY + 1)?.captures[0];
    expect(inside).toMatchObject({ returnableCents: 50_000, returnWindowOpen: true });
    expect(outside).toMatchObject({ returnableCents: 0, returnWindowOpen: false, remainingCents: 50_000 });
  });
});
