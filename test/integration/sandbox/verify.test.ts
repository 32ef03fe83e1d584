/**
 * C4 account/{n}/verify (§0A.8) and how its PINs bind to authorization (T2's verification checks),
 * over HTTP against a real sandbox.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, call, resetSandbox, token } from './sandbox-client';

let sandbox: RunningSandbox;
let merchant: string;

const MI = DEMO.accounts.miTester;
const BIZ = DEMO.accounts.business;

interface OutboxMessage {
  id: number;
  channel: 'sms' | 'email';
  to: string;
  account_number: number;
  request_id: string;
  pin: string;
}

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

function verify(
  account: number,
  body: Record<string, unknown>,
  opts: { token?: string; lang?: string; headers?: Record<string, string> } = {},
) {
  return call(sandbox.url, 'POST', `/client-id/flexitidemo/account/${account}/verify`, {
    token: opts.token ?? merchant,
    body,
    ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
    ...(opts.headers !== undefined ? { headers: opts.headers } : {}),
  });
}

/** Moves the sandbox clock and takes a fresh token (tokens last 20 minutes on the same clock). */
async function advance(seconds: number): Promise<void> {
  await advanceClock(sandbox.url, seconds);
  merchant = await token(sandbox.url);
}

async function outbox(): Promise<OutboxMessage[]> {
  const res = await call<{ messages: OutboxMessage[] }>(sandbox.url, 'GET', '/sandbox/outbox');
  return res.body.messages;
}

function authorize(body: Record<string, unknown>) {
  return call(sandbox.url, 'POST', '/client-id/flexitidemo/authorization', {
    token: merchant,
    version: 'v2.5.1',
    body: {
      account_number: MI.accountNumber,
      financing_option: { transaction_type: 'regular_purchase' },
      amount: 50,
      auto_capture: true,
      external_location_id: 'STORE-001',
      external_employee_id: 'E100',
      ...body,
    },
  });
}

function expectError(res: { status: number; body: Record<string, unknown> }, status: number, error: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ code: status, error });
  expect(typeof res.body.message).toBe('string');
  expect(res.body.url).toMatch(/\/verify$|\/authorization$/);
}

describe('verify: sms and email', () => {
  it('sends a 4-digit PIN by sms to the phone on file, only through the outbox', async () => {
    const res = await verify(MI.accountNumber, { format: 'sms', request_id: 'req-sms-1' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ verification_code: 'verification_sent_to_sms' });
    const [msg] = await outbox();
    expect(msg).toMatchObject({
      channel: 'sms',
      to: '4165550101',
      account_number: MI.accountNumber,
      request_id: 'req-sms-1',
    });
    expect(msg?.pin).toMatch(/^[1-9]\d{3}$/);
    expect(JSON.stringify(res.body)).not.toContain(msg?.pin);
  });

  it('defaults to sms when format is absent', async () => {
    const res = await verify(MI.accountNumber, { request_id: 'req-default' });
    expect(res.body).toEqual({ verification_code: 'verification_sent_to_sms' });
    expect((await outbox())[0]?.channel).toBe('sms');
  });

  it('sends by email to the email on file', async () => {
    const res = await verify(MI.accountNumber, { format: 'email', request_id: 'req-email-1' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ verification_code: 'verification_sent_to_email' });
    const [msg] = await outbox();
    expect(msg).toMatchObject({ channel: 'email', to: 'mitester@example.com', request_id: 'req-email-1' });
    expect(msg?.pin).toMatch(/^[1-9]\d{3}$/);
  });

  it('gives 400 sms_not_valid_phone without a valid mobile, and sends nothing', async () => {
    const res = await verify(DEMO.accounts.noPhone.accountNumber, { format: 'sms', request_id: 'r1' });
    expectError(res, 400, 'sms_not_valid_phone');
    expect(await outbox()).toEqual([]);
  });

  it('gives 409 wrong_inputs (param format) for email without an email on file', async () => {
    const created = await call<{ account_number: number }>(sandbox.url, 'POST', '/sandbox/customers', {
      body: { first_name: 'No', last_name: 'Email', dob: '1980-01-01', phone_number: '4165559999' },
    });
    expect(created.status).toBe(201);
    const res = await verify(created.body.account_number, { format: 'email', request_id: 'r1' });
    expectError(res, 409, 'wrong_inputs');
    expect(res.body.field_errors).toEqual([{ param: 'format', msg: 'invalid', value: 'email' }]);
  });

  it('binds the PIN to the request_id: the sms PIN authorizes once, with the same request_id only', async () => {
    await verify(MI.accountNumber, { format: 'sms', request_id: 'req-bind' });
    const pin = (await outbox())[0]?.pin;
    const otherRequest = await authorize({ verification_code: pin, request_id: 'req-other' });
    expectError(otherRequest, 409, 'not_verified');
    const ok = await authorize({ verification_code: pin, request_id: 'req-bind' });
    expect(ok.status).toBe(200);
    const again = await authorize({ verification_code: pin, request_id: 'req-bind' });
    expectError(again, 409, 'wrong_verification_code');
  });

  it('accepts the PIN as a digit string or a number', async () => {
    await verify(MI.accountNumber, { format: 'sms', request_id: 'req-num' });
    const pin = (await outbox())[0]?.pin ?? '';
    const ok = await authorize({ verification_code: Number(pin), request_id: 'req-num' });
    expect(ok.status).toBe(200);
  });
});

