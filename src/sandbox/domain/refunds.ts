/** T6 refund to an account (§0A.11): capped at the posted balance; capture_id is kept for reference only. */
import type { Cents } from '../../shared/money';
import { ApiError } from '../http/api-error';
import type { RouteContext } from '../http/route';
import { accountBalances } from '../state/ledger';
import type { Refund } from '../state/model';
import { requireMerchant } from './authorization-lookup';
import { checkAccountType, checkCardOfAccount, checkLocation, findAccount } from './merchant-rules';

export interface RefundInput {
  amount: Cents;
  captureId?: number;
  reference?: string;
  vccNumber?: string;
  externalLocationId?: string;
  externalEmployeeId?: string;
  skuData?: unknown;
}

export function refundAccount(ctx: RouteContext, accountNumber: number, input: RefundInput): Refund {
  const merchant = requireMerchant(ctx);
  const account = findAccount(ctx.state, accountNumber);
  if (input.captureId !== undefined) {
    const capture = ctx.state.captures.get(input.captureId);
    if (!capture || capture.accountNumber !== account.accountNumber) throw new ApiError(404, 'not_found');
  }
  checkCardOfAccount(ctx.state, account, input.vccNumber);
  checkLocation(merchant, input.externalLocationId);
  checkAccountType(merchant, account);
  if (input.amount > accountBalances(ctx.state, account).postedBalance) {
    throw new ApiError(409, 'refunds_limit_exceeded_amount');
  }
  const refund: Refund = {
    refundId: ctx.state.nextId('refund'),
    clientId: merchant.clientId,
    accountNumber: account.accountNumber,
    amount: input.amount,
    createdAt: ctx.now(),
  };
  if (input.captureId !== undefined) refund.captureId = input.captureId;
  if (input.reference !== undefined) refund.reference = input.reference;
  if (input.externalLocationId !== undefined) refund.externalLocationId = input.externalLocationId;
  if (input.externalEmployeeId !== undefined) refund.externalEmployeeId = input.externalEmployeeId;
  if (input.skuData !== undefined) refund.skuData = input.skuData;
  ctx.state.refunds.push(refund);
  return refund;
}
