import Database from 'better-sqlite3';
import type { z } from 'zod';
import { AuditError } from './audit-errors';
import { GENESIS_HASH, canonicalJson, chainHash, type HashedColumns } from './audit-hash';
import { applyRecordPragmas, migrateAudit } from './audit-schema';
import {
  auditEventInputSchema,
  auditQuerySchema,
  type AuditAction,
  type AuditEventInput,
  type AuditHead,
  type AuditOutcome,
  type AuditPage,
  type AuditQuery,
  type AuditRole,
  type AuditRow,
  type ChainVerdict,
} from './audit-types';
import { isoUtc } from './time-input';

/** The file name callers use inside the data directory. */
export const AUDIT_DB_FILE = 'audit.db';

interface StoredRow extends HashedColumns {
  prev_hash: string;
  hash: string;
}

const COLUMNS = `seq, at_ms, action, actor_id, actor_role, approver_id, outcome, account_last4,
  authorization_id, capture_id, return_id, application_id, amount_cents, reference, reference_id,
  detail, prev_hash, hash`;

export interface AuditLogOptions {
  /** Clock in epoch milliseconds (tests move it). */
  now?: () => number;
}

/**
 * The append-only record of who did what and who approved it. Each row's hash covers the previous
 * row's hash and the row itself, so an edited, deleted, inserted or reordered row breaks the chain
 * even if someone drops the triggers that refuse UPDATE and DELETE. Only masked identifiers are
 * kept: account last 4, Flexiti ids, amounts, the order reference and the flow's x-reference-id.
 */
export class AuditLog {
  private readonly insertStatement: Database.Statement;
  private readonly headStatement: Database.Statement;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {
    this.insertStatement = db.prepare(`INSERT INTO audit_event (${COLUMNS})
      VALUES (@seq, @at_ms, @action, @actor_id, @actor_role, @approver_id, @outcome, @account_last4,
        @authorization_id, @capture_id, @return_id, @application_id, @amount_cents, @reference,
        @reference_id, @detail, @prev_hash, @hash)`);
    this.headStatement = db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  }

  /** Opens (creating and migrating) the trail; ':memory:' is allowed. */
  static open(file: string, options: AuditLogOptions = {}): AuditLog {
    const db = new Database(file);
    try {
      applyRecordPragmas(db, file === ':memory:');
      migrateAudit(db);
      return new AuditLog(db, options.now ?? Date.now);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Appends one event, durably; returns the stored row. Throws AuditError('invalid_input'). */
  append(input: AuditEventInput): AuditRow {
    const event = parse(auditEventInputSchema, input);
    const append = this.db.transaction((): StoredRow => {
      const head = this.head();
      const columns: HashedColumns = {
        seq: head.seq + 1,
        at_ms: event.at ?? this.now(),
        action: event.action,
        actor_id: event.actorId,
        actor_role: event.actorRole,
        approver_id: event.approverId ?? null,
        outcome: event.outcome,
        account_last4: event.accountLast4 ?? null,
        authorization_id: event.authorizationId ?? null,
        capture_id: event.captureId ?? null,
        return_id: event.returnId ?? null,
        application_id: event.applicationId ?? null,
        amount_cents: event.amountCents ?? null,
        reference: event.reference ?? null,
        reference_id: event.referenceId ?? null,
        detail: canonicalJson(event.detail),
      };
      const row: StoredRow = { ...columns, prev_hash: head.hash, hash: chainHash(head.hash, columns) };
      this.insertStatement.run(row);
      return row;
    });
    return toRow(append.immediate());
  }

  /** The latest row's sequence number and hash: print or display it to anchor the chain. */
  head(): AuditHead {
    const row = this.headStatement.get() as { seq: number; hash: string } | undefined;
    return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /**
   * Recomputes every hash from the first row. With `anchor` (a head recorded earlier, e.g. at the
   * last day close) it also catches rows cut off the end, which a chain alone cannot see.
   */
  verifyChain(anchor?: AuditHead): ChainVerdict {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let anchorSeen = false;
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM audit_event ORDER BY seq ASC`)
      .iterate() as IterableIterator<StoredRow>;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return broken(expectedSeq, `row ${expectedSeq} is missing (next row is ${row.seq})`);
      }
      if (row.prev_hash !== prevHash) {
        return broken(row.seq, 'the previous-hash link does not match the row before');
      }
      if (chainHash(prevHash, row) !== row.hash) {
        return broken(row.seq, 'the row does not match its hash (edited or replaced)');
      }
      if (anchor && row.seq === anchor.seq) {
        if (row.hash !== anchor.hash) return broken(row.seq, 'the row does not match the recorded anchor');
        anchorSeen = true;
      }
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (anchor && anchor.seq > 0 && !anchorSeen) {
      return broken(expectedSeq, `rows from ${expectedSeq} up to the anchor ${anchor.seq} are missing`);
    }
    return { ok: true, rows: expectedSeq - 1, head: { seq: expectedSeq - 1, hash: prevHash } };
  }

  /** Filters by time (from inclusive, to exclusive), actor, action and account last 4; paged. */
  query(raw: AuditQuery = {}): AuditPage {
    const query = parse(auditQuerySchema, raw);
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (query.from !== undefined) {
      where.push('at_ms >= @from');
      params.from = query.from;
    }
    if (query.to !== undefined) {
      where.push('at_ms < @to');
      params.to = query.to;
    }
    if (query.actorId !== undefined) {
      where.push('actor_id = @actorId');
      params.actorId = query.actorId;
    }
    if (query.accountLast4 !== undefined) {
      where.push('account_last4 = @accountLast4');
      params.accountLast4 = query.accountLast4;
    }
    if (query.action !== undefined) {
      const actions = Array.isArray(query.action) ? query.action : [query.action];
      actions.forEach((action, i) => (params[`action${i}`] = action));
      where.push(`action IN (${actions.map((_, i) => `@action${i}`).join(', ')})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM audit_event ${clause}`).get(params) as { n: number }
    ).n;
    const order = query.order === 'asc' ? 'ASC' : 'DESC';
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM audit_event ${clause} ORDER BY seq ${order} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }) as StoredRow[];
    return { rows: rows.map(toRow), total, page: query.page, pageSize: query.pageSize };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

function broken(seq: number, reason: string): ChainVerdict {
  return { ok: false, brokenAt: seq, reason };
}

function toRow(row: StoredRow): AuditRow {
  return {
    seq: row.seq,
    at: isoUtc(row.at_ms),
    action: row.action as AuditAction,
    actorId: row.actor_id,
    actorRole: row.actor_role as AuditRole,
    approverId: row.approver_id,
    outcome: row.outcome as AuditOutcome,
    accountLast4: row.account_last4,
    authorizationId: row.authorization_id,
    captureId: row.capture_id,
    returnId: row.return_id,
    applicationId: row.application_id,
    amountCents: row.amount_cents,
    reference: row.reference,
    referenceId: row.reference_id,
    detail: parseDetail(row.detail),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    // A damaged detail is reported by verifyChain; reading must still work.
    return {};
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw new AuditError('invalid_input', `${where}${first?.message ?? 'invalid input'}`);
  }
  return result.data;
}
