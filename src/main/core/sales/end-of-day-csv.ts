import { centsToDecimalString } from '../../../shared/money';
import { csvDocument, type CsvCell } from '../audit/csv';
import { DAY_METRICS, type DayTotals, type EndOfDayReport } from './end-of-day-report';

/** One table with the same columns on every record (RFC 4180): the section says which are used. */
const HEADER = [
  'section',
  'business_date',
  'employee_id',
  'transaction_type',
  'plan_id',
  'plan_name',
  'metric',
  'count',
  'amount',
  'journal_entry_id',
  'time_utc',
  'op',
  'state',
  'account_last4',
  'register_id',
  'reference',
  'x_reference_id',
] as const;

/** The report as CSV (CRLF, formula-safe): in-doubt entries first, then overall, employee and plan totals. */
export function toCsv(report: EndOfDayReport): string {
  const lines: CsvCell[][] = [[...HEADER]];
  const day = report.businessDate;
  for (const e of report.inDoubt) {
    lines.push([
      'in_doubt',
      day,
      e.employeeId,
      null,
      null,
      null,
      null,
      null,
      e.amountCents === null ? null : centsToDecimalString(e.amountCents),
      e.journalEntryId,
      e.createdAt,
      e.op,
      e.state,
      e.accountLast4,
      e.registerId,
      e.reference,
      e.referenceId,
    ]);
  }
  const totals = (section: string, employeeId: string | null, plan: PlanCells, t: DayTotals): void => {
    for (const metric of DAY_METRICS) {
      const { count, cents } = t[metric];
      const cells: CsvCell[] = [
        section,
        day,
        employeeId,
        ...plan,
        metric,
        count,
        centsToDecimalString(cents),
      ];
      lines.push([...cells, ...Array<CsvCell>(HEADER.length - cells.length).fill(null)]);
    }
  };
  totals('overall', null, [null, null, null], report.overall);
  for (const e of report.byEmployee) totals('employee', e.employeeId, [null, null, null], e.totals);
  for (const p of report.byPlan)
    totals('plan', null, [p.transactionType ?? 'unknown', p.planId, p.planName], p.totals);
  return csvDocument(lines);
}

type PlanCells = [string | null, number | null, string | null];
