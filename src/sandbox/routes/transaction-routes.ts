/**
 * T1–T9 (§7, §0A.11): thin routes over src/sandbox/domain. Validation here, money rules there.
 */
import { z } from 'zod';
import { centsToWire } from '../../shared/money';
import { ApiError, wrongInputs, type FieldError } from '../http/api-error';
import { message } from '../http/messages';
import type { RouteContext, RouteDef, RouteResult } from '../http/route';
import {
  ascii,
  booleanInput,
  digitsNumber,
  digitString,
  money,
  nonEmptyAscii,
  parseOrThrow,
  pathId,
} from '../http/validation';
import { remainingAuthorization } from '../state/ledger';
import { registerTimeHook } from '../time-hooks';
import {
  postTransaction,
  type AccountIdentifier,
  type AccountTransactionType,
} from '../domain/account-transactions';
import { expireAuthorizations } from '../domain/authorization-expiry';
import { findAuthorizationOfClient, requireMerchant } from '../domain/authorization-lookup';
import { authorize, releaseAuthorization } from '../domain/authorizations';
import { captureAuthorization } from '../domain/captures';
import { listAuthorizations, listCaptures } from '../domain/list-queries';
import {
  authorizationDetailWire,
  authorizationWire,
  captureListItemWire,
  captureWire,
  returnResponseWire,
  wireDateTime,
} from '../domain/money-views';
import { refundAccount } from '../domain/refunds';
import { returnCapture } from '../domain/returns';

registerTimeHook(expireAuthorizations);

/** A PIN arrives as a number or a digit string (§0A.2). */
const pinInput = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,10}$/)]).transform(String);
const externalId = nonEmptyAscii(50);
/** Any JSON object, stored and never validated (§0A.11). */
const skuData = z.record(z.string(), z.unknown());

/** Copies only the defined values, so optional domain fields stay absent rather than undefined. */
function defined<T extends Record<string, unknown>>(obj: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}

// ------------------------------------------------------------------------------------ T1 transactions

const TRANSACTION_TYPES: readonly AccountTransactionType[] = ['deposit', 'instore_payment', 'tradein'];

const transactionSchema = z.object({
  transaction_type: nonEmptyAscii(50),
  amount: money(),
  vcc_number: digitString(16).optional(),
  account_number: digitsNumber(14).optional(),
  customer_id: nonEmptyAscii(20).optional(),
  verification_code: pinInput.optional(),
  request_id: nonEmptyAscii(150),
  external_location_id: externalId,
  external_employee_id: externalId,
});

function identifierOf(body: z.output<typeof transactionSchema>): AccountIdentifier {
  const given: FieldError[] = [];
  if (body.account_number !== undefined)
    given.push({ param: 'account_number', msg: 'invalid', value: body.account_number });
  if (body.vcc_number !== undefined)
    given.push({ param: 'vcc_number', msg: 'invalid', value: body.vcc_number });
  if (body.customer_id !== undefined)
    given.push({ param: 'customer_id', msg: 'invalid', value: body.customer_id });
  if (given.length === 0) throw wrongInputs([{ param: 'account_number', msg: 'required' }]);
  // Exactly one identifier: the extra ones are reported.
  if (given.length > 1) throw wrongInputs(given.slice(1));
  if (body.account_number !== undefined)
    return { kind: 'account_number', accountNumber: body.account_number };
  if (body.vcc_number !== undefined) return { kind: 'vcc_number', vccNumber: body.vcc_number };
  return { kind: 'customer_id', customerId: body.customer_id ?? '' };
}

function transactions(ctx: RouteContext): RouteResult {
  const body = parseOrThrow(transactionSchema, ctx.body ?? {});
  const identifier = identifierOf(body);
  const type = TRANSACTION_TYPES.find((t) => t === body.transaction_type);
  if (!type) throw new ApiError(409, 'invalid_transaction_type');
  const t = postTransaction(ctx, {
    transactionType: type,
    amount: body.amount,
    identifier,
    ...defined({ verificationCode: body.verification_code }),
    requestId: body.request_id,
    externalLocationId: body.external_location_id,
    externalEmployeeId: body.external_employee_id,
  });
  return {
    status: 200,
    body: {
      transaction_id: t.transactionId,
      transaction_type: t.transactionType,
      account_number: t.accountNumber,
      amount: centsToWire(t.amount),
      date: wireDateTime(t.createdAt),
      message: message(ctx.lang, 'transaction_posted'),
    },
  };
}

// ------------------------------------------------------------------------------------ T2 authorization

