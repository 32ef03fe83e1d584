/**
 * The verification part of authorization and transactions (§0A.8, T2's order), on a real sandbox state.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/sandbox/http/api-error';
import {
  BYPASS_MAX_CENTS,
  consumeVerification,
  generatePin,
  issuePin,
  PIN_LIFETIME_MS,
  type ConsumeVerificationInput,
  type VerificationContext,
} from '../../../src/sandbox/domain/verification-codes';
import { createSandboxState } from '../../../src/sandbox/state/sandbox-state';
import { DEMO } from '../../../src/sandbox/state/demo-data';

const ACCOUNT = DEMO.accounts.miTester.accountNumber;
let now: Date;
let ctx: VerificationContext;

beforeEach(() => {
  now = new Date('2026-01-10T12:00:00Z');
  const state = createSandboxState(now);
  ctx = { state, now: () => now, merchant: state.merchants.get('flexitidemo') ?? null };
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return `${err.status} ${err.code}`;
    throw err;
  }
  return 'ok';
}

const use = (extra: Partial<ConsumeVerificationInput> = {}) =>
  consumeVerification(ctx, {
    accountNumber: ACCOUNT,
    requestId: 'req-1',
    verificationCode: undefined,
    transactionType: 'promotional_purchase',
    amount: 10_000,
    ...extra,
  });

describe('generatePin', () => {
  it('draws 4 digits, 8 for security_question, never a leading 0', () => {
    for (let i = 0; i < 500; i += 1) {
      expect(generatePin('sms')).toMatch(/^[1-9]\d{3}$/);
      expect(generatePin('security_question')).toMatch(/^[1-9]\d{7}$/);
    }
  });
});

describe('consumeVerification', () => {
  it('checks required → not_verified → wrong code, in that order', () => {
    expect(codeOf(() => use())).toBe('409 verification_code_required');
    expect(codeOf(() => use({ verificationCode: '' }))).toBe('409 verification_code_required');
    expect(codeOf(() => use({ verificationCode: 1234 }))).toBe('409 not_verified');
    const { pin } = issuePin(ctx, { accountNumber: ACCOUNT, requestId: 'req-1', format: 'sms' });
    const wrong = pin === '1234' ? 4321 : 1234;
    expect(codeOf(() => use({ verificationCode: wrong }))).toBe('409 wrong_verification_code');
    expect(codeOf(() => use({ verificationCode: pin, requestId: 'req-2' }))).toBe('409 not_verified');
    expect(codeOf(() => use({ verificationCode: pin, requestId: undefined }))).toBe('409 not_verified');
    expect(codeOf(() => use({ verificationCode: Number(pin) }))).toBe('ok');
  });

  it('burns the PIN only on commit()', () => {
    const { pin } = issuePin(ctx, {
      accountNumber: ACCOUNT,
      requestId: 'req-1',
      format: 'merchant_override',
    });
    use({ verificationCode: pin });
    const grant = use({ verificationCode: pin });
    grant.commit();
    expect(codeOf(() => use({ verificationCode: pin }))).toBe('409 wrong_verification_code');
  });

  it('expires after 10 minutes', () => {
    const { pin } = issuePin(ctx, { accountNumber: ACCOUNT, requestId: 'req-1', format: 'sms' });
    now = new Date(now.getTime() + PIN_LIFETIME_MS - 1);
    expect(codeOf(() => use({ verificationCode: pin }))).toBe('ok');
    now = new Date(now.getTime() + 1);
    expect(codeOf(() => use({ verificationCode: pin }))).toBe('409 wrong_verification_code');
  });

  it('binds the PIN to the merchant that asked for it', () => {
    const { pin } = issuePin(ctx, { accountNumber: ACCOUNT, requestId: 'req-1', format: 'sms' });
    const other = { ...ctx, merchant: ctx.state.merchants.get('flexitidemo2') ?? null };
    expect(
      codeOf(() =>
        consumeVerification(other, {
          accountNumber: ACCOUNT,
          requestId: 'req-1',
          verificationCode: pin,
          transactionType: 'regular_purchase',
          amount: 100,
        }),
      ),
    ).toBe('409 not_verified');
  });

  it('replaces an earlier PIN for the same account and request_id', () => {
    const first = issuePin(ctx, { accountNumber: ACCOUNT, requestId: 'req-1', format: 'sms', pin: '1111' });
    issuePin(ctx, { accountNumber: ACCOUNT, requestId: 'req-1', format: 'email', pin: '2222' });
    expect(codeOf(() => use({ verificationCode: first.pin }))).toBe('409 wrong_verification_code');
    expect(codeOf(() => use({ verificationCode: '2222' }))).toBe('ok');
    expect(ctx.state.verifications.filter((v) => v.accountNumber === ACCOUNT)).toHaveLength(1);
  });

  it('limits a bypass PIN to a regular purchase of 200.00 or less, before comparing the code', () => {
    issuePin(ctx, {
      accountNumber: ACCOUNT,
      requestId: 'req-1',
      format: 'regular_purchase_bypass',
      pin: '5555',
    });
    expect(
      codeOf(() =>
        use({ verificationCode: '5555', transactionType: 'regular_purchase', amount: BYPASS_MAX_CENTS }),
      ),
    ).toBe('ok');
    expect(
      codeOf(() =>
        use({ verificationCode: '5555', transactionType: 'regular_purchase', amount: BYPASS_MAX_CENTS + 1 }),
      ),
    ).toBe('409 not_verified');
    expect(
      codeOf(() => use({ verificationCode: '9999', transactionType: 'promotional_purchase', amount: 100 })),
    ).toBe('409 not_verified');
    expect(codeOf(() => use({ verificationCode: '5555', transactionType: 'deposit', amount: 100 }))).toBe(
      '409 not_verified',
    );
  });
});
