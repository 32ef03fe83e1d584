import Database from 'better-sqlite3';
import type { z } from 'zod';
import { applyRecordPragmas } from '../audit/audit-schema';
import { SalesError, invalidInput } from './sales-errors';
import { migrateSales } from './sales-schema';
import {
  ledgerAuthorizationSchema,
  ledgerCaptureSchema,
  ledgerRefundSchema,
  ledgerReleaseSchema,
  ledgerReturnSchema,
  type LedgerAuthorization,
  type LedgerCapture,
  type LedgerLineItem,
  type RecordResult,
  type LedgerRefund,
  type LedgerRelease,
  type LedgerReturn,
} from './sales-types';

/** The file name callers use inside the data directory. */
export const SALES_DB_FILE = 'sales.db';

export interface SalesLedgerOptions {
  /** Clock in epoch milliseconds (tests move it). */
  now?: () => number;
}

interface Context {
  employeeId: string;
  approverId?: string | undefined;
  locationId?: string | undefined;
  registerId?: string | undefined;
  reference?: string | undefined;
  referenceId?: string | undefined;
  accountLast4?: string | undefined;
  at?: number | undefined;
}

const CONTEXT_COLUMNS = `employee_id, approver_id, location_id, register_id, reference, reference_id,
  account_last4, at_ms, recorded_ms`;
const CONTEXT_VALUES = `@employee_id, @approver_id, @location_id, @register_id, @reference, @reference_id,
  @account_last4, @at_ms, @recorded_ms`;

/**
 * The terminal's own record of confirmed money operations (authorizations, captures, releases,
 * returns, refunds), written when the Flexiti client confirms one or reconciliation finds it applied.
 * Amounts are integer cents; rows are keyed by Flexiti's ids, so recording the same operation twice
 * is harmless and never doubles a total.
 */
export class SalesLedger {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private closed = false;

  private constructor(
    /** Read by the sale search and the end-of-day report in this folder. */
    readonly database: Database.Database,
    private readonly now: () => number,
  ) {
    this.statements = prepareStatements(database);
  }

