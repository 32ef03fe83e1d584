import { z } from 'zod';
import { lineItemKey } from '../../../shared/returned-items';
import { isoUtc, timeInputSchema } from '../audit/time-input';
import { authorizationLapsed, returnWindow } from './return-window';
import { invalidInput } from './sales-errors';
import { lineItemFromRow, type LineItemRow, type SalesLedger } from './sales-ledger';
import {
  accountLast4Schema,
  type AuthorizationStatus,
  type LedgerLineItem,
  type TransactionType,
} from './sales-types';

export const saleQuerySchema = z.strictObject({
  /** Order reference prefix, case-sensitive as the merchant typed it. */
  referencePrefix: z.string().min(1).max(40).optional(),
  /** Authorization time, inclusive. */
  from: timeInputSchema.optional(),
  /** Authorization time, exclusive. */
  to: timeInputSchema.optional(),
  registerId: z.string().min(1).max(50).optional(),
  locationId: z.string().min(1).max(50).optional(),
  employeeId: z.string().min(1).max(50).optional(),
  accountLast4: accountLast4Schema.optional(),
  /** The moment remaining amounts and return windows are computed for; default now. */
  asOf: timeInputSchema.optional(),
  /** 1-based. */
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type SaleQuery = z.input<typeof saleQuerySchema>;

export interface SaleOperation {
  at: string;
  amountCents: number;
  employeeId: string;
  approverId: string | null;
  registerId: string | null;
}

export interface SaleReturn extends SaleOperation {
  returnId: string;
  captureId: string;
}

export interface SaleRefund extends SaleOperation {
  operationId: string;
  captureId: string | null;
}

export interface SaleRelease extends SaleOperation {
  operationId: string;
}

export interface SaleCapture extends SaleOperation {
  captureId: string;
  returns: SaleReturn[];
  returnedCents: number;
  /** What is left on the capture (its amount less its returns): Flexiti's remaining_capture_amount. */
  remainingCents: number;
  /** What may still be returned now: 0 for a regular purchase or once the window has closed. */
  returnableCents: number;
  returnDeadline: string;
  returnWindowOpen: boolean;
  daysLeftToReturn: number;
}

export interface Sale {
  authorizationId: string;
  at: string;
  amountCents: number;
  transactionType: TransactionType;
  planId: number | null;
  planName: string | null;
  term: number | null;
  autoCapture: boolean;
  /** As Flexiti reported it when recorded. */
  recordedStatus: AuthorizationStatus;
  /** Now: opened (something left to capture), closed, or lapsed (30 days passed with a remainder). */
  state: 'opened' | 'closed' | 'lapsed';
  employeeId: string;
  approverId: string | null;
  locationId: string | null;
  registerId: string | null;
  reference: string | null;
  referenceId: string | null;
  accountLast4: string | null;
  captures: SaleCapture[];
  releases: SaleRelease[];
  /** Refunds recorded against one of this sale's captures. */
  refunds: SaleRefund[];
  /** The line items sent with the authorization, in the order entered; empty when there were none. */
  lineItems: LedgerLineItem[];
  /** What the sale's returns listed, one line per SKU and price with the quantities added up. */
  returnedLineItems: LedgerLineItem[];
  capturedCents: number;
  releasedCents: number;
  returnedCents: number;
  refundedCents: number;
  remainingToCaptureCents: number;
  /** Promotional purchases are returned against their capture; regular purchases only refunded. */
  promotional: boolean;
  afterSale: 'return' | 'refund';
}

export interface SalePage {
  sales: Sale[];
  total: number;
  page: number;
  pageSize: number;
}

interface OperationRow {
  at_ms: number;
  amount_cents: number;
  employee_id: string;
  approver_id: string | null;
  register_id: string | null;
}
interface AuthorizationRow extends OperationRow {
  authorization_id: string;
  transaction_type: TransactionType;
  plan_id: number | null;
  plan_name: string | null;
  term: number | null;
  auto_capture: number;
  status: AuthorizationStatus;
  location_id: string | null;
  reference: string | null;
  reference_id: string | null;
  account_last4: string | null;
}
interface CaptureRow extends OperationRow {
  capture_id: string;
  authorization_id: string;
}
interface ReleaseRow extends OperationRow {
  operation_id: string;
  authorization_id: string;
}
interface ReturnRow extends OperationRow {
  return_id: string;
  capture_id: string;
  authorization_id: string;
}
interface RefundRow extends OperationRow {
  operation_id: string;
  capture_id: string;
}

/** Sales (an authorization and everything done on it), newest first, paged. */
export function searchSales(
  ledger: SalesLedger,
  raw: SaleQuery = {},
  now: () => number = Date.now,
): SalePage {
  const parsed = saleQuerySchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const query = parsed.data;
  const db = ledger.database;
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (query.referencePrefix !== undefined) {
    // A range on the indexed column instead of LIKE, which SQLite will not index case-sensitively.
    where.push('reference >= @refLow AND reference < @refHigh');
    params.refLow = query.referencePrefix;
    params.refHigh = `${query.referencePrefix}\u{10FFFF}`;
  }
  const filters = [
    ['registerId', 'register_id'],
    ['locationId', 'location_id'],
    ['employeeId', 'employee_id'],
    ['accountLast4', 'account_last4'],
  ] as const;
  for (const [key, column] of filters) {
    const value = query[key];
    if (value !== undefined) {
      where.push(`${column} = @${key}`);
      params[key] = value;
    }
  }
  if (query.from !== undefined) {
    where.push('at_ms >= @from');
    params.from = query.from;
  }
  if (query.to !== undefined) {
    where.push('at_ms < @to');
    params.to = query.to;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM sale_authorization ${clause}`).get(params) as { n: number }
  ).n;
  const authorizations = db
    .prepare(
      `SELECT * FROM sale_authorization ${clause}
       ORDER BY at_ms DESC, authorization_id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({
      ...params,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }) as AuthorizationRow[];
  const sales = assembleSales(ledger, authorizations, query.asOf ?? now());
  return { sales, total, page: query.page, pageSize: query.pageSize };
}

/** One sale by its authorization id, or undefined if this terminal has no record of it. */
export function getSale(
  ledger: SalesLedger,
  authorizationId: string,
  asOf: number = Date.now(),
): Sale | undefined {
  const row = ledger.database
    .prepare('SELECT * FROM sale_authorization WHERE authorization_id = ?')
    .get(authorizationId) as AuthorizationRow | undefined;
  return row ? assembleSales(ledger, [row], asOf)[0] : undefined;
}

function assembleSales(ledger: SalesLedger, authorizations: AuthorizationRow[], asOf: number): Sale[] {
  if (authorizations.length === 0) return [];
  const db = ledger.database;
  const ids = authorizations.map((a) => a.authorization_id);
  const inList = ids.map(() => '?').join(', ');
  const captures = db
    .prepare(`SELECT * FROM sale_capture WHERE authorization_id IN (${inList}) ORDER BY at_ms, capture_id`)
    .all(...ids) as CaptureRow[];
  // Releases and refunds have no Flexiti id to order by: ties in time keep the order they were recorded in.
  const releases = db
    .prepare(`SELECT * FROM sale_release WHERE authorization_id IN (${inList}) ORDER BY at_ms, rowid`)
    .all(...ids) as ReleaseRow[];
  const returns = db
    .prepare(`SELECT * FROM sale_return WHERE authorization_id IN (${inList}) ORDER BY at_ms, return_id`)
    .all(...ids) as ReturnRow[];
  const lineItems = db
    .prepare(
      `SELECT authorization_id, sku, description, quantity, unit_price_cents FROM sale_line_item
       WHERE authorization_id IN (${inList}) ORDER BY authorization_id, position`,
    )
    .all(...ids) as Array<LineItemRow & { authorization_id: string }>;
  const returnedItems = db
    .prepare(
      `SELECT r.authorization_id, i.sku, i.description, i.quantity, i.unit_price_cents
       FROM sale_return_line_item i JOIN sale_return r ON r.return_id = i.return_id
       WHERE r.authorization_id IN (${inList}) ORDER BY r.at_ms, r.return_id, i.position`,
    )
    .all(...ids) as Array<LineItemRow & { authorization_id: string }>;
  const captureIds = captures.map((c) => c.capture_id);
  const refunds = captureIds.length
    ? (db
        .prepare(
          `SELECT * FROM sale_refund WHERE capture_id IN (${captureIds.map(() => '?').join(', ')})
           ORDER BY at_ms, rowid`,
        )
        .all(...captureIds) as RefundRow[])
    : [];
  return authorizations.map((a) => {
    const promotional = a.transaction_type === 'promotional_purchase';
    const saleCaptures = captures
      .filter((c) => c.authorization_id === a.authorization_id)
      .map((c): SaleCapture => {
        const own = returns.filter((r) => r.capture_id === c.capture_id).map(toReturn);
        const returnedCents = sum(own);
        const remainingCents = Math.max(0, c.amount_cents - returnedCents);
        const window = returnWindow(c.at_ms, asOf);
        return {
          ...operation(c),
          captureId: c.capture_id,
          returns: own,
          returnedCents,
          remainingCents,
          returnableCents: promotional && window.open ? remainingCents : 0,
          returnDeadline: window.deadline,
          returnWindowOpen: promotional && window.open,
          daysLeftToReturn: promotional ? window.daysLeft : 0,
        };
      });
    const saleReleases = releases
      .filter((r) => r.authorization_id === a.authorization_id)
      .map((r): SaleRelease => ({ ...operation(r), operationId: r.operation_id }));
    const ownCaptureIds = new Set(saleCaptures.map((c) => c.captureId));
    const saleRefunds = refunds
      .filter((r) => ownCaptureIds.has(r.capture_id))
      .map((r): SaleRefund => ({ ...operation(r), operationId: r.operation_id, captureId: r.capture_id }));
    const capturedCents = sum(saleCaptures);
    const releasedCents = sum(saleReleases);
    const remainder = Math.max(0, a.amount_cents - capturedCents - releasedCents);
    const lapsed = remainder > 0 && (a.status === 'unauthorized' || authorizationLapsed(a.at_ms, asOf));
    return {
      authorizationId: a.authorization_id,
      at: isoUtc(a.at_ms),
      amountCents: a.amount_cents,
      transactionType: a.transaction_type,
      planId: a.plan_id,
      planName: a.plan_name,
      term: a.term,
      autoCapture: a.auto_capture === 1,
      recordedStatus: a.status,
      state: remainder === 0 ? 'closed' : lapsed ? 'lapsed' : 'opened',
      employeeId: a.employee_id,
      approverId: a.approver_id,
      locationId: a.location_id,
      registerId: a.register_id,
      reference: a.reference,
      referenceId: a.reference_id,
      accountLast4: a.account_last4,
      captures: saleCaptures,
      releases: saleReleases,
      refunds: saleRefunds,
      lineItems: lineItems
        .filter((item) => item.authorization_id === a.authorization_id)
        .map(lineItemFromRow),
      returnedLineItems: addedUp(
        returnedItems.filter((item) => item.authorization_id === a.authorization_id).map(lineItemFromRow),
      ),
      capturedCents,
      releasedCents,
      returnedCents: saleCaptures.reduce((total, c) => total + c.returnedCents, 0),
      refundedCents: sum(saleRefunds),
      remainingToCaptureCents: lapsed ? 0 : remainder,
      promotional,
      afterSale: promotional ? 'return' : 'refund',
    };
  });
}

function operation(row: OperationRow): SaleOperation {
  return {
    at: isoUtc(row.at_ms),
    amountCents: row.amount_cents,
    employeeId: row.employee_id,
    approverId: row.approver_id,
    registerId: row.register_id,
  };
}

function toReturn(row: ReturnRow): SaleReturn {
  return { ...operation(row), returnId: row.return_id, captureId: row.capture_id };
}

function sum(items: ReadonlyArray<{ amountCents: number }>): number {
  return items.reduce((total, item) => total + item.amountCents, 0);
}

/** One line per SKU and unit price, quantities added up, in the order first seen. */
function addedUp(items: readonly LedgerLineItem[]): LedgerLineItem[] {
  const byKey = new Map<string, LedgerLineItem>();
  for (const item of items) {
    const key = lineItemKey(item);
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, quantity: seen.quantity + item.quantity } : { ...item });
  }
  return [...byKey.values()];
}