const authorizationSchema = z.object({
  account_number: digitsNumber(14),
  vcc_number: digitString(16).optional(),
  reference: ascii(40).optional(),
  financing_option: z.object({
    transaction_type: z.enum(['promotional_purchase', 'regular_purchase']),
    plan_id: digitsNumber(3).optional(),
    term: digitsNumber(3).optional(),
  }),
  amount: money(),
  auto_capture: booleanInput,
  verification_code: pinInput.optional(),
  request_id: nonEmptyAscii(150).optional(),
  external_location_id: externalId.optional(),
  external_employee_id: externalId.optional(),
  sku_data: skuData.optional(),
});

function authorization(ctx: RouteContext): RouteResult {
  const body = parseOrThrow(authorizationSchema, ctx.body ?? {});
  const missing: FieldError[] = [];
  const option = body.financing_option;
  if (option.transaction_type === 'promotional_purchase') {
    if (option.plan_id === undefined) missing.push({ param: 'financing_option.plan_id', msg: 'required' });
    if (option.term === undefined) missing.push({ param: 'financing_option.term', msg: 'required' });
  }
  // The in-store ids are required with a merchant token; a missing PIN is verification_code_required.
  if (ctx.auth?.scope !== 'customer') {
    if (body.request_id === undefined) missing.push({ param: 'request_id', msg: 'required' });
    if (body.external_location_id === undefined)
      missing.push({ param: 'external_location_id', msg: 'required' });
    if (body.external_employee_id === undefined)
      missing.push({ param: 'external_employee_id', msg: 'required' });
  }
  if (missing.length > 0) throw wrongInputs(missing);
  const isPromotional = option.transaction_type === 'promotional_purchase';
  const { auth } = authorize(ctx, {
    accountNumber: body.account_number,
    transactionType: option.transaction_type,
    amount: body.amount,
    autoCapture: body.auto_capture,
    ...defined({
      vccNumber: body.vcc_number,
      reference: body.reference,
      planId: isPromotional ? option.plan_id : undefined,
      term: isPromotional ? option.term : undefined,
      verificationCode: body.verification_code,
      requestId: body.request_id,
      externalLocationId: body.external_location_id,
      externalEmployeeId: body.external_employee_id,
      skuData: body.sku_data,
    }),
  });
  return { status: 200, body: authorizationWire(ctx.state, auth, ctx.version, ctx.lang) };
}

// ------------------------------------------------------------------------------------ T3 release, T4 capture

const storeFields = {
  reference: ascii(40).optional(),
  vcc_number: digitString(16).optional(),
  external_location_id: externalId.optional(),
  external_employee_id: externalId.optional(),
};

function storeInput(body: {
  reference?: string | undefined;
  vcc_number?: string | undefined;
  external_location_id?: string | undefined;
  external_employee_id?: string | undefined;
}) {
  return defined({
    reference: body.reference,
    vccNumber: body.vcc_number,
    externalLocationId: body.external_location_id,
    externalEmployeeId: body.external_employee_id,
  });
}

const releaseSchema = z.object({ amount: money().optional(), ...storeFields });

function release(ctx: RouteContext): RouteResult {
  const authorizationId = pathId(ctx.params.authorization_id, 16);
  const body = parseOrThrow(releaseSchema, ctx.body ?? {});
  const { auth, released } = releaseAuthorization(ctx, authorizationId, {
    ...storeInput(body),
    ...defined({ amount: body.amount }),
  });
  return {
    status: 200,
    body: {
      authorization_id: auth.authorizationId,
      amount: centsToWire(released),
      remaining_authorization_amount: centsToWire(remainingAuthorization(auth)),
      date: wireDateTime(ctx.now()),
      authorization_status: auth.status,
    },
  };
}

const captureSchema = z.object({ amount: money(), sku_data: skuData.optional(), ...storeFields });

function capture(ctx: RouteContext): RouteResult {
  const authorizationId = pathId(ctx.params.authorization_id, 16);
  const body = parseOrThrow(captureSchema, ctx.body ?? {});
  const result = captureAuthorization(ctx, authorizationId, {
    amount: body.amount,
    ...storeInput(body),
    ...defined({ skuData: body.sku_data }),
  });
  return { status: 200, body: captureWire(result.capture, result.auth) };
}

// ------------------------------------------------------------------------------------ T5 return, T6 refund

const returnSchema = z.object({
  full_return: booleanInput.optional(),
  // Checked below: ignored when full_return is true.
  amount: z.unknown().optional(),
  sku_data: skuData.optional(),
  ...storeFields,
});

