import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSale, searchSales } from '../../../src/main/core/sales/sale-search';
import { isSalesError } from '../../../src/main/core/sales/sales-errors';
import { SalesLedger } from '../../../src/main/core/sales/sales-ledger';
import { SALES_SCHEMA_VERSION } from '../../../src/main/core/sales/sales-schema';
import type { LedgerAuthorization } from '../../../src/main/core/sales/sales-types';

const T0 = Date.UTC(2026, 6, 1, 15);
const HOUR = 3_600_000;
let ledger: SalesLedger;

beforeEach(() => {
  ledger = SalesLedger.open(':memory:', { now: () => T0 });
});
afterEach(() => ledger.close());

function promo(id: string, overrides: Partial<LedgerAuthorization> = {}): LedgerAuthorization {
  return {
    authorizationId: id,
    amountCents: 100_000,
    transactionType: 'promotional_purchase',
    planId: 4,
    planName: 'EMP - Regular Interest',
    term: 12,
    autoCapture: false,
    status: 'opened',
    accountLast4: '4755',
    employeeId: 'E1',
    locationId: 'L1',
    registerId: 'R1',
    reference: `ORD-${id}`,
    referenceId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    at: T0,
    ...overrides,
  };
}

function expectSalesError(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(isSalesError(caught), String(caught)).toBe(true);
  expect((caught as { code: string }).code).toBe(code);
}

describe('sales ledger', () => {
  it('is idempotent on Flexiti ids: a reconciled duplicate does not double a total', () => {
    expect(ledger.recordAuthorization(promo('900'))).toEqual({ recorded: true });
    expect(ledger.recordAuthorization(promo('900'))).toEqual({ recorded: false });
    const capture = {
      captureId: '700',
      authorizationId: '900',
      amountCents: 60_000,
      employeeId: 'E1',
      at: T0 + HOUR,
    };
    expect(ledger.recordCapture(capture)).toEqual({ recorded: true });
    expect(ledger.recordCapture({ ...capture, employeeId: 'system', at: T0 + 2 * HOUR })).toEqual({
      recorded: false,
    });
    const ret = {
      returnId: '500',
      captureId: '700',
      authorizationId: '900',
      amountCents: 1_000,
      employeeId: 'E1',
    };
    expect(ledger.recordReturn(ret).recorded).toBe(true);
    expect(ledger.recordReturn(ret).recorded).toBe(false);
    const release = { operationId: 'op-1', authorizationId: '900', amountCents: 10_000, employeeId: 'E1' };
    expect(ledger.recordRelease(release).recorded).toBe(true);
    expect(ledger.recordRelease(release).recorded).toBe(false);
    const refund = {
      operationId: 'op-2',
      accountLast4: '4755',
      amountCents: 500,
      captureId: '700',
      employeeId: 'M1',
    };
    expect(ledger.recordRefund(refund).recorded).toBe(true);
    expect(ledger.recordRefund(refund).recorded).toBe(false);

    const sale = getSale(ledger, '900', T0 + 3 * HOUR);
    expect(sale).toMatchObject({
      capturedCents: 60_000,
      releasedCents: 10_000,
      returnedCents: 1_000,
      refundedCents: 500,
      remainingToCaptureCents: 30_000,
    });
    expect(sale?.captures).toHaveLength(1);
  });

  it('refuses the same id with another amount', () => {
    ledger.recordCapture({ captureId: '700', authorizationId: '900', amountCents: 100, employeeId: 'E1' });
    expectSalesError(
      () =>
        ledger.recordCapture({
          captureId: '700',
          authorizationId: '900',
          amountCents: 101,
          employeeId: 'E1',
        }),
      'conflict',
    );
  });

  it('records the auto-capture with its authorization', () => {
    ledger.recordAuthorization(promo('901', { autoCapture: true, status: 'closed', autoCaptureId: '701' }));
    const sale = getSale(ledger, '901', T0);
    expect(sale?.captures.map((c) => [c.captureId, c.amountCents])).toEqual([['701', 100_000]]);
    expect(sale?.state).toBe('closed');
    expect(sale?.remainingToCaptureCents).toBe(0);
  });

  it('validates at the boundary', () => {
    expectSalesError(
      () => ledger.recordAuthorization(promo('1', { accountLast4: '12345678' })),
      'invalid_input',
    );
    expectSalesError(() => ledger.recordAuthorization(promo('1', { planId: null })), 'invalid_input');
    expectSalesError(() => ledger.recordAuthorization(promo('1', { amountCents: 10.5 })), 'invalid_input');
    expectSalesError(
      () => ledger.recordRefund({ operationId: 'x', accountLast4: '475', amountCents: 1, employeeId: 'E1' }),
      'invalid_input',
    );
    expect(searchSales(ledger).total).toBe(0);
  });

  it('masks a card-shaped number typed as the order reference', () => {
    ledger.recordAuthorization(promo('903', { reference: '4111-1111-1111-1111' }));
    ledger.recordAuthorization(promo('904', { reference: 'ORD-20260701123457' }));
    expect(getSale(ledger, '903', T0)?.reference).toBe('•••• 1111');
    expect(getSale(ledger, '904', T0)?.reference).toBe('ORD-20260701123457');
  });

  it('drops plan fields of a regular purchase', () => {
    ledger.recordAuthorization(
      promo('902', { transactionType: 'regular_purchase', planId: 4, planName: 'x', term: 12 }),
    );
    expect(getSale(ledger, '902', T0)).toMatchObject({ planId: null, planName: null, term: null });
  });
});

describe('sales ledger file', () => {
  it('keeps its rows across reopening, versions its schema and refuses a newer one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-ledger-'));
    try {
      const file = join(dir, 'sales.db');
      const first = SalesLedger.open(file);
      first.recordAuthorization(promo('77'));
      first.close();
      const raw = new Database(file);
      expect(raw.pragma('user_version', { simple: true })).toBe(SALES_SCHEMA_VERSION);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
      const second = SalesLedger.open(file);
      expect(second.recordAuthorization(promo('77'))).toEqual({ recorded: false });
      expect(searchSales(second).total).toBe(1);
      second.close();
      const bump = new Database(file);
      bump.pragma('user_version = 9');
      bump.close();
      expectSalesError(() => SalesLedger.open(file), 'schema_too_new');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