  /** Opens (creating and migrating) the ledger; ':memory:' is allowed. */
  static open(file: string, options: SalesLedgerOptions = {}): SalesLedger {
    const db = new Database(file);
    try {
      applyRecordPragmas(db, file === ':memory:');
      migrateSales(db);
      return new SalesLedger(db, options.now ?? Date.now);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** With auto-capture and `autoCaptureId`, the capture of the whole amount is recorded with it. */
  recordAuthorization(input: LedgerAuthorization): RecordResult {
    const a = parse(ledgerAuthorizationSchema, input);
    const promotional = a.transactionType === 'promotional_purchase';
    const context = this.context(a);
    const row = {
      authorization_id: a.authorizationId,
      amount_cents: a.amountCents,
      transaction_type: a.transactionType,
      plan_id: promotional ? (a.planId ?? null) : null,
      plan_name: promotional ? (a.planName ?? null) : null,
      term: promotional ? (a.term ?? null) : null,
      auto_capture: a.autoCapture ? 1 : 0,
      status: a.status,
      ...context,
    };
    return this.database.transaction((): RecordResult => {
      const result = this.insertOnce('authorization', this.statements.insertAuthorization, row, {
        get: this.statements.getAuthorization,
        key: a.authorizationId,
      });
      if (a.lineItems?.length) this.storeLineItems(a.authorizationId, a.lineItems);
      if (a.autoCaptureId !== undefined) {
        this.insertOnce(
          'capture',
          this.statements.insertCapture,
          {
            capture_id: a.autoCaptureId,
            authorization_id: a.authorizationId,
            amount_cents: a.amountCents,
            ...context,
          },
          { get: this.statements.getCapture, key: a.autoCaptureId },
        );
      }
      return result;
    })();
  }

  /** The sale's line items in the order entered; empty when none were recorded. */
  lineItemsOf(authorizationId: string): LedgerLineItem[] {
    return (this.statements.lineItems.all(authorizationId) as LineItemRow[]).map(lineItemFromRow);
  }

  recordCapture(input: LedgerCapture): RecordResult {
    const c = parse(ledgerCaptureSchema, input);
    const row = {
      capture_id: c.captureId,
      authorization_id: c.authorizationId,
      amount_cents: c.amountCents,
      ...this.context(c),
    };
    return this.insertOnce('capture', this.statements.insertCapture, row, {
      get: this.statements.getCapture,
      key: c.captureId,
    });
  }

  recordRelease(input: LedgerRelease): RecordResult {
    const r = parse(ledgerReleaseSchema, input);
    const row = {
      operation_id: r.operationId,
      authorization_id: r.authorizationId,
      amount_cents: r.amountCents,
      ...this.context(r),
    };
    return this.insertOnce('release', this.statements.insertRelease, row, {
      get: this.statements.getRelease,
      key: r.operationId,
    });
  }

  recordReturn(input: LedgerReturn): RecordResult {
    const r = parse(ledgerReturnSchema, input);
    const row = {
      return_id: r.returnId,
      capture_id: r.captureId,
      authorization_id: r.authorizationId,
      amount_cents: r.amountCents,
      ...this.context(r),
    };
    return this.database.transaction((): RecordResult => {
      const result = this.insertOnce('return', this.statements.insertReturn, row, {
        get: this.statements.getReturn,
        key: r.returnId,
      });
      // A replayed record of the same return adds nothing: its items are already there.
      if (result.recorded) {
        r.lineItems?.forEach((item, position) =>
          this.statements.insertReturnLineItem.run({ return_id: r.returnId, position, ...itemColumns(item) }),
        );
      }
      return result;
    })();
  }

  recordRefund(input: LedgerRefund): RecordResult {
    const r = parse(ledgerRefundSchema, input);
    const row = {
      operation_id: r.operationId,
      capture_id: r.captureId ?? null,
      amount_cents: r.amountCents,
      ...this.context(r),
    };
    return this.insertOnce('refund', this.statements.insertRefund, row, {
      get: this.statements.getRefund,
      key: r.operationId,
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.database.close();
  }

  /**
   * The first list recorded for a sale is kept: reconciliation may have recorded the sale without
   * items, and the cashier's confirmation then adds them; a second list never merges into the first.
   */
  private storeLineItems(authorizationId: string, items: readonly LedgerLineItem[]): void {
    if (this.statements.hasLineItems.get(authorizationId) !== undefined) return;
    items.forEach((item, position) =>
      this.statements.insertLineItem.run({
        authorization_id: authorizationId,
        position,
        ...itemColumns(item),
      }),
    );
  }

  private context(c: Context): Record<string, string | number | null> {
    return {
      employee_id: c.employeeId,
      approver_id: c.approverId ?? null,
      location_id: c.locationId ?? null,
      register_id: c.registerId ?? null,
      reference: c.reference ?? null,
      reference_id: c.referenceId ?? null,
      account_last4: c.accountLast4 ?? null,
      at_ms: c.at ?? this.now(),
      recorded_ms: this.now(),
    };
  }

  /**
   * INSERT OR IGNORE on the Flexiti id. A second record of the same id with another amount means two
   * different operations were given one id: refused rather than silently dropped.
   */
  private insertOnce(
    kind: string,
    insert: Database.Statement,
    row: Record<string, string | number | null>,
    existing: { get: Database.Statement; key: string },
  ): RecordResult {
    const result = insert.run(row);
    if (result.changes > 0) return { recorded: true };
    const stored = existing.get.get(existing.key) as { amount_cents: number } | undefined;
    if (stored && stored.amount_cents !== row.amount_cents) {
      throw new SalesError(
        'conflict',
        `${kind} ${existing.key} is already recorded with another amount (${stored.amount_cents} cents)`,
      );
    }
    return { recorded: false };
  }
}

function prepareStatements(db: Database.Database) {
  const insert = (table: string, columns: string, values: string, key: string): Database.Statement =>
    db.prepare(`INSERT INTO ${table} (${columns}, ${CONTEXT_COLUMNS}) VALUES (${values}, ${CONTEXT_VALUES})
      ON CONFLICT (${key}) DO NOTHING`);
  return {
    insertAuthorization: insert(
      'sale_authorization',
      'authorization_id, amount_cents, transaction_type, plan_id, plan_name, term, auto_capture, status',
      '@authorization_id, @amount_cents, @transaction_type, @plan_id, @plan_name, @term, @auto_capture, @status',
      'authorization_id',
    ),
    insertCapture: insert(
      'sale_capture',
      'capture_id, authorization_id, amount_cents',
      '@capture_id, @authorization_id, @amount_cents',
      'capture_id',
    ),
    insertRelease: insert(
      'sale_release',
      'operation_id, authorization_id, amount_cents',
      '@operation_id, @authorization_id, @amount_cents',
      'operation_id',
    ),
    insertReturn: insert(
      'sale_return',
      'return_id, capture_id, authorization_id, amount_cents',
      '@return_id, @capture_id, @authorization_id, @amount_cents',
      'return_id',
    ),
    insertRefund: insert(
      'sale_refund',
      'operation_id, capture_id, amount_cents',
      '@operation_id, @capture_id, @amount_cents',
      'operation_id',
    ),
    insertLineItem: db.prepare(`INSERT INTO sale_line_item
      (authorization_id, position, sku, description, quantity, unit_price_cents)
      VALUES (@authorization_id, @position, @sku, @description, @quantity, @unit_price_cents)`),
    hasLineItems: db.prepare('SELECT 1 FROM sale_line_item WHERE authorization_id = ? LIMIT 1'),
    insertReturnLineItem: db.prepare(`INSERT INTO sale_return_line_item
      (return_id, position, sku, description, quantity, unit_price_cents)
      VALUES (@return_id, @position, @sku, @description, @quantity, @unit_price_cents)
      ON CONFLICT (return_id, position) DO NOTHING`),
    lineItems: db.prepare(
      `SELECT sku, description, quantity, unit_price_cents FROM sale_line_item
       WHERE authorization_id = ? ORDER BY position`,
    ),
    getAuthorization: db.prepare('SELECT amount_cents FROM sale_authorization WHERE authorization_id = ?'),
    getCapture: db.prepare('SELECT amount_cents FROM sale_capture WHERE capture_id = ?'),
    getRelease: db.prepare('SELECT amount_cents FROM sale_release WHERE operation_id = ?'),
    getReturn: db.prepare('SELECT amount_cents FROM sale_return WHERE return_id = ?'),
    getRefund: db.prepare('SELECT amount_cents FROM sale_refund WHERE operation_id = ?'),
  };
}

function itemColumns(item: LedgerLineItem) {
  return {
    sku: item.sku,
    description: item.description ?? null,
    quantity: item.quantity,
    unit_price_cents: item.unitPriceCents,
  };
}

/** A sale_line_item row as selected (the order and the sale's id are the query's business). */
export interface LineItemRow {
  sku: string;
  description: string | null;
  quantity: number;
  unit_price_cents: number;
}

export function lineItemFromRow(row: LineItemRow): LedgerLineItem {
  return {
    sku: row.sku,
    ...(row.description !== null ? { description: row.description } : {}),
    quantity: row.quantity,
    unitPriceCents: row.unit_price_cents,
  };
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error.issues);
  return result.data;
}