describe('verify: PIN rules on authorization', () => {
  it('gives verification_code_required, then not_verified, then wrong_verification_code in that order', async () => {
    const noCode = await authorize({ request_id: 'req-x' });
    expectError(noCode, 409, 'verification_code_required');
    const noVerify = await authorize({ verification_code: 1234, request_id: 'req-x' });
    expectError(noVerify, 409, 'not_verified');
    const issued = (await verify(MI.accountNumber, { format: 'merchant_override', request_id: 'req-x' })).body
      .verification_code as number;
    const wrongCode = issued === 1000 ? 1001 : 1000;
    expectError(
      await authorize({ verification_code: wrongCode, request_id: 'req-x' }),
      409,
      'wrong_verification_code',
    );
    // The wrong try did not use the PIN up.
    expect((await authorize({ verification_code: issued, request_id: 'req-x' })).status).toBe(200);
  });

  it('expires a PIN after 10 minutes', async () => {
    const res = await verify(MI.accountNumber, { format: 'merchant_override', request_id: 'req-exp' });
    const pin = res.body.verification_code as number;
    await advance(601);
    const late = await authorize({ verification_code: pin, request_id: 'req-exp' });
    expectError(late, 409, 'wrong_verification_code');
  });

  it('keeps a PIN usable until just before 10 minutes', async () => {
    const res = await verify(MI.accountNumber, { format: 'merchant_override', request_id: 'req-559' });
    await advance(590);
    const ok = await authorize({ verification_code: res.body.verification_code, request_id: 'req-559' });
    expect(ok.status).toBe(200);
  });

  it('replaces the PIN on a new verify for the same account and request_id', async () => {
    const first = (await verify(MI.accountNumber, { format: 'merchant_override', request_id: 'req-rep' }))
      .body.verification_code as number;
    let second = first;
    // Draw until the new PIN differs, so the old one is really a different code.
    while (second === first) {
      second = (await verify(MI.accountNumber, { format: 'merchant_override', request_id: 'req-rep' })).body
        .verification_code as number;
    }
    expectError(
      await authorize({ verification_code: first, request_id: 'req-rep' }),
      409,
      'wrong_verification_code',
    );
    expect((await authorize({ verification_code: second, request_id: 'req-rep' })).status).toBe(200);
  });

  it('does not burn the PIN when the authorization fails a later check (credit_exceeded)', async () => {
    const pin = (await verify(MI.accountNumber, { format: 'merchant_override', request_id: 'req-ce' })).body
      .verification_code;
    const tooMuch = await authorize({ verification_code: pin, request_id: 'req-ce', amount: 14_000.01 });
    expectError(tooMuch, 409, 'credit_exceeded');
    const ok = await authorize({ verification_code: pin, request_id: 'req-ce', amount: 20 });
    expect(ok.status).toBe(200);
  });

  it('does not accept a PIN on another account', async () => {
    const pin = (await verify(MI.accountNumber, { format: 'merchant_override', request_id: 'req-acc' })).body
      .verification_code;
    const res = await authorize({
      verification_code: pin,
      request_id: 'req-acc',
      account_number: DEMO.accounts.standard.accountNumber,
    });
    expectError(res, 409, 'not_verified');
  });
});

