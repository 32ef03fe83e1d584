/**
 * Adds the terminal's own records to the handler table: every sign-in, lookup, verification,
 * application and money operation goes to the audit trail, and every confirmed authorization,
 * capture and release to the sales ledger. Only masked identifiers are written: account last 4,
 * Flexiti's ids, the order reference and the flow's x-reference-id.
 */
import type { Channel } from '../../../shared/ipc/contract';
import type { VerifyMethod } from '../../../shared/ipc/channels/verification';
import type { AuditDetail } from '../audit/audit-types';
import type { CustomerFlows } from '../flows/customer-flows';
import type { JournalEntry, JournalListFilter } from '../journal/journal-types';
import type { Logger } from '../logging/logger';
import {
  errorCodeOf,
  flexitiTime,
  last4Of,
  outcomeOf,
  type AuditActor,
  type AuditRecorder,
} from '../records/audit-recorder';
import type { SaleRecorder } from '../records/sale-recorder';
import type { Sale } from '../sales/sale-search';
import type { StaffRole } from '../../../shared/ipc/channel';
import type { Handler, HandlerContext, Handlers } from './handler-types';
import { observed, type Observer } from './observed-handler';

export interface RecordingDeps {
  audit: AuditRecorder;
  sales: SaleRecorder;
  /** A sale already in the ledger, for the context of a later capture or release. */
  sale: (authorizationId: string) => Sale | undefined;
  flows: CustomerFlows;
  journal: () => { list(filter: JournalListFilter): JournalEntry[] };
  terminal: () => { locationId: string; registerId: string };
  /** The role stored for an employee id typed at sign-in, if any. */
  roleOf: (employeeId: string) => StaffRole | undefined;
  logger: Logger;
}

const VERIFY_AUDIT: Record<VerifyMethod, AuditDetail<'verify_method'>['method']> = {
  sms: 'sms',
  email: 'email',
  security_question: 'security_question',
  regular_purchase_bypass: 'bypass',
  merchant_override: 'merchant_override',
};

function actorOf(context: HandlerContext): AuditActor | null {
  return context.staff ? { actorId: context.staff.employeeId, actorRole: context.staff.role } : null;
}

