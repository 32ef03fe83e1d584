/**
 * The terminal's day as main keeps it, for the end-of-day and unfinished-payments screens: a money
 * journal with entries whose outcome is unknown, the day's totals, and main's rule that a day with
 * unfinished entries closes only with a reason. Reconciling settles the entries Flexiti knows about.
 */
import type { InDoubtEntry } from '../../../src/shared/ipc/channels/journal';
import { DAY_METRICS, type EndOfDayReportView } from '../../../src/shared/ipc/channels/reports';
import { createFakePos, refuse, type FakePos } from './fake-pos';

type Totals = EndOfDayReportView['overall'];

export function totals(cents: Partial<Record<keyof Totals, [count: number, cents: number]>> = {}): Totals {
  return Object.fromEntries(
    DAY_METRICS.map((kind) => [kind, { count: cents[kind]?.[0] ?? 0, cents: cents[kind]?.[1] ?? 0 }]),
  ) as Totals;
}

export const ENTRIES: InDoubtEntry[] = [
  {
    id: 'j-001',
    op: 'capture',
    state: 'in_doubt',
    createdAt: '2026-12-01T15:04:00.000Z',
    amountCents: 129_999,
    accountLast4: '4755',
    reference: 'REF-8H2M1',
    attempts: 2,
  },
  {
    id: 'j-002',
    op: 'refund',
    state: 'sent',
    createdAt: '2026-12-01T15:30:00.000Z',
    amountCents: 4_550,
    accountLast4: '5941',
    reference: 'REF-9J3N4',
    attempts: 0,
  },
];

export interface DayLedger {
  pos: FakePos;
  /** Journal ids Flexiti will report as settled at the next check. */
  settleAtNextCheck: Set<string>;
  closedWith: () => { reason: string | null } | null;
}

type PlanRow = EndOfDayReportView['byPlan'][number];

export function dayLedger(
  options: { inDoubt?: InDoubtEntry[]; overall?: Totals; byPlan?: PlanRow[] } = {},
): DayLedger {
  let open = [...(options.inDoubt ?? [])];
  const settleAtNextCheck = new Set<string>();
  let closed: NonNullable<EndOfDayReportView['closed']> | null = null;

  const report = (date: string, registerId?: string): EndOfDayReportView => ({
    businessDate: date,
    timeZone: 'America/Toronto',
    locationId: 'store-12',
    registerId: registerId ?? null,
    from: `${date}T00:00:00.000-05:00`,
    to: `${date}T23:59:59.999-05:00`,
    generatedAt: '2026-12-01T22:00:00.000Z',
    inDoubt: open.map((entry) => ({
      journalEntryId: entry.id,
      op: entry.op,
      state: entry.state,
      createdAt: entry.createdAt,
      amountCents: entry.amountCents ?? null,
      accountLast4: entry.accountLast4 ?? null,
      employeeId: 'c-100',
      locationId: 'store-12',
      registerId: 'r-1',
      reference: entry.reference ?? null,
      referenceId: 'X-REF-1',
      reason: null,
    })),
    overall: options.overall ?? totals(),
    byEmployee: [],
    byPlan: options.byPlan ?? [],
    closed,
  });

  const pos = createFakePos()
    .on('reports.endOfDay', ({ date, registerId }) => ({ report: report(date, registerId) }))
    .on('journal.inDoubt', () => ({ entries: open.map((entry) => ({ ...entry })) }))
    .on('journal.reconcile', () => {
      const before = open.length;
      open = open.filter((entry) => !settleAtNextCheck.has(entry.id));
      settleAtNextCheck.clear();
      return { settled: before - open.length, stillInDoubt: open.length };
    })
    .on('day.close', ({ date, registerId, reason }) => {
      if (closed) return refuse('needs_action', 'already_closed');
      if (open.length > 0 && reason === undefined) return refuse('needs_action', 'in_doubt_pending');
      closed = {
        businessDate: date,
        locationId: 'store-12',
        registerId: registerId ?? null,
        timeZone: 'America/Toronto',
        closedAt: '2026-12-01T22:05:00.000Z',
        managerId: 'm-1',
        reason: reason ?? null,
        inDoubtCount: open.length,
        auditSeq: 412,
        auditHash: 'a'.repeat(64),
      };
      return { report: report(date, registerId) };
    });

  return { pos, settleAtNextCheck, closedWith: () => (closed ? { reason: closed.reason } : null) };
}
