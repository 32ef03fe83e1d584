/** T5 return against a capture (§0A.11): promotional only, within 100 days, never above what remains. */
import type { Cents } from '../../shared/money';
import { ApiError } from '../http/api-error';
import type { RouteContext } from '../http/route';
import { remainingCapture } from '../state/ledger';
import type { Authorization, Capture, ReturnRecord } from '../state/model';
import { findAuthorizationOfClient, requireMerchant } from './authorization-lookup';
import {
  checkAccountType,
  checkCardOfAccount,
  checkEmployeePermitted,
  checkLocation,
  findAccount,
} from './merchant-rules';

export const RETURN_WINDOW_MS = 100 * 24 * 60 * 60 * 1000;

export interface ReturnInput {
  /** Ignored when fullReturn is true; required otherwise (the route checks). */
  amount?: Cents;
  fullReturn: boolean;
  reference?: string;
  vccNumber?: string;
  externalLocationId?: string;
  externalEmployeeId?: string;
  skuData?: unknown;
}

export function returnCapture(
  ctx: RouteContext,
  authorizationId: number,
  captureId: number,
  input: ReturnInput,
): { record: ReturnRecord; capture: Capture; auth: Authorization } {
  const merchant = requireMerchant(ctx);
  const auth = findAuthorizationOfClient(ctx.state, merchant.clientId, authorizationId);
  const capture = ctx.state.captures.get(captureId);
  if (!capture || capture.authorizationId !== auth.authorizationId) throw new ApiError(404, 'not_found');
  const account = findAccount(ctx.state, auth.accountNumber);
  checkCardOfAccount(ctx.state, account, input.vccNumber);
  checkLocation(merchant, input.externalLocationId);
  checkAccountType(merchant, account);
  checkEmployeePermitted(merchant, input.externalEmployeeId);
  if (auth.transactionType !== 'promotional_purchase') throw new ApiError(409, 'wrong_transaction_type');
  const now = ctx.now();
  if (now.getTime() - capture.createdAt.getTime() > RETURN_WINDOW_MS)
    throw new ApiError(409, 'return_date_exceeded');
  const remaining = remainingCapture(capture);
  const amount = input.fullReturn ? remaining : (input.amount ?? 0);
  if (remaining === 0 || amount > remaining) throw new ApiError(409, 'capture_amount_exceeded');

  const record: ReturnRecord = {
    returnId: ctx.state.nextId('return'),
    captureId: capture.captureId,
    authorizationId: auth.authorizationId,
    createdAt: now,
    amount,
  };
  if (input.reference !== undefined) record.reference = input.reference;
  if (input.externalLocationId !== undefined) record.externalLocationId = input.externalLocationId;
  if (input.externalEmployeeId !== undefined) record.externalEmployeeId = input.externalEmployeeId;
  if (input.skuData !== undefined) record.skuData = input.skuData;
  capture.returns.push(record);
  return { record, capture, auth };
}
