/** T4 capture (§0A.11): partial captures until nothing remains, then the authorization is closed. */
import type { Cents } from '../../shared/money';
import { ApiError } from '../http/api-error';
import type { RouteContext } from '../http/route';
import { remainingAuthorization } from '../state/ledger';
import type { Authorization, Capture, SandboxState } from '../state/model';
import { findAuthorizationOfClient, requireMerchant } from './authorization-lookup';
import {
  checkAccountType,
  checkCardOfAccount,
  checkEmployeePermitted,
  checkLocation,
  findAccount,
} from './merchant-rules';

export interface CaptureInput {
  amount: Cents;
  reference?: string;
  vccNumber?: string;
  externalLocationId?: string;
  externalEmployeeId?: string;
  skuData?: unknown;
}

/** Records a capture of `amount` (already checked) and closes the authorization when nothing remains. */
export function recordCapture(
  state: SandboxState,
  auth: Authorization,
  amount: Cents,
  now: Date,
  extras: Omit<CaptureInput, 'amount' | 'vccNumber'>,
): Capture {
  const capture: Capture = {
    captureId: state.nextId('capture'),
    authorizationId: auth.authorizationId,
    clientId: auth.clientId,
    accountNumber: auth.accountNumber,
    createdAt: now,
    amount,
    returns: [],
  };
  if (extras.reference !== undefined) capture.reference = extras.reference;
  if (extras.externalLocationId !== undefined) capture.externalLocationId = extras.externalLocationId;
  if (extras.externalEmployeeId !== undefined) capture.externalEmployeeId = extras.externalEmployeeId;
  if (extras.skuData !== undefined) capture.skuData = extras.skuData;
  state.captures.set(capture.captureId, capture);
  auth.captured += amount;
  auth.captureIds.push(capture.captureId);
  if (remainingAuthorization(auth) === 0) auth.status = 'closed';
  return capture;
}

export function captureAuthorization(
  ctx: RouteContext,
  authorizationId: number,
  input: CaptureInput,
): { capture: Capture; auth: Authorization } {
  const merchant = requireMerchant(ctx);
  const auth = findAuthorizationOfClient(ctx.state, merchant.clientId, authorizationId);
  const account = findAccount(ctx.state, auth.accountNumber);
  checkCardOfAccount(ctx.state, account, input.vccNumber);
  checkLocation(merchant, input.externalLocationId);
  checkAccountType(merchant, account);
  checkEmployeePermitted(merchant, input.externalEmployeeId);
  if (auth.status === 'closed') throw new ApiError(409, 'authorization_ended');
  // Flexiti answers not_permitted, not authorization_ended, for an expired (unauthorized) authorization.
  if (auth.status === 'unauthorized') throw new ApiError(409, 'not_permitted');
  if (input.amount > remainingAuthorization(auth)) throw new ApiError(409, 'auth_amount_exceeded');
  const capture = recordCapture(ctx.state, auth, input.amount, ctx.now(), input);
  return { capture, auth };
}
