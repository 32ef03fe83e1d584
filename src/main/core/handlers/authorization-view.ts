/** A Flexiti authorization record as the contract's AuthorizationView (amounts in cents, card masked). */
import { MASK_DOTS } from '../../../shared/masking';
import { AUTHORIZATION_STATUSES, type AuthorizationView } from '../../../shared/ipc/channels/purchase';
import type { AuthorizationRecord } from '../flexiti/schemas/transaction-schemas';
import { feeView, rateView } from './pricing-views';

export function maskedCard(ending: string | undefined): string {
  const digits = (ending ?? '').replace(/\D/g, '').slice(-4);
  return digits.length === 4 ? `${MASK_DOTS} ${digits}` : MASK_DOTS;
}

const nonNegative = (value: number | undefined): number | undefined =>
  value !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;

/**
 * T8 carries every amount; a T2 answer only the authorized and remaining amounts, so the rest is
 * derived from authorized = captured + released + remaining (§0A.11).
 */
export function authorizationView(
  record: AuthorizationRecord,
  extra: { cardEndingIn?: string | undefined; fallbackAmountCents?: number },
): AuthorizationView {
  const authorized = nonNegative(record.authorizedCents) ?? nonNegative(extra.fallbackAmountCents) ?? 0;
  const remaining = nonNegative(record.remainingAuthorizationCents) ?? (record.captureId ? 0 : authorized);
  const capturedFromList = record.captures.reduce((sum, c) => sum + (nonNegative(c.amountCents) ?? 0), 0);
  const captured =
    nonNegative(record.capturedCents) ??
    (record.captures.length > 0 ? capturedFromList : record.captureId ? authorized - remaining : 0);
  const released = nonNegative(record.releasedCents) ?? Math.max(0, authorized - captured - remaining);
  const status = (AUTHORIZATION_STATUSES as readonly string[]).includes(record.status ?? '')
    ? (record.status as AuthorizationView['status'])
    : 'unknown';
  const captureIds = new Set<string>();
  if (record.captureId) captureIds.add(record.captureId);
  for (const c of record.captures) captureIds.add(c.captureId);

  const option = record.financingOption;
  const regular = option?.transactionType === 'regular_purchase';
  const financing: AuthorizationView['financing'] = {
    kind: regular ? 'regular' : 'plan',
    fees: (option?.fees ?? []).slice(0, 20).map(feeView),
  };
  if (
    option?.planId !== undefined &&
    Number.isInteger(option.planId) &&
    option.planId > 0 &&
    option.planId <= 999
  ) {
    financing.planId = option.planId;
  }
  if (option?.planName) financing.planName = option.planName.slice(0, 200);
  if (option?.term !== undefined && Number.isInteger(option.term) && option.term > 0 && option.term <= 999) {
    financing.term = option.term;
  }
  const payment = nonNegative(option?.termAmountCents);
  if (payment !== undefined) financing.monthlyPaymentCents = payment;
  const rate = rateView(option?.rate);
  if (rate) financing.annualRate = rate;

  const view: AuthorizationView = {
    authorizationId: record.authorizationId,
    status,
    authorizedCents: authorized,
    capturedCents: captured,
    releasedCents: released,
    remainingCents: remaining,
    captureIds: [...captureIds].filter((id) => /^\d{1,20}$/.test(id)).slice(0, 100),
    cardMasked: maskedCard(extra.cardEndingIn),
    financing,
  };
  if (record.reference) view.orderReference = record.reference.slice(0, 40);
  if (record.date) view.date = record.date.slice(0, 40);
  return view;
}
