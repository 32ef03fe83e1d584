import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAuditError } from '../../../src/main/core/audit/audit-errors';
import { AuditLog } from '../../../src/main/core/audit/audit-log';
import type { AuditEventInput } from '../../../src/main/core/audit/audit-types';

let log: AuditLog;
let clock: number;

beforeEach(() => {
  clock = Date.UTC(2026, 6, 1, 12);
  log = AuditLog.open(':memory:', { now: () => clock });
});

afterEach(() => log.close());

function expectRefused(input: AuditEventInput, pattern?: RegExp): void {
  let caught: unknown;
  try {
    log.append(input);
  } catch (error) {
    caught = error;
  }
  expect(isAuditError(caught, 'invalid_input'), String(caught)).toBe(true);
  if (pattern) expect((caught as Error).message).toMatch(pattern);
  expect(log.head().seq).toBe(0);
}

const approval = (reason: string): AuditEventInput => ({
  action: 'manager_approval',
  actorId: 'E1',
  actorRole: 'cashier',
  approverId: 'M1',
  outcome: 'ok',
  detail: { approvedAction: 'refund', reason },
});

describe('audit content', () => {
  it.each([
    ['a card number', 'card 4111 1111 1111 1111'],
    ['an account number', 'account 12345678'],
    ['a dashed number', 'acct 1234-5678-9012'],
    ['a short-grouped number', 'ref 123456-789'],
    ['an Ontario licence number', 'licence A1234-56789-01234'],
    ['a Quebec licence number', 'L1234-123456-12'],
    ['AAMVA barcode text', '@ANSI 636012090002DL00410278ZO03190008DLDAQA1234'],
  ])('refuses %s in a detail', (_label, reason) => {
    expectRefused(approval(reason), /detail/);
  });

  it('refuses fields the log redactor would hide, and unknown fields', () => {
    expectRefused({ ...approval('ok'), detail: { approvedAction: 'refund', account_number: '4755' } });
    expectRefused({ ...approval('ok'), detail: { approvedAction: 'refund', pin: '1234' } });
    expectRefused({
      action: 'settings_change',
      actorId: 'M1',
      actorRole: 'manager',
      outcome: 'ok',
      detail: { keys: [] },
    });
  });

  it('refuses a full number in the clear columns', () => {
    expectRefused({ ...approval('ok'), accountLast4: '12345' });
    expectRefused({ ...approval('ok'), accountLast4: '47a5' });
    expectRefused({ ...approval('ok'), amountCents: 10.5 });
  });

  it('masks a card-shaped number in the order reference and keeps merchant numbers', () => {
    const card = log.append({ ...approval('ok'), reference: 'PO 4111 1111 1111 1111' });
    const order = log.append({ ...approval('ok'), reference: 'ORD-20260701123457' });
    expect(card.reference).toBe('PO •••• 1111');
    expect(order.reference).toBe('ORD-20260701123457');
    expect(log.verifyChain()).toMatchObject({ ok: true, rows: 2 });
  });

  it('accepts masked values, dates, uuids and short numbers', () => {
    log.append(approval('customer card ending 1111, order 12345 on 2026-07-01'));
    log.append({
      action: 'reconciliation',
      actorId: 'app',
      actorRole: 'system',
      outcome: 'ok',
      authorizationId: '1234567890123456',
      detail: {
        journalEntryId: '3f0c2a4e-1111-4222-8333-444455556666',
        op: 'capture',
        resolution: 'applied',
      },
    });
    log.append({
      action: 'day_close',
      actorId: 'M1',
      actorRole: 'manager',
      outcome: 'ok',
      detail: { businessDate: '2026-07-01', timeZone: 'America/Toronto', inDoubtCount: 0 },
    });
    expect(log.head().seq).toBe(3);
    const [last] = log.query({ pageSize: 1 }).rows;
    expect(last?.detail).toEqual({
      businessDate: '2026-07-01',
      inDoubtCount: 0,
      timeZone: 'America/Toronto',
    });
    expect(last?.at).toBe('2026-07-01T12:00:00.000Z');
  });

  it('checks each action against its own detail schema', () => {
    expectRefused({
      action: 'verify_method',
      actorId: 'E1',
      actorRole: 'cashier',
      outcome: 'ok',
      detail: {},
    });
    expectRefused({
      action: 'authorization',
      actorId: 'E1',
      actorRole: 'cashier',
      outcome: 'ok',
      detail: { transactionType: 'layaway', autoCapture: true },
    });
    log.append({
      action: 'verify_method',
      actorId: 'E1',
      actorRole: 'cashier',
      outcome: 'ok',
      detail: { method: 'sms' },
    });
    expect(log.head().seq).toBe(1);
  });
});

describe('audit query', () => {
  function fill(): void {
    const actions = ['sign_in', 'capture', 'refund', 'return'] as const;
    for (let i = 0; i < 40; i++) {
      clock = Date.UTC(2026, 6, 1) + i * 3_600_000;
      const action = actions[i % 4] ?? 'sign_in';
      log.append({
        action,
        actorId: `E${i % 5}`,
        actorRole: i % 5 === 0 ? 'manager' : 'cashier',
        outcome: 'ok',
        accountLast4: action === 'sign_in' ? undefined : String(1000 + (i % 3)),
        amountCents: action === 'sign_in' ? undefined : i * 100,
        detail: {},
      });
    }
  }

  it('filters by time, actor, action and account last 4, newest first', () => {
    fill();
    const day2 = log.query({ from: '2026-07-02T00:00:00Z', to: new Date('2026-07-03T00:00:00Z') });
    expect(day2.total).toBe(16);
    expect(day2.rows[0]?.at).toBe('2026-07-02T15:00:00.000Z');
    expect(day2.rows.every((r) => r.at.startsWith('2026-07-02'))).toBe(true);

    const actor = log.query({ actorId: 'E2' });
    expect(actor.total).toBe(8);
    expect(actor.rows.every((r) => r.actorId === 'E2')).toBe(true);

    const money = log.query({ action: ['refund', 'return'], accountLast4: '1001' });
    const expected = Array.from({ length: 40 }, (_, i) => i).filter(
      (i) => (i % 4 === 2 || i % 4 === 3) && i % 3 === 1,
    );
    expect(money.total).toBe(expected.length);
    expect(money.rows.map((r) => r.seq)).toEqual(expected.map((i) => i + 1).reverse());
  });

  it('pages through the results', () => {
    fill();
    const seen: number[] = [];
    for (let page = 1; page <= 5; page++) {
      const result = log.query({ action: 'capture', page, pageSize: 3 });
      expect(result.total).toBe(10);
      seen.push(...result.rows.map((r) => r.seq));
    }
    expect(seen).toEqual([38, 34, 30, 26, 22, 18, 14, 10, 6, 2]);
  });

  it('refuses a bad query', () => {
    expect(() => log.query({ pageSize: 0 })).toThrow();
    expect(() => log.query({ accountLast4: '123456789' })).toThrow();
  });
});
