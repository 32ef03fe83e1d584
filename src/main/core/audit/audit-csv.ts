import { centsToDecimalString } from '../../../shared/money';
import type { AuditRow } from './audit-types';
import { csvDocument, type CsvCell } from './csv';
import { canonicalJson } from './audit-hash';

const HEADER = [
  'seq',
  'time_utc',
  'action',
  'actor_id',
  'actor_role',
  'approver_id',
  'outcome',
  'account_last4',
  'authorization_id',
  'capture_id',
  'return_id',
  'application_id',
  'amount',
  'reference',
  'x_reference_id',
  'detail',
  'hash',
] as const;

/** The audit rows as an RFC 4180 CSV (CRLF), spreadsheet-formula safe; amounts in dollars. */
export function toCsv(rows: readonly AuditRow[]): string {
  const lines: CsvCell[][] = [[...HEADER]];
  for (const row of rows) {
    lines.push([
      row.seq,
      row.at,
      row.action,
      row.actorId,
      row.actorRole,
      row.approverId,
      row.outcome,
      row.accountLast4,
      row.authorizationId,
      row.captureId,
      row.returnId,
      row.applicationId,
      row.amountCents === null ? null : centsToDecimalString(row.amountCents),
      row.reference,
      row.referenceId,
      canonicalJson(row.detail),
      row.hash,
    ]);
  }
  return csvDocument(lines);
}
