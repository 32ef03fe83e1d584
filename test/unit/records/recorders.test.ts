/** Recording never fails the caller: a row that cannot be written is logged (redacted) and counted. */
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src/main/core/audit/audit-log';
import type { Logger } from '../../../src/main/core/logging/logger';
import { createAuditRecorder, flexitiTime, last4Of } from '../../../src/main/core/records/audit-recorder';
import { createSaleRecorder } from '../../../src/main/core/records/sale-recorder';
import { SalesLedger } from '../../../src/main/core/sales/sales-ledger';

function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string, detail?: unknown) =>
    lines.push(`${level} ${message} ${JSON.stringify(detail)}`);
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

describe('audit recorder', () => {
  it('writes a row, and counts and logs one it cannot write without the row itself', () => {
    const log = AuditLog.open(':memory:');
    const logger = capturingLogger();
    const audit = createAuditRecorder(log, logger);
    audit.record({ action: 'sign_in', actorId: 'C100', actorRole: 'cashier', outcome: 'ok' });
    expect(log.head().seq).toBe(1);
    expect(audit.failures()).toBe(0);

    // A full account number in clear is refused by the trail: the caller carries on.
    expect(() =>
      audit.record({
        action: 'customer_lookup',
        actorId: 'C100',
        actorRole: 'cashier',
        outcome: 'ok',
        accountLast4: '300100200',
        detail: { by: 'account' },
      }),
    ).not.toThrow();
    log.close();
    expect(() =>
      audit.record({ action: 'sign_out', actorId: 'C100', actorRole: 'cashier', outcome: 'ok' }),
    ).not.toThrow();
    expect(audit.failures()).toBe(2);
    expect(logger.lines.filter((l) => l.startsWith('error'))).toHaveLength(2);
    expect(logger.lines.join('\n')).not.toContain('300100200');
  });
});

describe('sale recorder', () => {
  it('records once per Flexiti id and survives a closed ledger', () => {
    const ledger = SalesLedger.open(':memory:');
    const logger = capturingLogger();
    const sales = createSaleRecorder(ledger, logger);
    const capture = { captureId: '77', authorizationId: '55', amountCents: 1_000, employeeId: 'C100' };
    sales.captured(capture);
    sales.captured(capture);
    const rows = ledger.database.prepare('SELECT COUNT(*) AS n FROM sale_capture').get() as { n: number };
    expect(rows.n).toBe(1);
    ledger.close();
    expect(() => sales.captured({ ...capture, captureId: '78' })).not.toThrow();
    expect(sales.failures()).toBe(1);
  });
});

describe('masking helpers', () => {
  it('keeps only the last 4 digits and trusts only UTC date-times', () => {
    expect(last4Of('300100200')).toEqual({ accountLast4: '0200' });
    expect(last4Of('12')).toEqual({});
    expect(flexitiTime('2024-01-02T09:30:00Z')).toEqual({ at: Date.UTC(2024, 0, 2, 9, 30) });
    expect(flexitiTime('2024-01-02 09:30')).toEqual({});
    expect(flexitiTime(undefined)).toEqual({});
  });
});
