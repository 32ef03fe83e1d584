/**
 * T5 return and T6 refund (§7, §0A.11) over HTTP against a real sandbox: the 100-day rule on the
 * sandbox clock, caps, full_return, regular purchases refused, refund caps and the ledger effect.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, call, resetSandbox, token } from './sandbox-client';
import {
  CLIENT,
  CLIENT2,
  LOCATION2,
  RESTRICTED,
  ledger,
  openAuthorization,
  storeIds,
  type Json,
} from './money-helpers';

const A = DEMO.accounts;
const MI = A.miTester.accountNumber;
const DAY = 24 * 60 * 60;
let sb: RunningSandbox;
let merchant: string;

function expectError(res: { status: number; body: Json }, status: number, code: string): void {
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error: code });
  expect(res.body.code).toBe(status);
}

/** An auto-captured authorization: returns its ids. */
async function purchase(
  amount: number | string,
  opts: { accountNumber?: number; regular?: boolean } = {},
): Promise<{ authId: number; captureId: number }> {
  const body = await openAuthorization(sb.url, merchant, {
    accountNumber: opts.accountNumber ?? MI,
    amount,
    autoCapture: true,
    ...(opts.regular ? { financing: { transaction_type: 'regular_purchase' } } : {}),
  });
  return { authId: body.authorization_id as number, captureId: body.capture_id as number };
}

function ret(authId: unknown, captureId: unknown, payload: Json, opts: { t?: string; client?: string } = {}) {
  return call<Json>(
    sb.url,
    'POST',
    `/client-id/${opts.client ?? CLIENT}/authorization/${String(authId)}/capture/${String(captureId)}/return`,
    { token: opts.t ?? merchant, body: { ...storeIds(), ...payload } },
  );
}

