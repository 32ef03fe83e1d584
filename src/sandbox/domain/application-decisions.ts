/**
 * The sandbox's adjudication of in-store applications (§0A.10, §10): the middle-name trigger table,
 * approval (customer, account and card created at once) and pending applications turning approved
 * on the sandbox clock.
 */
import { randomInt } from 'node:crypto';
import type { Cents } from '../../shared/money';
import { registerTimeHook } from '../time-hooks';
import type { Account, Application, Merchant, RiskRating, SandboxState } from '../state/model';

export type Decision = Application['decision'];

export type TriggerOutcome =
  | { kind: 'approved'; risk: RiskRating; limit: Cents }
  /** A-RR_XX / A-RR_XXX: approved only when the merchant enables standard accounts. */
  | { kind: 'standard'; risk: RiskRating; limit: Cents }
  | { kind: 'pending'; reason: string; resolves: boolean }
  | { kind: 'declined'; reason: string }
  | { kind: 'create_error' };

/** Approval of a pending application and of a middle name that is no trigger: M, 7500.00. */
export const DEFAULT_APPROVAL = { risk: 'M' as RiskRating, limit: 750_000 };

const TRIGGERS: Record<string, TriggerOutcome> = {
  'A-RR_L': { kind: 'approved', risk: 'L', limit: 1_000_000 },
  'A-RR_M': { kind: 'approved', risk: 'M', limit: 750_000 },
  'A-RR_H': { kind: 'approved', risk: 'H', limit: 500_000 },
  'A-RR_X': { kind: 'approved', risk: 'X', limit: 300_000 },
  'A-RR_XX': { kind: 'standard', risk: 'Y', limit: 200_000 },
  'A-RR_XXX': { kind: 'standard', risk: 'Z', limit: 100_000 },
  'P-REVIEW_MISC': { kind: 'pending', reason: 'review_misc', resolves: true },
  'P-EXIST_CUST': { kind: 'pending', reason: 'exist_cust', resolves: true },
  'P-CREDIT': { kind: 'pending', reason: 'credit', resolves: true },
  'P-MISSING_INFO': { kind: 'pending', reason: 'missing_info', resolves: true },
  'P-FRAUD': { kind: 'pending', reason: 'fraud', resolves: false },
  'D-MISSING_INFO': { kind: 'declined', reason: 'missing_info' },
  'D-DUPLICATE': { kind: 'declined', reason: 'duplicate' },
  'D-NO_HIT': { kind: 'declined', reason: 'no_hit' },
  'D-NO_SCORE': { kind: 'declined', reason: 'no_score' },
  'D-FRAUD': { kind: 'declined', reason: 'fraud' },
  'D-EMAIL_DBL_TIMEOUT': { kind: 'create_error' },
};

/** The trigger key of a middle name (trimmed, case-insensitive), or null when it is none. */
export function triggerOf(middleName: string | undefined): string | null {
  const key = (middleName ?? '').trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(TRIGGERS, key) ? key : null;
}

export function outcomeOf(trigger: string | null): TriggerOutcome {
  const outcome = trigger === null ? undefined : TRIGGERS[trigger];
  return outcome ?? { kind: 'approved', ...DEFAULT_APPROVAL };
}

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A new 16-digit card number (the demo IIN 521234, Luhn-valid), unused in the state. */
export function generateCardNumber(state: SandboxState): string {
  const used = new Set<string>();
  for (const a of state.accounts.values()) for (const c of a.cards) used.add(c.vccNumber);
  for (;;) {
    const body = `521234${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
    const card = body + luhnCheckDigit(body);
    if (!used.has(card)) return card;
  }
}

/** Creates the applicant's customer, account and card; the application becomes approved. */
export function approve(
  state: SandboxState,
  merchant: Merchant,
  application: Application,
  at: Date,
  risk: RiskRating,
  limit: Cents,
): Account {
  const customerId = String(state.nextId('customer'));
  const {
    accountType,
    riskRatingOnApproval: _r,
    creditLimitOnApproval: _l,
    ...person
  } = application.applicant;
  state.customers.set(customerId, { ...person, customerId });
  const account: Account = {
    accountNumber: state.nextId('account'),
    customerId,
    accountType,
    status: 'N',
    statusReasonCode: 'NNOR',
    riskRating: risk,
    creditLimit: limit,
    openingBalance: 0,
    air: 0.3099,
    activated: true,
    tosAgreement: true,
    paymentProtection: application.insuranceOptIn ?? false,
    cards: [{ vccNumber: generateCardNumber(state) }],
    originatingMerchantId: merchant.merchantId,
    originatingMerchantName: merchant.name,
    createdAt: at,
  };
  if (application.requestId !== undefined) account.applicationRequestId = application.requestId;
  state.accounts.set(account.accountNumber, account);
  application.decision = 'approved';
  application.reason = null;
  application.resolvesAt = null;
  application.accountNumber = account.accountNumber;
  application.customerId = customerId;
  return account;
}

/** Pending applications whose delay has passed turn approved (never P-FRAUD: resolvesAt stays null). */
export function resolvePendingApplications(state: SandboxState, now: Date): void {
  for (const application of state.applications.values()) {
    if (application.decision !== 'pending' || application.resolvesAt === null) continue;
    if (now.getTime() < application.resolvesAt.getTime()) continue;
    const merchant = state.merchants.get(application.clientId);
    if (!merchant) continue;
    approve(
      state,
      merchant,
      application,
      application.resolvesAt,
      application.applicant.riskRatingOnApproval,
      application.applicant.creditLimitOnApproval,
    );
  }
}

registerTimeHook(resolvePendingApplications);
