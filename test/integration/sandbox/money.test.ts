/**
 * Money exactness over HTTP (§0A.2, §0A.11): integer cents inside, dollars with at most two decimals on
 * the wire, exact to the cent over many partial captures, releases and returns of awkward amounts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { call, resetSandbox, token } from './sandbox-client';
import { CLIENT, ledger, openAuthorization, storeIds, type Json } from './money-helpers';

const MI = DEMO.accounts.miTester.accountNumber;
let sb: RunningSandbox;
let merchant: string;

const toCents = (dollars: unknown): number => Math.round(Number(dollars) * 100);

/** Every number under a money key has at most two decimals. */
function assertWireMoney(value: unknown, path = ''): void {
  if (Array.isArray(value)) value.forEach((v, i) => assertWireMoney(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'number' && /amount$/.test(k)) {
        expect(/^\d+(\.\d{1,2})?$/.test(String(v)), `${path}.${k}=${v}`).toBe(true);
      } else assertWireMoney(v, `${path}.${k}`);
    }
  }
}

function capture(id: number, amount: unknown) {
  return call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/authorization/${id}/capture`, {
    token: merchant,
    body: { amount, ...storeIds() },
  });
}
function release(id: number, amount?: unknown) {
  return call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/authorization/${id}/release`, {
    token: merchant,
    body: { ...(amount === undefined ? {} : { amount }), ...storeIds() },
  });
}
function ret(id: number, captureId: number, amount: unknown) {
  return call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/authorization/${id}/capture/${captureId}/return`, {
    token: merchant,
    body: { amount, ...storeIds() },
  });
}
function detail(id: number) {
  return call<Json>(sb.url, 'GET', `/client-id/${CLIENT}/authorization/${id}`, {
    token: merchant,
    version: 'v2.5.1',
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

describe('exact to the cent', () => {
  it('captures 333.33 three times and 0.01 once out of 1000.00, then closes', async () => {
    const start = await ledger(sb.url, MI);
    const id = (await openAuthorization(sb.url, merchant, { accountNumber: MI, amount: '1000.00' }))
      .authorization_id as number;
    let remaining = 100000;
    for (const amount of [333.33, '333.33', 333.33, 0.01]) {
      const res = await capture(id, amount);
      expect(res.status).toBe(200);
      remaining -= toCents(amount);
      expect(toCents(res.body.remaining_authorization_amount)).toBe(remaining);
      assertWireMoney(res.body);
    }
    expect(remaining).toBe(0);
    const d = await detail(id);
    expect(d.body).toMatchObject({
      authorization_status: 'closed',
      captured_amount: 1000,
      remaining_authorization_amount: 0,
    });
    assertWireMoney(d.body);
    const end = await ledger(sb.url, MI);
    expect(end.posted_balance_cents - start.posted_balance_cents).toBe(100000);
    expect(start.available_credit_cents - end.available_credit_cents).toBe(100000);
  });

  it('captures a 1.00 authorization one cent at a time', async () => {
    const id = (await openAuthorization(sb.url, merchant, { accountNumber: MI, amount: 1 }))
      .authorization_id as number;
    for (let i = 1; i <= 100; i += 1) {
      const res = await capture(id, 0.01);
      expect(res.status).toBe(200);
      expect(toCents(res.body.remaining_authorization_amount)).toBe(100 - i);
    }
    const d = await detail(id);
    expect(d.body.authorization_status).toBe('closed');
    expect((d.body.captures as Json[]).length).toBe(100);
    expect((await capture(id, 0.01)).body.error).toBe('authorization_ended');
  });

  it('returns 0.10 then 0.20 of a 0.30 capture with nothing left over (no float drift)', async () => {
    const a = await openAuthorization(sb.url, merchant, {
      accountNumber: MI,
      amount: 0.3,
      autoCapture: true,
    });
    const id = a.authorization_id as number;
    const captureId = a.capture_id as number;
    expect((await ret(id, captureId, 0.1)).body.remaining_capture_amount).toBe(0.2);
    expect((await ret(id, captureId, '0.20')).body.remaining_capture_amount).toBe(0);
    expect((await ret(id, captureId, 0.01)).body.error).toBe('capture_amount_exceeded');
  });

  it('keeps authorized = captured + released + remaining, and capture = returns + remaining, over awkward amounts', async () => {
    const start = await ledger(sb.url, MI);
    const id = (await openAuthorization(sb.url, merchant, { accountNumber: MI, amount: 1234.57 }))
      .authorization_id as number;
    const c1 = (await capture(id, 333.33)).body.capture_id as number;
    const c2 = (await capture(id, 0.07)).body.capture_id as number;
    await release(id, 100.01);
    const c3 = (await capture(id, 701.15)).body.capture_id as number;
    await ret(id, c1, 111.11);
    await ret(id, c1, 0.01);
    await ret(id, c2, 0.07);
    await ret(id, c3, 350.57);
    const d = await detail(id);
    assertWireMoney(d.body);
    const authorized = toCents(d.body.authorized_amount);
    const captured = toCents(d.body.captured_amount);
    const released = toCents(d.body.released_amount);
    const remaining = toCents(d.body.remaining_authorization_amount);
    expect(authorized).toBe(123457);
    expect(captured + released + remaining).toBe(authorized);
    expect([captured, released, remaining]).toEqual([
      33333 + 7 + 70115,
      10001,
      123457 - 33333 - 7 - 10001 - 70115,
    ]);
    let returned = 0;
    for (const c of d.body.captures as Array<{
      amount: number;
      remaining_capture_amount: number;
      returns: Array<{ amount: number }>;
    }>) {
      const sum = c.returns.reduce((s, r) => s + toCents(r.amount), 0);
      expect(sum + toCents(c.remaining_capture_amount)).toBe(toCents(c.amount));
      returned += sum;
    }
    expect(returned).toBe(11111 + 1 + 7 + 35057);
    const end = await ledger(sb.url, MI);
    expect(end.posted_balance_cents - start.posted_balance_cents).toBe(captured - returned);
    expect(end.open_holds_cents - start.open_holds_cents).toBe(remaining);
    expect(end.available_credit_cents).toBe(
      end.credit_limit_cents - end.posted_balance_cents - end.open_holds_cents,
    );
  });
});

describe('wire format', () => {
  it('accepts numeric strings with up to two decimals and rejects three decimals everywhere', async () => {
    const a = await openAuthorization(sb.url, merchant, { accountNumber: MI, amount: '12.3' });
    expect(a.amount).toBe(12.3);
    const id = a.authorization_id as number;
    for (const bad of ['1.001', 1.001, '1,00', '$1.00', '', '1.', '.5e1']) {
      const res = await capture(id, bad);
      expect(res.status, JSON.stringify(bad)).toBe(409);
      expect(res.body.error).toBe('wrong_inputs');
    }
    expect((await release(id, '0.001')).body.error).toBe('wrong_inputs');
    expect((await capture(id, '2.30')).body).toMatchObject({
      amount: 2.3,
      remaining_authorization_amount: 10,
    });
  });

  it('refuses amounts above 999,999,999.99', async () => {
    const res = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/accounts/${MI}/calculate-interest`, {
      token: merchant,
      version: 'v2.5.1',
      body: { amount: 1000000000 },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('wrong_inputs');
    const top = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/accounts/${MI}/calculate-interest`, {
      token: merchant,
      version: 'v2.5.1',
      body: { amount: '999999999.99' },
    });
    expect(top.status).toBe(200);
    expect(top.body.amount).toBe(999999999.99);
    assertWireMoney(top.body);
  });
});
