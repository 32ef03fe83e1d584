/**
 * A sale's line items in the sales ledger: stored with the authorization, read back in the order
 * entered, never merged with a second list, and an existing (schema 1) file upgraded in place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/main/core/logging/logger';
import { createSaleRecorder } from '../../../src/main/core/records/sale-recorder';
import { getSale } from '../../../src/main/core/sales/sale-search';
import { isSalesError } from '../../../src/main/core/sales/sales-errors';
import { SalesLedger } from '../../../src/main/core/sales/sales-ledger';
import { SALES_SCHEMA_VERSION } from '../../../src/main/core/sales/sales-schema';
import type { LedgerAuthorization } from '../../../src/main/core/sales/sales-types';

const T0 = Date.UTC(2026, 6, 1, 15);

const ITEMS = [
  { sku: 'TV-32', description: 'Televiseur 32 po', quantity: 1, unitPriceCents: 19_999 },
  { sku: 'HDMI-2M', description: 'HDMI cable, 2 m', quantity: 3, unitPriceCents: 1_250 },
  { sku: 'PROMO-10', quantity: 1, unitPriceCents: -1_000 },
];

function sale(id: string, overrides: Partial<LedgerAuthorization> = {}): LedgerAuthorization {
  return {
    authorizationId: id,
    amountCents: 25_000,
    transactionType: 'promotional_purchase',
    planId: 4,
    term: 12,
    autoCapture: false,
    status: 'opened',
    accountLast4: '4755',
    employeeId: 'E1',
    registerId: 'R1',
    at: T0,
    ...overrides,
  };
}

let ledger: SalesLedger;

beforeEach(() => {
  ledger = SalesLedger.open(':memory:', { now: () => T0 });
});
afterEach(() => ledger.close());

describe('returned line items', () => {
  it('are kept with each return, once, and added up per SKU and price on the sale', () => {
    ledger.recordAuthorization(sale('903', { lineItems: ITEMS, autoCapture: true, autoCaptureId: '7001' }));
    const first = {
      returnId: '9101',
      captureId: '7001',
      authorizationId: '903',
      amountCents: 2_500,
      employeeId: 'M1',
      at: T0 + 1_000,
      lineItems: [{ sku: 'HDMI-2M', description: 'HDMI cable, 2 m', quantity: 2, unitPriceCents: 1_250 }],
    };
    expect(ledger.recordReturn(first)).toEqual({ recorded: true });
    // The same return recorded again (a replay) adds no items.
    expect(ledger.recordReturn(first)).toEqual({ recorded: false });
    ledger.recordReturn({
      ...first,
      returnId: '9102',
      amountCents: 21_249,
      at: T0 + 2_000,
      lineItems: [
        { sku: 'TV-32', description: 'Televiseur 32 po', quantity: 1, unitPriceCents: 19_999 },
        { sku: 'HDMI-2M', description: 'HDMI cable, 2 m', quantity: 1, unitPriceCents: 1_250 },
      ],
    });
    ledger.recordReturn({
      ...first,
      returnId: '9103',
      amountCents: 100,
      at: T0 + 3_000,
      lineItems: undefined,
    });

    const stored = ledger.database
      .prepare('SELECT return_id, sku, quantity FROM sale_return_line_item ORDER BY return_id, position')
      .all();
    expect(stored).toEqual([
      { return_id: '9101', sku: 'HDMI-2M', quantity: 2 },
      { return_id: '9102', sku: 'TV-32', quantity: 1 },
      { return_id: '9102', sku: 'HDMI-2M', quantity: 1 },
    ]);
    expect(getSale(ledger, '903', T0 + 4_000)?.returnedLineItems).toEqual([
      { sku: 'HDMI-2M', description: 'HDMI cable, 2 m', quantity: 3, unitPriceCents: 1_250 },
      { sku: 'TV-32', description: 'Televiseur 32 po', quantity: 1, unitPriceCents: 19_999 },
    ]);
    expect(getSale(ledger, '903', T0 + 4_000)?.lineItems).toEqual(ITEMS);
  });
});

describe('sale line items', () => {
  it('are stored with the authorization and read back in the order entered', () => {
    expect(ledger.recordAuthorization(sale('901', { lineItems: ITEMS }))).toEqual({ recorded: true });
    ledger.recordAuthorization(
      sale('902', { lineItems: [{ sku: 'OTHER', quantity: 2, unitPriceCents: 5 }] }),
    );
    expect(ledger.lineItemsOf('901')).toEqual(ITEMS);
    expect(ledger.lineItemsOf('902')).toEqual([{ sku: 'OTHER', quantity: 2, unitPriceCents: 5 }]);
    // The sale itself is unchanged by its items.
    expect(getSale(ledger, '901', T0)).toMatchObject({ amountCents: 25_000, state: 'opened' });
  });

  it('are empty for a sale recorded without them, or unknown to the ledger', () => {
    ledger.recordAuthorization(sale('903'));
    expect(ledger.lineItemsOf('903')).toEqual([]);
    expect(ledger.lineItemsOf('999')).toEqual([]);
  });

  it('are added when reconciliation recorded the sale first, and a second list never merges', () => {
    ledger.recordAuthorization(sale('904'));
    expect(ledger.recordAuthorization(sale('904', { lineItems: ITEMS }))).toEqual({ recorded: false });
    expect(ledger.lineItemsOf('904')).toEqual(ITEMS);
    ledger.recordAuthorization(sale('904', { lineItems: [{ sku: 'LATE', quantity: 1, unitPriceCents: 1 }] }));
    expect(ledger.lineItemsOf('904')).toEqual(ITEMS);
  });

  it('keep a card-shaped number typed into an item only as its last 4, in ASCII', () => {
    ledger.recordAuthorization(
      sale('905', {
        lineItems: [
          { sku: 'GIFT', description: 'card 4111 1111 1111 1111', quantity: 1, unitPriceCents: 100 },
        ],
      }),
    );
    expect(ledger.lineItemsOf('905')).toEqual([
      { sku: 'GIFT', description: 'card ****1111', quantity: 1, unitPriceCents: 100 },
    ]);
    const raw = ledger.database.prepare('SELECT description FROM sale_line_item').all();
    expect(JSON.stringify(raw)).not.toContain('4111 1111');
  });

  it('refuses an invalid item, and writes neither the sale nor part of the list', () => {
    let caught: unknown;
    try {
      ledger.recordAuthorization(
        sale('906', { lineItems: [ITEMS[0]!, { sku: 'ZERO', quantity: 0, unitPriceCents: 100 }] }),
      );
    } catch (error) {
      caught = error;
    }
    expect(isSalesError(caught, 'invalid_input')).toBe(true);
    expect(getSale(ledger, '906')).toBeUndefined();
    expect(ledger.lineItemsOf('906')).toEqual([]);
  });

  it('never cost the sale: the recorder keeps a sale whose list the ledger refuses', () => {
    const errors: string[] = [];
    const logger: Logger = { info: () => {}, warn: () => {}, error: (message) => errors.push(message) };
    const recorder = createSaleRecorder(ledger, logger);
    recorder.authorized(sale('907', { lineItems: [{ sku: '', quantity: 1, unitPriceCents: 1 }] }));
    expect(getSale(ledger, '907')).toMatchObject({ amountCents: 25_000 });
    expect(ledger.lineItemsOf('907')).toEqual([]);
    expect(errors).toEqual(['sale line items not written']);
    expect(recorder.failures()).toBe(0);
    recorder.authorized(sale('908', { lineItems: ITEMS }));
    expect(ledger.lineItemsOf('908')).toEqual(ITEMS);
  });
});

describe('sales ledger file from before line items', () => {
  it('is upgraded in place: its sales kept, items recorded from then on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-line-items-'));
    try {
      const file = join(dir, 'sales.db');
      const current = SalesLedger.open(file);
      current.recordAuthorization(sale('801'));
      current.close();
      // What a schema-1 file looks like: no line-item table, user_version 1.
      const old = new Database(file);
      old.exec('DROP TABLE sale_line_item; DROP TABLE sale_return_line_item');
      old.pragma('user_version = 1');
      old.close();

      const upgraded = SalesLedger.open(file);
      expect(getSale(upgraded, '801')).toMatchObject({ authorizationId: '801', amountCents: 25_000 });
      expect(upgraded.lineItemsOf('801')).toEqual([]);
      upgraded.recordAuthorization(sale('802', { lineItems: ITEMS }));
      upgraded.close();

      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(SALES_SCHEMA_VERSION);
      raw.close();
      const reopened = SalesLedger.open(file);
      expect(reopened.lineItemsOf('802')).toEqual(ITEMS);
      expect(getSale(reopened, '801')).toBeDefined();
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
