export type SalesErrorCode =
  'invalid_input' | 'conflict' | 'schema_too_new' | 'in_doubt_pending' | 'already_closed';

/** Failures the sales ledger and the day close report on purpose; `code` is what callers branch on. */
export class SalesError extends Error {
  override readonly name = 'SalesError';
  constructor(
    readonly code: SalesErrorCode,
    message: string,
    /** For in_doubt_pending: how many journal entries are unsettled. */
    readonly inDoubtCount?: number,
  ) {
    super(message);
  }
}

export function isSalesError(value: unknown, code?: SalesErrorCode): value is SalesError {
  return value instanceof SalesError && (code === undefined || value.code === code);
}

/** A zod failure as a SalesError('invalid_input') naming the first bad field (never its value). */
export function invalidInput(
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
): SalesError {
  const first = issues[0];
  const where = first?.path.length ? `${first.path.map(String).join('.')}: ` : '';
  return new SalesError('invalid_input', `${where}${first?.message ?? 'invalid input'}`);
}
