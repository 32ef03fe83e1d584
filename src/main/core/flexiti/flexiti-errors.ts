/**
 * The error taxonomy: Flexiti's (status, `error`) and our own transport and journal outcomes, mapped
 * to the one AppError shape the renderer understands. Decisions use the status and the `error` code
 * only, never Flexiti's `message` text (§0A.3). Nothing from a request ever goes into an error.
 */
import type { AppError, ErrorCategory } from '../../../shared/app-error';
import type { NetworkError } from '../journal/journaled-call';

/** Flexiti error codes the app recognises, by category (after the §0A.3 aliases are applied). */
const FLEXITI_CODE_CATEGORIES = {
  credit_exceeded: 'declined',
  user_not_able_to_purchase: 'declined',
  user_not_active: 'declined',
  account_type_not_permitted: 'declined',
  plan_term_not_available: 'declined',
  not_enough_credit: 'declined',
  limit_payment_amount_24: 'declined',
  refunds_limit_exceeded_amount: 'declined',
  application_declined: 'declined',
  wrong_verification_code: 'needs_action',
  not_verified: 'needs_action',
  verification_code_required: 'needs_action',
  secret_answer_mismatch: 'needs_action',
  tries_exceed: 'needs_action',
  sms_not_valid_phone: 'needs_action',
  wrong_inputs: 'needs_action',
  tos_agreement_required: 'needs_action',
  capture_amount_exceeded: 'needs_action',
  auth_amount_exceeded: 'needs_action',
  return_date_exceeded: 'needs_action',
  authorization_ended: 'needs_action',
  wrong_transaction_type: 'needs_action',
  regular_purchase_bypass_is_not_allowed: 'needs_action',
  plan_term_not_set: 'needs_action',
  vcc_account_mismatch: 'needs_action',
  not_found: 'needs_action',
  customer_already_exists: 'needs_action',
  application_pending: 'needs_action',
  application_create_error: 'retryable',
  merchant_override_is_not_allowed: 'not_allowed',
  auth_not_allowed: 'not_allowed',
  not_permitted: 'not_allowed',
  idempotency_key_reused: 'in_doubt',
  invalid_role: 'our_bug',
  invalid_transaction_type: 'our_bug',
  external_location_id_not_found: 'our_bug',
  customer_identity_not_found: 'our_bug',
  general_error: 'our_bug',
} as const satisfies Record<string, ErrorCategory>;

export type FlexitiErrorCode = keyof typeof FLEXITI_CODE_CATEGORIES;

/** Codes this app produces itself (transport, tokens, journal, credentials, unexpected answers). */
const OWN_CODE_CATEGORIES = {
  /** The client id or secret was refused (invalid_client): check the terminal's credentials. */
  credentials_rejected: 'our_bug',
  /** No credentials are stored for this environment. */
  credentials_missing: 'needs_action',
  /** The OS keychain could not be read (locked, denied, unavailable, timed out). */
  credentials_unavailable: 'needs_action',
  /** A 401 survived a fresh client_credentials token. */
  token_rejected: 'our_bug',
  /** 403, insufficient_scope. */
  forbidden: 'our_bug',
  /** 465-467: blocked by Flexiti's firewall (payload, ACL or geo rule). */
  blocked: 'our_bug',
  /** No answer in time; for a read or a token call nothing changed. */
  timeout: 'retryable',
  /** 5xx from Flexiti. */
  server_error: 'retryable',
  /** Connection refused, DNS failure, or repeated network failures. */
  flexiti_unreachable: 'flexiti_down',
  /** A money operation got only failure answers (5xx) through every retry: nothing was applied. */
  flexiti_unavailable: 'flexiti_down',
  /** A money operation got no definitive answer: it is journaled and will be reconciled. */
  outcome_unknown: 'in_doubt',
  /** A 2xx whose body lacks what the app needs, or a status nobody documented. */
  unexpected_response: 'our_bug',
  /** A Flexiti error code this app does not know. */
  unexpected_error: 'our_bug',
  /** Our own input failed validation before anything was sent. */
  invalid_input: 'needs_action',
} as const satisfies Record<string, ErrorCategory>;

export type OwnErrorCode = keyof typeof OWN_CODE_CATEGORIES;
export type ClientErrorCode = FlexitiErrorCode | OwnErrorCode;

const CATEGORIES: Record<ClientErrorCode, ErrorCategory> = {
  ...FLEXITI_CODE_CATEGORIES,
  ...OWN_CODE_CATEGORIES,
};

/** Every code an AppError from the Flexiti client can carry: the en/fr catalogues must cover them all. */
export const CLIENT_ERROR_CODES = Object.freeze(Object.keys(CATEGORIES) as ClientErrorCode[]);

