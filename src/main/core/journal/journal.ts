import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { maskDigitRuns } from '../../../shared/masking';
import { JournalCipher } from './journal-cipher';
import { JournalError } from './journal-errors';
import { applyJournalPragmas, migrateJournal } from './journal-schema';
import {
  JOURNAL_OPS,
  JOURNAL_STATES,
  UNFINISHED_STATES,
  journalPrepareSchema,
  journalRefsSchema,
  type JournalEntry,
  type JournalListFilter,
  type JournalOp,
  type JournalPrepareInput,
  type JournalRefs,
  type JournalRequest,
  type JournalResolution,
  type JournalState,
} from './journal-types';

/** Which state each marker may leave from; anything else is a bug in the caller. */
const TRANSITIONS: Record<'sent' | 'confirmed' | 'failed' | 'in_doubt' | 'reconciled', JournalState[]> = {
  sent: ['prepared', 'sent', 'in_doubt'],
  confirmed: ['sent', 'in_doubt'],
  failed: ['prepared', 'sent', 'in_doubt'],
  in_doubt: ['prepared', 'sent', 'in_doubt'],
  reconciled: ['in_doubt'],
};

const KEY_CHECK_NAME = 'key_check';
const KEY_CHECK_PLAIN = Buffer.from('flexiti-in-store journal key check', 'utf8');

const statusSchema = z.number().int().min(100).max(599);
const errorCodeSchema = z.string().min(1).max(100);
const freeTextSchema = z.string().max(500);

const confirmedSchema = z.strictObject({ status: statusSchema, refs: journalRefsSchema.optional() });
const failedSchema = z.strictObject({ status: statusSchema, errorCode: errorCodeSchema.optional() });
const inDoubtDetailSchema = z.strictObject({
  status: statusSchema.optional(),
  errorCode: errorCodeSchema.optional(),
});
const reconciledSchema = z.strictObject({
  resolution: z.enum(['applied', 'not_applied']),
  refs: journalRefsSchema.optional(),
  note: freeTextSchema.optional(),
});

const sealedRequestSchema = z.strictObject({
  method: z.literal('POST'),
  path: z.string(),
  body: z.string(),
});

interface EntryRow {
  id: string;
  op: string;
  idempotency_key: string;
  reference_id: string;
  created_at: number;
  updated_at: number;
  state: string;
  attempts: number;
  last_status: number | null;
  last_error_code: string | null;
  in_doubt_reason: string | null;
  resolution: string | null;
  note: string | null;
  authorization_id: string | null;
  capture_id: string | null;
  return_id: string | null;
  application_id: string | null;
  transaction_id: string | null;
  amount_cents: number | null;
  account_last4: string | null;
  employee_id: string | null;
  location_id: string | null;
  register_id: string | null;
  reference: string | null;
  has_request: number;
}

const ENTRY_COLUMNS = `id, op, idempotency_key, reference_id, created_at, updated_at, state, attempts,
  last_status, last_error_code, in_doubt_reason, resolution, note, authorization_id, capture_id,
  return_id, application_id, transaction_id, amount_cents, account_last4, employee_id, location_id,
  register_id, reference, request_sealed IS NOT NULL AS has_request`;

export interface JournalOptions {
  /** Clock in epoch milliseconds (tests move it). */
  now?: () => number;
}

/**
 * The write-ahead journal of mutating Flexiti calls: one row per logical operation, written durably
 * (fsync on commit) before the request goes out, so a crash or a lost response never loses or
 * doubles an operation. The request (its path and body hold account numbers) is sealed with
 * AES-256-GCM; every column in clear is masked or non-sensitive.
 */
