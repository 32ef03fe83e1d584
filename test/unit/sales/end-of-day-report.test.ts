import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { businessDayBounds, businessDateOf } from '../../../src/main/core/sales/business-day';
import {
  endOfDayReport,
  type DayTotals,
  type UnsettledSource,
} from '../../../src/main/core/sales/end-of-day-report';
import { SalesLedger } from '../../../src/main/core/sales/sales-ledger';
import type { TransactionType } from '../../../src/main/core/sales/sales-types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const noJournal: UnsettledSource = { unfinished: () => [] };

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'authorizationsOpened' | 'captures' | 'releases' | 'returns' | 'refunds';
interface Auth {
  id: string;
  at: number;
  amount: number;
  type: TransactionType;
  planId: number | null;
  planName: string | null;
  status: 'opened' | 'unauthorized';
  employee: string;
  location: string;
  register: string;
}
interface Op {
  kind: Exclude<Kind, 'authorizationsOpened'>;
  id: string;
  authId: string | null;
  captureId?: string;
  at: number;
  amount: number;
  employee: string;
  location: string;
  register: string;
}

const PLANS = [
  { planId: 4, planName: 'EMP - Regular Interest' },
  { planId: 7, planName: 'Equal payments 12' },
  { planId: 9, planName: 'No interest 6' },
];

/** A reproducible mix of sales around the report days, written to the ledger and kept as plain data. */
function generate(ledger: SalesLedger, seed: number): { auths: Auth[]; ops: Op[] } {
  const rnd = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const start = Date.UTC(2026, 5, 1);
  const end = Date.UTC(2026, 6, 5);
  const auths: Auth[] = [];
  const ops: Op[] = [];
  const where = () => ({
    employee: pick(['E0', 'E1', 'E2', 'E3']),
    location: pick(['L0', 'L1']),
    register: pick(['R0', 'R1']),
  });
  let opSeq = 0;
  for (let i = 0; i < 300; i++) {
    const promotional = rnd() < 0.7;
    const plan = pick(PLANS);
    const auth: Auth = {
      id: String(10_000 + i),
      at: int(start, end),
      amount: int(1_000, 500_000),
      type: promotional ? 'promotional_purchase' : 'regular_purchase',
      planId: promotional ? plan.planId : null,
      planName: promotional ? plan.planName : null,
      status: rnd() < 0.05 ? 'unauthorized' : 'opened',
      ...where(),
    };
    auths.push(auth);
    ledger.recordAuthorization({
      authorizationId: auth.id,
      amountCents: auth.amount,
      transactionType: auth.type,
      planId: auth.planId,
      planName: auth.planName,
      term: promotional ? 12 : null,
      autoCapture: false,
      status: auth.status,
      accountLast4: String(int(1000, 9999)),
      employeeId: auth.employee,
      locationId: auth.location,
      registerId: auth.register,
      reference: `ORD-${i}`,
      at: auth.at,
    });
    let left = auth.amount;
    for (let c = int(0, 3); c > 0 && left > 1; c--) {
      const amount = int(1, Math.max(1, Math.floor(left / 2)));
      left -= amount;
      const capture: Op = {
        kind: 'captures',
        id: `C${i}-${c}`,
        authId: auth.id,
        at: auth.at + int(0, 3 * DAY),
        amount,
        ...where(),
      };
      ops.push(capture);
      ledger.recordCapture({
        captureId: capture.id,
        authorizationId: auth.id,
        amountCents: amount,
        employeeId: capture.employee,
        locationId: capture.location,
        registerId: capture.register,
        at: capture.at,
      });
      if (promotional && rnd() < 0.5) {
        const ret: Op = {
          kind: 'returns',
          id: `X${i}-${c}`,
          authId: auth.id,
          captureId: capture.id,
          at: capture.at + int(0, 2 * DAY),
          amount: int(1, amount),
          ...where(),
        };
        ops.push(ret);
        ledger.recordReturn({
          returnId: ret.id,
          captureId: capture.id,
          authorizationId: auth.id,
          amountCents: ret.amount,
          employeeId: ret.employee,
          approverId: 'M1',
          locationId: ret.location,
          registerId: ret.register,
          at: ret.at,
        });
      }
      if (rnd() < 0.2) {
        const refund: Op = {
          kind: 'refunds',
          id: `F${opSeq++}`,
          authId: auth.id,
          captureId: capture.id,
          at: capture.at + int(0, 2 * DAY),
          amount: int(1, amount),
          ...where(),
        };
        ops.push(refund);
        ledger.recordRefund({
          operationId: refund.id,
          captureId: capture.id,
          accountLast4: '1234',
          amountCents: refund.amount,
          employeeId: refund.employee,
          locationId: refund.location,
          registerId: refund.register,
          at: refund.at,
        });
      }
    }
    if (left > 1 && rnd() < 0.3) {
      const release: Op = {
        kind: 'releases',
        id: `R${opSeq++}`,
        authId: auth.id,
        at: auth.at + int(0, 2 * DAY),
        amount: int(1, left),
        ...where(),
      };
      ops.push(release);
      ledger.recordRelease({
        operationId: release.id,
        authorizationId: auth.id,
        amountCents: release.amount,
        employeeId: release.employee,
        locationId: release.location,
        registerId: release.register,
        at: release.at,
      });
    }
  }
  // Operations on sales this terminal never saw (another register authorized them), and a bare refund.
  for (let i = 0; i < 20; i++) {
    const capture: Op = {
      kind: 'captures',
      id: `FOREIGN-${i}`,
      authId: `99${i}`,
      at: int(start + 25 * DAY, end),
      amount: int(1, 9_999),
      ...where(),
    };
    ops.push(capture);
    ledger.recordCapture({
      captureId: capture.id,
      authorizationId: `99${i}`,
      amountCents: capture.amount,
      employeeId: capture.employee,
      locationId: capture.location,
      registerId: capture.register,
      at: capture.at,
    });
    const refund: Op = {
      kind: 'refunds',
      id: `BARE-${i}`,
      authId: null,
      at: int(start + 25 * DAY, end),
      amount: int(1, 9_999),
      ...where(),
    };
    ops.push(refund);
    ledger.recordRefund({
      operationId: refund.id,
      accountLast4: '9876',
      amountCents: refund.amount,
      employeeId: refund.employee,
      locationId: refund.location,
      registerId: refund.register,
      at: refund.at,
    });
  }
  return { auths, ops };
}

