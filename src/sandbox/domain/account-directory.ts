/**
 * Finding accounts, their holders and their cards: the one place that knows how a card, an account
 * and a customer id lead to each other.
 */
import type { Account, Card, Customer, SandboxState } from '../state/model';

/** The primary holder's card (the first card without an authorized user). */
export function primaryCard(account: Account): Card | undefined {
  return account.cards.find((c) => c.authorizedUserCustomerId === undefined) ?? account.cards[0];
}

export function holderOf(state: SandboxState, account: Account): Customer | undefined {
  return state.customers.get(account.customerId);
}

export function findByVcc(
  state: SandboxState,
  vccNumber: string,
): { account: Account; card: Card } | undefined {
  for (const account of state.accounts.values()) {
    const card = account.cards.find((c) => c.vccNumber === vccNumber);
    if (card) return { account, card };
  }
  return undefined;
}

/** A primary holder's customer id, or an authorized user's '<master>-<user>' id, to its account. */
export function findByCustomerId(
  state: SandboxState,
  customerId: string,
): { account: Account; card?: Card } | undefined {
  for (const account of [...state.accounts.values()].sort((a, b) => a.accountNumber - b.accountNumber)) {
    if (account.customerId === customerId) return { account };
    const card = account.cards.find((c) => c.authorizedUserCustomerId === customerId);
    if (card) return { account, card };
  }
  return undefined;
}

export function isCardOf(account: Account, vccNumber: string): boolean {
  return account.cards.some((c) => c.vccNumber === vccNumber);
}

/** Same first name, last name and dob, compared case-insensitively (§0A.10 customer_already_exists). */
export function samePerson(
  a: { firstName: string; lastName: string; dob: string },
  b: { firstName: string; lastName: string; dob: string },
): boolean {
  const norm = (s: string) => s.trim().toLowerCase();
  return norm(a.firstName) === norm(b.firstName) && norm(a.lastName) === norm(b.lastName) && a.dob === b.dob;
}
