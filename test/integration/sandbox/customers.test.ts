/**
 * C1 customers/search, C2 customers/lookup and C3 customers/driverslicense (§5, §0A.8) over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { buildLicenceBarcode } from '../../fixtures/licences/build-aamva';
import { FLEXITI_DOC_EXAMPLE, SAMPLES } from '../../fixtures/licences/samples';
import { call, token } from './sandbox-client';

let sandbox: RunningSandbox;
let merchant: string;
let customer: string;
const A = DEMO.accounts;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  merchant = await token(sandbox.url);
  customer = await token(sandbox.url, { scope: 'customer' });
});
afterAll(async () => {
  await sandbox.close();
});

const get = (path: string, opts: { token?: string; lang?: string } = {}) =>
  call(sandbox.url, 'GET', `/client-id/flexitidemo${path}`, {
    token: opts.token ?? merchant,
    ...(opts.lang ? { lang: opts.lang } : {}),
  });

function expectError(res: { status: number; body: unknown }, status: number, error: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({
    code: status,
    error,
    error_description: expect.any(String),
    message: expect.any(String),
  });
}

describe('customers/search', () => {
  type Row = Record<string, unknown>;

  it('returns every account of the person, all statuses, with the C1 fields', async () => {
    const res = await call<Row[]>(
      sandbox.url,
      'GET',
      '/client-id/flexitidemo/customers/search?first_name=John&last_name=Smith&dob=1900-01-01',
      {
        token: merchant,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.map((r) => r.account_number).sort()).toEqual(
      [A.johnSmith.accountNumber, A.johnSmithFrozen.accountNumber].sort(),
    );
    const normal = res.body.find((r) => r.account_number === A.johnSmith.accountNumber);
    expect(normal).toMatchObject({
      customer_id: '123321',
      account_status: 'N',
      account_status_reason_code: 'NNOR',
      tos_agreement: true,
      risk_rating: 'H',
      account_type: 'consumer',
      credit_limit: 1000,
      available_credit: 659.51,
      first_name: 'John',
      last_name: 'Smith',
      card_ending_in: '5941',
      preferred_language: 'en-CA',
    });
    expect(normal?.creation_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof normal?.originating_merchant_name).toBe('string');
    const frozen = res.body.find((r) => r.account_number === A.johnSmithFrozen.accountNumber);
    expect(frozen).toMatchObject({
      account_status: 'F',
      account_status_reason_code: 'FLCK',
      account_type: 'business',
      card_ending_in: '6457',
    });
    // Never the full card number.
    expect(JSON.stringify(res.body)).not.toContain(A.johnSmith.vcc);
  });

  it('matches names case-insensitively and dob exactly', async () => {
    const ok = await get('/customers/search?first_name=jOHN&last_name=SMITH&dob=1900-01-01');
    expect(ok.status).toBe(200);
    expectError(
      await get('/customers/search?first_name=John&last_name=Smith&dob=1900-01-02'),
      404,
      'not_found',
    );
  });

  it('filters by postal code with or without its space', async () => {
    for (const postal of ['M5J2H7', 'M5J%202H7', 'm5j2h7']) {
      const res = await call<Row[]>(
        sandbox.url,
        'GET',
        `/client-id/flexitidemo/customers/search?first_name=Flexiti&last_name=MITester&dob=1985-03-14&postal_code=${postal}`,
        {
          token: merchant,
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.map((r) => r.account_number)).toEqual([A.miTester.accountNumber]);
    }
    expectError(
      await get('/customers/search?first_name=Flexiti&last_name=MITester&dob=1985-03-14&postal_code=H2X1Y4'),
      404,
      'not_found',
    );
  });

  it('gives 404 not_found when nobody matches', async () => {
    expectError(
      await get('/customers/search?first_name=Nobody&last_name=Here&dob=1970-01-01'),
      404,
      'not_found',
    );
  });

  it('checks the fields: required, lengths and the date', async () => {
    const missing = await get('/customers/search?first_name=John');
    expectError(missing, 409, 'wrong_inputs');
    expect(missing.body.field_errors).toEqual(
      expect.arrayContaining([
        { param: 'last_name', msg: 'required' },
        { param: 'dob', msg: 'required' },
      ]),
    );
    const long = await get(
      `/customers/search?first_name=${'a'.repeat(36)}&last_name=${'b'.repeat(51)}&dob=1900-13-01&postal_code=M5J2H7XX`,
    );
    expect(long.body.field_errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ param: 'first_name', msg: 'length' }),
        expect.objectContaining({ param: 'last_name', msg: 'length' }),
        expect.objectContaining({ param: 'dob', msg: 'invalid' }),
        expect.objectContaining({ param: 'postal_code', msg: 'length' }),
      ]),
    );
  });

  it('is merchant scope only: a customer token gets 403', async () => {
    const res = await get('/customers/search?first_name=John&last_name=Smith&dob=1900-01-01', {
      token: customer,
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'insufficient_scope' });
  });
});

describe('customers/lookup', () => {
  it('finds an account by account number with every C2 field, money as numbers', async () => {
    const res = await get(`/customers/lookup?account_number=${A.miTester.accountNumber}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      account_number: A.miTester.accountNumber,
      customer_id: '100001',
      first_name: 'Flexiti',
      last_name: 'MITester',
      account_status: 'N',
      account_type: 'consumer',
      available_credit: 14000,
      security_qid: { id: 6, text: 'What was the first concert you attended?' },
      email: 'mitester@example.com',
      phone_number: '4165550101',
      address_1: '55 University Ave',
      city: 'Toronto',
      postal_code: 'M5J 2H7',
      province: 'ON',
      payment_protection: true,
      risk_rating: 'L',
      card_ending_in: '1111',
      preferred_language: 'en-CA',
    });
    expect(res.body).toHaveProperty('address_2');
    const offers = res.body.offer_types as Array<Record<string, unknown>>;
    expect(offers.map((o) => o.plan_id)).toEqual([4, 5, 7]);
    expect(offers[0]).toEqual({
      plan_name: 'EMP - Regular Interest',
      plan_id: 4,
      offer_category: 'equal_billing',
      term_options: [3, 6, 12, 24],
    });
    expect(offers[2]).toMatchObject({ offer_category: 'deferred_payment', term_options: [6, 12] });
  });

  it('localizes the security question', async () => {
    const res = await get(`/customers/lookup?account_number=${A.miTester.accountNumber}`, { lang: 'fr' });
    expect(res.body.security_qid).toEqual({
      id: 6,
      text: 'Quel a été le premier concert auquel vous avez assisté?',
    });
  });

  it('filters offer_types by merchant, category and province', async () => {
    const quebec = await get(`/customers/lookup?account_number=${A.quebec.accountNumber}`);
    expect((quebec.body.offer_types as Array<{ plan_id: number }>).map((o) => o.plan_id)).toEqual([4, 5]);
    const standard = await get(`/customers/lookup?account_number=${A.standard.accountNumber}`);
    expect((standard.body.offer_types as Array<{ plan_id: number }>).map((o) => o.plan_id)).toEqual([4]);
    const second = await token(sandbox.url, { clientId: DEMO.merchants.second.clientId });
    const other = await call(
      sandbox.url,
      'GET',
      `/client-id/flexitidemo2/customers/lookup?account_number=${A.miTester.accountNumber}`,
      { token: second },
    );
    expect((other.body.offer_types as Array<{ plan_id: number }>).map((o) => o.plan_id)).toEqual([4]);
  });

  it('finds the account by card and by customer id', async () => {
    const byCard = await get(`/customers/lookup?vcc_number=${A.miTester.vcc}`);
    expect(byCard.status).toBe(200);
    expect(byCard.body.account_number).toBe(A.miTester.accountNumber);
    const byCustomer = await get(`/customers/lookup?customer_id=${A.miTester.customerId}`);
    expect(byCustomer.body.account_number).toBe(A.miTester.accountNumber);
  });

  it("masks email and phone when looked up by an authorized user's card", async () => {
    const res = await get(`/customers/lookup?vcc_number=${A.business.authorizedUser.vcc}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      account_number: A.business.accountNumber,
      account_type: 'business',
      customer_id: A.business.authorizedUser.customerId,
      first_name: 'Tom',
      last_name: 'Lee',
      email: 's***@example.com',
      phone_number: '******0106',
      card_ending_in: '7788',
    });
    const primary = await get(`/customers/lookup?vcc_number=${A.business.vcc}`);
    expect(primary.body).toMatchObject({
      email: 'sarah.lee@example.com',
      phone_number: '4165550106',
      card_ending_in: '2222',
    });
  });

  it('gives 404 for the test VCC 2374980012873425 and unknown identifiers', async () => {
    expectError(await get(`/customers/lookup?vcc_number=${DEMO.notFoundVcc}`), 404, 'not_found');
    expectError(await get('/customers/lookup?vcc_number=1234123412341234'), 404, 'not_found');
    expectError(await get('/customers/lookup?account_number=99999999'), 404, 'not_found');
    expectError(await get('/customers/lookup?customer_id=nobody'), 404, 'not_found');
  });

  it('gives 409 user_not_active before user_not_able_to_purchase', async () => {
    expectError(
      await get(`/customers/lookup?account_number=${A.inactive.accountNumber}`),
      409,
      'user_not_active',
    );
    expectError(
      await get(`/customers/lookup?account_number=${A.johnSmithFrozen.accountNumber}`),
      409,
      'user_not_able_to_purchase',
    );
    const fr = await get(`/customers/lookup?account_number=${A.authProhibited.accountNumber}`, {
      lang: 'fr',
    });
    expectError(fr, 409, 'user_not_able_to_purchase');
    const en = await get(`/customers/lookup?account_number=${A.authProhibited.accountNumber}`);
    expect(fr.body.message).not.toBe(en.body.message);
  });

  it('needs exactly one identifier', async () => {
    const none = await get('/customers/lookup');
    expectError(none, 409, 'wrong_inputs');
    expect(none.body.field_errors).toEqual([{ param: 'vcc_number', msg: 'required' }]);
    const two = await get(
      `/customers/lookup?account_number=${A.miTester.accountNumber}&vcc_number=${A.miTester.vcc}`,
    );
    expectError(two, 409, 'wrong_inputs');
    const badVcc = await get('/customers/lookup?vcc_number=12345');
    expect(badVcc.body.field_errors).toEqual([{ param: 'vcc_number', msg: 'invalid', value: '12345' }]);
  });

  it('is merchant scope only', async () => {
    const res = await get(`/customers/lookup?account_number=${A.miTester.accountNumber}`, {
      token: customer,
    });
    expect(res.status).toBe(403);
  });
});

describe('customers/driverslicense', () => {
  const post = (body: unknown, t = merchant) =>
    call(sandbox.url, 'POST', '/client-id/flexitidemo/customers/driverslicense', { token: t, body });

  it("decodes Flexiti's own example: QC issuer, no middle name, postal code with its space", async () => {
    const res = await post({ code: FLEXITI_DOC_EXAMPLE });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      first_name: 'ENSTREAM',
      last_name: 'NUMBER1',
      dob: '1974-05-15',
      address_1: '55 UNIVERSITY AVE',
      city: 'TORONTO',
      province: 'ON',
      postal_code: 'M5J 2H7',
      govid_type: 'CADL',
      govid_issuedby: 'QC',
      govid_number: 'D61014070660905',
      govid_expiry: '2020-05-15',
    });
  });

  it('maps every Canadian AAMVA sample to the C3 fields, for both scopes', async () => {
    const canadian = Object.entries(SAMPLES).filter(
      ([, s]) => s.expected.country === 'CAN' && s.expected.address !== undefined,
    );
    expect(canadian.length).toBeGreaterThan(3);
    for (const [name, sample] of canadian) {
      const e = sample.expected;
      for (const t of [merchant, customer]) {
        const res = await post({ code: sample.raw }, t);
        expect(res.status, name).toBe(200);
        expect(res.body, name).toMatchObject({
          first_name: e.firstName,
          last_name: e.lastName,
          dob: e.dateOfBirth,
          address_1: e.address?.street,
          city: e.address?.city,
          province: e.address?.province,
          postal_code: e.address?.postalCode,
          govid_type: 'CADL',
          govid_issuedby: e.jurisdiction,
          govid_number: e.licenceNumber,
        });
        if (e.middleName) expect(res.body.middle_name, name).toBe(e.middleName);
        else expect(res.body, name).not.toHaveProperty('middle_name');
        if (e.expiryDate) expect(res.body.govid_expiry, name).toBe(e.expiryDate);
      }
    }
  });

  it('decodes a licence built for a person, middle name included', async () => {
    const raw = buildLicenceBarcode(
      {
        jurisdiction: 'ON',
        firstName: 'PRIYA',
        middleName: 'ANJALI',
        lastName: 'SINGH',
        dateOfBirth: '1990-02-28',
        expiryDate: '2029-02-28',
        licenceNumber: 'S12345678900228',
        street: '10 KING ST E',
        city: 'TORONTO',
        province: 'ON',
        postalCode: 'M5C1C3',
      },
      { version: 9 },
    );
    const res = await post({ code: raw });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      first_name: 'PRIYA',
      middle_name: 'ANJALI',
      last_name: 'SINGH',
      postal_code: 'M5C 1C3',
      govid_issuedby: 'ON',
    });
  });

  it('gives 409 wrong_inputs (code invalid) for undecodable text, never echoing it', async () => {
    const secretish = 'not a licence D61014070660905';
    const res = await post({ code: secretish });
    expectError(res, 409, 'wrong_inputs');
    expect(res.body.field_errors).toEqual([{ param: 'code', msg: 'invalid' }]);
    expect(JSON.stringify(res.body)).not.toContain('D61014070660905');
  });

  it('requires code', async () => {
    const res = await post({});
    expect(res.body.field_errors).toEqual([{ param: 'code', msg: 'required' }]);
    const wrongType = await post({ code: 12345 });
    expect(wrongType.body.field_errors).toEqual([{ param: 'code', msg: 'invalid' }]);
  });
});
