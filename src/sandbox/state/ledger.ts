/**
 * The account money model of §0A.11, derived from the records every time, so it can never drift
 * from what was actually authorized, captured, returned, refunded and paid.
 */
import type { Cents } from '../../shared/money';
import type { Account, SandboxState } from './model';

export interface AccountBalances {
  creditLimit: Cents;
  /** opening balance + captures − returns − refunds − transactions, never below 0 */
  postedBalance: Cents;
  /** Σ remaining amount of opened authorizations */
  openHolds: Cents;
  /** creditLimit − postedBalance − openHolds, never below 0 */
  availableCredit: Cents;
}

export function remainingAuthorization(a: { authorized: Cents; captured: Cents; released: Cents }): Cents {
  return a.authorized - a.captured - a.released;
}

export function remainingCapture(c: { amount: Cents; returns: Array<{ amount: Cents }> }): Cents {
  return c.amount - c.returns.reduce((sum, r) => sum + r.amount, 0);
}

export function accountBalances(state: SandboxState, account: Account): AccountBalances {
  let captured = 0;
  let returned = 0;
  for (const capture of state.captures.values()) {
    if (capture.accountNumber !== account.accountNumber) continue;
    captured += capture.amount;
    for (const r of capture.returns) returned += r.amount;
  }
  let refunded = 0;
  for (const refund of state.refunds)
    if (refund.accountNumber === account.accountNumber) refunded += refund.amount;
  let paid = 0;
  for (const t of state.transactions) if (t.accountNumber === account.accountNumber) paid += t.amount;
  let openHolds = 0;
  for (const auth of state.authorizations.values()) {
    if (auth.accountNumber === account.accountNumber && auth.status === 'opened') {
      openHolds += remainingAuthorization(auth);
    }
  }
  const postedBalance = Math.max(0, account.openingBalance + captured - returned - refunded - paid);
  const availableCredit = Math.max(0, account.creditLimit - postedBalance - openHolds);
  return { creditLimit: account.creditLimit, postedBalance, openHolds, availableCredit };
}
