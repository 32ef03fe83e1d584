import type Database from 'better-sqlite3';
import { isoUtc } from '../audit/time-input';

/** A business day closed by a manager, as stored in the sales ledger. */
export interface DayCloseRecord {
  businessDate: string;
  locationId: string | null;
  registerId: string | null;
  timeZone: string;
  closedAt: string;
  managerId: string;
  reason: string | null;
  inDoubtCount: number;
  /** The audit row that records the close, and the chain head it produced (print it to anchor). */
  auditSeq: number;
  auditHash: string;
}

interface DayCloseRow {
  business_date: string;
  location_id: string;
  register_id: string;
  time_zone: string;
  closed_ms: number;
  manager_id: string;
  reason: string | null;
  in_doubt_count: number;
  audit_seq: number;
  audit_hash: string;
}

export interface DayKey {
  businessDate: string;
  locationId?: string | undefined;
  registerId?: string | undefined;
}

export function readDayClose(db: Database.Database, key: DayKey): DayCloseRecord | null {
  const row = db
    .prepare('SELECT * FROM day_close WHERE business_date = ? AND location_id = ? AND register_id = ?')
    .get(key.businessDate, key.locationId ?? '', key.registerId ?? '') as DayCloseRow | undefined;
  if (!row) return null;
  return {
    businessDate: row.business_date,
    locationId: row.location_id || null,
    registerId: row.register_id || null,
    timeZone: row.time_zone,
    closedAt: isoUtc(row.closed_ms),
    managerId: row.manager_id,
    reason: row.reason,
    inDoubtCount: row.in_doubt_count,
    auditSeq: row.audit_seq,
    auditHash: row.audit_hash,
  };
}

/** False when that day (and location/register) was already closed. */
export function insertDayClose(
  db: Database.Database,
  record: Omit<DayCloseRecord, 'closedAt'> & { closedMs: number },
): boolean {
  const result = db
    .prepare(
      `INSERT INTO day_close (business_date, location_id, register_id, time_zone, closed_ms, manager_id,
         reason, in_doubt_count, audit_seq, audit_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    .run(
      record.businessDate,
      record.locationId ?? '',
      record.registerId ?? '',
      record.timeZone,
      record.closedMs,
      record.managerId,
      record.reason,
      record.inDoubtCount,
      record.auditSeq,
      record.auditHash,
    );
  return result.changes > 0;
}
