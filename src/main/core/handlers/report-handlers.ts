/**
 * A manager's read channels over the terminal's own records: the end-of-day report (in cents, the
 * unsettled operations first) and its CSV, the sales ledger, and the audit trail with its chain
 * check and CSV. Everything is read from local files; nothing here talks to Flexiti.
 */
import type { AuditRowView, SaleView } from '../../../shared/ipc/channels/reports';
import { toCsv as auditCsv } from '../audit/audit-csv';
import type { AuditLog } from '../audit/audit-log';
import type { AuditQuery, AuditRow } from '../audit/audit-types';
import { toCsv as endOfDayCsv } from '../sales/end-of-day-csv';
import { endOfDayReport, type UnsettledSource } from '../sales/end-of-day-report';
import { searchSales, type Sale, type SaleOperation } from '../sales/sale-search';
import type { SalesLedger } from '../sales/sales-ledger';
import type { Handlers } from './handler-types';

export type ReportChannel =
  'reports.endOfDay' | 'reports.endOfDayCsv' | 'sales.search' | 'audit.query' | 'audit.verify' | 'audit.csv';

export interface ReportHandlerDeps {
  sales: () => SalesLedger;
  audit: () => AuditLog;
  journal: () => UnsettledSource;
  now?: () => number;
}

/** Most rows one audit CSV holds; a longer period is exported in parts. */
const AUDIT_CSV_MAX_ROWS = 100_000;

export function createReportHandlers(deps: ReportHandlerDeps): Handlers<ReportChannel> {
  const now = deps.now ?? Date.now;
  const report = (request: { date: string; registerId?: string | undefined }) =>
    endOfDayReport(
      deps.sales(),
      deps.journal(),
      { date: request.date, ...(request.registerId ? { registerId: request.registerId } : {}) },
      now,
    );

  return {
    'reports.endOfDay': (request) => ({ report: report(request) }),
    'reports.endOfDayCsv': (request) => ({ csv: endOfDayCsv(report(request)) }),

    'sales.search': (request) => {
      const page = searchSales(
        deps.sales(),
        {
          ...(request.referencePrefix ? { referencePrefix: request.referencePrefix } : {}),
          ...(request.from ? { from: request.from } : {}),
          ...(request.to ? { to: request.to } : {}),
          ...(request.registerId ? { registerId: request.registerId } : {}),
          ...(request.employeeId ? { employeeId: request.employeeId } : {}),
          ...(request.accountLast4 ? { accountLast4: request.accountLast4 } : {}),
          page: request.page,
          pageSize: request.pageSize,
        },
        now,
      );
      return { sales: page.sales.map(saleView), total: page.total, page: page.page, pageSize: page.pageSize };
    },

    'audit.query': (request) => {
      const page = deps.audit().query({
        ...filtersOf(request),
        page: request.page,
        pageSize: request.pageSize,
        order: 'desc',
      });
      return {
        rows: page.rows.map(auditRowView),
        total: page.total,
        page: page.page,
        pageSize: page.pageSize,
      };
    },

    'audit.verify': () => {
      const verdict = deps.audit().verifyChain();
      return verdict.ok
        ? { ok: true as const, rows: verdict.rows, head: verdict.head }
        : { ok: false as const, brokenAt: verdict.brokenAt, reason: verdict.reason.slice(0, 200) };
    },

    'audit.csv': (request) => {
      const log = deps.audit();
      const rows: AuditRow[] = [];
      for (let page = 1; rows.length < AUDIT_CSV_MAX_ROWS; page++) {
        const batch = log.query({ ...filtersOf(request), page, pageSize: 1000, order: 'asc' });
        rows.push(...batch.rows);
        if (batch.rows.length < 1000) break;
      }
      return { csv: auditCsv(rows), rows: rows.length };
    },
  };
}

function filtersOf(request: {
  from?: string | undefined;
  to?: string | undefined;
  actorId?: string | undefined;
  action?: AuditRow['action'] | undefined;
  accountLast4?: string | undefined;
}): AuditQuery {
  return {
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
    ...(request.actorId ? { actorId: request.actorId } : {}),
    ...(request.action ? { action: request.action } : {}),
    ...(request.accountLast4 ? { accountLast4: request.accountLast4 } : {}),
  };
}

function auditRowView(row: AuditRow): AuditRowView {
  return {
    seq: row.seq,
    at: row.at,
    action: row.action,
    actorId: row.actorId,
    actorRole: row.actorRole,
    approverId: row.approverId,
    outcome: row.outcome,
    accountLast4: row.accountLast4,
    authorizationId: row.authorizationId,
    captureId: row.captureId,
    returnId: row.returnId,
    applicationId: row.applicationId,
    amountCents: row.amountCents,
    reference: row.reference,
    referenceId: row.referenceId,
    detail: row.detail,
    hash: row.hash,
  };
}

export function saleView(sale: Sale): SaleView {
  const operation = (o: SaleOperation) => ({
    at: o.at,
    amountCents: o.amountCents,
    employeeId: o.employeeId,
    approverId: o.approverId,
    registerId: o.registerId,
  });
  return {
    authorizationId: sale.authorizationId,
    at: sale.at,
    amountCents: sale.amountCents,
    transactionType: sale.transactionType,
    planId: sale.planId,
    planName: sale.planName,
    term: sale.term,
    autoCapture: sale.autoCapture,
    state: sale.state,
    employeeId: sale.employeeId,
    approverId: sale.approverId,
    locationId: sale.locationId,
    registerId: sale.registerId,
    reference: sale.reference,
    referenceId: sale.referenceId,
    accountLast4: sale.accountLast4,
    captures: sale.captures.map((c) => ({
      ...operation(c),
      captureId: c.captureId,
      returnedCents: c.returnedCents,
      remainingCents: c.remainingCents,
      returnableCents: c.returnableCents,
      returnDeadline: c.returnDeadline,
      returnWindowOpen: c.returnWindowOpen,
      daysLeftToReturn: c.daysLeftToReturn,
    })),
    releases: sale.releases.map(operation),
    lineItems: sale.lineItems,
    returnedLineItems: sale.returnedLineItems,
    capturedCents: sale.capturedCents,
    releasedCents: sale.releasedCents,
    returnedCents: sale.returnedCents,
    refundedCents: sale.refundedCents,
    remainingToCaptureCents: sale.remainingToCaptureCents,
    afterSale: sale.afterSale,
  };
}
