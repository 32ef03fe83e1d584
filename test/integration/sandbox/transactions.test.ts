/**
 * T1 transactions (§7 T1, §0A.11) over HTTP against a real sandbox: deposits, in-store payments and
 * trade-ins credit the account, capped at the posted balance and at 10,000.00 a day.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, call, resetSandbox, token } from './sandbox-client';
import {
  CLIENT,
  CLIENT2,
  LOCATION2,
  ledger,
  newRequestId,
  openAuthorization,
  overridePin,
  storeIds,
  type Json,
} from './money-helpers';

const A = DEMO.accounts;
const MI = A.miTester.accountNumber;
let sb: RunningSandbox;
let merchant: string;

function expectError(res: { status: number; body: Json }, status: number, code: string): void {
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error: code });
  expect(res.body.code).toBe(status);
}

async function pinFor(accountNumber: number): Promise<{ verification_code: string; request_id: string }> {
  const requestId = newRequestId();
  return {
    verification_code: await overridePin(sb.url, merchant, accountNumber, requestId),
    request_id: requestId,
  };
}

function post(payload: Json, opts: { t?: string; client?: string; lang?: string } = {}) {
  return call<Json>(sb.url, 'POST', `/client-id/${opts.client ?? CLIENT}/transactions`, {
    token: opts.t ?? merchant,
    version: 'v2.5.1',
    ...(opts.lang === undefined ? {} : { lang: opts.lang }),
    body: { ...storeIds(), ...payload },
  });
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

describe('posting', () => {
  it('posts a deposit with the §0A.11 shape and lowers the posted balance', async () => {
    const before = await ledger(sb.url, MI);
    const res = await post({
      transaction_type: 'deposit',
      amount: '10.00',
      account_number: String(MI),
      ...(await pinFor(MI)),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      transaction_type: 'deposit',
      account_number: MI,
      amount: 10,
      message: 'Transaction posted.',
    });
    expect(Number.isSafeInteger(res.body.transaction_id) && (res.body.transaction_id as number) > 0).toBe(
      true,
    );
    expect(res.body.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const after = await ledger(sb.url, MI);
    expect(before.posted_balance_cents - after.posted_balance_cents).toBe(1000);
    expect(after.available_credit_cents - before.available_credit_cents).toBe(1000);
  });

  it('finds the account by card or customer id (an authorized user included), and localizes the message', async () => {
    const byCard = await post(
      { transaction_type: 'instore_payment', amount: 5, vcc_number: A.miTester.vcc, ...(await pinFor(MI)) },
      { lang: 'fr' },
    );
    expect(byCard.status).toBe(200);
    expect(byCard.body).toMatchObject({ account_number: MI, message: 'Transaction enregistrée.' });
    const byCustomer = await post({
      transaction_type: 'tradein',
      amount: 5,
      customer_id: A.miTester.customerId,
      ...(await pinFor(MI)),
    });
    expect(byCustomer.body.account_number).toBe(MI);
    const bus = A.business.accountNumber;
    await openAuthorization(sb.url, merchant, { accountNumber: bus, amount: 50, autoCapture: true });
    const byUser = await post({
      transaction_type: 'deposit',
      amount: 5,
      customer_id: A.business.authorizedUser.customerId,
      ...(await pinFor(bus)),
    });
    expect(byUser.status).toBe(200);
    expect(byUser.body.account_number).toBe(bus);
  });
});

describe('errors', () => {
  it('wrong_inputs without an identifier, with two, or without the in-store ids', async () => {
    const pin = await pinFor(MI);
    const none = await post({ transaction_type: 'deposit', amount: 1, ...pin });
    expectError(none, 409, 'wrong_inputs');
    expect(none.body.field_errors).toEqual([{ param: 'account_number', msg: 'required' }]);
    const two = await post({
      transaction_type: 'deposit',
      amount: 1,
      account_number: MI,
      vcc_number: A.miTester.vcc,
      ...pin,
    });
    expectError(two, 409, 'wrong_inputs');
    const bare = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/transactions`, {
      token: merchant,
      body: {
        transaction_type: 'deposit',
        amount: 1,
        account_number: MI,
        verification_code: pin.verification_code,
      },
    });
    expectError(bare, 409, 'wrong_inputs');
    expect((bare.body.field_errors as Array<{ param: string }>).map((f) => f.param)).toEqual([
      'request_id',
      'external_location_id',
      'external_employee_id',
    ]);
  });

  it('invalid_transaction_type for a purchase type', async () => {
    expectError(
      await post({
        transaction_type: 'promotional_purchase',
        amount: 1,
        account_number: MI,
        ...(await pinFor(MI)),
      }),
      409,
      'invalid_transaction_type',
    );
  });

  it('not_found, then store and account-type checks', async () => {
    const pin = await pinFor(MI);
    expectError(
      await post({ transaction_type: 'deposit', amount: 1, account_number: 99999, ...pin }),
      404,
      'not_found',
    );
    expectError(
      await post({ transaction_type: 'deposit', amount: 1, vcc_number: '4000000000000000', ...pin }),
      404,
      'not_found',
    );
    expectError(
      await post({
        transaction_type: 'deposit',
        amount: 1,
        account_number: MI,
        ...pin,
        external_location_id: 'NOPE',
      }),
      409,
      'external_location_id_not_found',
    );
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    expectError(
      await post(
        {
          transaction_type: 'deposit',
          amount: 1,
          account_number: A.business.accountNumber,
          verification_code: 1234,
          request_id: 'x',
          ...storeIds(LOCATION2),
        },
        { t: t2, client: CLIENT2 },
      ),
      409,
      'account_type_not_permitted',
    );
  });

  it('user_not_active before user_not_able_to_purchase', async () => {
    expectError(
      await post({
        transaction_type: 'deposit',
        amount: 1,
        account_number: A.inactive.accountNumber,
        verification_code: 1,
        request_id: 'x',
      }),
      409,
      'user_not_active',
    );
    expectError(
      await post({
        transaction_type: 'deposit',
        amount: 1,
        account_number: A.johnSmithFrozen.accountNumber,
        verification_code: 1,
        request_id: 'x',
      }),
      409,
      'user_not_able_to_purchase',
    );
  });

  it('verification errors as for authorization, a bypass PIN included', async () => {
    const pin = await pinFor(MI);
    expectError(
      await post({ transaction_type: 'deposit', amount: 1, account_number: MI, request_id: pin.request_id }),
      409,
      'verification_code_required',
    );
    expectError(
      await post({ transaction_type: 'deposit', amount: 1, account_number: MI, ...pin, request_id: 'other' }),
      409,
      'not_verified',
    );
    const wrong = pin.verification_code === '1234' ? '4321' : '1234';
    expectError(
      await post({
        transaction_type: 'deposit',
        amount: 1,
        account_number: MI,
        ...pin,
        verification_code: wrong,
      }),
      409,
      'wrong_verification_code',
    );
    const requestId = newRequestId();
    const bypass = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/account/${MI}/verify`, {
      token: merchant,
      body: { format: 'regular_purchase_bypass', request_id: requestId },
    });
    expect(bypass.status).toBe(200);
    expectError(
      await post({
        transaction_type: 'deposit',
        amount: 1,
        account_number: MI,
        verification_code: bypass.body.verification_code,
        request_id: requestId,
      }),
      409,
      'not_verified',
    );
  });

  it('not_enough_credit above the posted balance, without burning the PIN', async () => {
    const { posted_balance_cents: posted } = await ledger(sb.url, MI);
    const pin = await pinFor(MI);
    expectError(
      await post({
        transaction_type: 'deposit',
        amount: ((posted + 1) / 100).toFixed(2),
        account_number: MI,
        ...pin,
      }),
      409,
      'not_enough_credit',
    );
    expect(
      (
        await post({
          transaction_type: 'deposit',
          amount: (posted / 100).toFixed(2),
          account_number: MI,
          ...pin,
        })
      ).status,
    ).toBe(200);
    expect((await ledger(sb.url, MI)).posted_balance_cents).toBe(0);
  });

  it('limit_payment_amount_24 above 10,000.00 in 24 hours, the request included; a day later it is allowed again', async () => {
    await openAuthorization(sb.url, merchant, {
      accountNumber: MI,
      amount: 12000,
      autoCapture: true,
      financing: { transaction_type: 'regular_purchase' },
    });
    expect((await ledger(sb.url, MI)).posted_balance_cents).toBeGreaterThan(1_000_001);
    expect(
      (
        await post({
          transaction_type: 'deposit',
          amount: 9999.99,
          account_number: MI,
          ...(await pinFor(MI)),
        })
      ).status,
    ).toBe(200);
    expect(
      (await post({ transaction_type: 'tradein', amount: 0.01, account_number: MI, ...(await pinFor(MI)) }))
        .status,
    ).toBe(200);
    expectError(
      await post({ transaction_type: 'deposit', amount: 0.01, account_number: MI, ...(await pinFor(MI)) }),
      409,
      'limit_payment_amount_24',
    );
    await advanceClock(sb.url, 24 * 60 * 60 + 1);
    merchant = await token(sb.url);
    expect(
      (await post({ transaction_type: 'deposit', amount: 0.01, account_number: MI, ...(await pinFor(MI)) }))
        .status,
    ).toBe(200);
  });
});