describe('verify: security_question', () => {
  it('returns an 8-digit PIN in the response for the right answer, compared leniently', async () => {
    const res = await verify(MI.accountNumber, {
      format: 'security_question',
      security_qid: '6',
      security_answer: '  rAINBOW  ',
      request_id: 'req-sq',
    });
    expect(res.status).toBe(200);
    expect(String(res.body.verification_code)).toMatch(/^[1-9]\d{7}$/);
    expect(typeof res.body.verification_code).toBe('number');
    const ok = await authorize({ verification_code: res.body.verification_code, request_id: 'req-sq' });
    expect(ok.status).toBe(200);
  });

  it('collapses inner spaces', async () => {
    const res = await verify(DEMO.accounts.quebec.accountNumber, {
      format: 'security_question',
      security_qid: 7,
      security_answer: 'rue   saint-DENIS',
      request_id: 'req-q',
    });
    expect(res.status).toBe(200);
  });

  it('gives 409 secret_answer_mismatch for a wrong answer, localized in French', async () => {
    const res = await verify(
      MI.accountNumber,
      { format: 'security_question', security_qid: 6, security_answer: 'Sunshine', request_id: 'r' },
      { lang: 'fr' },
    );
    expectError(res, 409, 'secret_answer_mismatch');
    const en = await verify(MI.accountNumber, {
      format: 'security_question',
      security_qid: 6,
      security_answer: 'Sunshine',
      request_id: 'r',
    });
    expect(res.body.message).not.toBe(en.body.message);
  });

  it('gives 409 wrong_inputs for another question id, which is not counted as a try', async () => {
    for (let i = 0; i < 4; i += 1) {
      const res = await verify(MI.accountNumber, {
        format: 'security_question',
        security_qid: 4,
        security_answer: 'Rainbow',
        request_id: 'r',
      });
      expectError(res, 409, 'wrong_inputs');
      expect(res.body.field_errors).toEqual([{ param: 'security_qid', msg: 'invalid', value: 4 }]);
    }
    const ok = await verify(MI.accountNumber, {
      format: 'security_question',
      security_qid: 6,
      security_answer: 'Rainbow',
      request_id: 'r',
    });
    expect(ok.status).toBe(200);
  });

  it('requires security_qid and security_answer, never echoing the answer', async () => {
    const res = await verify(MI.accountNumber, { format: 'security_question', request_id: 'r' });
    expectError(res, 409, 'wrong_inputs');
    expect(res.body.field_errors).toEqual(
      expect.arrayContaining([
        { param: 'security_qid', msg: 'required' },
        { param: 'security_answer', msg: 'required' },
      ]),
    );
    const long = await verify(MI.accountNumber, {
      format: 'security_question',
      security_qid: 6,
      security_answer: 'x'.repeat(51),
      request_id: 'r',
    });
    expect(long.body.field_errors).toEqual([{ param: 'security_answer', msg: 'length' }]);
  });

  it('locks after three wrong answers within 48 hours, until the oldest is 48 hours old', async () => {
    const wrong = { format: 'security_question', security_qid: 6, security_answer: 'Nope', request_id: 'r' };
    const right = { ...wrong, security_answer: 'Rainbow' };
    expectError(await verify(MI.accountNumber, wrong), 409, 'secret_answer_mismatch');
    await advance(3600);
    expectError(await verify(MI.accountNumber, wrong), 409, 'secret_answer_mismatch');
    expectError(await verify(MI.accountNumber, wrong), 409, 'secret_answer_mismatch');
    expectError(await verify(MI.accountNumber, right), 409, 'tries_exceed');
    expectError(await verify(MI.accountNumber, wrong), 409, 'tries_exceed');
    // Other methods stay available.
    expect((await verify(MI.accountNumber, { format: 'merchant_override', request_id: 'r' })).status).toBe(
      200,
    );
    // 47 hours after the first wrong answer: still locked.
    await advance(46 * 3600);
    expectError(await verify(MI.accountNumber, right), 409, 'tries_exceed');
    // 48 hours after the first: only two remain within the window.
    await advance(3600);
    expect((await verify(MI.accountNumber, right)).status).toBe(200);
    // One more wrong answer makes three within 48 hours again.
    expectError(await verify(MI.accountNumber, wrong), 409, 'secret_answer_mismatch');
    expectError(await verify(MI.accountNumber, right), 409, 'tries_exceed');
  });

  it('counts wrong answers per account', async () => {
    const wrong = { format: 'security_question', security_qid: 6, security_answer: 'Nope', request_id: 'r' };
    for (let i = 0; i < 3; i += 1) await verify(MI.accountNumber, wrong);
    const other = await verify(DEMO.accounts.johnSmith.accountNumber, {
      format: 'security_question',
      security_qid: 4,
      security_answer: 'buddy',
      request_id: 'r',
    });
    expect(other.status).toBe(200);
  });
});

