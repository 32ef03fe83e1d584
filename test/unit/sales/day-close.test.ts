import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src/main/core/audit/audit-log';
import { Journal } from '../../../src/main/core/journal/journal';
import type { JournalPrepareInput } from '../../../src/main/core/journal/journal-types';
import { closeDay } from '../../../src/main/core/sales/day-close';
import { toCsv } from '../../../src/main/core/sales/end-of-day-csv';
import { endOfDayReport } from '../../../src/main/core/sales/end-of-day-report';
import { isSalesError } from '../../../src/main/core/sales/sales-errors';
import { SalesLedger } from '../../../src/main/core/sales/sales-ledger';

const NOW = Date.UTC(2026, 6, 2, 2); // 22:00 on July 1 in Toronto
let ledger: SalesLedger;
let journal: Journal;
let audit: AuditLog;

beforeEach(() => {
  ledger = SalesLedger.open(':memory:', { now: () => NOW });
  journal = Journal.open(':memory:', randomBytes(32), { now: () => NOW - 3_600_000 });
  audit = AuditLog.open(':memory:', { now: () => NOW });
});
afterEach(() => {
  ledger.close();
  journal.close();
  audit.close();
});

function captureEntry(registerId = 'R1'): JournalPrepareInput {
  return {
    op: 'capture',
    method: 'POST',
    path: '/flexiti/pos-api/v2.5/client-id/demo/authorization/1234567890123456/capture',
    body: '{"amount":12.5}',
    idempotencyKey: randomUUID(),
    referenceId: randomUUID().replace(/-/g, ''),
    summary: { amountCents: 1250, accountLast4: '4755', employeeId: 'E1', registerId, reference: '=ORD-9' },
  };
}

function inDoubt(registerId?: string): string {
  const entry = journal.prepareSending(captureEntry(registerId));
  journal.markInDoubt(entry.id, 'timeout');
  return entry.id;
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

const deps = () => ({ ledger, journal, audit, now: () => NOW });
const query = { date: '2026-07-01', timeZone: 'America/Toronto' };
const day = { ...query, managerId: 'M1' };

describe('closing the day', () => {
  it('refuses while journal entries are in doubt, and audits the refusal', () => {
    inDoubt();
    journal.prepare(captureEntry());
    const error = caught(() => closeDay(deps(), day));
    expect(isSalesError(error, 'in_doubt_pending')).toBe(true);
    expect((error as { inDoubtCount?: number }).inDoubtCount).toBe(2);
    const [row] = audit.query({ action: 'day_close' }).rows;
    expect(row).toMatchObject({ outcome: 'denied', actorId: 'M1', actorRole: 'manager' });
    expect(row?.detail).toMatchObject({ inDoubtCount: 2, businessDate: '2026-07-01' });
    expect(endOfDayReport(ledger, journal, query).closed).toBeNull();
  });

  it('closes with a manager reason despite in-doubt entries, once', () => {
    const id = inDoubt();
    const result = closeDay(deps(), { ...day, reason: 'Flexiti support ticket opened' });
    expect(result.report.inDoubt.map((e) => e.journalEntryId)).toEqual([id]);
    expect(result.closed).toMatchObject({
      managerId: 'M1',
      inDoubtCount: 1,
      reason: 'Flexiti support ticket opened',
    });
    const head = audit.head();
    expect(result.closed).toMatchObject({ auditSeq: head.seq, auditHash: head.hash });
    const [row] = audit.query({ action: 'day_close' }).rows;
    expect(row).toMatchObject({
      outcome: 'ok',
      detail: { reason: 'Flexiti support ticket opened', inDoubtCount: 1 },
    });
    expect(audit.verifyChain()).toMatchObject({ ok: true });
    expect(endOfDayReport(ledger, journal, query).closed).toEqual(result.closed);
    expect(
      isSalesError(
        caught(() => closeDay(deps(), { ...day, reason: 'again' })),
        'already_closed',
      ),
    ).toBe(true);
  });

  it('closes without a reason once every entry is settled', () => {
    const id = inDoubt();
    journal.markReconciled(id, { resolution: 'not_applied' });
    const result = closeDay(deps(), day);
    expect(result.report.inDoubt).toEqual([]);
    expect(result.closed.reason).toBeNull();
  });

  it('ignores another register’s entries when closing one register', () => {
    inDoubt('R2');
    expect(closeDay(deps(), { ...day, registerId: 'R1' }).closed.registerId).toBe('R1');
    expect(
      isSalesError(
        caught(() => closeDay(deps(), { ...day, registerId: 'R2' })),
        'in_doubt_pending',
      ),
    ).toBe(true);
  });

  it('refuses a reason holding a full number', () => {
    inDoubt();
    const error = caught(() => closeDay(deps(), { ...day, reason: 'customer 4111 1111 1111 1111' }));
    expect(isSalesError(error, 'invalid_input')).toBe(true);
    expect(audit.head().seq).toBe(0);
  });
});

describe('end-of-day CSV', () => {
  it('lists in-doubt entries first, then the totals, formula-safe', () => {
    inDoubt();
    ledger.recordCapture({
      captureId: 'c1',
      authorizationId: 'a1',
      amountCents: 123_456,
      employeeId: 'E1',
      at: NOW,
    });
    const csv = toCsv(endOfDayReport(ledger, journal, query));
    const lines = csv.split('\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[0]?.startsWith('section,')).toBe(true);
    expect(lines[1]?.startsWith('in_doubt,2026-07-01,E1,')).toBe(true);
    expect(lines[1]).toContain(",'=ORD-9,");
    expect(lines[1]).toContain(',12.50,');
    expect(lines).toContain('overall,2026-07-01,,,,,captures,1,1234.56' + ','.repeat(8));
    expect(lines).toContain('employee,2026-07-01,E1,,,,captures,1,1234.56' + ','.repeat(8));
    expect(lines).toContain('plan,2026-07-01,,unknown,,,captures,1,1234.56' + ','.repeat(8));
    const width = lines[0]?.split(',').length;
    expect(lines.filter((l) => l).every((l) => l.split(',').length === width)).toBe(true);
  });
});
