/**
 * T1 transactions (§0A.11): deposits, in-store payments and trade-ins all credit the account. Capped at
 * the posted balance and at 10,000.00 of payments per account in 24 hours.
 */
import type { Cents } from '../../shared/money';
import { ApiError } from '../http/api-error';
import type { RouteContext } from '../http/route';
import { accountBalances } from '../state/ledger';
import type { Account, AccountTransaction, SandboxState } from '../state/model';
import { requireMerchant } from './authorization-lookup';
import { accountOfCard, checkAccountType, checkLocation } from './merchant-rules';
import { consumeVerification } from './verification-codes';

export const PAYMENT_LIMIT_24H: Cents = 1_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type AccountTransactionType = AccountTransaction['transactionType'];

export type AccountIdentifier =
  | { kind: 'account_number'; accountNumber: number }
  | { kind: 'vcc_number'; vccNumber: string }
  | { kind: 'customer_id'; customerId: string };

export interface TransactionInput {
  transactionType: AccountTransactionType;
  amount: Cents;
  identifier: AccountIdentifier;
  verificationCode?: string;
  requestId: string;
  externalLocationId: string;
  externalEmployeeId: string;
}

function resolveAccount(state: SandboxState, id: AccountIdentifier): Account {
  let account: Account | undefined;
  if (id.kind === 'account_number') account = state.accounts.get(id.accountNumber);
  else if (id.kind === 'vcc_number') account = accountOfCard(state, id.vccNumber);
  else {
    for (const candidate of state.accounts.values()) {
      const primary = candidate.customerId === id.customerId;
      const authorizedUser = candidate.cards.some((c) => c.authorizedUserCustomerId === id.customerId);
      if (primary || authorizedUser) {
        account = candidate;
        break;
      }
    }
  }
  if (!account) throw new ApiError(404, 'not_found');
  return account;
}

export function postTransaction(ctx: RouteContext, input: TransactionInput): AccountTransaction {
  const merchant = requireMerchant(ctx);
  const { state } = ctx;
  const now = ctx.now();
  const account = resolveAccount(state, input.identifier);
  checkLocation(merchant, input.externalLocationId);
  checkAccountType(merchant, account);
  if (!account.activated) throw new ApiError(409, 'user_not_active');
  if (account.status !== 'N') throw new ApiError(409, 'user_not_able_to_purchase');
  const grant = consumeVerification(ctx, {
    accountNumber: account.accountNumber,
    requestId: input.requestId,
    verificationCode: input.verificationCode,
    transactionType: input.transactionType,
    amount: input.amount,
  });
  if (input.amount > accountBalances(state, account).postedBalance)
    throw new ApiError(409, 'not_enough_credit');
  const since = now.getTime() - DAY_MS;
  let paidToday = 0;
  for (const t of state.transactions) {
    if (t.accountNumber === account.accountNumber && t.createdAt.getTime() > since) paidToday += t.amount;
  }
  if (paidToday + input.amount > PAYMENT_LIMIT_24H) throw new ApiError(409, 'limit_payment_amount_24');

  const transaction: AccountTransaction = {
    transactionId: state.nextId('transaction'),
    clientId: merchant.clientId,
    accountNumber: account.accountNumber,
    transactionType: input.transactionType,
    amount: input.amount,
    createdAt: now,
  };
  state.transactions.push(transaction);
  grant.commit();
  return transaction;
}
