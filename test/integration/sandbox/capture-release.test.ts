/**
 * T3 release and T4 capture (§7, §0A.11, §0A.12) over HTTP against a real sandbox: partial and full
 * amounts, closing, the 30-day expiry to `unauthorized`, restricted employees and the 404 rules.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, call, resetSandbox, token } from './sandbox-client';
import { CLIENT, CLIENT2, RESTRICTED, ledger, openAuthorization, storeIds, type Json } from './money-helpers';

const A = DEMO.accounts;
const MI = A.miTester.accountNumber;
const DAY = 24 * 60 * 60;
let sb: RunningSandbox;
let merchant: string;

function capture(authId: unknown, payload: Json, opts: { t?: string; client?: string; key?: string } = {}) {
  return call<Json>(
    sb.url,
    'POST',
    `/client-id/${opts.client ?? CLIENT}/authorization/${String(authId)}/capture`,
    {
      token: opts.t ?? merchant,
      body: { ...storeIds(), ...payload },
      ...(opts.key === undefined ? {} : { headers: { 'x-idempotency-key': opts.key } }),
    },
  );
}

function release(authId: unknown, payload: Json, opts: { t?: string; client?: string } = {}) {
  return call<Json>(
    sb.url,
    'POST',
    `/client-id/${opts.client ?? CLIENT}/authorization/${String(authId)}/release`,
    {
      token: opts.t ?? merchant,
      body: { ...storeIds(), ...payload },
    },
  );
}

function detail(authId: unknown) {
  return call<Json>(sb.url, 'GET', `/client-id/${CLIENT}/authorization/${String(authId)}`, {
    token: merchant,
    version: 'v2.5.1',
  });
}

function expectError(res: { status: number; body: Json }, status: number, code: string): void {
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error: code });
  expect(res.body.code).toBe(status);
}

async function open(amount: number | string, accountNumber = MI): Promise<number> {
  const auth = await openAuthorization(sb.url, merchant, { accountNumber, amount });
  return auth.authorization_id as number;
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

describe('capture', () => {
  it('captures in parts until nothing remains, then the authorization is closed and refuses more', async () => {
    const id = await open(1000.12);
    const first = await capture(id, { amount: 600, reference: 'orderid-12345' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      authorization_id: id,
      reference: 'orderid-12345',
      amount: 600,
      remaining_authorization_amount: 400.12,
    });
    expect(first.body.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const captureId = first.body.capture_id as number;
    expect(Number.isSafeInteger(captureId) && String(captureId).length <= 9).toBe(true);
    expect((await detail(id)).body.authorization_status).toBe('opened');

    const second = await capture(id, { amount: '400.11' });
    expect(second.body.remaining_authorization_amount).toBe(0.01);
    const last = await capture(id, { amount: 0.01 });
    expect(last.body.remaining_authorization_amount).toBe(0);
    expect(new Set([first.body.capture_id, second.body.capture_id, last.body.capture_id]).size).toBe(3);

    const d = await detail(id);
    expect(d.body).toMatchObject({
      authorization_status: 'closed',
      authorized_amount: 1000.12,
      captured_amount: 1000.12,
      released_amount: 0,
    });
    expect((d.body.captures as Json[]).map((c) => c.amount)).toEqual([600, 400.11, 0.01]);
    expectError(await capture(id, { amount: 0.01 }), 409, 'authorization_ended');
  });

  it('moves the amount from holds to the posted balance', async () => {
    const before = await ledger(sb.url, MI);
    const id = await open(300);
    await capture(id, { amount: 120.5 });
    const after = await ledger(sb.url, MI);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(12050);
    expect(after.open_holds_cents - before.open_holds_cents).toBe(17950);
    expect(before.available_credit_cents - after.available_credit_cents).toBe(30000);
  });

  it('auth_amount_exceeded above the remainder; exactly the remainder is fine', async () => {
    const id = await open(50);
    expectError(await capture(id, { amount: 50.01 }), 409, 'auth_amount_exceeded');
    expect((await capture(id, { amount: 50 })).status).toBe(200);
  });

  it('not_permitted for a restricted employee, before the status checks', async () => {
    const id = await open(50);
    expectError(await capture(id, { amount: 10, external_employee_id: RESTRICTED }), 409, 'not_permitted');
    await capture(id, { amount: 50 });
    expectError(await capture(id, { amount: 10, external_employee_id: RESTRICTED }), 409, 'not_permitted');
  });

  it('checks the optional store and card fields when present', async () => {
    const id = await open(50);
    expectError(
      await capture(id, { amount: 10, external_location_id: 'STORE-404' }),
      409,
      'external_location_id_not_found',
    );
    expectError(await capture(id, { amount: 10, vcc_number: A.johnSmith.vcc }), 409, 'vcc_account_mismatch');
    expectError(await capture(id, { amount: 10, vcc_number: '4000000000000000' }), 404, 'not_found');
    const bare = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/authorization/${id}/capture`, {
      token: merchant,
      body: { amount: 10, vcc_number: A.miTester.vcc },
    });
    expect(bare.status).toBe(200);
  });

  it('409 wrong_inputs without an amount or with three decimals; stores sku_data without echoing it', async () => {
    const id = await open(50);
    const missing = await capture(id, {});
    expectError(missing, 409, 'wrong_inputs');
    expect(missing.body.field_errors).toEqual([{ param: 'amount', msg: 'required' }]);
    expectError(await capture(id, { amount: '1.001' }), 409, 'wrong_inputs');
    const withSku = await capture(id, {
      amount: 1,
      sku_data: { purchase_order: '100001234', products: [{ sku_id: 'x' }] },
    });
    expect(withSku.status).toBe(200);
    expect(withSku.body).not.toHaveProperty('sku_data');
  });

  it('404 for an unknown id, a malformed id and another merchant’s authorization; 403 for a customer token', async () => {
    const id = await open(50);
    expectError(await capture('1234567890123456', { amount: 1 }), 404, 'not_found');
    expectError(await capture('12ab', { amount: 1 }), 404, 'not_found');
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    expectError(
      await capture(id, { amount: 1, ...storeIds('STORE-101') }, { t: t2, client: CLIENT2 }),
      404,
      'not_found',
    );
    const customer = await token(sb.url, { scope: 'customer' });
    expectError(await capture(id, { amount: 1 }, { t: customer }), 403, 'insufficient_scope');
    expect((await detail(id)).body.captured_amount).toBe(0);
  });

  it('replays a capture sent twice with one idempotency key, without capturing twice', async () => {
    const id = await open(80);
    const one = await capture(id, { amount: 30 }, { key: 'capture-key-1' });
    const two = await capture(id, { amount: 30 }, { key: 'capture-key-1' });
    expect(two.status).toBe(200);
    expect(two.body).toEqual(one.body);
    expect((await detail(id)).body.captured_amount).toBe(30);
    expectError(await capture(id, { amount: 31 }, { key: 'capture-key-1' }), 409, 'idempotency_key_reused');
  });
});

describe('release', () => {
  it('releases part, then the whole remainder when no amount is given, and closes', async () => {
    const before = await ledger(sb.url, MI);
    const id = await open(400.12);
    const part = await release(id, { amount: 100 });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({
      authorization_id: id,
      amount: 100,
      remaining_authorization_amount: 300.12,
      authorization_status: 'opened',
    });
    expect(part.body.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const rest = await release(id, {});
    expect(rest.body).toMatchObject({
      amount: 300.12,
      remaining_authorization_amount: 0,
      authorization_status: 'closed',
    });
    expect((await detail(id)).body).toMatchObject({
      released_amount: 400.12,
      captured_amount: 0,
      authorization_status: 'closed',
    });
    expect((await ledger(sb.url, MI)).available_credit_cents).toBe(before.available_credit_cents);
    expectError(await release(id, {}), 409, 'authorization_ended');
  });

  it('mixes captures and releases; the authorization closes when they add up', async () => {
    const id = await open(1000.12);
    await capture(id, { amount: 600 });
    const r = await release(id, { amount: 400.12 });
    expect(r.body).toMatchObject({ remaining_authorization_amount: 0, authorization_status: 'closed' });
    expect((await detail(id)).body).toMatchObject({
      authorized_amount: 1000.12,
      captured_amount: 600,
      released_amount: 400.12,
    });
    expectError(await capture(id, { amount: 1 }), 409, 'authorization_ended');
  });

  it('auth_amount_exceeded above the remainder, not_permitted for a restricted employee', async () => {
    const id = await open(20);
    expectError(await release(id, { amount: 20.01 }), 409, 'auth_amount_exceeded');
    expectError(await release(id, { external_employee_id: RESTRICTED }), 409, 'not_permitted');
    expectError(
      await release(id, { external_location_id: 'STORE-404' }),
      409,
      'external_location_id_not_found',
    );
    expectError(await release(id, { vcc_number: A.johnSmith.vcc }), 409, 'vcc_account_mismatch');
    expectError(await release(id, { amount: 0 }), 409, 'wrong_inputs');
    expectError(await release('999', {}), 404, 'not_found');
    expect((await detail(id)).body.released_amount).toBe(0);
  });
});

describe('the 30-day expiry (§0A.11)', () => {
  it('keeps an authorization open just before 30 days and makes it unauthorized at 30 days, releasing the rest', async () => {
    const before = await ledger(sb.url, MI);
    const id = await open(500);
    await capture(id, { amount: 125.25 });
    await advanceClock(sb.url, 30 * DAY - 5);
    merchant = await token(sb.url);
    expect((await detail(id)).body.authorization_status).toBe('opened');
    await advanceClock(sb.url, 5);
    merchant = await token(sb.url);
    const d = await detail(id);
    expect(d.body).toMatchObject({
      authorization_status: 'unauthorized',
      authorized_amount: 500,
      captured_amount: 125.25,
      released_amount: 374.75,
      remaining_authorization_amount: 0,
    });
    const after = await ledger(sb.url, MI);
    expect(after.open_holds_cents).toBe(before.open_holds_cents);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(12525);
    expectError(await capture(id, { amount: 1 }), 409, 'not_permitted');
    expectError(await release(id, {}), 409, 'authorization_ended');
  });

  it('leaves closed authorizations alone', async () => {
    const id = await open(40);
    await capture(id, { amount: 40 });
    await advanceClock(sb.url, 31 * DAY);
    merchant = await token(sb.url);
    expect((await detail(id)).body).toMatchObject({ authorization_status: 'closed', released_amount: 0 });
  });
});
