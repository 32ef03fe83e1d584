export type AuditErrorCode = 'invalid_input' | 'schema_too_new';

/** Failures the audit trail reports on purpose; `code` is what callers branch on. */
export class AuditError extends Error {
  override readonly name = 'AuditError';
  constructor(
    readonly code: AuditErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isAuditError(value: unknown, code?: AuditErrorCode): value is AuditError {
  return value instanceof AuditError && (code === undefined || value.code === code);
}