function refund(accountNumber: unknown, payload: Json, opts: { t?: string; client?: string } = {}) {
  return call<Json>(
    sb.url,
    'POST',
    `/client-id/${opts.client ?? CLIENT}/accounts/${String(accountNumber)}/refund`,
    {
      token: opts.t ?? merchant,
      body: { ...storeIds(), ...payload },
    },
  );
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

describe('return (T5)', () => {
  it('returns in parts with exactly the §7 T5 fields, then full_return takes the rest', async () => {
    const before = await ledger(sb.url, MI);
    const { authId, captureId } = await purchase(100);
    const first = await ret(authId, captureId, {
      amount: 10,
      reference: 'Order-1234',
      sku_data: { transaction_total: -10 },
    });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(
      [
        'amount',
        'capture_id',
        'date',
        'reference',
        'remaining_authorization_amount',
        'remaining_capture_amount',
        'return_id',
      ].sort(),
    );
    expect(first.body).toMatchObject({
      reference: 'Order-1234',
      capture_id: captureId,
      amount: 10,
      remaining_capture_amount: 90,
      remaining_authorization_amount: 0,
    });
    const returnId = first.body.return_id as number;
    expect(Number.isSafeInteger(returnId) && returnId > 0 && String(returnId).length <= 16).toBe(true);

    // full_return ignores the amount, even a malformed one.
    const rest = await ret(authId, captureId, { full_return: true, amount: 'whatever' });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ amount: 90, remaining_capture_amount: 0 });
    expect(rest.body.return_id).not.toBe(returnId);

    expectError(await ret(authId, captureId, { full_return: true }), 409, 'capture_amount_exceeded');
    expectError(await ret(authId, captureId, { amount: 0.01 }), 409, 'capture_amount_exceeded');
    expect((await ledger(sb.url, MI)).posted_balance_cents).toBe(before.posted_balance_cents);
  });

  it("reports the parent's current remainder, which a return does not change", async () => {
    const auth = await openAuthorization(sb.url, merchant, { accountNumber: MI, amount: 300 });
    const id = auth.authorization_id as number;
    const cap = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/authorization/${id}/capture`, {
      token: merchant,
      body: { amount: 120, ...storeIds() },
    });
    const r = await ret(id, cap.body.capture_id, { amount: 20 });
    expect(r.body).toMatchObject({ remaining_capture_amount: 100, remaining_authorization_amount: 180 });
  });

  it('capture_amount_exceeded above the remaining captured amount', async () => {
    const { authId, captureId } = await purchase(25.5);
    expectError(await ret(authId, captureId, { amount: 25.51 }), 409, 'capture_amount_exceeded');
    expect((await ret(authId, captureId, { amount: '25.50' })).status).toBe(200);
  });

  it('wrong_transaction_type for a regular purchase', async () => {
    const { authId, captureId } = await purchase(50, { regular: true });
    expectError(await ret(authId, captureId, { amount: 5 }), 409, 'wrong_transaction_type');
  });

  it('allows a return just before 100 days after the capture and refuses it after', async () => {
    const early = await purchase(40);
    const late = await purchase(40);
    await advanceClock(sb.url, 100 * DAY - 60);
    merchant = await token(sb.url);
    expect((await ret(early.authId, early.captureId, { amount: 1 })).status).toBe(200);
    await advanceClock(sb.url, 61);
    merchant = await token(sb.url);
    expectError(await ret(late.authId, late.captureId, { amount: 1 }), 409, 'return_date_exceeded');
    expectError(await ret(early.authId, early.captureId, { full_return: true }), 409, 'return_date_exceeded');
  });

  it('404 when the capture is not on that authorization, or either id is unknown', async () => {
    const a = await purchase(10);
    const b = await purchase(10);
    expectError(await ret(a.authId, b.captureId, { amount: 1 }), 404, 'not_found');
    expectError(await ret(a.authId, 999999999, { amount: 1 }), 404, 'not_found');
    expectError(await ret('1000000000999999', a.captureId, { amount: 1 }), 404, 'not_found');
    expectError(await ret(a.authId, '1234567890', { amount: 1 }), 404, 'not_found');
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    expectError(
      await ret(a.authId, a.captureId, { amount: 1, ...storeIds(LOCATION2) }, { t: t2, client: CLIENT2 }),
      404,
      'not_found',
    );
  });

  it('not_permitted for a restricted employee; store, card and input checks', async () => {
    const { authId, captureId } = await purchase(10);
    expectError(
      await ret(authId, captureId, { amount: 1, external_employee_id: RESTRICTED }),
      409,
      'not_permitted',
    );
    expectError(
      await ret(authId, captureId, { amount: 1, external_location_id: 'NOPE' }),
      409,
      'external_location_id_not_found',
    );
    expectError(
      await ret(authId, captureId, { amount: 1, vcc_number: A.johnSmith.vcc }),
      409,
      'vcc_account_mismatch',
    );
    const missing = await ret(authId, captureId, { full_return: false });
    expectError(missing, 409, 'wrong_inputs');
    expect(missing.body.field_errors).toEqual([{ param: 'amount', msg: 'required' }]);
    expectError(await ret(authId, captureId, { amount: 1.234 }), 409, 'wrong_inputs');
    const customer = await token(sb.url, { scope: 'customer' });
    expectError(await ret(authId, captureId, { amount: 1 }, { t: customer }), 403, 'insufficient_scope');
  });
});

describe('refund (T6)', () => {
  it('credits up to the posted balance, answers {} and refuses one cent more', async () => {
    const before = await ledger(sb.url, A.johnSmith.accountNumber);
    expect(before.posted_balance_cents).toBeGreaterThan(0);
    const over = ((before.posted_balance_cents + 1) / 100).toFixed(2);
    expectError(
      await refund(A.johnSmith.accountNumber, { amount: over }),
      409,
      'refunds_limit_exceeded_amount',
    );
    const part = await refund(A.johnSmith.accountNumber, { amount: 40.49, reference: 'goodwill' });
    expect(part.status).toBe(200);
    expect(part.body).toEqual({});
    const mid = await ledger(sb.url, A.johnSmith.accountNumber);
    expect(before.posted_balance_cents - mid.posted_balance_cents).toBe(4049);
    expect(mid.available_credit_cents - before.available_credit_cents).toBe(4049);
    const rest = await refund(A.johnSmith.accountNumber, {
      amount: (mid.posted_balance_cents / 100).toFixed(2),
    });
    expect(rest.status).toBe(200);
    expect((await ledger(sb.url, A.johnSmith.accountNumber)).posted_balance_cents).toBe(0);
    expectError(
      await refund(A.johnSmith.accountNumber, { amount: 0.01 }),
      409,
      'refunds_limit_exceeded_amount',
    );
  });

  it('does not count open holds as refundable', async () => {
    const start = await ledger(sb.url, A.quebec.accountNumber);
    expect(start.posted_balance_cents).toBe(0);
    await openAuthorization(sb.url, merchant, { accountNumber: A.quebec.accountNumber, amount: 100 });
    expectError(await refund(A.quebec.accountNumber, { amount: 1 }), 409, 'refunds_limit_exceeded_amount');
  });

  it('is how a regular purchase is given back', async () => {
    const { captureId } = await purchase(60, { regular: true });
    const res = await refund(MI, { amount: 60, capture_id: captureId });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
  });

  it('404 for an unknown account, or a capture_id that is not of this account', async () => {
    const mine = await purchase(10);
    const theirs = await purchase(10, { accountNumber: A.johnSmith.accountNumber });
    expectError(await refund(999999999, { amount: 1 }), 404, 'not_found');
    expectError(await refund(MI, { amount: 1, capture_id: theirs.captureId }), 404, 'not_found');
    expectError(await refund(MI, { amount: 1, capture_id: 123 }), 404, 'not_found');
    expect((await refund(MI, { amount: 1, capture_id: mine.captureId })).status).toBe(200);
  });

  it('store, card, account-type and input checks', async () => {
    expectError(
      await refund(MI, { amount: 1, external_location_id: 'NOPE' }),
      409,
      'external_location_id_not_found',
    );
    expectError(await refund(MI, { amount: 1, vcc_number: A.johnSmith.vcc }), 409, 'vcc_account_mismatch');
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    expectError(
      await refund(
        A.business.accountNumber,
        { amount: 1, ...storeIds(LOCATION2) },
        { t: t2, client: CLIENT2 },
      ),
      409,
      'account_type_not_permitted',
    );
    const missing = await refund(MI, {});
    expectError(missing, 409, 'wrong_inputs');
    expect(missing.body.field_errors).toEqual([{ param: 'amount', msg: 'required' }]);
    expectError(await refund(MI, { amount: -1 }), 409, 'wrong_inputs');
    const customer = await token(sb.url, { scope: 'customer' });
    expectError(await refund(MI, { amount: 1 }, { t: customer }), 403, 'insufficient_scope');
  });
});
