export type JournalErrorCode =
  | 'key_invalid'
  | 'key_mismatch'
  | 'decrypt_failed'
  | 'not_found'
  | 'invalid_input'
  | 'invalid_transition'
  | 'duplicate_key'
  | 'request_purged'
  | 'busy'
  | 'schema_too_new';

/** Every failure the journal reports on purpose; `code` is what callers branch on. */
export class JournalError extends Error {
  override readonly name = 'JournalError';
  constructor(
    readonly code: JournalErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isJournalError(value: unknown, code?: JournalErrorCode): value is JournalError {
  return value instanceof JournalError && (code === undefined || value.code === code);
}
