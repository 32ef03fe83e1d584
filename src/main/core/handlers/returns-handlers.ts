/**
 * The manager's money channels on a past sale: the sale refreshed from Flexiti, return preview and
 * return, refund (with its reason), release of an open authorization by id, and the Quebec 2-day
 * cancellation. Each confirmed operation goes to the sales ledger and every attempt to the audit
 * trail, with the approving manager when a cashier made the call on a manager's approval.
 */
import { randomUUID } from 'node:crypto';
import type { SaleDetail } from '../../../shared/ipc/channels/returns';
import type { AuditEventInput } from '../audit/audit-types';
import { sensitiveTextReason } from '../audit/sensitive-text';
import type { FlexitiClient } from '../flexiti/flexiti-client';
import type { AuthorizationRecord } from '../flexiti/schemas/transaction-schemas';
import type { CustomerFlows } from '../flows/customer-flows';
import { quebecWindow } from '../flows/quebec-cancellation';
import type { JournalEntry, JournalListFilter, JournalOp } from '../journal/journal-types';
import type { Logger } from '../logging/logger';
import { errorCodeOf, flexitiTime, last4Of, outcomeOf, type AuditRecorder } from '../records/audit-recorder';
import { businessDateOf, defaultTimeZone } from '../sales/business-day';
import { skuDataOf } from '../flows/sku-data';
import { checkReturn } from '../sales/return-check';
import { itemsWereSold } from '../../../shared/returned-items';
import { refreshSale } from '../sales/sale-refresh';
import { getSale, type Sale } from '../sales/sale-search';
import type { SalesLedger } from '../sales/sales-ledger';
import { carriedAppError, fail } from './app-failure';
import type { HandlerContext, Handlers } from './handler-types';
import {
  operationReceipt,
  operationReceiptLanguages,
  type OperationReceiptTerminal,
} from './operation-receipt';
import { saleView } from './report-handlers';
import { adoptAccountLanguage } from '../flows/customer-language';

export type ReturnChannel =
  | 'sales.get'
  | 'returns.preview'
  | 'returns.create'
  | 'refunds.create'
  | 'authorizations.release'
  | 'accounts.cancelQuebec';

type Client = Pick<
  FlexitiClient,
  | 'startFlow'
  | 'newFlow'
  | 'getAuthorization'
  | 'returnCapture'
  | 'refund'
  | 'release'
  | 'closeAccount'
  | 'lookupCustomer'
>;

export interface ReturnHandlerDeps {
  client: Client;
  ledger: () => SalesLedger;
  audit: AuditRecorder;
  flows: CustomerFlows;
  journal: () => { list(filter: JournalListFilter): JournalEntry[] };
  /** Where the terminal is and how it prints receipts. */
  terminal: () => OperationReceiptTerminal;
  logger: Logger;
  now?: () => number;
}

export function saleDetail(sale: Sale): SaleDetail {
  return {
    ...saleView(sale),
    returns: sale.captures.flatMap((c) =>
      c.returns.map((r) => ({
        at: r.at,
        amountCents: r.amountCents,
        employeeId: r.employeeId,
        approverId: r.approverId,
        registerId: r.registerId,
        returnId: r.returnId,
        captureId: r.captureId,
      })),
    ),
    refunds: sale.refunds.map((r) => ({
      at: r.at,
      amountCents: r.amountCents,
      employeeId: r.employeeId,
      approverId: r.approverId,
      registerId: r.registerId,
      captureId: r.captureId,
    })),
  };
}

function staffOf(context: HandlerContext) {
  if (!context.staff) fail('not_allowed', 'sign_in_required');
  return context.staff;
}

