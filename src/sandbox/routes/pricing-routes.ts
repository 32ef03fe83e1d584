/** C5 calculate-interest (§5 C5, §0A.9): every option the customer can use at this merchant, priced. */
import { z } from 'zod';
import { centsToWire } from '../../shared/money';
import { ApiError } from '../http/api-error';
import type { RouteContext, RouteDef, RouteResult } from '../http/route';
import { money, parseOrThrow, pathId } from '../http/validation';
import { accountBalances } from '../state/ledger';
import type { SandboxState } from '../state/model';
import { requireMerchant } from '../domain/authorization-lookup';
import { customerOf } from '../domain/authorizations';
import { checkAbleToPurchase, findAccount } from '../domain/merchant-rules';
import { feesWire, rateWire } from '../domain/money-views';
import { aprObject, categoryFor, planFees, plansOfferedTo, priceTerm } from '../domain/plans';
import { BYPASS_MAX_CENTS, bypassAvailable } from '../domain/verification-codes';

const bodySchema = z.object({ amount: money() });

/**
 * A customer token may price only the account its purchase widget was opened for; anything else is
 * outside what that token was granted.
 */
function checkCustomerTokenReach(ctx: RouteContext, state: SandboxState, accountNumber: number): void {
  if (ctx.auth?.scope !== 'customer') return;
  const account = state.accounts.get(accountNumber);
  for (const session of state.widgetSessions.values()) {
    if (session.accessToken !== ctx.auth.accessToken) continue;
    if (session.accountNumber === accountNumber) return;
    if (session.vccNumber !== undefined && account?.cards.some((c) => c.vccNumber === session.vccNumber))
      return;
  }
  throw new ApiError(403, 'insufficient_scope', {
    description: 'Insufficient scope: authorized scope is insufficient',
  });
}

function calculateInterest(ctx: RouteContext): RouteResult {
  const merchant = requireMerchant(ctx);
  const accountNumber = pathId(ctx.params.account_number, 14);
  checkCustomerTokenReach(ctx, ctx.state, accountNumber);
  const { amount } = parseOrThrow(bodySchema, ctx.body ?? {});
  const account = findAccount(ctx.state, accountNumber);
  const customer = customerOf(ctx.state, account);
  if (!customer) throw new ApiError(404, 'not_found');
  checkAbleToPurchase(account);

  const { availableCredit } = accountBalances(ctx.state, account);
  const verify = amount <= BYPASS_MAX_CENTS && bypassAvailable(ctx.state, account.accountNumber, ctx.now());
  const promotional = plansOfferedTo(merchant, account, customer).map(({ plan, rate }) => ({
    plan_id: plan.planId,
    plan_name: plan.planName,
    terms: plan.terms.map((term) => ({
      term,
      term_amount: centsToWire(priceTerm(amount, plan, term, rate)),
      fees: feesWire(planFees(plan, ctx.lang)),
      ...rateWire(aprObject(rate, customer.province, ctx.lang), ctx.version),
    })),
  }));
  return {
    status: 200,
    body: {
      account_number: account.accountNumber,
      account_type: account.accountType,
      amount: centsToWire(amount),
      customer: {
        air: account.air,
        available_credit: centsToWire(availableCredit),
        first_name: customer.firstName,
        last_name: customer.lastName,
        category_type: categoryFor(account.riskRating),
      },
      regular_purchase: { term_amount: centsToWire(amount), air: account.air, fees: [], verify },
      promotional_purchase: promotional,
    },
  };
}

export const pricingRoutes: RouteDef[] = [
  {
    id: 'C5',
    method: 'POST',
    pattern: '/client-id/:client_id/accounts/:account_number/calculate-interest',
    scopes: ['merchant', 'customer'],
    idempotent: false,
    handle: calculateInterest,
  },
];