const empty = (): DayTotals => ({
  authorizationsOpened: { count: 0, cents: 0 },
  authorizationsStillOpen: { count: 0, cents: 0 },
  captures: { count: 0, cents: 0 },
  releases: { count: 0, cents: 0 },
  returns: { count: 0, cents: 0 },
  refunds: { count: 0, cents: 0 },
});

/** The same totals computed the plain way, from the generated data rather than from the database. */
function expected(
  data: { auths: Auth[]; ops: Op[] },
  fromMs: number,
  toMs: number,
  place: { location?: string; register?: string } = {},
) {
  const authById = new Map(data.auths.map((a) => [a.id, a]));
  const captureAuth = new Map(data.ops.filter((o) => o.kind === 'captures').map((o) => [o.id, o.authId]));
  const here = (x: { location: string; register: string }) =>
    (place.location === undefined || x.location === place.location) &&
    (place.register === undefined || x.register === place.register);
  const overall = empty();
  const byEmployee = new Map<string, DayTotals>();
  const byPlan = new Map<string, DayTotals>();
  const count = (metric: keyof DayTotals, employee: string, auth: Auth | undefined, cents: number) => {
    const plan = JSON.stringify(
      auth === undefined ? [null, null, null] : [auth.type, auth.planId, auth.planName],
    );
    for (const totals of [
      overall,
      byEmployee.get(employee) ?? byEmployee.set(employee, empty()).get(employee),
      byPlan.get(plan) ?? byPlan.set(plan, empty()).get(plan),
    ]) {
      if (!totals) throw new Error('unreachable');
      totals[metric].count += 1;
      totals[metric].cents += cents;
    }
  };
  for (const a of data.auths) {
    if (!here(a)) continue;
    if (a.at >= fromMs && a.at < toMs) count('authorizationsOpened', a.employee, a, a.amount);
    if (a.at < toMs && toMs - a.at <= 30 * DAY && a.status === 'opened') {
      const used = data.ops
        .filter((o) => o.authId === a.id && (o.kind === 'captures' || o.kind === 'releases') && o.at < toMs)
        .reduce((sum, o) => sum + o.amount, 0);
      if (a.amount - used > 0) count('authorizationsStillOpen', a.employee, a, a.amount - used);
    }
  }
  for (const o of data.ops) {
    if (!here(o) || o.at < fromMs || o.at >= toMs) continue;
    const authId = o.kind === 'refunds' ? (o.captureId ? captureAuth.get(o.captureId) : undefined) : o.authId;
    count(o.kind, o.employee, authId ? authById.get(authId) : undefined, o.amount);
  }
  return { overall, byEmployee, byPlan };
}

let ledger: SalesLedger;
beforeEach(() => {
  ledger = SalesLedger.open(':memory:');
});
afterEach(() => ledger.close());

