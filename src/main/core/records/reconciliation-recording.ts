/**
 * What reconciliation settled goes to the audit trail (actor `system`), and what it found applied
 * to the sales ledger, from the journal entry's summary (last 4, amount, employee, place) and the ids
 * Flexiti gave back. An authorization's plan is not in the journal: it is read back from Flexiti.
 */
import type { ReconcileReport } from '../flexiti/reconciler';
import type { AuthorizationRecord } from '../flexiti/schemas/transaction-schemas';
import type { JournalEntry } from '../journal/journal-types';
import type { Logger } from '../logging/logger';
import { flexitiTime, type AuditRecorder } from './audit-recorder';
import type { SaleRecorder } from './sale-recorder';

export interface ReconciliationRecordingDeps {
  journal: { get(id: string): JournalEntry | undefined };
  audit: AuditRecorder;
  sales: SaleRecorder;
  /** T8 for an authorization found applied; undefined when it cannot be read now. */
  fetchAuthorization: (authorizationId: string) => Promise<AuthorizationRecord | undefined>;
  logger: Logger;
}

const SYSTEM = { actorId: 'system', actorRole: 'system' } as const;
const SETTLED = new Set([
  'replayed_confirmed',
  'replayed_failed',
  'reconciled_applied',
  'reconciled_not_applied',
]);
const OPAQUE = /^[A-Za-z0-9-]{1,64}$/;

export async function recordReconciliation(
  report: ReconcileReport,
  deps: ReconciliationRecordingDeps,
): Promise<void> {
  for (const line of report.entries) {
    if (!SETTLED.has(line.action)) continue;
    const entry = deps.journal.get(line.id);
    if (!entry) continue;
    const applied = line.action === 'replayed_confirmed' || line.action === 'reconciled_applied';
    const refs = line.refs ?? entry.refs;
    const summary = entry.summary;
    const ids = {
      ...(refs.authorizationId && OPAQUE.test(refs.authorizationId)
        ? { authorizationId: refs.authorizationId }
        : {}),
      ...(refs.captureId && OPAQUE.test(refs.captureId) ? { captureId: refs.captureId } : {}),
      ...(refs.returnId && OPAQUE.test(refs.returnId) ? { returnId: refs.returnId } : {}),
    };
    deps.audit.record({
      action: 'reconciliation',
      ...SYSTEM,
      outcome: 'ok',
      ...(summary.accountLast4 ? { accountLast4: summary.accountLast4 } : {}),
      ...ids,
      ...(summary.amountCents !== undefined && summary.amountCents >= 0
        ? { amountCents: summary.amountCents }
        : {}),
      referenceId: entry.referenceId,
      detail: { journalEntryId: entry.id, op: entry.op, resolution: applied ? 'applied' : 'not_applied' },
    });
    if (applied) await recordApplied(entry, ids, deps);
  }
}

async function recordApplied(
  entry: JournalEntry,
  ids: { authorizationId?: string; captureId?: string },
  deps: ReconciliationRecordingDeps,
): Promise<void> {
  const s = entry.summary;
  const context = {
    employeeId: s.employeeId ?? SYSTEM.actorId,
    ...(s.locationId ? { locationId: s.locationId } : {}),
    ...(s.registerId ? { registerId: s.registerId } : {}),
    ...(s.reference ? { reference: s.reference.slice(0, 40) } : {}),
    referenceId: entry.referenceId,
    ...(s.accountLast4 ? { accountLast4: s.accountLast4 } : {}),
  };
  const amountCents = s.amountCents !== undefined && s.amountCents > 0 ? s.amountCents : undefined;
  const missing = (what: string): void =>
    deps.logger.error('reconciled operation not recorded in the sales ledger', {
      op: entry.op,
      id: entry.id,
      what,
    });

  if (entry.op === 'authorization') {
    if (!ids.authorizationId || !s.accountLast4) return missing('authorization id or account');
    const found = await deps.fetchAuthorization(ids.authorizationId).catch(() => undefined);
    if (!found) return missing('authorization lookup');
    const option = found.financingOption;
    const promotional = option?.transactionType !== 'regular_purchase';
    const cents = amountCents ?? found.authorizedCents;
    if (cents === undefined || cents <= 0) return missing('amount');
    const status = found.status === 'closed' || found.status === 'unauthorized' ? found.status : 'opened';
    deps.sales.authorized({
      authorizationId: ids.authorizationId,
      amountCents: cents,
      transactionType: promotional ? 'promotional_purchase' : 'regular_purchase',
      ...(promotional ? { planId: option?.planId, term: option?.term, planName: option?.planName } : {}),
      autoCapture: ids.captureId !== undefined,
      ...(ids.captureId ? { autoCaptureId: ids.captureId } : {}),
      status,
      ...context,
      accountLast4: s.accountLast4,
      ...flexitiTime(found.date),
    });
  } else if (entry.op === 'capture') {
    if (!ids.authorizationId || !ids.captureId || amountCents === undefined) return missing('ids or amount');
    deps.sales.captured({
      captureId: ids.captureId,
      authorizationId: ids.authorizationId,
      amountCents,
      ...context,
    });
  } else if (entry.op === 'release') {
    if (!ids.authorizationId || amountCents === undefined) return missing('authorization id or amount');
    deps.sales.released({
      operationId: entry.id,
      authorizationId: ids.authorizationId,
      amountCents,
      ...context,
    });
  }
}
