/**
 * Builds a fresh sandbox state with the demo data loaded. POST /sandbox/reset builds a new one.
 */
import { demoCustomersAndAccounts, demoMerchants } from './demo-data';
import type { IdKind, SandboxSettings, SandboxState } from './model';

export const DEFAULT_SETTINGS: SandboxSettings = { pendingDelaySeconds: 30 };

/**
 * First id of each kind: positive, within the documented lengths (capture_id number(9),
 * authorization_id and return_id number(16), account_number number(14)) and far below 2^53.
 */
const FIRST_ID: Record<IdKind, number> = {
  authorization: 1_000_000_000_000_001,
  capture: 346_000_001,
  return: 5_550_000_001,
  refund: 6_000_001,
  transaction: 5_000_001,
  application: 700_000_001,
  account: 116_995_001,
  customer: 900_001,
  outbox: 1,
};

export function createIdGenerator(): (kind: IdKind) => number {
  const next = { ...FIRST_ID };
  return (kind) => {
    const id = next[kind];
    next[kind] = id + 1;
    return id;
  };
}

export function createSandboxState(now: Date, settings: Partial<SandboxSettings> = {}): SandboxState {
  const { customers, accounts } = demoCustomersAndAccounts(now);
  return {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    merchants: new Map(demoMerchants().map((m) => [m.clientId, m])),
    customers: new Map(customers.map((c) => [c.customerId, c])),
    accounts: new Map(accounts.map((a) => [a.accountNumber, a])),
    authorizations: new Map(),
    captures: new Map(),
    refunds: [],
    transactions: [],
    verifications: [],
    securityAnswerFailures: [],
    applications: new Map(),
    tokens: new Map(),
    refreshTokens: new Map(),
    outbox: [],
    widgetSessions: new Map(),
    nextId: createIdGenerator(),
  };
}
