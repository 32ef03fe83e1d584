/**
 * CA1 apply and CA2 apply status (§0A.10, §10) over HTTP: the middle-name triggers, pending applications
 * on the sandbox clock, validation of every field, and the new account in lookup, search and verify.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { newApplicant } from './apply-helpers';
import { advanceClock, call, resetSandbox, token } from './sandbox-client';

let sandbox: RunningSandbox;
let merchant: string;

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

type Body = Record<string, unknown>;

const apply = (
  body: Body,
  opts: { token?: string; client?: string; lang?: string; headers?: Record<string, string> } = {},
) =>
  call(sandbox.url, 'POST', `/client-id/${opts.client ?? 'flexitidemo'}/apply`, {
    token: opts.token ?? merchant,
    body,
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.headers ? { headers: opts.headers } : {}),
  });

const status = (id: unknown, opts: { token?: string; client?: string } = {}) =>
  call(sandbox.url, 'GET', `/client-id/${opts.client ?? 'flexitidemo'}/apply/${String(id)}`, {
    token: opts.token ?? merchant,
  });

const search = (b: Body) =>
  call(
    sandbox.url,
    'GET',
    `/client-id/flexitidemo/customers/search?first_name=${String(b.first_name)}&last_name=${String(b.last_name)}&dob=${String(b.dob)}`,
    {
      token: merchant,
    },
  );

async function advance(seconds: number) {
  await advanceClock(sandbox.url, seconds);
  merchant = await token(sandbox.url);
}

function expectError(res: { status: number; body: Body }, status: number, error: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({
    code: status,
    error,
    message: expect.any(String),
    url: expect.stringMatching(/\/apply$/),
  });
}

function fieldErrorsOf(res: { body: Body }): Array<Record<string, unknown>> {
  return (res.body.field_errors ?? []) as Array<Record<string, unknown>>;
}

describe('apply: approval', () => {
  it('approves a middle name that is no trigger as M 7500.00, with the account ready at once', async () => {
    const b = newApplicant();
    const res = await apply(b);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      application_id: expect.any(Number),
      decision: 'approved',
      reason: null,
      account_number: expect.any(Number),
      customer_id: expect.any(String),
      credit_limit: 7500,
      available_credit: 7500,
      card_ending_in: expect.stringMatching(/^\d{4}$/),
      risk_rating: 'M',
      account_type: 'consumer',
      message: 'The application is approved.',
    });
    const text = JSON.stringify(res.body);
    for (const secret of ['046454286', 'A1234-56789-01234', 'Rex']) expect(text).not.toContain(secret);
    expect(Object.keys(res.body)).not.toContain('vcc_number');

    const lookup = await call(
      sandbox.url,
      'GET',
      `/client-id/flexitidemo/customers/lookup?account_number=${String(res.body.account_number)}`,
      {
        token: merchant,
      },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      customer_id: res.body.customer_id,
      first_name: b.first_name,
      account_status: 'N',
      available_credit: 7500,
      security_qid: { id: 4 },
      phone_number: '4165551234',
      email: 'applicant@example.com',
      postal_code: 'M5X 1A9',
      card_ending_in: res.body.card_ending_in,
      preferred_language: 'en-CA',
    });
    const found = await search(b);
    expect(found.status).toBe(200);
    expect(found.body).toEqual([
      expect.objectContaining({
        account_number: res.body.account_number,
        account_status: 'N',
        account_status_reason_code: 'NNOR',
        tos_agreement: true,
        credit_limit: 7500,
      }),
    ]);
    // The status endpoint answers the same object.
    expect((await status(res.body.application_id)).body).toEqual(res.body);
  });

  it("gives the account's sms PIN 2222 for the application's request_id, a random one otherwise", async () => {
    const b = newApplicant();
    const res = await apply(b);
    const account = res.body.account_number as number;
    const v = await call(sandbox.url, 'POST', `/client-id/flexitidemo/account/${account}/verify`, {
      token: merchant,
      body: { format: 'sms', request_id: b.request_id },
    });
    expect(v.body).toEqual({ verification_code: 'verification_sent_to_sms' });
    const outbox = await call<{ messages: Array<{ pin: string; request_id: string; to: string }> }>(
      sandbox.url,
      'GET',
      '/sandbox/outbox',
    );
    expect(outbox.body.messages[0]).toMatchObject({
      pin: DEMO.applyPin,
      request_id: b.request_id,
      to: '4165551234',
    });
    // The 2222 PIN authorizes a purchase on the new account.
    const auth = await call(sandbox.url, 'POST', '/client-id/flexitidemo/authorization', {
      token: merchant,
      version: 'v2.5.1',
      body: {
        account_number: account,
        financing_option: { transaction_type: 'promotional_purchase', plan_id: 4, term: 12 },
        amount: 500,
        auto_capture: true,
        verification_code: 2222,
        request_id: b.request_id,
        external_location_id: 'STORE-001',
        external_employee_id: 'E100',
      },
    });
    expect(auth.status).toBe(200);
    // Another request_id gets a random PIN: over a few draws at least one is not 2222.
    const pins: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await call(sandbox.url, 'POST', `/client-id/flexitidemo/account/${account}/verify`, {
        token: merchant,
        body: { format: 'email', request_id: `other-${i}` },
      });
      const box = await call<{ messages: Array<{ pin: string }> }>(sandbox.url, 'GET', '/sandbox/outbox');
      pins.push(box.body.messages[0]?.pin ?? '');
    }
    expect(pins.some((p) => p !== DEMO.applyPin)).toBe(true);
  });

  it.each([
    ['A-RR_L', 'L', 10000],
    ['A-RR_M', 'M', 7500],
    ['A-RR_H', 'H', 5000],
    ['A-RR_X', 'X', 3000],
    ['A-RR_XX', 'Y', 2000],
    ['A-RR_XXX', 'Z', 1000],
    ['  a-rr_l ', 'L', 10000],
  ])('approves %s as %s with %d', async (middle, risk, limit) => {
    const res = await apply(newApplicant({ middle_name: middle }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      decision: 'approved',
      risk_rating: risk,
      credit_limit: limit,
      available_credit: limit,
    });
  });

  it('declines A-RR_XX and A-RR_XXX where the merchant has no standard accounts', async () => {
    const second = await token(sandbox.url, { clientId: DEMO.merchants.second.clientId });
    for (const middle of ['A-RR_XX', 'A-RR_XXX']) {
      const res = await apply(newApplicant({ middle_name: middle, external_location_id: 'STORE-101' }), {
        token: second,
        client: 'flexitidemo2',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        application_id: expect.any(Number),
        decision: 'declined',
        reason: 'standard_not_enabled',
        message: expect.any(String),
      });
    }
  });

  it('keeps the middle name on the new customer and answers in French with lang=fr', async () => {
    const res = await apply(newApplicant({ middle_name: 'Marie' }), { lang: 'fr' });
    expect(res.body).toMatchObject({ decision: 'approved', message: 'La demande de crédit est approuvée.' });
    const lookup = await call(
      sandbox.url,
      'GET',
      `/client-id/flexitidemo/customers/lookup?account_number=${String(res.body.account_number)}`,
      {
        token: merchant,
      },
    );
    expect(lookup.body.preferred_language).toBe('fr-CA');
  });

  it('uses preferred_language and insurance_opt_in', async () => {
    const res = await apply(newApplicant({ preferred_language: 'fr-CA', insurance_opt_in: true }));
    const lookup = await call(
      sandbox.url,
      'GET',
      `/client-id/flexitidemo/customers/lookup?account_number=${String(res.body.account_number)}`,
      {
        token: merchant,
      },
    );
    expect(lookup.body).toMatchObject({ preferred_language: 'fr-CA', payment_protection: true });
  });
});

describe('apply: pending and declined', () => {
  it.each([
    ['P-REVIEW_MISC', 'review_misc'],
    ['P-EXIST_CUST', 'exist_cust'],
    ['P-CREDIT', 'credit'],
    ['P-MISSING_INFO', 'missing_info'],
  ])('%s is pending (%s) and turns approved 30 s later on the sandbox clock', async (middle, reason) => {
    const b = newApplicant({ middle_name: middle });
    const res = await apply(b);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      application_id: expect.any(Number),
      decision: 'pending',
      reason,
      message: 'The application needs review.',
    });
    expect((await search(b)).status).toBe(404);
    await advance(29);
    expect((await status(res.body.application_id)).body).toMatchObject({ decision: 'pending', reason });
    await advance(1);
    const later = await status(res.body.application_id);
    expect(later.body).toMatchObject({
      decision: 'approved',
      reason: null,
      risk_rating: 'M',
      credit_limit: 7500,
      account_number: expect.any(Number),
    });
    const found = await search(b);
    expect(found.status).toBe(200);
  });

  it('P-FRAUD stays pending for good', async () => {
    const res = await apply(newApplicant({ middle_name: 'P-FRAUD' }));
    expect(res.body).toMatchObject({ decision: 'pending', reason: 'fraud' });
    await advance(30 * 24 * 3600);
    expect((await status(res.body.application_id)).body).toMatchObject({
      decision: 'pending',
      reason: 'fraud',
    });
  });

  it.each([
    ['D-MISSING_INFO', 'missing_info'],
    ['D-DUPLICATE', 'duplicate'],
    ['D-NO_HIT', 'no_hit'],
    ['D-NO_SCORE', 'no_score'],
    ['D-FRAUD', 'fraud'],
  ])('%s is declined (%s) with 200 and creates nothing', async (middle, reason) => {
    const b = newApplicant({ middle_name: middle });
    const res = await apply(b);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      application_id: expect.any(Number),
      decision: 'declined',
      reason,
      message: 'The application is declined.',
    });
    expect((await search(b)).status).toBe(404);
  });

  it('D-EMAIL_DBL_TIMEOUT gives 409 application_create_error and creates nothing', async () => {
    const b = newApplicant({ middle_name: 'D-EMAIL_DBL_TIMEOUT' });
    expectError(await apply(b), 409, 'application_create_error');
    expect((await search(b)).status).toBe(404);
    // Nothing was kept: the same person applies again and is approved.
    const again = await apply({ ...b, middle_name: undefined });
    expect(again.body).toMatchObject({ decision: 'approved' });
  });

  it('honours the configured pending delay', async () => {
    const quick = await startSandbox({ port: 0, pendingDelaySeconds: 5 });
    try {
      const t = await token(quick.url);
      const res = await call(quick.url, 'POST', '/client-id/flexitidemo/apply', {
        token: t,
        body: newApplicant({ middle_name: 'P-CREDIT' }),
      });
      expect(res.body).toMatchObject({ decision: 'pending' });
      await advanceClock(quick.url, 5);
      const later = await call(
        quick.url,
        'GET',
        `/client-id/flexitidemo/apply/${String(res.body.application_id)}`,
        { token: await token(quick.url) },
      );
      expect(later.body).toMatchObject({ decision: 'approved' });
    } finally {
      await quick.close();
    }
  });
});

describe('apply: business rules in order', () => {
  it('gives customer_already_exists for the same name and dob, case-insensitive', async () => {
    expectError(
      await apply(newApplicant({ first_name: 'JOHN', last_name: 'smith', dob: '1900-01-01' })),
      409,
      'customer_already_exists',
    );
    const b = newApplicant();
    expect((await apply(b)).body).toMatchObject({ decision: 'approved' });
    expectError(await apply({ ...b, request_id: 'again' }), 409, 'customer_already_exists');
  });

  it('gives external_location_id_not_found → account_type_not_permitted → tos_agreement_required, in that order', async () => {
    const second = await token(sandbox.url, { clientId: DEMO.merchants.second.clientId });
    const opts = { token: second, client: 'flexitidemo2' };
    const all = newApplicant({
      external_location_id: 'STORE-001',
      account_type: 'business',
      tos_agreement: false,
    });
    expectError(await apply(all, opts), 409, 'external_location_id_not_found');
    expectError(
      await apply({ ...all, external_location_id: 'STORE-101' }, opts),
      409,
      'account_type_not_permitted',
    );
    expectError(
      await apply({ ...all, external_location_id: 'STORE-101', account_type: 'consumer' }, opts),
      409,
      'tos_agreement_required',
    );
    // tos_agreement_required comes before customer_already_exists.
    expectError(
      await apply(
        newApplicant({ first_name: 'John', last_name: 'Smith', dob: '1900-01-01', tos_agreement: false }),
      ),
      409,
      'tos_agreement_required',
    );
  });

  it('gives tos_agreement_required when tos_agreement is missing, in French on lang=fr', async () => {
    const b = newApplicant();
    delete b.tos_agreement;
    const fr = await apply(b, { lang: 'fr' });
    expectError(fr, 409, 'tos_agreement_required');
    const en = await apply(b);
    expect(fr.body.message).not.toBe(en.body.message);
  });

  it('opens a business account where the merchant allows it', async () => {
    const res = await apply(newApplicant({ account_type: 'business' }));
    expect(res.body).toMatchObject({ decision: 'approved', account_type: 'business' });
  });

  it('is idempotent: a replay creates no second application', async () => {
    const b = newApplicant();
    const headers = { 'x-idempotency-key': 'apply-once' };
    const first = await apply(b, { headers });
    const replay = await apply(b, { headers });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(((await search(b)).body as unknown as unknown[]).length).toBe(1);
  });
});

describe('apply: validation', () => {
  it('names every missing required field', async () => {
    const res = await apply({});
    expectError(res, 409, 'wrong_inputs');
    const params = fieldErrorsOf(res)
      .filter((f) => f.msg === 'required')
      .map((f) => f.param);
    for (const p of [
      'first_name',
      'last_name',
      'dob',
      'address_1',
      'city',
      'province',
      'postal_code',
      'phone_number',
      'email',
      'housing_type',
      'monthly_housing_cost',
      'occupation_id',
      'annual_income',
      'govid_type',
      'govid_issued_by',
      'govid_number',
      'security_id',
      'security_answer',
      'credit_consent',
    ]) {
      expect(params, p).toContain(p);
    }
  });

  it('requires the in-store ids with a merchant token', async () => {
    const b = newApplicant();
    delete b.request_id;
    delete b.external_location_id;
    delete b.external_employee_id;
    const res = await apply(b);
    expect(fieldErrorsOf(res)).toEqual(
      expect.arrayContaining([
        { param: 'request_id', msg: 'required' },
        { param: 'external_location_id', msg: 'required' },
        { param: 'external_employee_id', msg: 'required' },
      ]),
    );
  });

  it.each([
    ['account_type', 'personal'],
    ['salutation', 'sir'],
    ['first_name', 'x'.repeat(36)],
    ['middle_name', 'x'.repeat(36)],
    ['last_name', 'x'.repeat(51)],
    ['first_name', 'Zoë'],
    ['dob', '1990-02-30'],
    ['address_1', 'x'.repeat(251)],
    ['address_2', 'x'.repeat(101)],
    ['city', 'x'.repeat(101)],
    ['province', 'ZZ'],
    ['province', 'on'],
    ['postal_code', 'M5X-1A9'],
    ['postal_code', '12345'],
    ['postal_code', 'D5X 1A9'],
    ['phone_number', '416555123'],
    ['phone_number', 416555123],
    ['email', 'applicant@'],
    ['email', `${'x'.repeat(95)}@example.com`],
    ['preferred_language', 'de-DE'],
    ['housing_type', 'Tent'],
    ['monthly_housing_cost', -1],
    ['monthly_housing_cost', '12.345'],
    ['occupation_id', 'XX'],
    ['employer', 'x'.repeat(101)],
    ['annual_income', 'lots'],
    ['sin', '12345678'],
    ['govid_type', 'CAXX'],
    ['govid_issued_by', 'CANADA'],
    ['govid_number', 'x'.repeat(51)],
    ['govid_expiry', '2000-01-01'],
    ['security_id', '3'],
    ['security_answer', 'x'.repeat(51)],
    ['tos_agreement', 'yes'],
    ['credit_consent', false],
    ['insurance_opt_in', 'maybe'],
    ['request_id', 'x'.repeat(151)],
    ['external_location_id', 'x'.repeat(51)],
    ['external_employee_id', 'x'.repeat(51)],
  ])('refuses %s = %j with wrong_inputs', async (param, value) => {
    const res = await apply(newApplicant({ [param]: value }));
    expectError(res, 409, 'wrong_inputs');
    expect(fieldErrorsOf(res).map((f) => f.param)).toEqual([param]);
  });

  it('checks govid_issued_by against the issuers of the chosen ID type', async () => {
    expect((await apply(newApplicant({ govid_type: 'CAPID', govid_issued_by: 'ON' }))).status).toBe(200);
    expect(fieldErrorsOf(await apply(newApplicant({ govid_type: 'CAPID', govid_issued_by: 'BC' })))).toEqual([
      expect.objectContaining({ param: 'govid_issued_by', msg: 'invalid' }),
    ]);
    expect((await apply(newApplicant({ govid_type: 'CAP', govid_issued_by: 'CANADA' }))).status).toBe(200);
  });

  it('accepts the postal code without its space and a numeric phone', async () => {
    const res = await apply(
      newApplicant({ postal_code: 'M5X1A9', phone_number: 4165551234, security_id: 9 }),
    );
    expect(res.body).toMatchObject({ decision: 'approved' });
  });

  it('never echoes sin, govid_number or security_answer in field errors', async () => {
    const res = await apply(
      newApplicant({
        sin: '1234',
        govid_number: 'x'.repeat(60),
        security_answer: 'y'.repeat(60),
        first_name: 'x'.repeat(40),
      }),
    );
    const errors = fieldErrorsOf(res);
    for (const p of ['sin', 'govid_number', 'security_answer']) {
      const e = errors.find((f) => f.param === p);
      expect(e, p).toBeDefined();
      expect(e, p).not.toHaveProperty('value');
    }
    expect(errors.find((f) => f.param === 'first_name')).toHaveProperty('value');
  });

  describe('age of majority by province', () => {
    async function sandboxToday(): Promise<Date> {
      const res = await call<{ now: string }>(sandbox.url, 'GET', '/sandbox/clock');
      return new Date(res.body.now);
    }
    function yearsAgo(today: Date, years: number, dayShift = 0): string {
      const d = new Date(
        Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() + dayShift),
      );
      return d.toISOString().slice(0, 10);
    }
    const POSTALS: Record<string, string> = {
      ON: 'M5X 1A9',
      QC: 'H2X 1Y4',
      AB: 'T5J 0N3',
      BC: 'V6B 1A1',
      NS: 'B3J 1S9',
      YT: 'Y1A 2C6',
      NU: 'X0A 0H0',
    };

    it.each([
      ['ON', 18],
      ['QC', 18],
      ['AB', 18],
      ['BC', 19],
      ['NS', 19],
      ['YT', 19],
      ['NU', 19],
    ])('%s needs %d years', async (province, majority) => {
      const today = await sandboxToday();
      const at = (dob: string) => apply(newApplicant({ province, postal_code: POSTALS[province], dob }));
      const turnsTomorrow = await at(yearsAgo(today, majority, 1));
      expect(fieldErrorsOf(turnsTomorrow)).toEqual([
        expect.objectContaining({ param: 'dob', msg: 'invalid' }),
      ]);
      const birthdayToday = await at(yearsAgo(today, majority));
      expect(birthdayToday.status).toBe(200);
    });

    it('refuses a dob in the future', async () => {
      const today = await sandboxToday();
      const res = await apply(newApplicant({ dob: yearsAgo(today, -1) }));
      expect(fieldErrorsOf(res)).toEqual([expect.objectContaining({ param: 'dob' })]);
    });
  });
});

describe('apply status', () => {
  it('gives 404 for an unknown id and for another merchant’s application; customer scope may read it', async () => {
    const unknown = await status(700999999);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 404, error: 'not_found' });
    const res = await apply(newApplicant());
    const second = await token(sandbox.url, { clientId: DEMO.merchants.second.clientId });
    const foreign = await status(res.body.application_id, { token: second, client: 'flexitidemo2' });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ error: 'not_found' });
    const customer = await token(sandbox.url, { scope: 'customer' });
    expect((await status(res.body.application_id, { token: customer })).status).toBe(200);
    expect((await status('abc')).status).toBe(404);
  });
});
