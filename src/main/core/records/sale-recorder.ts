/**
 * Writes confirmed money operations to the sales ledger without ever failing the caller: Flexiti has
 * already applied them. A write that fails is logged at error level (kind and code only) and counted.
 */
import type { Logger } from '../logging/logger';
import type { SalesLedger } from '../sales/sales-ledger';
import {
  MAX_LINE_ITEMS,
  ledgerLineItemSchema,
  type LedgerAuthorization,
  type LedgerCapture,
  type LedgerRelease,
} from '../sales/sales-types';

const lineItemsSchema = ledgerLineItemSchema.array().max(MAX_LINE_ITEMS);

export interface SaleRecorder {
  authorized(input: LedgerAuthorization): void;
  captured(input: LedgerCapture): void;
  released(input: LedgerRelease): void;
  /** Ledger writes that failed since start-up. */
  failures(): number;
}

export function createSaleRecorder(ledger: SalesLedger, logger: Logger): SaleRecorder {
  let failures = 0;
  const safely = (kind: string, write: () => unknown): void => {
    try {
      write();
    } catch (error) {
      failures++;
      const code =
        error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : 'unknown';
      logger.error('sales ledger row not written', { kind, code, failures });
    }
  };
  return {
    authorized: (input) =>
      safely('authorization', () => {
        // The sale counts more than its item list: a list the ledger would refuse must not lose the sale.
        if (input.lineItems !== undefined && !lineItemsSchema.safeParse(input.lineItems).success) {
          logger.error('sale line items not written', { kind: 'line_items', code: 'invalid_input' });
          const { lineItems: _refused, ...withoutItems } = input;
          return ledger.recordAuthorization(withoutItems);
        }
        return ledger.recordAuthorization(input);
      }),
    captured: (input) => safely('capture', () => ledger.recordCapture(input)),
    released: (input) => safely('release', () => ledger.recordRelease(input)),
    failures: () => failures,
  };
}
