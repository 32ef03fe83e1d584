/**
 * Wire shapes of authorizations, captures and returns (§0A.11): every amount through centsToWire, the
 * rate as `annual_rates` under v2.5.1 and `apr` under v2.5 (§0A.1), texts in the caller's language.
 */
import { centsToWire } from '../../shared/money';
import { message } from '../http/messages';
import type { ApiVersion, Lang } from '../http/route';
import { remainingAuthorization, remainingCapture } from '../state/ledger';
import type { Authorization, Capture, Fee, RateObject, ReturnRecord, SandboxState } from '../state/model';
import { airObject, aprObject, planById, planFees } from './plans';

/** Date-time on the wire: UTC YYYY-MM-DDTHH:MM:SSZ, 20 characters (§0A.2). */
export function wireDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export interface FeeWire {
  description: string;
  amount: number;
  type: Fee['type'];
  message: string;
}

export function feesWire(fees: Fee[]): FeeWire[] {
  return fees.map((f) => ({
    description: f.description,
    amount: centsToWire(f.amount),
    type: f.type,
    message: f.message,
  }));
}

/** `{ annual_rates: {...} }` under v2.5.1, `{ apr: rate }` under v2.5. */
export function rateWire(
  rate: RateObject,
  version: ApiVersion,
): { annual_rates: RateObject } | { apr: number } {
  return version === 'v2.5.1' ? { annual_rates: rate } : { apr: rate.rate };
}

function provinceOf(state: SandboxState, auth: Authorization): string {
  const account = state.accounts.get(auth.accountNumber);
  return (account && state.customers.get(account.customerId)?.province) ?? '';
}

function financingOptionWire(state: SandboxState, auth: Authorization, version: ApiVersion, lang: Lang) {
  const province = provinceOf(state, auth);
  const rate =
    auth.rate.type === 'air'
      ? airObject(auth.rate.rate, province, lang)
      : aprObject(auth.rate.rate, province, lang);
  const plan = auth.planId === null ? undefined : planById(auth.planId);
  return {
    transaction_type: auth.transactionType,
    plan_id: auth.planId,
    plan_name: auth.planName,
    term: auth.term,
    term_amount: centsToWire(auth.termAmount),
    ...rateWire(rate, version),
    fees: feesWire(plan ? planFees(plan, lang) : []),
  };
}

/** The T2 response object. */
export function authorizationWire(state: SandboxState, auth: Authorization, version: ApiVersion, lang: Lang) {
  return {
    authorization_id: auth.authorizationId,
    reference: auth.reference ?? null,
    account_number: auth.accountNumber,
    date: wireDateTime(auth.createdAt),
    amount: centsToWire(auth.authorized),
    remaining_authorization_amount: centsToWire(remainingAuthorization(auth)),
    authorization_status: auth.status,
    financing_option: financingOptionWire(state, auth, version, lang),
    capture_id: auth.autoCaptureId,
    message: message(lang, 'authorization_approved'),
  };
}

function returnWire(r: ReturnRecord) {
  return { return_id: r.returnId, date: wireDateTime(r.createdAt), amount: centsToWire(r.amount) };
}

/** The T8 object: T2 plus the amounts, captures with their returns, and the store and employee. */
export function authorizationDetailWire(
  state: SandboxState,
  auth: Authorization,
  version: ApiVersion,
  lang: Lang,
) {
  const captures = auth.captureIds
    .map((id) => state.captures.get(id))
    .filter((c): c is Capture => c !== undefined)
    .map((c) => ({
      capture_id: c.captureId,
      date: wireDateTime(c.createdAt),
      amount: centsToWire(c.amount),
      remaining_capture_amount: centsToWire(remainingCapture(c)),
      reference: c.reference ?? null,
      returns: c.returns.map(returnWire),
    }));
  return {
    ...authorizationWire(state, auth, version, lang),
    authorized_amount: centsToWire(auth.authorized),
    captured_amount: centsToWire(auth.captured),
    released_amount: centsToWire(auth.released),
    captures,
    external_location_id: auth.externalLocationId ?? null,
    external_employee_id: auth.externalEmployeeId ?? null,
  };
}

/** The T4 response object. */
export function captureWire(capture: Capture, auth: Authorization) {
  return {
    capture_id: capture.captureId,
    authorization_id: auth.authorizationId,
    reference: capture.reference ?? null,
    date: wireDateTime(capture.createdAt),
    amount: centsToWire(capture.amount),
    remaining_authorization_amount: centsToWire(remainingAuthorization(auth)),
  };
}

/** A T9 item: the T4 shape plus account, transaction type, plan and term. */
export function captureListItemWire(capture: Capture, auth: Authorization) {
  return {
    ...captureWire(capture, auth),
    account_number: capture.accountNumber,
    transaction_type: auth.transactionType,
    plan_id: auth.planId,
    term: auth.term,
  };
}

/** The T5 response: exactly the fields of §7 T5. */
export function returnResponseWire(record: ReturnRecord, capture: Capture, auth: Authorization) {
  return {
    return_id: record.returnId,
    reference: record.reference ?? capture.reference ?? null,
    capture_id: capture.captureId,
    date: wireDateTime(record.createdAt),
    amount: centsToWire(record.amount),
    remaining_capture_amount: centsToWire(remainingCapture(capture)),
    remaining_authorization_amount: centsToWire(remainingAuthorization(auth)),
  };
}
