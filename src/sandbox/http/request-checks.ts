/**
 * The common checks of §0A.1 that run before any route: bearer token (401), scope (403), provisioning
 * (409 invalid_role), then the x-reference-id, lang and x-idempotency-key inputs (409 wrong_inputs).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { checkAccessToken } from '../domain/tokens';
import type { Merchant, SandboxState } from '../state/model';
import { ApiError, type FieldError } from './api-error';
import { TOKEN_EXPIRED_DESCRIPTION, TOKEN_INVALID_DESCRIPTION } from './messages';
import type { Lang, RouteContext, RouteDef } from './route';

const REFERENCE_ID = /^[A-Za-z0-9-]{1,32}$/;
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,100}$/;
const BEARER = /^Bearer ([^\s]+)$/i;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `en`, `fr`, `en-CA`, `fr-CA` (any case); undefined = absent (default en); null = invalid. */
export function parseLang(raw: string | null): Lang | null | undefined {
  if (raw === null) return undefined;
  switch (raw.toLowerCase()) {
    case 'en':
    case 'en-ca':
      return 'en';
    case 'fr':
    case 'fr-ca':
      return 'fr';
    default:
      return null;
  }
}

export function authenticate(
  state: SandboxState,
  route: RouteDef,
  headers: IncomingHttpHeaders,
  params: Record<string, string>,
  now: Date,
): { auth: NonNullable<RouteContext['auth']>; merchant: Merchant } {
  const match = BEARER.exec(header(headers, 'authorization')?.trim() ?? '');
  const check = checkAccessToken(state, match?.[1], now);
  if (check.kind === 'expired')
    throw new ApiError(401, 'invalid_token', { description: TOKEN_EXPIRED_DESCRIPTION });
  if (check.kind === 'invalid')
    throw new ApiError(401, 'invalid_token', { description: TOKEN_INVALID_DESCRIPTION });
  const { record } = check;
  const pathClient = params.client_id ?? params.clientId;
  if (pathClient !== record.clientId)
    throw new ApiError(401, 'invalid_token', { description: TOKEN_INVALID_DESCRIPTION });
  if (!route.scopes.includes(record.scope)) throw new ApiError(403, 'insufficient_scope');
  const merchant = state.merchants.get(record.clientId);
  if (!merchant || !merchant.provisioned) throw new ApiError(409, 'invalid_role');
  return {
    auth: { clientId: record.clientId, scope: record.scope, accessToken: record.accessToken },
    merchant,
  };
}

/** Header and query input errors, gathered so one 409 lists them all. */
export function inputErrors(
  headers: IncomingHttpHeaders,
  rawLang: string | null,
  idempotent: boolean,
): { errors: FieldError[]; referenceId: string; idempotencyKey: string | undefined } {
  const errors: FieldError[] = [];
  const referenceId = header(headers, 'x-reference-id');
  if (referenceId === undefined || referenceId === '') {
    errors.push({ param: 'x-reference-id', msg: 'required' });
  } else if (!REFERENCE_ID.test(referenceId)) {
    errors.push({
      param: 'x-reference-id',
      msg: referenceId.length > 32 ? 'length' : 'invalid',
      value: referenceId,
    });
  }
  if (parseLang(rawLang) === null) errors.push({ param: 'lang', msg: 'invalid', value: rawLang });
  let idempotencyKey: string | undefined;
  if (idempotent) {
    idempotencyKey = header(headers, 'x-idempotency-key');
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      const msg =
        idempotencyKey.length === 0 ? 'required' : idempotencyKey.length > 100 ? 'length' : 'invalid';
      errors.push({ param: 'x-idempotency-key', msg });
      idempotencyKey = undefined;
    }
  }
  return { errors, referenceId: referenceId ?? '', idempotencyKey };
}

export function contextHash(headers: IncomingHttpHeaders): string | undefined {
  const value = header(headers, 'x-context-hash');
  return value === undefined || value === '' ? undefined : value;
}