function captureReturn(ctx: RouteContext): RouteResult {
  const authorizationId = pathId(ctx.params.authorization_id, 16);
  const captureId = pathId(ctx.params.capture_id, 9);
  const body = parseOrThrow(returnSchema, ctx.body ?? {});
  const fullReturn = body.full_return ?? false;
  const amount = fullReturn
    ? undefined
    : parseOrThrow(z.object({ amount: money() }), { amount: body.amount }).amount;
  const result = returnCapture(ctx, authorizationId, captureId, {
    fullReturn,
    ...storeInput(body),
    ...defined({ amount, skuData: body.sku_data }),
  });
  return { status: 200, body: returnResponseWire(result.record, result.capture, result.auth) };
}

const refundSchema = z.object({
  amount: money(),
  capture_id: digitsNumber(9).optional(),
  sku_data: skuData.optional(),
  ...storeFields,
});

function refund(ctx: RouteContext): RouteResult {
  const accountNumber = pathId(ctx.params.account_number, 14);
  const body = parseOrThrow(refundSchema, ctx.body ?? {});
  refundAccount(ctx, accountNumber, {
    amount: body.amount,
    ...storeInput(body),
    ...defined({ captureId: body.capture_id, skuData: body.sku_data }),
  });
  return { status: 200, body: {} };
}

// ------------------------------------------------------------------------------------ T7, T8, T9

function getAuthorizations(ctx: RouteContext): RouteResult {
  const merchant = requireMerchant(ctx);
  const page = listAuthorizations(ctx.state, merchant.clientId, ctx.query);
  return {
    status: 200,
    body: {
      page_number: page.pageNumber,
      page_size: page.pageSize,
      total_records: page.totalRecords,
      authorizations: page.items.map((a) => authorizationDetailWire(ctx.state, a, ctx.version, ctx.lang)),
    },
  };
}

function getAuthorization(ctx: RouteContext): RouteResult {
  const merchant = requireMerchant(ctx);
  const auth = findAuthorizationOfClient(
    ctx.state,
    merchant.clientId,
    pathId(ctx.params.authorization_id, 16),
  );
  return { status: 200, body: authorizationDetailWire(ctx.state, auth, ctx.version, ctx.lang) };
}

function getCaptures(ctx: RouteContext): RouteResult {
  const merchant = requireMerchant(ctx);
  const page = listCaptures(ctx.state, merchant.clientId, ctx.query);
  return {
    status: 200,
    body: {
      page_number: page.pageNumber,
      page_size: page.pageSize,
      total_records: page.totalRecords,
      captures: page.items.map((c) =>
        captureListItemWire(c, findAuthorizationOfClient(ctx.state, merchant.clientId, c.authorizationId)),
      ),
    },
  };
}

const AUTH = '/client-id/:client_id/authorization/:authorization_id';

export const transactionRoutes: RouteDef[] = [
  {
    id: 'T1',
    method: 'POST',
    pattern: '/client-id/:client_id/transactions',
    scopes: ['merchant'],
    idempotent: true,
    handle: transactions,
  },
  {
    id: 'T2',
    method: 'POST',
    pattern: '/client-id/:client_id/authorization',
    scopes: ['merchant', 'customer'],
    idempotent: true,
    handle: authorization,
  },
  {
    id: 'T3',
    method: 'POST',
    pattern: `${AUTH}/release`,
    scopes: ['merchant'],
    idempotent: true,
    handle: release,
  },
  {
    id: 'T4',
    method: 'POST',
    pattern: `${AUTH}/capture`,
    scopes: ['merchant'],
    idempotent: true,
    handle: capture,
  },
  {
    id: 'T5',
    method: 'POST',
    pattern: `${AUTH}/capture/:capture_id/return`,
    scopes: ['merchant'],
    idempotent: true,
    handle: captureReturn,
  },
  {
    id: 'T6',
    method: 'POST',
    pattern: '/client-id/:client_id/accounts/:account_number/refund',
    scopes: ['merchant'],
    idempotent: true,
    handle: refund,
  },
  {
    id: 'T7',
    method: 'GET',
    pattern: '/client-id/:client_id/authorizations',
    scopes: ['merchant'],
    idempotent: false,
    handle: getAuthorizations,
  },
  {
    id: 'T8',
    method: 'GET',
    pattern: AUTH,
    scopes: ['merchant'],
    idempotent: false,
    handle: getAuthorization,
  },
  {
    id: 'T9',
    method: 'GET',
    pattern: '/client-id/:client_id/captures',
    scopes: ['merchant'],
    idempotent: false,
    handle: getCaptures,
  },
];
