import { z } from 'zod';
import { DAY_METRICS } from '../../../shared/ipc/channels/reports';
import type { JournalEntry } from '../journal/journal-types';
import { isoUtc } from '../audit/time-input';
import { businessDayBounds, defaultTimeZone, isValidTimeZone } from './business-day';
import { readDayClose, type DayCloseRecord } from './day-close-record';
import { AUTHORIZATION_LIFETIME_MS } from './return-window';
import { invalidInput } from './sales-errors';
import type { SalesLedger } from './sales-ledger';
import type { TransactionType } from './sales-types';

/** What the report needs from the journal: its unsettled entries (Journal.unfinished()). */
export interface UnsettledSource {
  unfinished(): JournalEntry[];
}

export const endOfDayQuerySchema = z.strictObject({
  /** The local business date, YYYY-MM-DD. */
  date: z.iso.date(),
  /** IANA zone of the store; default the machine's. */
  timeZone: z.string().min(1).max(64).refine(isValidTimeZone, { message: 'unknown time zone' }).optional(),
  locationId: z.string().min(1).max(50).optional(),
  registerId: z.string().min(1).max(50).optional(),
});
export type EndOfDayQuery = z.input<typeof endOfDayQuerySchema>;

export { DAY_METRICS };
export type DayMetric = (typeof DAY_METRICS)[number];

export interface CountAndCents {
  count: number;
  cents: number;
}

/** authorizationsStillOpen counts authorizations open at the end of the day, by their remainder. */
export type DayTotals = Record<DayMetric, CountAndCents>;

export interface PlanKey {
  /** null when the sale's authorization is not in this terminal's ledger. */
  transactionType: TransactionType | null;
  planId: number | null;
  planName: string | null;
}

export interface InDoubtEntry {
  journalEntryId: string;
  op: JournalEntry['op'];
  state: JournalEntry['state'];
  createdAt: string;
  amountCents: number | null;
  accountLast4: string | null;
  employeeId: string | null;
  locationId: string | null;
  registerId: string | null;
  reference: string | null;
  referenceId: string;
  reason: string | null;
}

export interface EndOfDayReport {
  businessDate: string;
  timeZone: string;
  locationId: string | null;
  registerId: string | null;
  /** The day's bounds in UTC, [from, to). */
  from: string;
  to: string;
  generatedAt: string;
  /** Unsettled journal entries first: the day cannot be trusted until they are resolved. */
  inDoubt: InDoubtEntry[];
  overall: DayTotals;
  byEmployee: Array<{ employeeId: string; totals: DayTotals }>;
  byPlan: Array<PlanKey & { totals: DayTotals }>;
  closed: DayCloseRecord | null;
}

interface GroupRow {
  employee_id: string;
  transaction_type: TransactionType | null;
  plan_id: number | null;
  plan_name: string | null;
  n: number;
  cents: number;
}

/**
 * The day's totals for a business date (and optionally one location and register), overall, by
 * employee and by plan. Each operation counts on the day it happened, under the employee who did it
 * and the plan of the sale it belongs to.
 */