describe('verify: merchant_override and regular_purchase_bypass', () => {
  it('returns a 4-digit PIN when the merchant may override', async () => {
    const res = await verify(MI.accountNumber, { format: 'merchant_override', request_id: 'r' });
    expect(res.status).toBe(200);
    expect(String(res.body.verification_code)).toMatch(/^[1-9]\d{3}$/);
  });

  it('gives 409 merchant_override_is_not_allowed for a merchant without the switch', async () => {
    const second = await token(sandbox.url, { clientId: DEMO.merchants.second.clientId });
    const res = await call(
      sandbox.url,
      'POST',
      `/client-id/flexitidemo2/account/${MI.accountNumber}/verify`,
      {
        token: second,
        body: { format: 'merchant_override', request_id: 'r' },
      },
    );
    expectError(res, 409, 'merchant_override_is_not_allowed');
  });

  it('gives a bypass PIN good only for a regular purchase of 200.00 or less', async () => {
    const pin = (await verify(MI.accountNumber, { format: 'regular_purchase_bypass', request_id: 'req-bp' }))
      .body.verification_code;
    expect(String(pin)).toMatch(/^[1-9]\d{3}$/);
    expectError(
      await authorize({ verification_code: pin, request_id: 'req-bp', amount: 200.01 }),
      409,
      'not_verified',
    );
    expectError(
      await authorize({
        verification_code: pin,
        request_id: 'req-bp',
        amount: 100,
        financing_option: { transaction_type: 'promotional_purchase', plan_id: 4, term: 12 },
      }),
      409,
      'not_verified',
    );
    expect((await authorize({ verification_code: pin, request_id: 'req-bp', amount: 200 })).status).toBe(200);
  });

  it('refuses the bypass after 3 regular purchases in 24 hours, and allows it again a day later', async () => {
    for (let i = 0; i < 3; i += 1) {
      const pin = (
        await verify(MI.accountNumber, { format: 'regular_purchase_bypass', request_id: `req-${i}` })
      ).body.verification_code;
      expect((await authorize({ verification_code: pin, request_id: `req-${i}`, amount: 10 })).status).toBe(
        200,
      );
    }
    const refused = await verify(MI.accountNumber, {
      format: 'regular_purchase_bypass',
      request_id: 'req-4',
    });
    expectError(refused, 409, 'regular_purchase_bypass_is_not_allowed');
    await advance(24 * 3600 + 1);
    expect(
      (await verify(MI.accountNumber, { format: 'regular_purchase_bypass', request_id: 'req-4' })).status,
    ).toBe(200);
  });
});

describe('verify: inputs and identity', () => {
  it('requires request_id with a merchant token', async () => {
    const res = await verify(MI.accountNumber, { format: 'merchant_override' });
    expectError(res, 409, 'wrong_inputs');
    expect(res.body.field_errors).toEqual([{ param: 'request_id', msg: 'required' }]);
  });

  it('refuses an unknown format and an over-long request_id', async () => {
    const bad = await verify(MI.accountNumber, { format: 'pigeon', request_id: 'r' });
    expect(bad.body.field_errors).toEqual([{ param: 'format', msg: 'invalid', value: 'pigeon' }]);
    const long = await verify(MI.accountNumber, { format: 'sms', request_id: 'r'.repeat(151) });
    expect(long.body.field_errors).toEqual([expect.objectContaining({ param: 'request_id', msg: 'length' })]);
  });

  it('gives 404 not_found for an unknown account', async () => {
    expectError(await verify(99999999, { format: 'sms', request_id: 'r' }), 404, 'not_found');
  });

  it('accepts an authorized user card of the account and refuses a card of another account with 404', async () => {
    const ok = await verify(BIZ.accountNumber, {
      format: 'merchant_override',
      vcc_number: BIZ.authorizedUser.vcc,
      request_id: 'r',
    });
    expect(ok.status).toBe(200);
    const foreign = await verify(BIZ.accountNumber, {
      format: 'merchant_override',
      vcc_number: MI.vcc,
      request_id: 'r',
    });
    expectError(foreign, 404, 'not_found');
  });

  it('ignores an account_number in the body (R21.4 example)', async () => {
    const res = await verify(MI.accountNumber, {
      account_number: 20035156,
      format: 'merchant_override',
      request_id: 'r',
    });
    expect(res.status).toBe(200);
  });

  it('is idempotent: a replay with the same key sends no second sms', async () => {
    const headers = { 'x-idempotency-key': 'verify-key-1' };
    const first = await verify(MI.accountNumber, { format: 'sms', request_id: 'req-idem' }, { headers });
    const replay = await verify(MI.accountNumber, { format: 'sms', request_id: 'req-idem' }, { headers });
    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    expect((await outbox()).length).toBe(1);
  });
});