export class Journal {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly cipher: JournalCipher,
    private readonly now: () => number,
  ) {
    this.statements = prepareStatements(db);
  }

  /** Opens (creating and migrating) the journal; ':memory:' is allowed. Throws JournalError for a bad key. */
  static open(file: string, key: Buffer, options: JournalOptions = {}): Journal {
    const cipher = new JournalCipher(key);
    const db = new Database(file);
    try {
      applyJournalPragmas(db, file === ':memory:');
      migrateJournal(db);
      checkKey(db, cipher);
      return new Journal(db, cipher, options.now ?? Date.now);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Records a new operation in state `prepared`; durable on disk when this returns. */
  prepare(input: JournalPrepareInput): JournalEntry {
    return this.insert(input, 'prepared');
  }

  /**
   * Records a new operation whose first attempt starts right away, in state `sent` with attempts 1:
   * one durable write instead of two, still completed before any byte goes out.
   */
  prepareSending(input: JournalPrepareInput): JournalEntry {
    return this.insert(input, 'sent');
  }

  /** Attempt `attempt` (1-based, strictly increasing) is about to go out. */
  markSent(id: string, attempt: number): void {
    if (!Number.isSafeInteger(attempt) || attempt < 1) {
      throw new JournalError('invalid_input', 'attempt must be a positive integer');
    }
    const result = this.statements.markSent.run({ id, attempt, now: this.now() });
    if (result.changes === 0) {
      const entry = this.get(id);
      if (entry && TRANSITIONS.sent.includes(entry.state)) {
        throw new JournalError(
          'invalid_transition',
          `attempt ${attempt} is not after attempt ${entry.attempts} of entry ${id}`,
        );
      }
      this.throwTransition(id, 'sent');
    }
  }

  /** Definitive success. The sealed request is erased: nothing is left to replay. */
  markConfirmed(id: string, result: { status: number; refs?: JournalRefs }): void {
    const { status, refs } = parse(confirmedSchema, result);
    // The one write that need not wait for the disk: if a power cut loses it, the entry is back to
    // `sent` with its sealed request, and start-up replays it with the same idempotency key, which
    // answers with the cached success. The next fsynced write (any prepare) makes it durable anyway.
    // `failed` never gets this treatment: replaying a lost refusal could apply the operation later.
    this.db.pragma('synchronous = NORMAL');
    try {
      this.transition(id, 'confirmed', this.statements.markConfirmed, { status, ...refColumns(refs) });
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  /** Definitive refusal (a 4xx that was not applied). The sealed request is erased. */
  markFailed(id: string, result: { status: number; errorCode?: string }): void {
    const { status, errorCode } = parse(failedSchema, result);
    this.transition(id, 'failed', this.statements.markFailed, {
      status,
      errorCode: errorCode ?? null,
    });
  }

  /** The outcome is unknown; the entry must be reconciled by lookup before the sale can move on. */
  markInDoubt(id: string, reason: string, last: { status?: number; errorCode?: string } = {}): void {
    const detail = parse(inDoubtDetailSchema, last);
    this.transition(id, 'in_doubt', this.statements.markInDoubt, {
      reason: maskDigitRuns(parse(freeTextSchema, reason)),
      status: detail.status ?? null,
      errorCode: detail.errorCode ?? null,
    });
  }

  /** An in-doubt entry settled by lookup. The sealed request is erased. */
  markReconciled(
    id: string,
    result: { resolution: JournalResolution; refs?: JournalRefs; note?: string },
  ): void {
    const { resolution, refs, note } = parse(reconciledSchema, result);
    this.transition(id, 'reconciled', this.statements.markReconciled, {
      resolution,
      note: note === undefined ? null : maskDigitRuns(note),
      ...refColumns(refs),
    });
  }

  get(id: string): JournalEntry | undefined {
    const row = this.statements.get.get(id) as EntryRow | undefined;
    return row ? toEntry(row) : undefined;
  }

  getByIdempotencyKey(idempotencyKey: string): JournalEntry | undefined {
    const row = this.statements.getByKey.get(idempotencyKey) as EntryRow | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** Entries whose outcome is not settled (prepared, sent, in_doubt), oldest first. */
  unfinished(): JournalEntry[] {
    return this.list({ state: UNFINISHED_STATES, order: 'asc' });
  }

  /** Entries by state, op and creation time (from inclusive, to exclusive); newest first by default. */
  list(filter: JournalListFilter = {}): JournalEntry[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    const states = toList(filter.state);
    if (states) {
      states.forEach((state, i) => {
        if (!(JOURNAL_STATES as readonly string[]).includes(state)) {
          throw new JournalError('invalid_input', `unknown state ${state}`);
        }
        params[`state${i}`] = state;
      });
      where.push(states.length ? `state IN (${states.map((_, i) => `@state${i}`).join(', ')})` : '0');
    }
    const ops = toList(filter.op);
    if (ops) {
      ops.forEach((op, i) => {
        if (!(JOURNAL_OPS as readonly string[]).includes(op)) {
          throw new JournalError('invalid_input', `unknown op ${op}`);
        }
        params[`op${i}`] = op;
      });
      where.push(ops.length ? `op IN (${ops.map((_, i) => `@op${i}`).join(', ')})` : '0');
    }
    if (filter.from !== undefined) {
      params.from = toMillis(filter.from);
      where.push('created_at >= @from');
    }
    if (filter.to !== undefined) {
      params.to = toMillis(filter.to);
      where.push('created_at < @to');
    }
    const order = filter.order === 'asc' ? 'ASC' : 'DESC';
    let sql = `SELECT ${ENTRY_COLUMNS} FROM journal_entry`;
    if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
    sql += ` ORDER BY created_at ${order}, rowid ${order}`;
    if (filter.limit !== undefined) {
      if (!Number.isSafeInteger(filter.limit) || filter.limit < 0) {
        throw new JournalError('invalid_input', 'limit must be a non-negative integer');
      }
      params.limit = filter.limit;
      sql += ' LIMIT @limit';
    }
    const rows = this.db.prepare(sql).all(params) as EntryRow[];
    return rows.map(toEntry);
  }

  /** Decrypts the stored request for a replay with the identical key, path and body bytes. */
  readRequest(id: string): JournalRequest {
    const row = this.statements.readSealed.get(id) as
      { request_sealed: Buffer | null; idempotency_key: string } | undefined;
    if (!row) throw new JournalError('not_found', `no journal entry ${id}`);
    if (!row.request_sealed) {
      throw new JournalError('request_purged', `the request of settled entry ${id} has been erased`);
    }
    const plain = this.cipher.open(row.request_sealed, requestAad(id, row.idempotency_key));
    return sealedRequestSchema.parse(JSON.parse(plain.toString('utf8')));
  }

  /** The connection's durability settings, for diagnostics and tests. */
  durability(): { journalMode: string; synchronous: number; busyTimeoutMs: number } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      busyTimeoutMs: Number(this.db.pragma('busy_timeout', { simple: true })),
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private insert(raw: JournalPrepareInput, state: 'prepared' | 'sent'): JournalEntry {
    const input = parse(journalPrepareSchema, raw);
    const id = randomUUID();
    const now = this.now();
    const request: JournalRequest = { method: input.method, path: input.path, body: input.body };
    const sealed = this.cipher.seal(
      Buffer.from(JSON.stringify(request), 'utf8'),
      requestAad(id, input.idempotencyKey),
    );
    const { summary } = input;
    try {
      this.statements.insert.run({
        id,
        op: input.op,
        idempotencyKey: input.idempotencyKey,
        referenceId: input.referenceId,
        now,
        state,
        attempts: state === 'sent' ? 1 : 0,
        amountCents: summary.amountCents ?? null,
        accountLast4: summary.accountLast4 ?? null,
        employeeId: summary.employeeId ?? null,
        locationId: summary.locationId ?? null,
        registerId: summary.registerId ?? null,
        reference: summary.reference ?? null,
        sealed,
      });
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new JournalError('duplicate_key', 'this idempotency key is already journaled');
      }
      throw error;
    }
    return {
      id,
      op: input.op,
      idempotencyKey: input.idempotencyKey,
      referenceId: input.referenceId,
      createdAt: iso(now),
      updatedAt: iso(now),
      state,
      attempts: state === 'sent' ? 1 : 0,
      lastStatus: null,
      lastErrorCode: null,
      inDoubtReason: null,
      resolution: null,
      note: null,
      refs: {},
      summary: { ...summary },
      hasRequest: true,
    };
  }

  private transition(
    id: string,
    to: keyof typeof TRANSITIONS,
    statement: Database.Statement,
    params: Record<string, string | number | null>,
  ): void {
    const result = statement.run({ ...params, id, now: this.now() });
    if (result.changes === 0) this.throwTransition(id, to);
  }

  private throwTransition(id: string, to: JournalState): never {
    const entry = this.get(id);
    if (!entry) throw new JournalError('not_found', `no journal entry ${id}`);
    throw new JournalError('invalid_transition', `entry ${id} cannot go from ${entry.state} to ${to}`);
  }
}

function prepareStatements(db: Database.Database) {
  const from = (to: keyof typeof TRANSITIONS): string =>
    `state IN (${TRANSITIONS[to].map((s) => `'${s}'`).join(', ')})`;
  const refs = `authorization_id = COALESCE(@authorizationId, authorization_id),
    capture_id = COALESCE(@captureId, capture_id),
    return_id = COALESCE(@returnId, return_id),
    application_id = COALESCE(@applicationId, application_id),
    transaction_id = COALESCE(@transactionId, transaction_id)`;
  return {
    insert: db.prepare(`INSERT INTO journal_entry (id, op, idempotency_key, reference_id, created_at,
        updated_at, state, attempts, amount_cents, account_last4, employee_id, location_id,
        register_id, reference, request_sealed)
      VALUES (@id, @op, @idempotencyKey, @referenceId, @now, @now, @state, @attempts, @amountCents,
        @accountLast4, @employeeId, @locationId, @registerId, @reference, @sealed)`),
    markSent: db.prepare(`UPDATE journal_entry SET state = 'sent', attempts = @attempt, updated_at = @now
      WHERE id = @id AND ${from('sent')} AND attempts < @attempt`),
    markConfirmed: db.prepare(`UPDATE journal_entry SET state = 'confirmed', last_status = @status,
        last_error_code = NULL, ${refs}, request_sealed = NULL, updated_at = @now
      WHERE id = @id AND ${from('confirmed')}`),
    markFailed: db.prepare(`UPDATE journal_entry SET state = 'failed', last_status = @status,
        last_error_code = @errorCode, request_sealed = NULL, updated_at = @now
      WHERE id = @id AND ${from('failed')}`),
    markInDoubt: db.prepare(`UPDATE journal_entry SET state = 'in_doubt', in_doubt_reason = @reason,
        last_status = COALESCE(@status, last_status), last_error_code = COALESCE(@errorCode, last_error_code),
        updated_at = @now
      WHERE id = @id AND ${from('in_doubt')}`),
    markReconciled: db.prepare(`UPDATE journal_entry SET state = 'reconciled', resolution = @resolution,
        note = @note, ${refs}, request_sealed = NULL, updated_at = @now
      WHERE id = @id AND ${from('reconciled')}`),
    get: db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal_entry WHERE id = ?`),
    getByKey: db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal_entry WHERE idempotency_key = ?`),
    readSealed: db.prepare(`SELECT request_sealed, idempotency_key FROM journal_entry WHERE id = ?`),
  };
}

/** A new journal stores a sealed constant; a later open with another key fails here, not on a replay. */
function checkKey(db: Database.Database, cipher: JournalCipher): void {
  const row = db.prepare('SELECT value FROM journal_meta WHERE name = ?').get(KEY_CHECK_NAME) as
    { value: Buffer } | undefined;
  if (!row) {
    db.prepare('INSERT INTO journal_meta (name, value) VALUES (?, ?)').run(
      KEY_CHECK_NAME,
      cipher.seal(KEY_CHECK_PLAIN, KEY_CHECK_NAME),
    );
    return;
  }
  let plain: Buffer;
  try {
    plain = cipher.open(row.value, KEY_CHECK_NAME);
  } catch {
    throw new JournalError(
      'key_mismatch',
      'The journal key does not match the key this journal was created with.',
    );
  }
  if (!plain.equals(KEY_CHECK_PLAIN)) {
    throw new JournalError('key_mismatch', 'The journal key check value is wrong.');
  }
}

function requestAad(id: string, idempotencyKey: string): string {
  return `request:${id}:${idempotencyKey}`;
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`);
    throw new JournalError('invalid_input', `invalid journal input (${detail.join('; ')})`);
  }
  return result.data;
}

function refColumns(refs: JournalRefs | undefined): Record<string, string | null> {
  return {
    authorizationId: refs?.authorizationId ?? null,
    captureId: refs?.captureId ?? null,
    returnId: refs?.returnId ?? null,
    applicationId: refs?.applicationId ?? null,
    transactionId: refs?.transactionId ?? null,
  };
}

function toList<T extends string>(value: T | readonly T[] | undefined): readonly T[] | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? [value] : (value as readonly T[]);
}

function toMillis(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  if (!Number.isFinite(ms)) throw new JournalError('invalid_input', 'invalid date in journal filter');
  return ms;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function toEntry(row: EntryRow): JournalEntry {
  const refs: JournalRefs = {};
  if (row.authorization_id !== null) refs.authorizationId = row.authorization_id;
  if (row.capture_id !== null) refs.captureId = row.capture_id;
  if (row.return_id !== null) refs.returnId = row.return_id;
  if (row.application_id !== null) refs.applicationId = row.application_id;
  if (row.transaction_id !== null) refs.transactionId = row.transaction_id;
  const summary: JournalEntry['summary'] = {};
  if (row.amount_cents !== null) summary.amountCents = row.amount_cents;
  if (row.account_last4 !== null) summary.accountLast4 = row.account_last4;
  if (row.employee_id !== null) summary.employeeId = row.employee_id;
  if (row.location_id !== null) summary.locationId = row.location_id;
  if (row.register_id !== null) summary.registerId = row.register_id;
  if (row.reference !== null) summary.reference = row.reference;
  return {
    id: row.id,
    op: row.op as JournalOp,
    idempotencyKey: row.idempotency_key,
    referenceId: row.reference_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    state: row.state as JournalState,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastErrorCode: row.last_error_code,
    inDoubtReason: row.in_doubt_reason,
    resolution: row.resolution as JournalResolution | null,
    note: row.note,
    refs,
    summary,
    hasRequest: row.has_request === 1,
  };
}