export function endOfDayReport(
  ledger: SalesLedger,
  journal: UnsettledSource,
  raw: EndOfDayQuery,
  now: () => number = Date.now,
): EndOfDayReport {
  const parsed = endOfDayQuerySchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const query = parsed.data;
  const timeZone = query.timeZone ?? defaultTimeZone();
  const { fromMs, toMs } = businessDayBounds(query.date, timeZone);
  const db = ledger.database;

  const params: Record<string, string | number> = {
    from: fromMs,
    to: toMs,
    lapse: AUTHORIZATION_LIFETIME_MS,
  };
  const place = (alias: string): string => {
    const parts: string[] = [];
    if (query.locationId !== undefined) {
      parts.push(`${alias}.location_id = @locationId`);
      params.locationId = query.locationId;
    }
    if (query.registerId !== undefined) {
      parts.push(`${alias}.register_id = @registerId`);
      params.registerId = query.registerId;
    }
    return parts.map((p) => ` AND ${p}`).join('');
  };
  const planColumns = 'a.transaction_type, a.plan_id, a.plan_name';
  const grouped = (sql: string): GroupRow[] => db.prepare(sql).all(params) as GroupRow[];
  const operations = (table: string): GroupRow[] =>
    grouped(`SELECT x.employee_id, ${planColumns}, COUNT(*) AS n, SUM(x.amount_cents) AS cents
      FROM ${table} x LEFT JOIN sale_authorization a ON a.authorization_id = x.authorization_id
      WHERE x.at_ms >= @from AND x.at_ms < @to${place('x')}
      GROUP BY x.employee_id, ${planColumns}`);

  const groups: Record<DayMetric, GroupRow[]> = {
    authorizationsOpened:
      grouped(`SELECT a.employee_id, ${planColumns}, COUNT(*) AS n, SUM(a.amount_cents) AS cents
      FROM sale_authorization a
      WHERE a.at_ms >= @from AND a.at_ms < @to${place('a')}
      GROUP BY a.employee_id, ${planColumns}`),
    // Open at the end of the day: authorized before it ended, not lapsed (30 days), something left
    // after the captures and releases made before it ended.
    authorizationsStillOpen: grouped(`SELECT employee_id, transaction_type, plan_id, plan_name,
        COUNT(*) AS n, SUM(remaining) AS cents
      FROM (
        SELECT a.employee_id, ${planColumns},
          a.amount_cents
            - COALESCE((SELECT SUM(c.amount_cents) FROM sale_capture c
                WHERE c.authorization_id = a.authorization_id AND c.at_ms < @to), 0)
            - COALESCE((SELECT SUM(r.amount_cents) FROM sale_release r
                WHERE r.authorization_id = a.authorization_id AND r.at_ms < @to), 0) AS remaining
        FROM sale_authorization a
        WHERE a.at_ms < @to AND a.at_ms >= @to - @lapse AND a.status <> 'unauthorized'${place('a')}
      ) WHERE remaining > 0
      GROUP BY employee_id, transaction_type, plan_id, plan_name`),
    captures: operations('sale_capture'),
    releases: operations('sale_release'),
    returns: operations('sale_return'),
    refunds: grouped(`SELECT x.employee_id, ${planColumns}, COUNT(*) AS n, SUM(x.amount_cents) AS cents
      FROM sale_refund x
        LEFT JOIN sale_capture c ON c.capture_id = x.capture_id
        LEFT JOIN sale_authorization a ON a.authorization_id = c.authorization_id
      WHERE x.at_ms >= @from AND x.at_ms < @to${place('x')}
      GROUP BY x.employee_id, ${planColumns}`),
  };

  const overall = emptyTotals();
  const byEmployee = new Map<string, DayTotals>();
  const byPlan = new Map<string, PlanKey & { totals: DayTotals }>();
  for (const metric of DAY_METRICS) {
    for (const row of groups[metric]) {
      add(overall[metric], row);
      let employee = byEmployee.get(row.employee_id);
      if (!employee) byEmployee.set(row.employee_id, (employee = emptyTotals()));
      add(employee[metric], row);
      const plan = planKey(row);
      const key = JSON.stringify([plan.transactionType, plan.planId, plan.planName]);
      let planEntry = byPlan.get(key);
      if (!planEntry) byPlan.set(key, (planEntry = { ...plan, totals: emptyTotals() }));
      add(planEntry.totals[metric], row);
    }
  }

  return {
    businessDate: query.date,
    timeZone,
    locationId: query.locationId ?? null,
    registerId: query.registerId ?? null,
    from: isoUtc(fromMs),
    to: isoUtc(toMs),
    generatedAt: isoUtc(now()),
    inDoubt: unsettled(journal, query.locationId, query.registerId),
    overall,
    byEmployee: [...byEmployee.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([employeeId, totals]) => ({ employeeId, totals })),
    byPlan: [...byPlan.values()].sort(comparePlans),
    closed: readDayClose(db, {
      businessDate: query.date,
      locationId: query.locationId,
      registerId: query.registerId,
    }),
  };
}

/**
 * Every unsettled journal entry, whatever its day: an unknown outcome from yesterday still blocks
 * today's close. Entries of another location or register are left out when one is asked for.
 */
function unsettled(journal: UnsettledSource, locationId?: string, registerId?: string): InDoubtEntry[] {
  return journal
    .unfinished()
    .filter(
      (e) =>
        (locationId === undefined ||
          e.summary.locationId === undefined ||
          e.summary.locationId === locationId) &&
        (registerId === undefined ||
          e.summary.registerId === undefined ||
          e.summary.registerId === registerId),
    )
    .map((e) => ({
      journalEntryId: e.id,
      op: e.op,
      state: e.state,
      createdAt: e.createdAt,
      amountCents: e.summary.amountCents ?? null,
      accountLast4: e.summary.accountLast4 ?? null,
      employeeId: e.summary.employeeId ?? null,
      locationId: e.summary.locationId ?? null,
      registerId: e.summary.registerId ?? null,
      reference: e.summary.reference ?? null,
      referenceId: e.referenceId,
      reason: e.inDoubtReason,
    }));
}

export function emptyTotals(): DayTotals {
  return {
    authorizationsOpened: { count: 0, cents: 0 },
    authorizationsStillOpen: { count: 0, cents: 0 },
    captures: { count: 0, cents: 0 },
    releases: { count: 0, cents: 0 },
    returns: { count: 0, cents: 0 },
    refunds: { count: 0, cents: 0 },
  };
}

function add(target: CountAndCents, row: GroupRow): void {
  target.count += row.n;
  target.cents += row.cents;
}

function planKey(row: GroupRow): PlanKey {
  if (row.transaction_type === 'promotional_purchase') {
    return { transactionType: row.transaction_type, planId: row.plan_id, planName: row.plan_name };
  }
  return { transactionType: row.transaction_type, planId: null, planName: null };
}

/** Promotional plans by id, then regular purchases, then sales this terminal has no record of. */
function comparePlans(a: PlanKey, b: PlanKey): number {
  const rank = (p: PlanKey): number =>
    p.transactionType === 'promotional_purchase' ? 0 : p.transactionType === 'regular_purchase' ? 1 : 2;
  return (
    rank(a) - rank(b) ||
    (a.planId ?? 0) - (b.planId ?? 0) ||
    (a.planName ?? '').localeCompare(b.planName ?? '')
  );
}
