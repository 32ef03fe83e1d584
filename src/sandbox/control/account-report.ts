/**
 * GET /sandbox/accounts/{n}: the account's ledger in full, money both as wire dollars and integer cents,
 * so a test can audit that nothing was lost or doubled.
 */
import { centsToWire, type Cents } from '../../shared/money';
import { accountBalances, remainingAuthorization, remainingCapture } from '../state/ledger';
import type { Account, SandboxState } from '../state/model';

function money(name: string, cents: Cents): Record<string, number> {
  return { [name]: centsToWire(cents), [`${name}_cents`]: cents };
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function accountReport(state: SandboxState, account: Account): Record<string, unknown> {
  const b = accountBalances(state, account);
  const n = account.accountNumber;
  const authorizations = [...state.authorizations.values()]
    .filter((a) => a.accountNumber === n)
    .map((a) => ({
      authorization_id: a.authorizationId,
      client_id: a.clientId,
      status: a.status,
      transaction_type: a.transactionType,
      plan_id: a.planId,
      term: a.term,
      reference: a.reference ?? null,
      date: iso(a.createdAt),
      ...money('authorized_amount', a.authorized),
      ...money('captured_amount', a.captured),
      ...money('released_amount', a.released),
      ...money('remaining_authorization_amount', remainingAuthorization(a)),
      capture_ids: [...a.captureIds],
    }));
  const captures = [...state.captures.values()]
    .filter((c) => c.accountNumber === n)
    .map((c) => ({
      capture_id: c.captureId,
      authorization_id: c.authorizationId,
      reference: c.reference ?? null,
      date: iso(c.createdAt),
      ...money('amount', c.amount),
      ...money('remaining_capture_amount', remainingCapture(c)),
      returns: c.returns.map((r) => ({
        return_id: r.returnId,
        date: iso(r.createdAt),
        ...money('amount', r.amount),
      })),
    }));
  const refunds = state.refunds
    .filter((r) => r.accountNumber === n)
    .map((r) => ({
      refund_id: r.refundId,
      capture_id: r.captureId ?? null,
      date: iso(r.createdAt),
      ...money('amount', r.amount),
    }));
  const transactions = state.transactions
    .filter((t) => t.accountNumber === n)
    .map((t) => ({
      transaction_id: t.transactionId,
      transaction_type: t.transactionType,
      date: iso(t.createdAt),
      ...money('amount', t.amount),
    }));
  return {
    account_number: n,
    customer_id: account.customerId,
    account_type: account.accountType,
    account_status: account.status,
    account_status_reason_code: account.statusReasonCode,
    risk_rating: account.riskRating,
    activated: account.activated,
    creation_date: iso(account.createdAt).slice(0, 10),
    ...money('credit_limit', b.creditLimit),
    ...money('opening_balance', account.openingBalance),
    ...money('posted_balance', b.postedBalance),
    ...money('open_holds', b.openHolds),
    ...money('available_credit', b.availableCredit),
    authorizations,
    captures,
    refunds,
    transactions,
  };
}
