import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Journal } from '../../../src/main/core/journal/journal';
import { isJournalError } from '../../../src/main/core/journal/journal-errors';
import type { JournalPrepareInput } from '../../../src/main/core/journal/journal-types';

function captureInput(overrides: Partial<JournalPrepareInput> = {}): JournalPrepareInput {
  return {
    op: 'capture',
    method: 'POST',
    path: '/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/1234567890123456/capture',
    body: '{"amount":100.5,"reference":"R-1"}',
    idempotencyKey: randomUUID(),
    referenceId: randomUUID().replace(/-/g, ''),
    summary: {
      amountCents: 10050,
      accountLast4: '3456',
      employeeId: 'E7',
      registerId: 'R2',
      reference: 'R-1',
    },
    ...overrides,
  };
}

function expectJournalError(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(isJournalError(caught), String(caught)).toBe(true);
  expect((caught as { code: string }).code).toBe(code);
}

describe('Journal state machine', () => {
  let clock = Date.parse('2026-12-01T10:00:00Z');
  let journal: Journal;
  beforeEach(() => {
    clock = Date.parse('2026-12-01T10:00:00Z');
    journal = Journal.open(':memory:', randomBytes(32), { now: () => clock });
  });
  afterEach(() => journal.close());

  it('walks prepared -> sent -> confirmed and keeps refs and summary', () => {
    const input = captureInput();
    const entry = journal.prepare(input);
    expect(entry).toMatchObject({ state: 'prepared', attempts: 0, op: 'capture', hasRequest: true });
    expect(journal.get(entry.id)).toEqual(entry);
    clock += 1000;
    journal.markSent(entry.id, 1);
    expect(journal.get(entry.id)).toMatchObject({
      state: 'sent',
      attempts: 1,
      updatedAt: '2026-12-01T10:00:01.000Z',
    });
    journal.markConfirmed(entry.id, { status: 200, refs: { captureId: '998877', authorizationId: '55' } });
    const done = journal.get(entry.id);
    expect(done).toMatchObject({
      state: 'confirmed',
      lastStatus: 200,
      refs: { captureId: '998877', authorizationId: '55' },
      summary: input.summary,
      createdAt: '2026-12-01T10:00:00.000Z',
      hasRequest: false,
    });
    expect(journal.getByIdempotencyKey(input.idempotencyKey)?.id).toBe(entry.id);
  });

  it('prepareSending records the first attempt in the same write', () => {
    const entry = journal.prepareSending(captureInput());
    expect(entry).toMatchObject({ state: 'sent', attempts: 1 });
    expect(journal.get(entry.id)).toEqual(entry);
  });

  it('walks sent -> in_doubt -> reconciled and keeps the resolution', () => {
    const entry = journal.prepareSending(captureInput());
    journal.markInDoubt(entry.id, 'timeout after 4 attempts', { status: 503 });
    expect(journal.get(entry.id)).toMatchObject({
      state: 'in_doubt',
      inDoubtReason: 'timeout after 4 attempts',
      lastStatus: 503,
    });
    expect(journal.unfinished().map((e) => e.id)).toEqual([entry.id]);
    journal.markReconciled(entry.id, {
      resolution: 'applied',
      refs: { captureId: '42' },
      note: 'found by GET captures',
    });
    expect(journal.get(entry.id)).toMatchObject({
      state: 'reconciled',
      resolution: 'applied',
      note: 'found by GET captures',
      refs: { captureId: '42' },
      hasRequest: false,
    });
    expect(journal.unfinished()).toEqual([]);
  });

  it('refuses transitions the state machine does not allow', () => {
    const prepared = journal.prepare(captureInput());
    expectJournalError(() => journal.markConfirmed(prepared.id, { status: 200 }), 'invalid_transition');
    expectJournalError(
      () => journal.markReconciled(prepared.id, { resolution: 'applied' }),
      'invalid_transition',
    );

    const confirmed = journal.prepareSending(captureInput());
    journal.markConfirmed(confirmed.id, { status: 201 });
    for (const move of [
      () => journal.markSent(confirmed.id, 2),
      () => journal.markFailed(confirmed.id, { status: 409 }),
      () => journal.markInDoubt(confirmed.id, 'late'),
      () => journal.markConfirmed(confirmed.id, { status: 200 }),
      () => journal.markReconciled(confirmed.id, { resolution: 'not_applied' }),
    ]) {
      expectJournalError(move, 'invalid_transition');
    }
    expect(journal.get(confirmed.id)?.state).toBe('confirmed');

    const failed = journal.prepareSending(captureInput());
    journal.markFailed(failed.id, { status: 409, errorCode: 'credit_exceeded' });
    expect(journal.get(failed.id)).toMatchObject({
      state: 'failed',
      lastStatus: 409,
      lastErrorCode: 'credit_exceeded',
    });
    expectJournalError(() => journal.markSent(failed.id, 2), 'invalid_transition');
    expectJournalError(() => journal.markSent(randomUUID(), 1), 'not_found');
  });

  it('requires strictly increasing attempts', () => {
    const entry = journal.prepare(captureInput());
    journal.markSent(entry.id, 1);
    expectJournalError(() => journal.markSent(entry.id, 1), 'invalid_transition');
    journal.markSent(entry.id, 2);
    journal.markInDoubt(entry.id, 'dropped');
    journal.markSent(entry.id, 3);
    expect(journal.get(entry.id)).toMatchObject({ state: 'sent', attempts: 3 });
    expectJournalError(() => journal.markSent(entry.id, 0), 'invalid_input');
  });

  it('refuses a second entry with the same idempotency key', () => {
    const input = captureInput();
    journal.prepare(input);
    expectJournalError(() => journal.prepare({ ...input }), 'duplicate_key');
    expect(journal.list()).toHaveLength(1);
  });

  it('validates its input so nothing sensitive lands in clear', () => {
    expectJournalError(
      () => journal.prepare(captureInput({ summary: { accountLast4: '1234567890123456' } })),
      'invalid_input',
    );
    expectJournalError(
      () => journal.prepare(captureInput({ idempotencyKey: 'not-a-uuid' })),
      'invalid_input',
    );
    expectJournalError(() => journal.prepare(captureInput({ referenceId: 'x'.repeat(33) })), 'invalid_input');
    expectJournalError(
      () => journal.prepare(captureInput({ summary: { amountCents: 10.5 } })),
      'invalid_input',
    );
    expectJournalError(() => journal.prepare(captureInput({ path: 'no-leading-slash' })), 'invalid_input');
    expect(journal.list()).toEqual([]);
  });

  it('masks account numbers in free text', () => {
    const entry = journal.prepareSending(captureInput());
    journal.markInDoubt(entry.id, 'dropped on /authorization/1234567890123456/capture');
    expect(journal.get(entry.id)?.inDoubtReason).toBe('dropped on /authorization/•••• 3456/capture');
  });

  it('lists by state, op and date range', () => {
    const ids: Record<string, string> = {};
    const ops = ['authorization', 'capture', 'refund', 'capture'] as const;
    ops.forEach((op, i) => {
      clock = Date.parse('2026-12-01T10:00:00Z') + i * 60_000;
      ids[`${op}${i}`] = journal.prepare(captureInput({ op })).id;
    });
    journal.markSent(ids.capture1 as string, 1);
    journal.markConfirmed(ids.capture1 as string, { status: 200 });

    expect(journal.list({ op: 'capture' }).map((e) => e.id)).toEqual([ids.capture3, ids.capture1]);
    expect(journal.list({ op: 'capture', order: 'asc' }).map((e) => e.id)).toEqual([
      ids.capture1,
      ids.capture3,
    ]);
    expect(journal.list({ state: 'confirmed' }).map((e) => e.id)).toEqual([ids.capture1]);
    expect(journal.list({ state: ['prepared'], op: ['authorization', 'refund'] }).map((e) => e.id)).toEqual([
      ids.refund2,
      ids.authorization0,
    ]);
    expect(
      journal.list({ from: '2026-12-01T10:01:00Z', to: new Date('2026-12-01T10:03:00Z') }).map((e) => e.id),
    ).toEqual([ids.refund2, ids.capture1]);
    expect(journal.list({ limit: 1 }).map((e) => e.id)).toEqual([ids.capture3]);
    expect(journal.list({ state: [] })).toEqual([]);
    expect(journal.unfinished().map((e) => e.id)).toEqual([ids.authorization0, ids.refund2, ids.capture3]);
  });
});

describe('Journal on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps entries across close and reopen, in WAL mode with full sync', () => {
    const file = join(dir, 'journal.db');
    const key = randomBytes(32);
    const first = Journal.open(file, key);
    // synchronous 2 = FULL: every commit is fsynced before prepare() returns.
    expect(first.durability()).toEqual({ journalMode: 'wal', synchronous: 2, busyTimeoutMs: 5000 });
    const entry = first.prepareSending(captureInput());
    first.close();

    const again = Journal.open(file, key);
    expect(again.get(entry.id)).toEqual(entry);
    expect(again.unfinished().map((e) => e.id)).toEqual([entry.id]);
    again.close();
  });

  it('refuses a database written by a newer schema', () => {
    const file = join(dir, 'journal.db');
    const key = randomBytes(32);
    Journal.open(file, key).close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => Journal.open(file, key)).toThrowError(expect.objectContaining({ code: 'schema_too_new' }));
  });
});
