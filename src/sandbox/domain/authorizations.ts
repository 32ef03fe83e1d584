/**
 * T2 authorization and T3 release (§0A.11). Every check runs before anything is written, in the
 * documented order, and the PIN is burnt only once the authorization is recorded.
 */
import type { Cents } from '../../shared/money';
import { ApiError } from '../http/api-error';
import type { RouteContext } from '../http/route';
import { accountBalances, remainingAuthorization } from '../state/ledger';
import type {
  Account,
  Authorization,
  Capture,
  Customer,
  Merchant,
  SandboxState,
  TransactionType,
} from '../state/model';
import { findAuthorizationOfClient, requireMerchant } from './authorization-lookup';
import { recordCapture } from './captures';
import {
  checkAbleToPurchase,
  checkAccountType,
  checkCardOfAccount,
  checkEmployeePermitted,
  checkLocation,
  findAccount,
} from './merchant-rules';
import {
  airObject,
  aprObject,
  categoryFor,
  interestCents,
  planById,
  planFees,
  planRateFor,
  priceTerm,
} from './plans';
import { consumeVerification, type VerificationGrant } from './verification-codes';

export interface AuthorizeInput {
  accountNumber: number;
  vccNumber?: string;
  reference?: string;
  transactionType: TransactionType;
  planId?: number;
  term?: number;
  amount: Cents;
  autoCapture: boolean;
  verificationCode?: string;
  requestId?: string;
  externalLocationId?: string;
  externalEmployeeId?: string;
  skuData?: unknown;
}

export interface AuthorizeResult {
  auth: Authorization;
  capture: Capture | null;
}

export function customerOf(state: SandboxState, account: Account): Customer | undefined {
  return state.customers.get(account.customerId);
}

/** A customer token must have opened a purchase widget for this account or one of its cards (§0A.11). */
function checkWidgetIdentity(ctx: RouteContext, account: Account): void {
  const token = ctx.auth?.accessToken;
  for (const session of ctx.state.widgetSessions.values()) {
    if (session.accessToken !== token || session.flow !== 'purchase') continue;
    if (session.accountNumber === account.accountNumber) return;
    if (session.vccNumber !== undefined && account.cards.some((c) => c.vccNumber === session.vccNumber))
      return;
  }
  throw new ApiError(404, 'customer_identity_not_found');
}

interface Pricing {
  planId: number | null;
  planName: string | null;
  term: number | null;
  termAmount: Cents;
  rate: number;
  interest: Cents;
}

function pricePurchase(
  merchant: Merchant,
  account: Account,
  province: string,
  input: AuthorizeInput,
): Pricing {
  if (input.transactionType === 'regular_purchase') {
    return {
      planId: null,
      planName: null,
      term: null,
      termAmount: input.amount,
      rate: account.air,
      interest: 0,
    };
  }
  const plan = input.planId === undefined ? undefined : planById(input.planId);
  if (!plan || !merchant.plans.includes(plan.planId)) throw new ApiError(409, 'plan_term_not_set');
  const rate = planRateFor(plan, categoryFor(account.riskRating), province);
  const term = input.term ?? 0;
  if (rate === null || !plan.terms.includes(term)) throw new ApiError(409, 'plan_term_not_available');
  return {
    planId: plan.planId,
    planName: plan.planName,
    term,
    termAmount: priceTerm(input.amount, plan, term, rate),
    rate,
    interest: interestCents(input.amount, plan, term, rate),
  };
}

