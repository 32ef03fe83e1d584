/**
 * The purchase journey's AccountView for an account Flexiti just opened: no lookup channel takes an
 * accountRef, so it is built from the approval (a new account is active, with all its limit available).
 */
import type { Applicant, ApplicationDecisionView } from '../../../shared/ipc/channels/application';
import type { AccountView } from '../../../shared/ipc/channels/customers';

type Approved = Extract<ApplicationDecisionView, { decision: 'approved' }>;

export function newAccountView(decision: Approved, applicant: Applicant): AccountView {
  const { account } = decision;
  return {
    accountRef: account.accountRef,
    cardMasked: account.cardMasked,
    firstName: applicant.firstName,
    lastName: applicant.lastName,
    status: 'normal',
    canPurchase: true,
    accountType: applicant.accountType ?? 'consumer',
    ...(account.creditLimitCents !== undefined
      ? { creditLimitCents: account.creditLimitCents, availableCreditCents: account.creditLimitCents }
      : {}),
    ...(applicant.preferredLanguage ? { preferredLanguage: applicant.preferredLanguage } : {}),
  };
}
