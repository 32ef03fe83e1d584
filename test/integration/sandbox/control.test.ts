/**
 * The /sandbox/* control API over HTTP: every route, its validation errors, and reset restoring the demo data.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { call, resetSandbox, token } from './sandbox-client';

const demo = DEMO.merchants.demo.clientId;

let sandbox: RunningSandbox;
let url: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  url = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await resetSandbox(url);
});

interface Outbox {
  messages: Array<{
    id: number;
    channel: string;
    to: string;
    account_number: number;
    request_id: string;
    pin: string;
    sent_at: string;
  }>;
}

async function sendPin(t: string, accountNumber: number, format: 'sms' | 'email', requestId: string) {
  const res = await call(url, 'POST', `/client-id/${demo}/account/${accountNumber}/verify`, {
    token: t,
    body: { format, request_id: requestId },
  });
  expect(res.status).toBe(200);
}

describe('GET /sandbox/health and the clock', () => {
  it('reports ok and the sandbox time', async () => {
    const res = await call(url, 'GET', '/sandbox/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Math.abs(Date.parse(res.body.now as string) - Date.now())).toBeLessThan(5_000);
  });

  it('moves the clock forward by advance_seconds and returns the new time', async () => {
    const before = Date.parse((await call(url, 'GET', '/sandbox/clock')).body.now as string);
    const res = await call(url, 'POST', '/sandbox/clock', { body: { advance_seconds: 86_400 } });
    expect(res.status).toBe(200);
    expect(res.body.offset_seconds).toBe(86_400);
    const after = Date.parse(res.body.now as string);
    expect(after - before).toBeGreaterThanOrEqual(86_400_000 - 1_000);
    expect(after - before).toBeLessThan(86_400_000 + 5_000);
    const again = await call(url, 'POST', '/sandbox/clock', { body: { advance_seconds: 0.5 } });
    expect(again.body.offset_seconds).toBe(86_400.5);
  });

  it('refuses a negative, missing or non-numeric advance with 409 wrong_inputs', async () => {
    const cases: Array<[unknown, string]> = [
      [{ advance_seconds: -1 }, 'invalid'],
      [{}, 'required'],
      [{ advance_seconds: 'soon' }, 'invalid'],
    ];
    for (const [body, msg] of cases) {
      const res = await call(url, 'POST', '/sandbox/clock', { body });
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body).toMatchObject({ code: 409, error: 'wrong_inputs', url: '/sandbox/clock' });
      expect(res.body.field_errors).toEqual([expect.objectContaining({ param: 'advance_seconds', msg })]);
    }
    expect((await call(url, 'GET', '/sandbox/clock')).body.offset_seconds).toBe(0);
  });
});

describe('errors of the control API', () => {
  it('answers 404 not_found for an unknown control path and 405 for a wrong method, in the §0A.3 shape', async () => {
    const missing = await call(url, 'GET', '/sandbox/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 404, error: 'not_found', url: '/sandbox/nothing-here' });
    const wrong = await call(url, 'GET', '/sandbox/reset');
    expect(wrong.status).toBe(405);
    expect(wrong.body.error).toBe('method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('refuses malformed JSON with 409 wrong_inputs (param body)', async () => {
    const res = await call(url, 'POST', '/sandbox/clock', {
      body: '{"advance_seconds":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(409);
    expect(res.body.field_errors).toEqual([{ param: 'body', msg: 'invalid' }]);
  });
});

describe('GET /sandbox/accounts/{n}', () => {
  it('reports the ledger of a demo account in dollars and in cents', async () => {
    const res = await call(url, 'GET', `/sandbox/accounts/${DEMO.accounts.johnSmith.accountNumber}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      account_number: DEMO.accounts.johnSmith.accountNumber,
      customer_id: DEMO.accounts.johnSmith.customerId,
      account_status: 'N',
      credit_limit: 1000,
      credit_limit_cents: 100_000,
      posted_balance: 340.49,
      posted_balance_cents: 34_049,
      open_holds: 0,
      open_holds_cents: 0,
      available_credit: 659.51,
      available_credit_cents: 65_951,
      authorizations: [],
      captures: [],
      refunds: [],
      transactions: [],
    });
  });

  it('answers 404 for an unknown or malformed account number', async () => {
    for (const n of ['999999999', 'abc', '0', '1'.repeat(15)]) {
      const res = await call(url, 'GET', `/sandbox/accounts/${n}`);
      expect(res.status, n).toBe(404);
      expect(res.body.error).toBe('not_found');
    }
  });
});

describe('POST /sandbox/customers', () => {
  it('creates a customer with an account that the POS API finds at once', async () => {
    const res = await call(url, 'POST', '/sandbox/customers', {
      body: {
        first_name: 'Dana',
        last_name: 'Scully',
        dob: '1964-02-23',
        province: 'QC',
        postal_code: 'h3b1a7',
        phone_number: '5145550199',
        email: 'dana@example.com',
        preferred_language: 'fr-CA',
        risk_rating: 'H',
        credit_limit: 2500,
        opening_balance: '100.25',
        security_qid: 7,
        security_answer: 'Rue Peel',
      },
    });
    expect(res.status).toBe(201);
    expect(typeof res.body.customer_id).toBe('string');
    expect(typeof res.body.account_number).toBe('number');
    const n = res.body.account_number as number;

    const ledger = await call(url, 'GET', `/sandbox/accounts/${n}`);
    expect(ledger.body).toMatchObject({
      credit_limit: 2500,
      posted_balance: 100.25,
      available_credit: 2399.75,
      risk_rating: 'H',
    });

    const t = await token(url);
    const found = await call(url, 'GET', `/client-id/${demo}/customers/lookup?account_number=${n}`, {
      token: t,
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      account_number: n,
      customer_id: res.body.customer_id,
      postal_code: 'H3B 1A7',
      province: 'QC',
      preferred_language: 'fr-CA',
      available_credit: 2399.75,
    });
  });

  it('creates distinct accounts with defaults for everything but the name and dob', async () => {
    const a = await call(url, 'POST', '/sandbox/customers', {
      body: { first_name: 'A', last_name: 'One', dob: '1990-01-01' },
    });
    const b = await call(url, 'POST', '/sandbox/customers', {
      body: { first_name: 'B', last_name: 'Two', dob: '1990-01-01' },
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.account_number).not.toBe(b.body.account_number);
    expect(a.body.customer_id).not.toBe(b.body.customer_id);
  });

  it('can create an account in a given status and age', async () => {
    const res = await call(url, 'POST', '/sandbox/customers', {
      body: {
        first_name: 'Old',
        last_name: 'Frozen',
        dob: '1970-01-01',
        status: 'F',
        activated: false,
        created_days_ago: 3,
      },
    });
    const ledger = await call(url, 'GET', `/sandbox/accounts/${res.body.account_number as number}`);
    expect(ledger.body).toMatchObject({ account_status: 'F', activated: false });
    const created = Date.parse(`${ledger.body.creation_date as string}T00:00:00Z`);
    expect(Math.round((Date.now() - created) / 86_400_000)).toBeGreaterThanOrEqual(3);
  });

  it('refuses invalid fields with 409 wrong_inputs and field_errors', async () => {
    const base = { first_name: 'X', last_name: 'Y', dob: '1990-01-01' };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ last_name: 'Y', dob: '1990-01-01' }, 'first_name', 'required'],
      [{ ...base, dob: '1990-02-30' }, 'dob', 'invalid'],
      [{ ...base, province: 'XX' }, 'province', 'invalid'],
      [{ ...base, province: 'BC', postal_code: 'M5J 2H7' }, 'postal_code', 'invalid'],
      [{ ...base, credit_limit: '10.001' }, 'credit_limit', 'invalid'],
      [{ ...base, credit_limit: 100, opening_balance: 200 }, 'opening_balance', 'invalid'],
      [{ ...base, phone_number: '12345' }, 'phone_number', 'invalid'],
      [{ ...base, first_name: 'x'.repeat(36) }, 'first_name', 'length'],
      [{ ...base, risk_rating: 'Q' }, 'risk_rating', 'invalid'],
    ];
    for (const [body, param, msg] of cases) {
      const res = await call(url, 'POST', '/sandbox/customers', { body });
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body.error).toBe('wrong_inputs');
      expect(res.body.field_errors, JSON.stringify(body)).toContainEqual(
        expect.objectContaining({ param, msg }),
      );
    }
  });
});

describe('GET /sandbox/outbox', () => {
  it('lists the SMS and email PINs sent, newest first', async () => {
    const t = await token(url);
    await sendPin(t, DEMO.accounts.miTester.accountNumber, 'sms', 'req-a');
    await sendPin(t, DEMO.accounts.johnSmith.accountNumber, 'email', 'req-b');
    const res = await call<Outbox>(url, 'GET', '/sandbox/outbox');
    expect(res.status).toBe(200);
    expect(res.body.messages).toHaveLength(2);
    const [newest, oldest] = res.body.messages;
    expect(newest).toMatchObject({
      channel: 'email',
      to: 'john.smith@example.com',
      account_number: DEMO.accounts.johnSmith.accountNumber,
      request_id: 'req-b',
    });
    expect(oldest).toMatchObject({
      channel: 'sms',
      to: '4165550101',
      account_number: DEMO.accounts.miTester.accountNumber,
      request_id: 'req-a',
    });
    for (const m of res.body.messages) expect(m.pin).toMatch(/^[1-9]\d{3}$/);
  });
});

describe('GET /sandbox/stats', () => {
  it('counts requests per endpoint (route id + method) and status', async () => {
    const t = await token(url);
    const lookup = `/client-id/${demo}/customers/lookup?account_number=${DEMO.accounts.miTester.accountNumber}`;
    await call(url, 'GET', lookup, { token: t });
    await call(url, 'GET', lookup, { token: t });
    await call(url, 'GET', `/client-id/${demo}/customers/lookup?account_number=999999999`, { token: t });
    await call(url, 'GET', `/client-id/${demo}/nowhere`, { token: t });
    const res = await call<{
      total: number;
      endpoints: Array<{ endpoint: string; count: number; statuses: Record<string, number> }>;
    }>(url, 'GET', '/sandbox/stats');
    expect(res.status).toBe(200);
    const byName = new Map(res.body.endpoints.map((e) => [e.endpoint, e]));
    expect(byName.get('A1 POST')).toMatchObject({ count: 1, statuses: { '200': 1 } });
    expect(byName.get('C2 GET')).toMatchObject({ count: 3, statuses: { '200': 2, '404': 1 } });
    expect(byName.get('unmatched GET')).toMatchObject({ count: 1, statuses: { '404': 1 } });
    expect(res.body.total).toBe(5);
  });
});

describe('POST /sandbox/merchants/{client_id}', () => {
  it('switches merchant settings and refuses unknown merchants or bad values', async () => {
    const res = await call(url, 'POST', `/sandbox/merchants/${demo}`, { body: { preauth_allowed: false } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ client_id: demo, preauth_allowed: false, provisioned: true });
    expect((await call(url, 'POST', '/sandbox/merchants/nobody', { body: {} })).status).toBe(404);
    const bad = await call(url, 'POST', `/sandbox/merchants/${demo}`, { body: { provisioned: 'maybe' } });
    expect(bad.status).toBe(409);
    expect(bad.body.field_errors).toEqual([
      expect.objectContaining({ param: 'provisioned', msg: 'invalid' }),
    ]);
  });
});

describe('POST /sandbox/reset', () => {
  it('restores the demo data and clears the clock offset, faults, caches, outbox and stats', async () => {
    const t = await token(url);
    const created = await call(url, 'POST', '/sandbox/customers', {
      body: { first_name: 'Temp', last_name: 'Person', dob: '1990-01-01' },
    });
    await sendPin(t, DEMO.accounts.miTester.accountNumber, 'sms', 'before-reset');
    expect((await call<Outbox>(url, 'GET', '/sandbox/outbox')).body.messages).toHaveLength(1);
    await call(url, 'POST', `/sandbox/merchants/${demo}`, { body: { provisioned: false } });
    await call(url, 'POST', '/sandbox/clock', { body: { advance_seconds: 3600 } });
    await call(url, 'POST', '/sandbox/faults', { body: { path: '**/lookup', kind: 'status', status: 503 } });

    const reset = await call(url, 'POST', '/sandbox/reset');
    expect(reset.status).toBe(200);

    expect(
      (await call(url, 'GET', `/sandbox/accounts/${created.body.account_number as number}`)).status,
    ).toBe(404);
    expect((await call(url, 'GET', '/sandbox/clock')).body.offset_seconds).toBe(0);
    expect((await call<{ faults: unknown[] }>(url, 'GET', '/sandbox/faults')).body.faults).toEqual([]);
    expect((await call<Outbox>(url, 'GET', '/sandbox/outbox')).body.messages).toEqual([]);
    expect((await call<{ total: number }>(url, 'GET', '/sandbox/stats')).body.total).toBe(0);
    // Tokens are state too: the old one is gone; the merchant is provisioned again.
    const old = await call(
      url,
      'GET',
      `/client-id/${demo}/customers/lookup?account_number=${DEMO.accounts.miTester.accountNumber}`,
      { token: t },
    );
    expect(old.status).toBe(401);
    const fresh = await token(url);
    const lookup = await call(
      url,
      'GET',
      `/client-id/${demo}/customers/lookup?account_number=${DEMO.accounts.miTester.accountNumber}`,
      {
        token: fresh,
      },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.available_credit).toBe(14000);
  });
});
