/**
 * C6 accounts/{n}/close (§0A.8): Quebec accounts within 48 hours of creation, with nothing owing and
 * nothing on hold.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, call, resetSandbox, token } from './sandbox-client';

let sandbox: RunningSandbox;
let merchant: string;
const QC = DEMO.accounts.quebec;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await resetSandbox(sandbox.url);
  merchant = await token(sandbox.url);
});

const close = (
  account: number,
  opts: { token?: string; headers?: Record<string, string>; lang?: string } = {},
) =>
  call(sandbox.url, 'POST', `/client-id/flexitidemo/accounts/${account}/close`, {
    token: opts.token ?? merchant,
    ...(opts.headers ? { headers: opts.headers } : {}),
    ...(opts.lang ? { lang: opts.lang } : {}),
  });

async function accountStatus(account: number): Promise<{ status: number; body: Record<string, unknown> }> {
  return call(
    sandbox.url,
    'GET',
    `/client-id/flexitidemo/customers/search?first_name=Marie&last_name=Tremblay&dob=1988-07-21`,
    {
      token: merchant,
    },
  ).then((res) => ({
    status: res.status,
    body:
      (res.body as unknown as Array<Record<string, unknown>>).find((r) => r.account_number === account) ?? {},
  }));
}

function expectRefused(res: { status: number; body: Record<string, unknown> }, account: number) {
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({
    code: 409,
    error: 'wrong_inputs',
    field_errors: [{ param: 'account_number', msg: 'invalid', value: account }],
  });
}

async function newQuebecAccount(extra: Record<string, unknown> = {}): Promise<number> {
  const res = await call<{ account_number: number }>(sandbox.url, 'POST', '/sandbox/customers', {
    body: {
      first_name: 'Elise',
      last_name: 'Roy',
      dob: '1990-01-01',
      province: 'QC',
      phone_number: '5145550199',
      email: 'e@example.com',
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return res.body.account_number;
}

describe('close', () => {
  it('closes a new QC account with nothing owing: {} and status C/FCQC', async () => {
    const res = await close(QC.accountNumber);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const row = await accountStatus(QC.accountNumber);
    expect(row.body).toMatchObject({ account_status: 'C', account_status_reason_code: 'FCQC' });
    // A closed account cannot be looked up for a purchase.
    const lookup = await call(
      sandbox.url,
      'GET',
      `/client-id/flexitidemo/customers/lookup?account_number=${QC.accountNumber}`,
      { token: merchant },
    );
    expect(lookup.body).toMatchObject({ error: 'user_not_able_to_purchase' });
  });

  it('accepts a customer token', async () => {
    const customer = await token(sandbox.url, { scope: 'customer' });
    expect((await close(QC.accountNumber, { token: customer })).status).toBe(200);
  });

  it('allows it until 48 hours after creation and refuses it after', async () => {
    // The demo QC account is one day old.
    await advanceClock(sandbox.url, 23 * 3600);
    merchant = await token(sandbox.url);
    const fresh = await newQuebecAccount();
    await advanceClock(sandbox.url, 3600 + 60);
    merchant = await token(sandbox.url);
    expectRefused(await close(QC.accountNumber), QC.accountNumber);
    expect((await close(fresh)).status).toBe(200);
  });

  it('refuses an account created 30 days ago', async () => {
    expectRefused(await close(DEMO.accounts.quebecOld.accountNumber), DEMO.accounts.quebecOld.accountNumber);
  });

  it('refuses a non-QC account, even a new one', async () => {
    const res = await call<{ account_number: number }>(sandbox.url, 'POST', '/sandbox/customers', {
      body: { first_name: 'Omar', last_name: 'Haddad', dob: '1990-01-01', province: 'ON' },
    });
    expectRefused(await close(res.body.account_number), res.body.account_number);
    expectRefused(await close(DEMO.accounts.miTester.accountNumber), DEMO.accounts.miTester.accountNumber);
  });

  it('refuses a QC account with a posted balance', async () => {
    const owing = await newQuebecAccount({ opening_balance: 10 });
    expectRefused(await close(owing), owing);
  });

  it('refuses a QC account with an open authorization, and allows it once released', async () => {
    const pin = (
      await call(sandbox.url, 'POST', `/client-id/flexitidemo/account/${QC.accountNumber}/verify`, {
        token: merchant,
        body: { format: 'merchant_override', request_id: 'req-close' },
      })
    ).body.verification_code;
    const auth = await call(sandbox.url, 'POST', '/client-id/flexitidemo/authorization', {
      token: merchant,
      version: 'v2.5.1',
      body: {
        account_number: QC.accountNumber,
        financing_option: { transaction_type: 'promotional_purchase', plan_id: 4, term: 12 },
        amount: 100,
        auto_capture: false,
        verification_code: pin,
        request_id: 'req-close',
        external_location_id: 'STORE-001',
        external_employee_id: 'E100',
      },
    });
    expect(auth.status).toBe(200);
    expectRefused(await close(QC.accountNumber), QC.accountNumber);
    const release = await call(
      sandbox.url,
      'POST',
      `/client-id/flexitidemo/authorization/${String(auth.body.authorization_id)}/release`,
      {
        token: merchant,
        body: { external_location_id: 'STORE-001', external_employee_id: 'E100' },
      },
    );
    expect(release.status).toBe(200);
    expect((await close(QC.accountNumber)).status).toBe(200);
  });

  it('refuses a second close of the same account, but replays an idempotent retry', async () => {
    const headers = { 'x-idempotency-key': 'close-1' };
    const first = await close(QC.accountNumber, { headers });
    expect(first.status).toBe(200);
    const replay = await close(QC.accountNumber, { headers });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({});
    expectRefused(await close(QC.accountNumber), QC.accountNumber);
  });

  it('gives 404 not_found for an unknown account, with a French message on lang=fr', async () => {
    const fr = await close(99999999, { lang: 'fr' });
    expect(fr.status).toBe(404);
    expect(fr.body).toMatchObject({ code: 404, error: 'not_found' });
    const en = await close(99999999);
    expect(fr.body.message).not.toBe(en.body.message);
  });
});
