/**
 * Dynamic PINs from /verify (§0A.8) and their use by authorization and transactions (T2's order).
 * A PIN is bound to (client, account, request_id, format), lasts 10 minutes and is consumed by the
 * first successful purchase that uses it.
 */
import { randomInt } from 'node:crypto';
import type { Cents } from '../../shared/money';
import { ApiError } from '../http/api-error';
import type { Merchant, SandboxState, Verification, VerifyFormat } from '../state/model';

export const PIN_LIFETIME_MS = 10 * 60 * 1000;
/** A bypass PIN covers a regular purchase of at most 200.00. */
export const BYPASS_MAX_CENTS: Cents = 20_000;
/** At most this many regular purchases in 24 hours keep the bypass available (§0A.8: fewer than 3 before). */
export const BYPASS_MAX_REGULAR_PURCHASES_24H = 3;
/** The fixed apply-flow PIN of Flexiti's test environments (§10). */
export const APPLICATION_PIN = '2222';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface VerificationContext {
  state: SandboxState;
  now(): Date;
  merchant: Merchant | null;
}

/** 4 digits (8 for security_question), never starting with 0. */
export function generatePin(format: VerifyFormat): string {
  const digits = format === 'security_question' ? 8 : 4;
  const low = 10 ** (digits - 1);
  return String(randomInt(low, 10 * low));
}

export interface IssuePinInput {
  accountNumber: number;
  requestId: string;
  format: VerifyFormat;
  vccNumber?: string;
  /** A fixed PIN (the application's 2222); random otherwise. */
  pin?: string;
}

/** Records a fresh PIN, replacing any earlier one for the same client, account and request_id. */
export function issuePin(ctx: VerificationContext, input: IssuePinInput): Verification {
  const clientId = ctx.merchant?.clientId ?? '';
  const { state } = ctx;
  state.verifications = state.verifications.filter(
    (v) =>
      !(
        v.clientId === clientId &&
        v.accountNumber === input.accountNumber &&
        v.requestId === input.requestId
      ),
  );
  const verification: Verification = {
    accountNumber: input.accountNumber,
    requestId: input.requestId,
    format: input.format,
    pin: input.pin ?? generatePin(input.format),
    clientId,
    expiresAt: new Date(ctx.now().getTime() + PIN_LIFETIME_MS),
    consumed: false,
  };
  if (input.vccNumber !== undefined) verification.vccNumber = input.vccNumber;
  state.verifications.push(verification);
  return verification;
}

/** Regular purchases (authorizations of type regular_purchase) on the account in the last 24 hours. */
export function regularPurchasesInLast24h(state: SandboxState, accountNumber: number, now: Date): number {
  const since = now.getTime() - DAY_MS;
  let count = 0;
  for (const auth of state.authorizations.values()) {
    if (
      auth.accountNumber === accountNumber &&
      auth.transactionType === 'regular_purchase' &&
      auth.createdAt.getTime() > since
    ) {
      count += 1;
    }
  }
  return count;
}

/** True while the account may still use regular_purchase_bypass (§0A.8). */
export function bypassAvailable(state: SandboxState, accountNumber: number, now: Date): boolean {
  return regularPurchasesInLast24h(state, accountNumber, now) < BYPASS_MAX_REGULAR_PURCHASES_24H;
}

export type VerifiedOperation =
  'promotional_purchase' | 'regular_purchase' | 'deposit' | 'instore_payment' | 'tradein';

export interface ConsumeVerificationInput {
  accountNumber: number;
  /** request_id of the purchase; undefined means none was sent. */
  requestId: string | undefined;
  /** The PIN as received: a number or a digit string; absent → verification_code_required. */
  verificationCode: string | number | null | undefined;
  transactionType: VerifiedOperation;
  amount: Cents;
}

export interface VerificationGrant {
  verification: Verification;
  /** Marks the PIN used; call it only once every later check has passed and the operation is recorded. */
  commit(): void;
}

/**
 * The verification part of T2's check order: verification_code_required → not_verified →
 * wrong_verification_code. Throws the ApiError; on success returns a grant whose commit() burns the PIN,
 * so a later refusal (e.g. credit_exceeded) leaves the PIN usable.
 */
export function consumeVerification(
  ctx: VerificationContext,
  input: ConsumeVerificationInput,
): VerificationGrant {
  const code =
    input.verificationCode === null || input.verificationCode === undefined
      ? ''
      : String(input.verificationCode).trim();
  if (code === '') throw new ApiError(409, 'verification_code_required');

  const clientId = ctx.merchant?.clientId ?? '';
  const verification =
    input.requestId === undefined
      ? undefined
      : ctx.state.verifications.find(
          (v) =>
            v.clientId === clientId &&
            v.accountNumber === input.accountNumber &&
            v.requestId === input.requestId,
        );
  if (!verification) throw new ApiError(409, 'not_verified');
  if (
    verification.format === 'regular_purchase_bypass' &&
    (input.transactionType !== 'regular_purchase' || input.amount > BYPASS_MAX_CENTS)
  ) {
    throw new ApiError(409, 'not_verified');
  }

  const expired = ctx.now().getTime() >= verification.expiresAt.getTime();
  if (verification.consumed || expired || verification.pin !== code) {
    throw new ApiError(409, 'wrong_verification_code');
  }
  return {
    verification,
    commit() {
      verification.consumed = true;
    },
  };
}