describe('end-of-day report', () => {
  it.each([
    ['2026-07-02', 'America/Toronto', -4],
    ['2026-07-03', 'America/Vancouver', -7],
    ['2026-06-28', 'UTC', 0],
  ])('matches an independent computation on generated data (%s, %s)', (date, timeZone, offsetHours) => {
    const data = generate(ledger, 20260701);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    // Summer dates: a fixed offset is right, and does not reuse the code under test.
    const fromMs = Date.UTC(y, m - 1, d) - offsetHours * HOUR;
    const toMs = fromMs + DAY;
    const want = expected(data, fromMs, toMs);
    const report = endOfDayReport(ledger, noJournal, { date, timeZone });
    expect(report.from).toBe(new Date(fromMs).toISOString());
    expect(report.to).toBe(new Date(toMs).toISOString());
    expect(report.overall).toEqual(want.overall);
    expect(report.overall.captures.count).toBeGreaterThan(5);
    expect(report.overall.authorizationsStillOpen.count).toBeGreaterThan(5);
    expect(report.byEmployee.map((e) => e.employeeId)).toEqual([...want.byEmployee.keys()].sort());
    for (const e of report.byEmployee) expect(e.totals).toEqual(want.byEmployee.get(e.employeeId));
    expect(report.byPlan).toHaveLength(want.byPlan.size);
    for (const p of report.byPlan) {
      expect(p.totals).toEqual(want.byPlan.get(JSON.stringify([p.transactionType, p.planId, p.planName])));
    }
    expect(report.byPlan.map((p) => p.transactionType)).toEqual([
      'promotional_purchase',
      'promotional_purchase',
      'promotional_purchase',
      'regular_purchase',
      null,
    ]);
  });

  it('filters by location and register', () => {
    const data = generate(ledger, 7);
    const fromMs = Date.UTC(2026, 6, 2, 4);
    const want = expected(data, fromMs, fromMs + DAY, { location: 'L1', register: 'R0' });
    const report = endOfDayReport(ledger, noJournal, {
      date: '2026-07-02',
      timeZone: 'America/Toronto',
      locationId: 'L1',
      registerId: 'R0',
    });
    expect(report.overall).toEqual(want.overall);
    expect(report.overall).not.toEqual(expected(data, fromMs, fromMs + DAY).overall);
  });

  it('counts each operation once even when it is recorded twice', () => {
    const data = generate(ledger, 11);
    const again = data.ops.find((o) => o.kind === 'captures' && o.authId?.startsWith('1'));
    if (!again?.authId) throw new Error('no capture generated');
    const date = businessDateOf(again.at, 'America/Toronto');
    const before = endOfDayReport(ledger, noJournal, { date, timeZone: 'America/Toronto' }).overall;
    ledger.recordCapture({
      captureId: again.id,
      authorizationId: again.authId,
      amountCents: again.amount,
      employeeId: 'system',
    });
    expect(endOfDayReport(ledger, noJournal, { date, timeZone: 'America/Toronto' }).overall).toEqual(before);
  });
});

describe('business day boundaries', () => {
  it('puts a late-evening capture on the local day, not the UTC day', () => {
    ledger.recordCapture({
      captureId: 'late',
      authorizationId: '1',
      amountCents: 1_000,
      employeeId: 'E1',
      at: '2026-07-02T03:59:59.999Z',
    });
    ledger.recordCapture({
      captureId: 'next',
      authorizationId: '1',
      amountCents: 2_000,
      employeeId: 'E1',
      at: '2026-07-02T04:00:00.000Z',
    });
    const captures = (date: string, timeZone: string) =>
      endOfDayReport(ledger, noJournal, { date, timeZone }).overall.captures;
    expect(captures('2026-07-01', 'America/Toronto')).toEqual({ count: 1, cents: 1_000 });
    expect(captures('2026-07-02', 'America/Toronto')).toEqual({ count: 1, cents: 2_000 });
    expect(captures('2026-07-01', 'UTC')).toEqual({ count: 0, cents: 0 });
    expect(captures('2026-07-02', 'UTC')).toEqual({ count: 2, cents: 3_000 });
    expect(captures('2026-07-01', 'America/Vancouver')).toEqual({ count: 2, cents: 3_000 });
  });

  it('has 23- and 25-hour days at the DST changes', () => {
    expect(businessDayBounds('2026-03-08', 'America/Toronto')).toEqual({
      fromMs: Date.UTC(2026, 2, 8, 5),
      toMs: Date.UTC(2026, 2, 9, 4),
    });
    expect(businessDayBounds('2026-11-01', 'America/Toronto')).toEqual({
      fromMs: Date.UTC(2026, 10, 1, 4),
      toMs: Date.UTC(2026, 10, 2, 5),
    });
    expect(businessDayBounds('2026-07-01', 'America/St_Johns')).toEqual({
      fromMs: Date.UTC(2026, 6, 1, 2, 30),
      toMs: Date.UTC(2026, 6, 2, 2, 30),
    });
  });

  it('refuses an unknown zone or a malformed date', () => {
    expect(() =>
      endOfDayReport(ledger, noJournal, { date: '2026-07-01', timeZone: 'Mars/Olympus' }),
    ).toThrow();
    expect(() => endOfDayReport(ledger, noJournal, { date: '2026-7-1' })).toThrow();
  });
});
