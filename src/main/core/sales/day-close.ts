import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log';
import { sensitiveTextReason } from '../audit/sensitive-text';
import { defaultTimeZone, isValidTimeZone } from './business-day';
import { insertDayClose, readDayClose, type DayCloseRecord } from './day-close-record';
import { endOfDayReport, type EndOfDayReport, type UnsettledSource } from './end-of-day-report';
import { SalesError, invalidInput } from './sales-errors';
import type { SalesLedger } from './sales-ledger';

export const closeDaySchema = z.strictObject({
  date: z.iso.date(),
  /** The signed-in manager; the caller has checked the role. */
  managerId: z.string().min(1).max(50),
  /** Required to close while journal entries are unsettled; kept in the audit trail. */
  reason: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((text) => sensitiveTextReason(text) === null, { message: 'must not hold a full number' })
    .optional(),
  timeZone: z.string().min(1).max(64).refine(isValidTimeZone, { message: 'unknown time zone' }).optional(),
  locationId: z.string().min(1).max(50).optional(),
  registerId: z.string().min(1).max(50).optional(),
});
export type CloseDayInput = z.input<typeof closeDaySchema>;

export interface DayCloseDeps {
  ledger: SalesLedger;
  journal: UnsettledSource;
  audit: AuditLog;
  now?: () => number;
}

export interface CloseDayResult {
  report: EndOfDayReport;
  closed: DayCloseRecord;
}

/**
 * Closes a business day: refused (SalesError 'in_doubt_pending') while journal entries are unsettled
 * unless the manager gives a reason, refused ('already_closed') the second time. The close, and a
 * refusal, are recorded in the audit trail; the stored close keeps the audit chain head it produced.
 */
export function closeDay(deps: DayCloseDeps, raw: CloseDayInput): CloseDayResult {
  const parsed = closeDaySchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  const now = deps.now ?? Date.now;
  const timeZone = input.timeZone ?? defaultTimeZone();
  const key = { businessDate: input.date, locationId: input.locationId, registerId: input.registerId };
  const db = deps.ledger.database;
  if (readDayClose(db, key)) throw new SalesError('already_closed', `${input.date} is already closed`);

  const report = endOfDayReport(
    deps.ledger,
    deps.journal,
    { date: input.date, timeZone, locationId: input.locationId, registerId: input.registerId },
    now,
  );
  const inDoubtCount = report.inDoubt.length;
  const detail = {
    businessDate: input.date,
    timeZone,
    inDoubtCount,
    ...(input.locationId !== undefined && { locationId: input.locationId }),
    ...(input.registerId !== undefined && { registerId: input.registerId }),
    ...(input.reason !== undefined && { reason: input.reason }),
  };
  if (inDoubtCount > 0 && input.reason === undefined) {
    deps.audit.append({
      action: 'day_close',
      actorId: input.managerId,
      actorRole: 'manager',
      outcome: 'denied',
      detail,
    });
    throw new SalesError(
      'in_doubt_pending',
      `${inDoubtCount} journal ${inDoubtCount === 1 ? 'entry is' : 'entries are'} unsettled; resolve or give a reason`,
      inDoubtCount,
    );
  }
  const closedMs = now();
  const auditRow = deps.audit.append({
    action: 'day_close',
    actorId: input.managerId,
    actorRole: 'manager',
    outcome: 'ok',
    detail,
    at: closedMs,
  });
  const record = {
    businessDate: input.date,
    locationId: input.locationId ?? null,
    registerId: input.registerId ?? null,
    timeZone,
    managerId: input.managerId,
    reason: input.reason ?? null,
    inDoubtCount,
    auditSeq: auditRow.seq,
    auditHash: auditRow.hash,
  };
  if (!insertDayClose(db, { ...record, closedMs })) {
    throw new SalesError('already_closed', `${input.date} is already closed`);
  }
  const closed = readDayClose(db, key) as DayCloseRecord;
  return { report: { ...report, closed }, closed };
}
