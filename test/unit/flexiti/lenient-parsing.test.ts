/**
 * The client's response schemas are lenient (§0A.11): only the ids the app needs are required, money
 * comes as numbers or strings and leaves as cents, v2.5's `apr` and v2.5.1's `annual_rates` both work,
 * and mistyped optional fields are dropped instead of failing the answer.
 */
import { describe, expect, it } from 'vitest';
import { pricingResponseSchema } from '../../../src/main/core/flexiti/schemas/pricing-schemas';
import {
  searchResponseSchema,
  verifyResponseSchema,
} from '../../../src/main/core/flexiti/schemas/customer-schemas';
import {
  authorizationSchema,
  autoCapturedAuthorizationSchema,
  captureSchema,
  pageSchema,
} from '../../../src/main/core/flexiti/schemas/transaction-schemas';
import { tokenResponseSchema } from '../../../src/main/core/flexiti/schemas/token-schemas';
import { applicationResponseSchema } from '../../../src/main/core/flexiti/schemas/application-schemas';
import {
  mapFlexitiError,
  normalizeFlexitiCode,
  CLIENT_ERROR_CODES,
  categoryOf,
} from '../../../src/main/core/flexiti/flexiti-errors';

describe('lenient parsing', () => {
  it('reads money as numbers or strings into cents', () => {
    const [account] = searchResponseSchema.parse([
      {
        customer_id: '123321',
        account_number: 123456789,
        credit_limit: '1000.00',
        available_credit: '659.51',
      },
    ]);
    expect(account).toMatchObject({
      accountNumber: '123456789',
      creditLimitCents: 100_000,
      availableCreditCents: 65_951,
    });
    expect(
      captureSchema.parse({ capture_id: '346123', amount: 600, remaining_authorization_amount: '400.12' }),
    ).toMatchObject({ captureId: '346123', amountCents: 60_000, remainingAuthorizationCents: 40_012 });
  });

  it('drops mistyped optional fields and skips list items without their id', () => {
    const parsed = searchResponseSchema.parse([
      { account_number: 1, credit_limit: 'lots', tos_agreement: 'yes' },
      { customer_id: 'no-account-number' },
    ]);
    expect(parsed).toEqual([
      expect.objectContaining({ accountNumber: '1', creditLimitCents: undefined, tosAgreement: undefined }),
    ]);
    expect(authorizationSchema.safeParse({ amount: 10 }).success).toBe(false);
  });

  it('takes the rate from v2.5.1 annual_rates or v2.5 apr', () => {
    const term = (extra: Record<string, unknown>) =>
      pricingResponseSchema.parse({
        promotional_purchase: [{ plan_id: '4', terms: [{ term: 3, term_amount: '3.56', ...extra }] }],
      }).promotionalPlans[0]?.terms[0];
    expect(
      term({
        annual_rates: { description: 'Annual Percentage Rate', rate: 0.0999, type: 'apr', message: 'm' },
      }),
    ).toMatchObject({
      termAmountCents: 356,
      rate: { rate: 0.0999, description: 'Annual Percentage Rate' },
    });
    expect(term({ apr: 0.0999 })?.rate).toEqual({
      rate: 0.0999,
      type: 'apr',
      description: undefined,
      message: undefined,
    });
    expect(term({ apr: '0.0999' })?.rate?.rate).toBe(0.0999);
  });

  it('accepts T7/T9 as an envelope or a bare array', () => {
    const schema = pageSchema('captures', captureSchema);
    expect(schema.parse([{ capture_id: 1 }, { amount: 1 }])).toMatchObject({
      items: [{ captureId: '1' }],
      skipped: 1,
    });
    expect(
      schema.parse({ page_number: 2, page_size: 10, total_records: 11, captures: [{ capture_id: 9 }] }),
    ).toMatchObject({
      pageNumber: 2,
      totalRecords: 11,
      items: [{ captureId: '9' }],
    });
  });

  it('requires what the app needs: token fields, capture id on auto-capture, application id and decision', () => {
    expect(
      tokenResponseSchema.safeParse({ access_token: 'a', refresh_token: 'b', expires_in: '1200' }).success,
    ).toBe(true);
    expect(tokenResponseSchema.safeParse({ access_token: 'a', expires_in: 1200 }).success).toBe(false);
    expect(autoCapturedAuthorizationSchema.safeParse({ authorization_id: 1, capture_id: null }).success).toBe(
      false,
    );
    expect(autoCapturedAuthorizationSchema.safeParse({ authorization_id: 1, capture_id: 2 }).success).toBe(
      true,
    );
    expect(applicationResponseSchema.safeParse({ application_id: 1 }).success).toBe(false);
    expect(verifyResponseSchema.parse({ verification_code: 'verification_sent_to_email' })).toEqual({
      verificationCode: null,
      sentTo: 'email',
    });
    expect(verifyResponseSchema.parse({ verification_code: 24856785 }).verificationCode).toBe('24856785');
  });
});

describe('error taxonomy', () => {
  it('decides on status and code, with the documented aliases, never on the message', () => {
    expect(normalizeFlexitiCode('wrong_input')).toBe('wrong_inputs');
    expect(normalizeFlexitiCode('generic_error')).toBe('general_error');
    expect(mapFlexitiError(409, { error: 'credit_exceeded', message: 'anything at all' }, 'ref1')).toEqual({
      category: 'declined',
      code: 'credit_exceeded',
      supportReference: 'ref1',
    });
    expect(mapFlexitiError(466, { error: 'blocked' }).category).toBe('our_bug');
    expect(mapFlexitiError(403, {}).code).toBe('forbidden');
    expect(mapFlexitiError(503, { error: 'general_error' })).toMatchObject({
      category: 'retryable',
      code: 'server_error',
    });
    expect(mapFlexitiError(409, { error: 'something_new' })).toMatchObject({
      category: 'our_bug',
      code: 'unexpected_error',
    });
    expect(mapFlexitiError(400, { error: 'invalid_client' }).code).toBe('credentials_rejected');
  });

  it('keeps field names of wrong_inputs but never the rejected values', () => {
    const error = mapFlexitiError(409, {
      error: 'wrong_input',
      field_errors: [{ param: 'security_answer', msg: 'invalid', value: 'Rainbow' }],
    });
    expect(error).toMatchObject({
      code: 'wrong_inputs',
      fields: [{ param: 'security_answer', msg: 'invalid' }],
    });
    expect(JSON.stringify(error)).not.toContain('Rainbow');
  });

  it('gives every exported code a category', () => {
    expect(new Set(CLIENT_ERROR_CODES).size).toBe(CLIENT_ERROR_CODES.length);
    for (const code of CLIENT_ERROR_CODES) expect(categoryOf(code)).toMatch(/^[a-z_]+$/);
  });
});