/** A copy of the handlers with the recording channels wrapped. */
export function withRecording(handlers: Handlers, deps: RecordingDeps): Handlers {
  const { audit, sales, flows, logger } = deps;
  const out: Handlers = { ...handlers };
  function wrap<C extends Channel>(channel: C, observer: Observer<C>): void {
    const inner = handlers[channel] as Handler<C>;
    (out as Record<C, Handler<C>>)[channel] = observed(channel, inner, observer, logger);
  }
  const place = () => {
    const { locationId, registerId } = deps.terminal();
    return { locationId, registerId };
  };
  const referenceIdOf = (flowId: string): { referenceId?: string } => {
    const id = flows.flow(flowId)?.context.referenceId;
    return id ? { referenceId: id } : {};
  };
  const accountLast4 = (flowId: string, accountRef: string) =>
    last4Of(flows.account(flowId, accountRef)?.accountNumber);
  const saleContext = (authorizationId: string) => {
    const sale = deps.sale(authorizationId);
    return {
      ...(sale?.accountLast4 ? { accountLast4: sale.accountLast4 } : {}),
      ...(sale?.reference ? { reference: sale.reference } : {}),
      ...(sale?.referenceId ? { referenceId: sale.referenceId } : {}),
    };
  };

  wrap('session.signIn', (request, _context, outcome) => {
    if (outcome.ok) {
      audit.record({
        action: 'sign_in',
        actorId: outcome.value.employeeId,
        actorRole: outcome.value.role,
        outcome: 'ok',
        detail: { method: 'pin' },
      });
      return;
    }
    // The id as typed (it may be unknown); the PIN is never recorded.
    audit.record({
      action: 'sign_in',
      actorId: request.employeeId,
      actorRole: deps.roleOf(request.employeeId) ?? 'cashier',
      outcome: outcome.error?.category === 'needs_action' ? 'denied' : outcomeOf(outcome.error),
      detail: errorCodeOf(outcome.error).errorCode ? { reason: errorCodeOf(outcome.error).errorCode } : {},
    });
  });

  wrap('setup.createFirstManager', (_request, _context, outcome) => {
    if (!outcome.ok) return;
    audit.record({
      action: 'sign_in',
      actorId: outcome.value.employeeId,
      actorRole: outcome.value.role,
      outcome: 'ok',
      detail: { method: 'setup' },
    });
  });

  wrap('session.signOut', (_request, context) => {
    const actor = actorOf(context);
    if (actor) audit.record({ action: 'sign_out', ...actor, outcome: 'ok', detail: { reason: 'manual' } });
  });

  wrap('customers.search', (request, context, outcome) => {
    const actor = actorOf(context);
    if (!actor) return;
    audit.record({
      action: 'customer_lookup',
      ...actor,
      outcome: outcome.ok ? 'ok' : outcomeOf(outcome.error),
      ...referenceIdOf(request.flowId),
      detail: { by: 'name', ...(outcome.ok ? { matches: outcome.value.accounts.length } : {}) },
    });
  });

  wrap('customers.lookup', (request, context, outcome) => {
    const actor = actorOf(context);
    if (!actor) return;
    audit.record({
      action: 'customer_lookup',
      ...actor,
      outcome: outcome.ok ? 'ok' : outcomeOf(outcome.error),
      ...(outcome.ok ? accountLast4(request.flowId, outcome.value.account.accountRef) : {}),
      ...referenceIdOf(request.flowId),
      detail: { by: request.by, ...(outcome.ok ? { matches: 1 } : {}) },
    });
  });

  wrap('verify.start', (request, context, outcome) => {
    const actor = actorOf(context);
    if (!actor) return;
    audit.record({
      action: 'verify_method',
      ...actor,
      ...(context.approverId !== undefined ? { approverId: context.approverId } : {}),
      outcome: outcome.ok ? 'ok' : outcomeOf(outcome.error),
      ...accountLast4(request.flowId, request.accountRef),
      ...referenceIdOf(request.flowId),
      detail: { method: VERIFY_AUDIT[request.method], ...(outcome.ok ? {} : errorCodeOf(outcome.error)) },
    });
  });

  wrap('application.submit', (request, context, outcome) => {
    const actor = actorOf(context);
    if (!actor) return;
    const referenceId = referenceIdOf(request.flowId);
    audit.record({
      action: 'application_submitted',
      ...actor,
      outcome: outcome.ok ? 'ok' : outcomeOf(outcome.error),
      ...referenceId,
      detail: { province: request.applicant.province.toUpperCase() },
    });
    if (!outcome.ok) return;
    const decision = outcome.value;
    const applicationId =
      decision.decision === 'pending' ? decision.supportReference : decision.applicationId;
    audit.record({
      action: 'application_decision',
      ...actor,
      outcome: decision.decision === 'declined' ? 'declined' : 'ok',
      ...(/^[A-Za-z0-9-]{1,64}$/.test(applicationId) ? { applicationId } : {}),
      ...referenceId,
      detail: { decision: decision.decision },
    });
  });

  wrap('credentials.replace', (_request, context, outcome) => {
    const actor = actorOf(context);
    if (actor && outcome.ok) {
      audit.record({ action: 'settings_change', ...actor, outcome: 'ok', detail: { keys: ['credentials'] } });
    }
  });

  wrap('purchase.authorize', (request, context, outcome) => {
    const actor = actorOf(context);
    if (!actor) return;
    const last4 = accountLast4(request.flowId, request.accountRef);
    const referenceId = referenceIdOf(request.flowId);
    const plan = request.financing.kind === 'plan' ? request.financing : undefined;
    if (!outcome.ok) {
      audit.record({
        action: 'authorization',
        ...actor,
        outcome: outcomeOf(outcome.error),
        ...last4,
        amountCents: request.amountCents,
        ...(request.orderReference ? { reference: request.orderReference } : {}),
        ...referenceId,
        detail: {
          transactionType: plan ? 'promotional_purchase' : 'regular_purchase',
          ...(plan ? { planId: plan.planId, term: plan.term } : {}),
          autoCapture: request.autoCapture,
          ...errorCodeOf(outcome.error),
        },
      });
      return;
    }
    const view = outcome.value.authorization;
    const promotional = view.financing.kind === 'plan';
    const planId = view.financing.planId ?? plan?.planId;
    const term = view.financing.term ?? plan?.term;
    const captureId = request.autoCapture ? view.captureIds[0] : undefined;
    const amountCents = view.authorizedCents > 0 ? view.authorizedCents : request.amountCents;
    const reference = view.orderReference ?? request.orderReference;
    const at = flexitiTime(view.date);
    audit.record({
      action: 'authorization',
      ...actor,
      outcome: 'ok',
      ...last4,
      authorizationId: view.authorizationId,
      ...(captureId ? { captureId } : {}),
      amountCents,
      ...(reference ? { reference } : {}),
      ...referenceId,
      detail: {
        transactionType: promotional ? 'promotional_purchase' : 'regular_purchase',
        ...(promotional && planId !== undefined ? { planId } : {}),
        ...(promotional && term !== undefined ? { term } : {}),
        autoCapture: request.autoCapture,
      },
    });
    if (!last4.accountLast4) {
      logger.error('authorization not recorded in the sales ledger: account unknown', {
        authorizationId: view.authorizationId,
      });
      return;
    }
    sales.authorized({
      authorizationId: view.authorizationId,
      amountCents,
      transactionType: promotional ? 'promotional_purchase' : 'regular_purchase',
      ...(promotional ? { planId, term, planName: view.financing.planName } : {}),
      autoCapture: request.autoCapture,
      ...(captureId ? { autoCaptureId: captureId } : {}),
      status: view.status === 'unknown' ? 'opened' : view.status,
      accountLast4: last4.accountLast4,
      ...(request.lineItems?.length ? { lineItems: request.lineItems } : {}),
      employeeId: actor.actorId,
      ...place(),
      ...(reference ? { reference } : {}),
      ...referenceId,
      ...at,
    });
  });

  wrap('purchase.capture', (request, context, outcome) => {
    const actor = actorOf(context);
    if (!actor) return;
    const known = saleContext(request.authorizationId);
    audit.record({
      action: 'capture',
      ...actor,
      outcome: outcome.ok ? 'ok' : outcomeOf(outcome.error),
      ...known,
      authorizationId: request.authorizationId,
      ...(outcome.ok ? { captureId: outcome.value.captureId } : {}),
      amountCents: request.amountCents,
      detail: outcome.ok ? {} : errorCodeOf(outcome.error),
    });
    if (!outcome.ok) return;
    sales.captured({
      captureId: outcome.value.captureId,
      authorizationId: request.authorizationId,
      amountCents: request.amountCents,
      employeeId: actor.actorId,
      ...place(),
      ...known,
    });
  });

  wrap('purchase.release', (request, context, outcome, startedAt) => {
    const actor = actorOf(context);
    if (!actor) return;
    const known = saleContext(request.authorizationId);
    const wholeRemainder = request.amountCents === undefined;
    const amountCents = outcome.ok ? outcome.value.releasedCents : request.amountCents;
    audit.record({
      action: 'release',
      ...actor,
      ...(context.approverId !== undefined ? { approverId: context.approverId } : {}),
      outcome: outcome.ok ? 'ok' : outcomeOf(outcome.error),
      ...known,
      authorizationId: request.authorizationId,
      ...(amountCents !== undefined ? { amountCents } : {}),
      detail: { wholeRemainder, ...(outcome.ok ? {} : errorCodeOf(outcome.error)) },
    });
    if (!outcome.ok || outcome.value.releasedCents <= 0) return;
    const entry = releaseEntry(deps.journal(), request.authorizationId, startedAt);
    if (!entry) {
      logger.error('release not recorded in the sales ledger: journal entry not found', {
        authorizationId: request.authorizationId,
      });
      return;
    }
    sales.released({
      operationId: entry.id,
      authorizationId: request.authorizationId,
      amountCents: outcome.value.releasedCents,
      employeeId: actor.actorId,
      ...(context.approverId !== undefined ? { approverId: context.approverId } : {}),
      ...place(),
      ...known,
    });
  });

  return out;
}

/** The journal entry of the release just confirmed: Flexiti gives a release no id of its own. */
function releaseEntry(
  journal: { list(filter: JournalListFilter): JournalEntry[] },
  authorizationId: string,
  startedAt: number,
): JournalEntry | undefined {
  return journal
    .list({ op: 'release', state: 'confirmed', from: startedAt - 1000, order: 'desc', limit: 20 })
    .find((e) => e.refs.authorizationId === undefined || e.refs.authorizationId === authorizationId);
}