export function createReturnHandlers(deps: ReturnHandlerDeps): Handlers<ReturnChannel> {
  const { client, audit, flows, logger } = deps;
  const now = deps.now ?? Date.now;

  /** Who did it, who approved it, and where: the same on every row. */
  function people(context: HandlerContext) {
    const staff = staffOf(context);
    return {
      actor: { actorId: staff.employeeId, actorRole: staff.role },
      approver: context.approverId !== undefined ? { approverId: context.approverId } : {},
    };
  }

  function place() {
    const { locationId, registerId } = deps.terminal();
    return { locationId, registerId };
  }

  /** The receipt's languages: the customer is looked up only when the format depends on them. */
  function languagesFor(accountNumber: string | undefined) {
    return operationReceiptLanguages(deps.terminal(), client, accountNumber);
  }

  /** The sale after Flexiti's view of it; the local record alone when Flexiti cannot be reached. */
  async function loadSale(authorizationId: string) {
    let record: AuthorizationRecord | null = null;
    try {
      record = await client.getAuthorization(client.newFlow(), authorizationId);
    } catch (error) {
      const appError = carriedAppError(error);
      if (appError?.code === 'not_found') fail('needs_action', 'sale_not_found');
      if (!getSale(deps.ledger(), authorizationId)) throw error;
      logger.warn('sale shown from the local record: Flexiti not reached', { authorizationId });
    }
    if (record) refreshSale(deps.ledger(), record, logger);
    const sale = getSale(deps.ledger(), authorizationId, now());
    if (!sale) fail('needs_action', 'sale_not_found');
    return { sale, record, refreshed: record !== null };
  }

  function reload(authorizationId: string): Sale {
    const sale = getSale(deps.ledger(), authorizationId, now());
    if (!sale) fail('our_bug', 'sale_missing');
    return sale;
  }

  /** The journal entry of the call just confirmed, when Flexiti gives the operation no id. */
  function operationId(op: JournalOp, startedAt: number): string {
    const entry = deps
      .journal()
      .list({ op, state: 'confirmed', from: startedAt - 1000, order: 'desc', limit: 1 })[0];
    return entry?.id ?? randomUUID();
  }

  function recordFailure(
    event: Omit<AuditEventInput, 'outcome' | 'detail'> & { detail: Record<string, unknown> },
    error: unknown,
  ): never {
    const appError = carriedAppError(error);
    audit.record({
      ...event,
      outcome: outcomeOf(appError),
      detail: { ...event.detail, ...errorCodeOf(appError) },
    });
    throw error;
  }

  function safely(kind: string, write: () => unknown): void {
    try {
      write();
    } catch (error) {
      const code =
        error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : 'unknown';
      logger.error('sales ledger row not written', { kind, code });
    }
  }

  return {
    'sales.get': async (request) => {
      const { sale, refreshed } = await loadSale(request.authorizationId);
      return { sale: saleDetail(sale), refreshed };
    },

    'returns.preview': async (request) => {
      const { sale } = await loadSale(request.authorizationId);
      return checkReturn(sale, request);
    },

    'returns.create': async (request, context) => {
      const { actor, approver } = people(context);
      const { sale, record } = await loadSale(request.authorizationId);
      const check = checkReturn(sale, request);
      const base = {
        action: 'return' as const,
        ...actor,
        ...approver,
        ...(sale.accountLast4 ? { accountLast4: sale.accountLast4 } : {}),
        authorizationId: sale.authorizationId,
        captureId: request.captureId,
        amountCents: check.amountCents,
        ...(sale.reference ? { reference: sale.reference } : {}),
        detail: {
          fullReturn: request.full,
          ...(request.lineItems ? { lineItems: request.lineItems.length } : {}),
        },
      };
      if (!check.allowed) {
        const reason = check.reasons[0] ?? 'not_allowed';
        audit.record({ ...base, outcome: 'denied', detail: { ...base.detail, errorCode: reason } });
        fail('needs_action', reason);
      }
      if (
        request.lineItems &&
        !itemsWereSold(sale.lineItems, [...sale.returnedLineItems, ...request.lineItems])
      ) {
        audit.record({
          ...base,
          outcome: 'denied',
          detail: { ...base.detail, errorCode: 'items_not_in_sale' },
        });
        fail('needs_action', 'items_not_in_sale');
      }
      let result: Awaited<ReturnType<Client['returnCapture']>>;
      const flow = await client.startFlow();
      try {
        result = await client.returnCapture(flow, {
          authorizationId: sale.authorizationId,
          captureId: request.captureId,
          ...(request.full ? { fullReturn: true } : { amountCents: check.amountCents }),
          employeeId: actor.actorId,
          ...(record?.accountNumber ? { accountNumber: record.accountNumber } : {}),
          ...(sale.reference ? { reference: sale.reference } : {}),
          ...(request.lineItems
            ? {
                skuData: skuDataOf(request.lineItems, {
                  amountCents: check.amountCents,
                  registerId: deps.terminal().registerId,
                  direction: 'return',
                }),
              }
            : {}),
        });
      } catch (error) {
        recordFailure(base, error);
      }
      const returnedCents = result.amountCents ?? check.amountCents;
      audit.record({ ...base, amountCents: returnedCents, returnId: result.returnId, outcome: 'ok' });
      safely('return', () =>
        deps.ledger().recordReturn({
          returnId: result.returnId,
          captureId: request.captureId,
          authorizationId: sale.authorizationId,
          amountCents: returnedCents,
          ...(sale.accountLast4 ? { accountLast4: sale.accountLast4 } : {}),
          employeeId: actor.actorId,
          ...approver,
          ...place(),
          ...(sale.reference ? { reference: sale.reference } : {}),
          ...(request.lineItems ? { lineItems: request.lineItems } : {}),
          ...flexitiTime(result.date),
        }),
      );
      const remainingCaptureCents =
        result.remainingCaptureCents ?? Math.max(0, check.remainingCents - returnedCents);
      const after = reload(sale.authorizationId);
      const recorded = after.captures.flatMap((c) => c.returns).find((r) => r.returnId === result.returnId);
      const receipt = operationReceipt({
        kind: 'return',
        languages: await languagesFor(record?.accountNumber),
        terminal: deps.terminal(),
        employeeId: actor.actorId,
        approverId: context.approverId,
        atMs: recorded ? Date.parse(recorded.at) : (flexitiTime(result.date).at ?? now()),
        accountLast4: after.accountLast4,
        sale: after,
        amountCents: returnedCents,
        returnId: result.returnId,
        captureId: request.captureId,
        remainingCaptureCents,
        referenceId: flow.referenceId,
        lineItems: request.lineItems,
      });
      return {
        returnId: result.returnId,
        returnedCents,
        remainingCaptureCents,
        sale: saleDetail(after),
        receipt,
      };
    },

    'refunds.create': async (request, context) => {
      const { actor, approver } = people(context);
      if (sensitiveTextReason(request.reason) !== null) {
        fail('needs_action', 'invalid_request', { fields: [{ param: 'reason', msg: 'sensitive' }] });
      }
      let accountNumber: string;
      let sale: Sale | null = null;
      let captureId: string | undefined;
      let flow;
      if (request.source.kind === 'sale') {
        const loaded = await loadSale(request.source.authorizationId);
        sale = loaded.sale;
        if (!loaded.record?.accountNumber) fail('flexiti_down', 'account_unavailable');
        accountNumber = loaded.record.accountNumber;
        const asked = request.source.captureId;
        if (asked !== undefined && !sale.captures.some((c) => c.captureId === asked)) {
          fail('needs_action', 'capture_not_found');
        }
        captureId = asked ?? sale.captures.at(-1)?.captureId;
        flow = await client.startFlow();
      } else {
        const found = flows.flow(request.source.flowId);
        const account = flows.account(request.source.flowId, request.source.accountRef);
        if (!found || !account) fail('needs_action', 'flow_expired');
        accountNumber = account.accountNumber;
        flow = found.context;
      }
      const accountLast4 = last4Of(accountNumber).accountLast4;
      if (!accountLast4) fail('our_bug', 'account_unreadable');
      const base = {
        action: 'refund' as const,
        ...actor,
        ...approver,
        accountLast4,
        ...(sale ? { authorizationId: sale.authorizationId } : {}),
        ...(captureId ? { captureId } : {}),
        amountCents: request.amountCents,
        ...(sale?.reference ? { reference: sale.reference } : {}),
        detail: { reason: request.reason },
      };
      const startedAt = Date.now();
      try {
        await client.refund(flow, {
          accountNumber,
          amountCents: request.amountCents,
          ...(captureId ? { captureId } : {}),
          employeeId: actor.actorId,
          ...(sale?.reference ? { reference: sale.reference } : {}),
        });
      } catch (error) {
        recordFailure(base, error);
      }
      audit.record({ ...base, outcome: 'ok' });
      safely('refund', () =>
        deps.ledger().recordRefund({
          operationId: operationId('refund', startedAt),
          accountLast4,
          amountCents: request.amountCents,
          ...(captureId ? { captureId } : {}),
          employeeId: actor.actorId,
          ...approver,
          ...place(),
          ...(sale?.reference ? { reference: sale.reference } : {}),
        }),
      );
      const after = sale ? reload(sale.authorizationId) : null;
      // Never the reason: it is for the audit trail, not the customer.
      const receipt = operationReceipt({
        kind: 'refund',
        languages: await languagesFor(accountNumber),
        terminal: deps.terminal(),
        employeeId: actor.actorId,
        approverId: context.approverId,
        atMs: now(),
        accountLast4,
        sale: after,
        amountCents: request.amountCents,
        captureId,
        referenceId: flow.referenceId,
      });
      return {
        refundedCents: request.amountCents,
        accountLast4,
        sale: after ? saleDetail(after) : null,
        receipt,
      };
    },

    'authorizations.release': async (request, context) => {
      const { actor, approver } = people(context);
      const { sale, record } = await loadSale(request.authorizationId);
      const base = {
        action: 'release' as const,
        ...actor,
        ...approver,
        ...(sale.accountLast4 ? { accountLast4: sale.accountLast4 } : {}),
        authorizationId: sale.authorizationId,
        ...(request.amountCents !== undefined ? { amountCents: request.amountCents } : {}),
        ...(sale.reference ? { reference: sale.reference } : {}),
        detail: { wholeRemainder: request.amountCents === undefined },
      };
      const refusal =
        sale.state !== 'opened' || sale.remainingToCaptureCents === 0
          ? 'nothing_to_release'
          : request.amountCents !== undefined && request.amountCents > sale.remainingToCaptureCents
            ? 'amount_exceeds_remaining'
            : null;
      if (refusal) {
        audit.record({ ...base, outcome: 'denied', detail: { ...base.detail, errorCode: refusal } });
        fail('needs_action', refusal);
      }
      const startedAt = Date.now();
      let result: Awaited<ReturnType<Client['release']>>;
      const flow = await client.startFlow();
      try {
        result = await client.release(flow, {
          authorizationId: sale.authorizationId,
          ...(request.amountCents !== undefined ? { amountCents: request.amountCents } : {}),
          employeeId: actor.actorId,
          ...(record?.accountNumber ? { accountNumber: record.accountNumber } : {}),
          ...(sale.reference ? { reference: sale.reference } : {}),
        });
      } catch (error) {
        recordFailure(base, error);
      }
      const releasedCents = result.releasedCents ?? request.amountCents ?? sale.remainingToCaptureCents;
      audit.record({ ...base, amountCents: releasedCents, outcome: 'ok' });
      if (releasedCents > 0) {
        safely('release', () =>
          deps.ledger().recordRelease({
            operationId: operationId('release', startedAt),
            authorizationId: sale.authorizationId,
            amountCents: releasedCents,
            ...(sale.accountLast4 ? { accountLast4: sale.accountLast4 } : {}),
            employeeId: actor.actorId,
            ...approver,
            ...place(),
            ...(sale.reference ? { reference: sale.reference } : {}),
            ...flexitiTime(result.date),
          }),
        );
      }
      const after = reload(sale.authorizationId);
      const receipt = operationReceipt({
        kind: 'release',
        languages: await languagesFor(record?.accountNumber),
        terminal: deps.terminal(),
        employeeId: actor.actorId,
        approverId: context.approverId,
        atMs: flexitiTime(result.date).at ?? now(),
        accountLast4: after.accountLast4,
        sale: after,
        amountCents: releasedCents,
        referenceId: flow.referenceId,
      });
      return { releasedCents, sale: saleDetail(after), receipt };
    },

    'accounts.cancelQuebec': async (request, context) => {
      const { actor, approver } = people(context);
      const flow = flows.flow(request.flowId);
      const account = flows.account(request.flowId, request.accountRef);
      if (!flow || !account) fail('needs_action', 'flow_expired');
      const accountLast4 = last4Of(account.accountNumber).accountLast4;
      if (!accountLast4) fail('our_bug', 'account_unreadable');
      // Only a search by name reports the creation date; a lookup by card or number does not.
      if (!account.creationDate) fail('needs_action', 'contract_date_unknown');
      // The customer's own account is closed: Flexiti answers them in their language.
      adoptAccountLanguage(flow, account);
      const details = await client.lookupCustomer(flow.context, {
        by: 'account',
        accountNumber: account.accountNumber,
      });
      const province = details.province?.trim().toUpperCase().slice(0, 2) ?? null;
      const window = quebecWindow(account.creationDate, businessDateOf(now(), defaultTimeZone()));
      const refusal = province !== 'QC' ? 'not_quebec' : window.insideWindow ? null : 'window_passed';
      const answer = {
        accountLast4,
        province,
        contractDate: window.contractDate,
        lastDay: window.lastDay,
        insideWindow: window.insideWindow,
        refusal,
      } as const;
      if (!request.confirm) return { ...answer, cancelled: false };
      const base = {
        action: 'account_close' as const,
        ...actor,
        ...approver,
        accountLast4,
        detail: { quebecCancellation: true, contractDate: window.contractDate },
      };
      if (refusal) {
        const code = refusal === 'not_quebec' ? 'not_quebec_account' : 'quebec_window_passed';
        audit.record({ ...base, outcome: 'denied', detail: { ...base.detail, errorCode: code } });
        fail('needs_action', code);
      }
      try {
        await client.closeAccount(flow.context, {
          accountNumber: account.accountNumber,
          employeeId: actor.actorId,
        });
      } catch (error) {
        recordFailure(base, error);
      }
      audit.record({ ...base, outcome: 'ok' });
      return { ...answer, cancelled: true };
    },
  };
}
