/**
 * Checks every money endpoint shares (§0A.11, §0A.12): the card belongs to the account, the store is
 * registered, the merchant takes this account type, the employee may reverse money.
 */
import { ApiError } from '../http/api-error';
import type { Account, Merchant, SandboxState } from '../state/model';

export function findAccount(state: SandboxState, accountNumber: number): Account {
  const account = state.accounts.get(accountNumber);
  if (!account) throw new ApiError(404, 'not_found');
  return account;
}

/** The account holding this card, or undefined. */
export function accountOfCard(state: SandboxState, vccNumber: string): Account | undefined {
  for (const account of state.accounts.values()) {
    if (account.cards.some((c) => c.vccNumber === vccNumber)) return account;
  }
  return undefined;
}

/** An unknown card is 404 not_found; a card of another account is 409 vcc_account_mismatch. */
export function checkCardOfAccount(
  state: SandboxState,
  account: Account,
  vccNumber: string | undefined,
): void {
  if (vccNumber === undefined) return;
  if (account.cards.some((c) => c.vccNumber === vccNumber)) return;
  if (!accountOfCard(state, vccNumber)) throw new ApiError(404, 'not_found');
  throw new ApiError(409, 'vcc_account_mismatch');
}

export function checkLocation(merchant: Merchant, externalLocationId: string | undefined): void {
  if (externalLocationId === undefined) return;
  if (!merchant.locations.includes(externalLocationId))
    throw new ApiError(409, 'external_location_id_not_found');
}

export function checkAccountType(merchant: Merchant, account: Account): void {
  if (!merchant.accountTypes.includes(account.accountType))
    throw new ApiError(409, 'account_type_not_permitted');
}

/** Restricted employees may not release, capture or return (§0A.12). */
export function checkEmployeePermitted(merchant: Merchant, externalEmployeeId: string | undefined): void {
  if (externalEmployeeId !== undefined && merchant.restrictedEmployees.includes(externalEmployeeId)) {
    throw new ApiError(409, 'not_permitted');
  }
}

/** Purchases need a normal, activated account. */
export function checkAbleToPurchase(account: Account): void {
  if (account.status !== 'N' || !account.activated) throw new ApiError(409, 'user_not_able_to_purchase');
}
