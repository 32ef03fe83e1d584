/**
 * T2 authorization (§7 T2, §0A.11, §0A.12) over HTTP against a real sandbox: every error code in the
 * documented check order, both auto_capture modes, credit counting interest, PINs burnt only on success.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, call, resetSandbox, token } from './sandbox-client';
import {
  CLIENT,
  CLIENT2,
  EMPLOYEE,
  LOCATION,
  LOCATION2,
  ledger,
  newRequestId,
  overridePin,
  securityPin,
  type Json,
} from './money-helpers';

const A = DEMO.accounts;
let sb: RunningSandbox;
let merchant: string;

const PROMO = { transaction_type: 'promotional_purchase', plan_id: 4, term: 12 };
const REGULAR = { transaction_type: 'regular_purchase' };

interface Verified {
  pin: string;
  requestId: string;
}

async function verified(accountNumber: number, format = 'merchant_override'): Promise<Verified> {
  const requestId = newRequestId();
  if (format === 'merchant_override')
    return { pin: await overridePin(sb.url, merchant, accountNumber, requestId), requestId };
  const res = await call(sb.url, 'POST', `/client-id/${CLIENT}/account/${accountNumber}/verify`, {
    token: merchant,
    body: { format, request_id: requestId },
  });
  expect(res.status).toBe(200);
  return { pin: String(res.body.verification_code), requestId };
}

function body(accountNumber: number, v: Verified | null, overrides: Json = {}): Json {
  return {
    account_number: accountNumber,
    amount: 100,
    financing_option: PROMO,
    auto_capture: false,
    ...(v ? { verification_code: v.pin, request_id: v.requestId } : { request_id: 'no-verify-yet' }),
    external_location_id: LOCATION,
    external_employee_id: EMPLOYEE,
    ...overrides,
  };
}

function post(
  payload: unknown,
  opts: { t?: string; client?: string; version?: 'v2.5' | 'v2.5.1'; lang?: string } = {},
) {
  return call<Json>(sb.url, 'POST', `/client-id/${opts.client ?? CLIENT}/authorization`, {
    token: opts.t ?? merchant,
    version: opts.version ?? 'v2.5.1',
    ...(opts.lang === undefined ? {} : { lang: opts.lang }),
    body: payload,
  });
}

function expectError(res: { status: number; body: Json }, status: number, code: string): void {
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error: code });
  expect(res.body).toMatchObject({
    code: status,
    error: code,
    url: expect.stringContaining('/authorization'),
  });
  expect(typeof res.body.message).toBe('string');
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await resetSandbox(sb.url);
  merchant = await token(sb.url);
});

describe('success shapes', () => {
  it('opens a promotional authorization (auto_capture false) with the §0A.11 shape and holds the amount', async () => {
    const before = await ledger(sb.url, A.miTester.accountNumber);
    const v = await verified(A.miTester.accountNumber);
    const res = await post(
      body(A.miTester.accountNumber, v, { amount: 1000.12, reference: 'orderid-12345' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      reference: 'orderid-12345',
      account_number: A.miTester.accountNumber,
      amount: 1000.12,
      remaining_authorization_amount: 1000.12,
      authorization_status: 'opened',
      financing_option: {
        transaction_type: 'promotional_purchase',
        plan_id: 4,
        plan_name: 'EMP - Regular Interest',
        term: 12,
        term_amount: 87.92,
        annual_rates: { description: 'Annual Percentage Rate', rate: 0.0999, type: 'apr' },
        fees: [],
      },
      capture_id: null,
      message: 'Authorization approved.',
    });
    const id = res.body.authorization_id as number;
    expect(Number.isSafeInteger(id) && id > 0 && String(id).length <= 16).toBe(true);
    expect(res.body.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const after = await ledger(sb.url, A.miTester.accountNumber);
    expect(after.open_holds_cents - before.open_holds_cents).toBe(100012);
    expect(after.posted_balance_cents).toBe(before.posted_balance_cents);
    expect(before.available_credit_cents - after.available_credit_cents).toBe(100012);
  });

  it('captures everything at once with auto_capture true', async () => {
    const before = await ledger(sb.url, A.miTester.accountNumber);
    const v = await verified(A.miTester.accountNumber);
    const res = await post(body(A.miTester.accountNumber, v, { amount: '250.50', auto_capture: true }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      amount: 250.5,
      remaining_authorization_amount: 0,
      authorization_status: 'closed',
    });
    const captureId = res.body.capture_id as number;
    expect(Number.isSafeInteger(captureId) && captureId > 0 && String(captureId).length <= 9).toBe(true);
    const after = await ledger(sb.url, A.miTester.accountNumber);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(25050);
    expect(after.open_holds_cents).toBe(before.open_holds_cents);
  });

  it('answers a regular purchase with null plan fields, the full amount and the air rate object', async () => {
    const v = await verified(A.miTester.accountNumber);
    const res = await post(
      body(A.miTester.accountNumber, v, {
        amount: 80,
        financing_option: { ...REGULAR, plan_id: 99, term: 7 },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.financing_option).toMatchObject({
      transaction_type: 'regular_purchase',
      plan_id: null,
      plan_name: null,
      term: null,
      term_amount: 80,
      annual_rates: { description: 'Annual Interest Rate', rate: 0.3099, type: 'air' },
      fees: [],
    });
  });

  it('uses `apr` under v2.5 and French texts with lang=fr', async () => {
    const v = await verified(A.miTester.accountNumber);
    const res = await post(body(A.miTester.accountNumber, v), { version: 'v2.5', lang: 'fr' });
    expect(res.status).toBe(200);
    expect(res.body.financing_option).toMatchObject({ apr: 0.0999 });
    expect(res.body.financing_option).not.toHaveProperty('annual_rates');
    expect(res.body.message).toBe('Autorisation approuvée.');
  });

  it("accepts an authorized user's card of the business account", async () => {
    const v = await verified(A.business.accountNumber);
    const res = await post(body(A.business.accountNumber, v, { vcc_number: A.business.authorizedUser.vcc }));
    expect(res.status).toBe(200);
  });

  it('lets a customer token authorize without a PIN after a purchase widget/init, and only then', async () => {
    const customer = await token(sb.url, { scope: 'customer' });
    const payload = {
      account_number: A.miTester.accountNumber,
      amount: 50,
      financing_option: PROMO,
      auto_capture: true,
    };
    expectError(await post(payload, { t: customer }), 404, 'customer_identity_not_found');
    const init = await call(sb.url, 'POST', `/client-id/${CLIENT}/widget/init`, {
      token: customer,
      body: { flow: 'purchase', customer_identification: { vcc_number: A.miTester.vcc } },
    });
    expect(init.status).toBe(200);
    const res = await post(payload, { t: customer });
    expect(res.status).toBe(200);
    expect(res.body.authorization_status).toBe('closed');
  });
});

describe('validation (409 wrong_inputs)', () => {
  it('names every missing required field', async () => {
    const res = await post({});
    expectError(res, 409, 'wrong_inputs');
    const params = (res.body.field_errors as Array<{ param: string; msg: string }>).map(
      (f) => `${f.param}:${f.msg}`,
    );
    expect(params).toEqual(
      expect.arrayContaining([
        'account_number:required',
        'financing_option:required',
        'amount:required',
        'auto_capture:required',
      ]),
    );
  });

  it('requires plan_id and term for a promotional purchase', async () => {
    const v = await verified(A.miTester.accountNumber);
    const res = await post(
      body(A.miTester.accountNumber, v, { financing_option: { transaction_type: 'promotional_purchase' } }),
    );
    expectError(res, 409, 'wrong_inputs');
    expect(res.body.field_errors).toEqual([
      { param: 'financing_option.plan_id', msg: 'required' },
      { param: 'financing_option.term', msg: 'required' },
    ]);
  });

  it('requires request_id and both external ids with a merchant token', async () => {
    const res = await post({
      account_number: A.miTester.accountNumber,
      amount: 10,
      financing_option: PROMO,
      auto_capture: false,
      verification_code: 1234,
    });
    expectError(res, 409, 'wrong_inputs');
    expect((res.body.field_errors as Array<{ param: string }>).map((f) => f.param)).toEqual([
      'request_id',
      'external_location_id',
      'external_employee_id',
    ]);
  });

  it('refuses bad values: three decimals, zero, an unknown transaction type, a long reference, a non-boolean', async () => {
    const v = await verified(A.miTester.accountNumber);
    const cases: Array<[Json, string]> = [
      [{ amount: 10.005 }, 'amount'],
      [{ amount: 0 }, 'amount'],
      [{ financing_option: { transaction_type: 'layaway' } }, 'financing_option.transaction_type'],
      [{ reference: 'x'.repeat(41) }, 'reference'],
      [{ auto_capture: 'maybe' }, 'auto_capture'],
      [{ vcc_number: '123' }, 'vcc_number'],
    ];
    for (const [override, param] of cases) {
      const res = await post(body(A.miTester.accountNumber, v, override));
      expectError(res, 409, 'wrong_inputs');
      expect((res.body.field_errors as Array<{ param: string }>)[0]?.param).toBe(param);
    }
    // The PIN survived every refusal.
    expect((await post(body(A.miTester.accountNumber, v))).status).toBe(200);
  });

  it('never echoes the verification_code in field_errors', async () => {
    const v = await verified(A.miTester.accountNumber);
    const res = await post(body(A.miTester.accountNumber, v, { verification_code: 'abcd' }));
    expectError(res, 409, 'wrong_inputs');
    expect(res.body.field_errors).toEqual([{ param: 'verification_code', msg: 'invalid' }]);
  });
});

describe('business checks in the order of §0A.11', () => {
  it('404 not_found for an unknown account or card, before every later check', async () => {
    expectError(await post(body(999999999, null, { external_location_id: 'NOWHERE' })), 404, 'not_found');
    const v = await verified(A.miTester.accountNumber);
    expectError(
      await post(body(A.miTester.accountNumber, v, { vcc_number: '9999888877776666' })),
      404,
      'not_found',
    );
  });

  it('vcc_account_mismatch for a card of another account, before the location check', async () => {
    const v = await verified(A.miTester.accountNumber);
    const res = await post(
      body(A.miTester.accountNumber, v, { vcc_number: A.johnSmith.vcc, external_location_id: 'NOWHERE' }),
    );
    expectError(res, 409, 'vcc_account_mismatch');
  });

  it('external_location_id_not_found before account_type_not_permitted', async () => {
    const v = await verified(A.miTester.accountNumber);
    expectError(
      await post(body(A.miTester.accountNumber, v, { external_location_id: 'STORE-999' })),
      409,
      'external_location_id_not_found',
    );
    // The second merchant's own location list: STORE-001 belongs to the first merchant.
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    const res = await post(
      body(A.business.accountNumber, null, {
        external_location_id: LOCATION,
        verification_code: 1111,
        request_id: 'r1',
      }),
      {
        t: t2,
        client: CLIENT2,
      },
    );
    expectError(res, 409, 'external_location_id_not_found');
  });

  it('account_type_not_permitted for a business account at a consumer-only merchant', async () => {
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    const res = await post(
      body(A.business.accountNumber, null, {
        external_location_id: LOCATION2,
        verification_code: 1111,
        request_id: 'r1',
      }),
      { t: t2, client: CLIENT2 },
    );
    expectError(res, 409, 'account_type_not_permitted');
  });

  it('user_not_able_to_purchase for frozen, auth-prohibited and non-activated accounts, before any PIN check', async () => {
    for (const n of [
      A.johnSmithFrozen.accountNumber,
      A.authProhibited.accountNumber,
      A.inactive.accountNumber,
    ]) {
      expectError(await post(body(n, null)), 409, 'user_not_able_to_purchase');
    }
  });

  it('verification_code_required when the PIN is missing', async () => {
    const v = await verified(A.miTester.accountNumber);
    expectError(
      await post(body(A.miTester.accountNumber, null, { request_id: v.requestId })),
      409,
      'verification_code_required',
    );
  });

  it('not_verified when no verify was made for this account and request_id', async () => {
    const v = await verified(A.miTester.accountNumber);
    expectError(
      await post(body(A.miTester.accountNumber, v, { request_id: 'another-flow' })),
      409,
      'not_verified',
    );
    // A PIN for another account does not carry over.
    const other = await verified(A.johnSmith.accountNumber);
    expectError(await post(body(A.miTester.accountNumber, other)), 409, 'not_verified');
  });

  it('not_verified for a bypass PIN outside its limits (promotional, or regular above 200.00)', async () => {
    const bypass = await verified(A.miTester.accountNumber, 'regular_purchase_bypass');
    expectError(await post(body(A.miTester.accountNumber, bypass)), 409, 'not_verified');
    expectError(
      await post(body(A.miTester.accountNumber, bypass, { financing_option: REGULAR, amount: 200.01 })),
      409,
      'not_verified',
    );
    const ok = await post(body(A.miTester.accountNumber, bypass, { financing_option: REGULAR, amount: 200 }));
    expect(ok.status).toBe(200);
  });

  it('wrong_verification_code for a wrong, used or expired PIN', async () => {
    const v = await verified(A.miTester.accountNumber);
    const wrong = v.pin === '1234' ? '4321' : '1234';
    expectError(
      await post(body(A.miTester.accountNumber, { ...v, pin: wrong })),
      409,
      'wrong_verification_code',
    );
    expect((await post(body(A.miTester.accountNumber, v))).status).toBe(200);
    expectError(await post(body(A.miTester.accountNumber, v)), 409, 'wrong_verification_code');
    const late = await verified(A.miTester.accountNumber);
    await advanceClock(sb.url, 10 * 60 + 1);
    expectError(await post(body(A.miTester.accountNumber, late)), 409, 'wrong_verification_code');
  });

  it('auth_not_allowed for auto_capture false when the merchant has no pre-authorization, after the PIN checks', async () => {
    const switched = await call(sb.url, 'POST', `/sandbox/merchants/${CLIENT}`, {
      body: { preauth_allowed: false },
    });
    expect(switched.status).toBe(200);
    expectError(await post(body(A.miTester.accountNumber, null)), 409, 'verification_code_required');
    const v = await verified(A.miTester.accountNumber);
    expectError(
      await post(body(A.miTester.accountNumber, v, { financing_option: { ...PROMO, plan_id: 9 } })),
      409,
      'auth_not_allowed',
    );
    // auto_capture true is still allowed, with the same (unburnt) PIN.
    expect((await post(body(A.miTester.accountNumber, v, { auto_capture: true }))).status).toBe(200);
  });

  it('plan_term_not_set for a plan the merchant does not offer, before plan_term_not_available', async () => {
    const v = await verified(A.miTester.accountNumber);
    expectError(
      await post(body(A.miTester.accountNumber, v, { financing_option: { ...PROMO, plan_id: 9, term: 5 } })),
      409,
      'plan_term_not_set',
    );
    expectError(
      await post(body(A.miTester.accountNumber, v, { financing_option: { ...PROMO, plan_id: 1, term: 12 } })),
      409,
      'plan_term_not_set',
    );
  });

  it('plan_term_not_available for a term, category or province the plan does not cover', async () => {
    const mi = await verified(A.miTester.accountNumber);
    expectError(
      await post(body(A.miTester.accountNumber, mi, { financing_option: { ...PROMO, term: 9 } })),
      409,
      'plan_term_not_available',
    );
    const std = await verified(A.standard.accountNumber);
    expectError(
      await post(
        body(A.standard.accountNumber, std, { financing_option: { ...PROMO, plan_id: 5, term: 6 } }),
      ),
      409,
      'plan_term_not_available',
    );
    expect(
      (await post(body(A.standard.accountNumber, std, { financing_option: { ...PROMO, term: 6 } }))).status,
    ).toBe(200);
    const qc = await verified(A.quebec.accountNumber);
    expectError(
      await post(body(A.quebec.accountNumber, qc, { financing_option: { ...PROMO, plan_id: 7, term: 6 } })),
      409,
      'plan_term_not_available',
    );
    expect(
      (await post(body(A.quebec.accountNumber, qc, { financing_option: { ...PROMO, plan_id: 5, term: 6 } })))
        .status,
    ).toBe(200);
  });
});

describe('credit_exceeded counts interest', () => {
  it('refuses amount + interest above the available credit, allows the same amount without interest', async () => {
    const { available_credit_cents: available } = await ledger(sb.url, A.miTester.accountNumber);
    const amount = 13000;
    const priced = await call<{
      promotional_purchase: Array<{ plan_id: number; terms: Array<{ term: number; term_amount: number }> }>;
    }>(sb.url, 'POST', `/client-id/${CLIENT}/accounts/${A.miTester.accountNumber}/calculate-interest`, {
      token: merchant,
      version: 'v2.5.1',
      body: { amount },
    });
    const t24 = priced.body.promotional_purchase
      .find((p) => p.plan_id === 4)
      ?.terms.find((t) => t.term === 24);
    const interestCents = Math.round((t24?.term_amount ?? 0) * 100) * 24 - amount * 100;
    // The premise of this test: the amount fits, the amount plus interest does not.
    expect(amount * 100).toBeLessThanOrEqual(available);
    expect(amount * 100 + interestCents).toBeGreaterThan(available);

    const v = await verified(A.miTester.accountNumber);
    expectError(
      await post(body(A.miTester.accountNumber, v, { amount, financing_option: { ...PROMO, term: 24 } })),
      409,
      'credit_exceeded',
    );
    // The refusal did not burn the PIN: the 0 % plan takes the same amount with it.
    const ok = await post(
      body(A.miTester.accountNumber, v, { amount, financing_option: { ...PROMO, plan_id: 5, term: 12 } }),
    );
    expect(ok.status).toBe(200);
  });

  it('allows exactly the available credit on a regular purchase and refuses one cent more', async () => {
    const { available_credit_cents: available } = await ledger(sb.url, A.johnSmith.accountNumber);
    const v = await verified(A.johnSmith.accountNumber);
    const over = ((available + 1) / 100).toFixed(2);
    expectError(
      await post(body(A.johnSmith.accountNumber, v, { amount: over, financing_option: REGULAR })),
      409,
      'credit_exceeded',
    );
    const exact = await post(
      body(A.johnSmith.accountNumber, v, { amount: (available / 100).toFixed(2), financing_option: REGULAR }),
    );
    expect(exact.status).toBe(200);
    expect((await ledger(sb.url, A.johnSmith.accountNumber)).available_credit_cents).toBe(0);
  });

  it('counts open holds against the credit', async () => {
    const { available_credit_cents: available } = await ledger(sb.url, A.standard.accountNumber);
    const v1 = await verified(A.standard.accountNumber);
    expect(
      (
        await post(
          body(A.standard.accountNumber, v1, {
            amount: ((available - 100) / 100).toFixed(2),
            financing_option: REGULAR,
          }),
        )
      ).status,
    ).toBe(200);
    const v2 = await verified(A.standard.accountNumber);
    expectError(
      await post(body(A.standard.accountNumber, v2, { amount: 1.01, financing_option: REGULAR })),
      409,
      'credit_exceeded',
    );
    expect(
      (await post(body(A.standard.accountNumber, v2, { amount: 1, financing_option: REGULAR }))).status,
    ).toBe(200);
  });
});

describe('the second merchant (switches off, consumer only, plan 4 only)', () => {
  it('authorizes with auto_capture true but refuses pre-authorization and plans other than 4', async () => {
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    const override = await call(
      sb.url,
      'POST',
      `/client-id/${CLIENT2}/account/${A.miTester.accountNumber}/verify`,
      {
        token: t2,
        body: { format: 'merchant_override', request_id: newRequestId() },
      },
    );
    expect(override.body.error).toBe('merchant_override_is_not_allowed');
    const requestId = newRequestId();
    const pin = await securityPin(sb.url, t2, A.miTester, requestId, CLIENT2);
    const v = { pin, requestId };
    const store = { external_location_id: LOCATION2 };
    expectError(
      await post(body(A.miTester.accountNumber, v, store), { t: t2, client: CLIENT2 }),
      409,
      'auth_not_allowed',
    );
    expectError(
      await post(
        body(A.miTester.accountNumber, v, {
          ...store,
          auto_capture: true,
          financing_option: { ...PROMO, plan_id: 5 },
        }),
        {
          t: t2,
          client: CLIENT2,
        },
      ),
      409,
      'plan_term_not_set',
    );
    const ok = await post(body(A.miTester.accountNumber, v, { ...store, auto_capture: true }), {
      t: t2,
      client: CLIENT2,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.authorization_status).toBe('closed');
  });

  it("does not see the first merchant's PINs", async () => {
    const v = await verified(A.miTester.accountNumber);
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    const res = await post(
      body(A.miTester.accountNumber, v, { external_location_id: LOCATION2, auto_capture: true }),
      {
        t: t2,
        client: CLIENT2,
      },
    );
    expectError(res, 409, 'not_verified');
  });
});