export function authorize(ctx: RouteContext, input: AuthorizeInput): AuthorizeResult {
  const { state } = ctx;
  const merchant = requireMerchant(ctx);
  const now = ctx.now();
  const account = findAccount(state, input.accountNumber);
  checkCardOfAccount(state, account, input.vccNumber);
  checkLocation(merchant, input.externalLocationId);
  checkAccountType(merchant, account);
  checkAbleToPurchase(account);

  let grant: VerificationGrant | null = null;
  if (ctx.auth?.scope === 'customer') {
    checkWidgetIdentity(ctx, account);
  } else {
    grant = consumeVerification(ctx, {
      accountNumber: account.accountNumber,
      requestId: input.requestId,
      verificationCode: input.verificationCode,
      transactionType: input.transactionType,
      amount: input.amount,
    });
  }

  if (!input.autoCapture && !merchant.preauthAllowed) throw new ApiError(409, 'auth_not_allowed');
  const province = customerOf(state, account)?.province ?? '';
  const pricing = pricePurchase(merchant, account, province, input);
  const { availableCredit } = accountBalances(state, account);
  if (input.amount + pricing.interest > availableCredit) throw new ApiError(409, 'credit_exceeded');

  const plan = pricing.planId === null ? undefined : planById(pricing.planId);
  const auth: Authorization = {
    authorizationId: state.nextId('authorization'),
    clientId: merchant.clientId,
    accountNumber: account.accountNumber,
    createdAt: now,
    transactionType: input.transactionType,
    planId: pricing.planId,
    planName: pricing.planName,
    term: pricing.term,
    termAmount: pricing.termAmount,
    rate:
      input.transactionType === 'regular_purchase'
        ? airObject(pricing.rate, province, 'en')
        : aprObject(pricing.rate, province, 'en'),
    fees: plan ? planFees(plan, 'en') : [],
    authorized: input.amount,
    captured: 0,
    released: 0,
    status: 'opened',
    autoCaptureId: null,
    captureIds: [],
  };
  if (input.vccNumber !== undefined) auth.vccNumber = input.vccNumber;
  if (input.reference !== undefined) auth.reference = input.reference;
  if (input.requestId !== undefined) auth.requestId = input.requestId;
  if (input.externalLocationId !== undefined) auth.externalLocationId = input.externalLocationId;
  if (input.externalEmployeeId !== undefined) auth.externalEmployeeId = input.externalEmployeeId;
  if (input.skuData !== undefined) auth.skuData = input.skuData;
  state.authorizations.set(auth.authorizationId, auth);

  let capture: Capture | null = null;
  if (input.autoCapture) {
    const extras: Parameters<typeof recordCapture>[4] = {};
    if (input.reference !== undefined) extras.reference = input.reference;
    if (input.externalLocationId !== undefined) extras.externalLocationId = input.externalLocationId;
    if (input.externalEmployeeId !== undefined) extras.externalEmployeeId = input.externalEmployeeId;
    capture = recordCapture(state, auth, input.amount, now, extras);
    auth.autoCaptureId = capture.captureId;
  }
  grant?.commit();
  return { auth, capture };
}

export interface ReleaseInput {
  /** Absent: the whole remainder. */
  amount?: Cents;
  reference?: string;
  vccNumber?: string;
  externalLocationId?: string;
  externalEmployeeId?: string;
}

export function releaseAuthorization(
  ctx: RouteContext,
  authorizationId: number,
  input: ReleaseInput,
): { auth: Authorization; released: Cents } {
  const merchant = requireMerchant(ctx);
  const auth = findAuthorizationOfClient(ctx.state, merchant.clientId, authorizationId);
  const account = findAccount(ctx.state, auth.accountNumber);
  checkCardOfAccount(ctx.state, account, input.vccNumber);
  checkLocation(merchant, input.externalLocationId);
  checkAccountType(merchant, account);
  checkEmployeePermitted(merchant, input.externalEmployeeId);
  if (auth.status !== 'opened') throw new ApiError(409, 'authorization_ended');
  const remaining = remainingAuthorization(auth);
  const released = input.amount ?? remaining;
  if (released > remaining) throw new ApiError(409, 'auth_amount_exceeded');
  auth.released += released;
  if (remainingAuthorization(auth) === 0) auth.status = 'closed';
  return { auth, released };
}
