/**
 * Brings the local record of one sale up to what Flexiti's GET authorization/{id} reports: the
 * authorization itself (made at another register), and captures, returns and releases this terminal
 * did not record. Rows are keyed by Flexiti's ids, so refreshing twice changes nothing.
 */
import type { AuthorizationRecord } from '../flexiti/schemas/transaction-schemas';
import type { Logger } from '../logging/logger';
import { flexitiTime, last4Of } from '../records/audit-recorder';
import { getSale } from './sale-search';
import type { SalesLedger } from './sales-ledger';
import type { AuthorizationStatus } from './sales-types';

/** Who a row found only at Flexiti is credited to when Flexiti does not say. */
export const SEEN_AT_FLEXITI = 'flexiti';

const STATUSES: readonly string[] = ['opened', 'closed', 'unauthorized'];

function employeeOf(record: AuthorizationRecord): string {
  const id = record.externalEmployeeId?.trim();
  return id && id.length <= 50 ? id : SEEN_AT_FLEXITI;
}

function referenceOf(text: string | undefined): { reference?: string } {
  return text && text.length <= 40 && /^[\x20-\x7E]+$/.test(text) ? { reference: text } : {};
}

export function refreshSale(ledger: SalesLedger, record: AuthorizationRecord, logger: Logger): void {
  const authorizationId = record.authorizationId;
  const safely = (kind: string, write: () => unknown) => {
    try {
      write();
    } catch (error) {
      const code =
        error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : 'unknown';
      logger.error('sale refresh row not written', { kind, code, authorizationId });
    }
  };
  const employeeId = employeeOf(record);
  const known = getSale(ledger, authorizationId);
  const last4 = last4Of(record.accountNumber).accountLast4 ?? known?.accountLast4 ?? undefined;
  if (!known) {
    const type = record.financingOption?.transactionType;
    const amountCents = record.authorizedCents ?? record.amountCents;
    if ((type !== 'promotional_purchase' && type !== 'regular_purchase') || !amountCents || !last4) {
      logger.warn('sale not recorded from Flexiti: fields missing', { authorizationId });
      return;
    }
    const promotional = type === 'promotional_purchase';
    safely('authorization', () =>
      ledger.recordAuthorization({
        authorizationId,
        amountCents,
        transactionType: type,
        ...(promotional
          ? {
              planId: record.financingOption?.planId,
              term: record.financingOption?.term,
              planName: record.financingOption?.planName,
            }
          : {}),
        autoCapture: record.captureId !== undefined,
        status: (STATUSES.includes(record.status ?? '') ? record.status : 'opened') as AuthorizationStatus,
        accountLast4: last4,
        employeeId,
        ...referenceOf(record.reference),
        ...flexitiTime(record.date),
      }),
    );
  }
  for (const capture of record.captures) {
    if (capture.amountCents === undefined || capture.amountCents <= 0) continue;
    safely('capture', () =>
      ledger.recordCapture({
        captureId: capture.captureId,
        authorizationId,
        amountCents: capture.amountCents as number,
        ...(last4 ? { accountLast4: last4 } : {}),
        employeeId,
        ...referenceOf(capture.reference),
        ...flexitiTime(capture.date),
      }),
    );
    for (const returned of capture.returns) {
      if (returned.amountCents === undefined || returned.amountCents <= 0) continue;
      safely('return', () =>
        ledger.recordReturn({
          returnId: returned.returnId,
          captureId: capture.captureId,
          authorizationId,
          amountCents: returned.amountCents as number,
          ...(last4 ? { accountLast4: last4 } : {}),
          employeeId: SEEN_AT_FLEXITI,
          ...flexitiTime(returned.date),
        }),
      );
    }
  }
  // Flexiti gives releases no id: what it reports beyond what is recorded here is one more row.
  const local = getSale(ledger, authorizationId);
  const missing = (record.releasedCents ?? 0) - (local?.releasedCents ?? 0);
  if (local && missing > 0) {
    safely('release', () =>
      ledger.recordRelease({
        operationId: `flexiti-${authorizationId}-${record.releasedCents ?? 0}`.slice(0, 64),
        authorizationId,
        amountCents: missing,
        ...(last4 ? { accountLast4: last4 } : {}),
        employeeId: SEEN_AT_FLEXITI,
      }),
    );
  }
}