export function categoryOf(code: ClientErrorCode): ErrorCategory {
  return CATEGORIES[code];
}

/** Spellings Flexiti has used for the same thing (§0A.3, §0A.8, §0A.10). */
const ALIASES: Record<string, FlexitiErrorCode> = {
  wrong_input: 'wrong_inputs',
  generic_error: 'general_error',
  piw_mismatch: 'secret_answer_mismatch',
  application_declined_2: 'application_declined',
  application_declined_3: 'application_declined',
  application_marked_pending_1: 'application_pending',
  application_marked_pending_2: 'application_pending',
  creditapp_id_not_found: 'not_found',
};

export function normalizeFlexitiCode(raw: unknown): FlexitiErrorCode | undefined {
  if (typeof raw !== 'string') return undefined;
  const code = raw.trim().toLowerCase();
  if (Object.hasOwn(ALIASES, code)) return ALIASES[code];
  return Object.hasOwn(FLEXITI_CODE_CATEGORIES, code) ? (code as FlexitiErrorCode) : undefined;
}

function appError(code: ClientErrorCode, supportReference?: string, fields?: AppError['fields']): AppError {
  const error: AppError = { category: CATEGORIES[code], code };
  if (supportReference !== undefined) error.supportReference = supportReference;
  if (fields && fields.length > 0) error.fields = fields;
  return error;
}

/** field_errors as params and msgs only: the rejected `value` may be a secret and is dropped. */
function fieldsOf(body: unknown): AppError['fields'] {
  if (body === null || typeof body !== 'object') return undefined;
  const raw =
    (body as Record<string, unknown>).field_errors ?? (body as Record<string, unknown>).error_fields;
  if (!Array.isArray(raw)) return undefined;
  const fields: NonNullable<AppError['fields']> = [];
  for (const item of raw.slice(0, 50)) {
    if (item === null || typeof item !== 'object') continue;
    const { param, msg } = item as Record<string, unknown>;
    if (typeof param !== 'string' || param.length === 0) continue;
    fields.push({
      param: param.slice(0, 100),
      msg: typeof msg === 'string' && /^[a-z_ ]{1,40}$/i.test(msg) ? msg : 'invalid',
    });
  }
  return fields;
}

/** An HTTP error answer from Flexiti (any non-2xx status) as an AppError. */
export function mapFlexitiError(status: number, body: unknown, supportReference?: string): AppError {
  const raw = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).error : undefined;
  const code = normalizeFlexitiCode(raw);
  if (status === 401) return appError('token_rejected', supportReference);
  if (status === 403) return appError('forbidden', supportReference);
  if (status >= 465 && status <= 467) return appError('blocked', supportReference);
  if (status >= 500) return appError('server_error', supportReference);
  if (status === 408 || status === 429) return appError('timeout', supportReference);
  if (status === 400 && (raw === 'invalid_client' || raw === 'invalid_credentials')) {
    return appError('credentials_rejected', supportReference);
  }
  if (code === undefined) {
    return appError(status === 404 ? 'not_found' : 'unexpected_error', supportReference);
  }
  return appError(code, supportReference, code === 'wrong_inputs' ? fieldsOf(body) : undefined);
}

/**
 * A network failure of a call that changes nothing (a read or a token call), after its retry: a slow
 * answer is worth retrying; refused or repeatedly dropped connections mean Flexiti is down.
 */
export function mapNetworkError(error: NetworkError, supportReference?: string): AppError {
  return appError(error === 'timeout' ? 'timeout' : 'flexiti_unreachable', supportReference);
}

export function ownError(
  code: OwnErrorCode,
  supportReference?: string,
  fields?: AppError['fields'],
): AppError {
  return appError(code, supportReference, fields);
}

/**
 * The one exception the Flexiti client throws. Its message is the category and code only, so it can
 * be logged as is; `journalEntryId` points at the entry of an in-doubt money operation.
 */
export class FlexitiCallError extends Error {
  override readonly name = 'FlexitiCallError';
  constructor(
    readonly appError: AppError,
    readonly journalEntryId?: string,
  ) {
    super(`${appError.category}: ${appError.code}`);
  }
}

export function isFlexitiCallError(value: unknown, code?: ClientErrorCode): value is FlexitiCallError {
  return value instanceof FlexitiCallError && (code === undefined || value.appError.code === code);
}

/** Any thrown value as an AppError: ours as they are, anything else as our bug (no text leaks). */
export function toAppError(error: unknown, supportReference?: string): AppError {
  if (error instanceof FlexitiCallError) return error.appError;
  return appError('unexpected_response', supportReference);
}
