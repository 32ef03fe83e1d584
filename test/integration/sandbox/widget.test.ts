/**
 * W1 widget/init and the widget session it records, which customer-token apply (§0A.10) and
 * authorization (§0A.11) check.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { newApplicant } from './apply-helpers';
import { call, resetSandbox, TEST_REFERENCE_ID, token } from './sandbox-client';

let sandbox: RunningSandbox;
let customer: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await resetSandbox(sandbox.url);
  customer = await token(sandbox.url, { scope: 'customer' });
});

type Body = Record<string, unknown>;

const init = (body: Body, opts: { token?: string; lang?: string } = {}) =>
  call(sandbox.url, 'POST', '/client-id/flexitidemo/widget/init', {
    token: opts.token ?? customer,
    body,
    ...(opts.lang ? { lang: opts.lang } : {}),
  });

function personalOf(b: Body) {
  return { first_name: b.first_name, last_name: b.last_name, dob: b.dob, postal_code: b.postal_code };
}

function sessionIdOf(res: { body: Body }): string {
  const url = new URL(String(res.body.redirection_url).replace('/#/', '/'));
  return url.searchParams.get('widget_session_id') ?? '';
}

function inStoreless(b: Body): Body {
  const out = { ...b };
  delete out.request_id;
  delete out.external_location_id;
  delete out.external_employee_id;
  return out;
}

describe('widget/init', () => {
  it('returns the redirection_url in the documented form for the apply flow', async () => {
    const b = newApplicant();
    const res = await init(
      {
        flow: 'apply',
        customer_identification: { account_type: 'consumer', personal_information: personalOf(b) },
        tos_agreement: true,
        email: 'a@example.com',
        phone_number: '4165551234',
      },
      { lang: 'fr' },
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['redirection_url']);
    const url = String(res.body.redirection_url);
    const host = new URL(sandbox.url).host;
    expect(url).toMatch(
      new RegExp(
        `^http://${host.replace(/\./g, '\\.')}/#/widget/flexitidemo/${customer}\\?lang=fr&x-reference-id=${TEST_REFERENCE_ID}&widget_session_id=[0-9a-f]{32}$`,
      ),
    );
  });

  it('is customer scope only: a merchant token gets 403', async () => {
    const merchant = await token(sandbox.url);
    const res = await init(
      { flow: 'purchase', customer_identification: { account_number: DEMO.accounts.miTester.accountNumber } },
      { token: merchant },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 403, error: 'insufficient_scope' });
  });

  it('checks the flow and the fields each flow requires', async () => {
    const noFlow = await init({});
    expect(noFlow.status).toBe(409);
    expect(noFlow.body).toMatchObject({
      error: 'wrong_inputs',
      field_errors: [{ param: 'flow', msg: 'required' }],
    });
    const badFlow = await init({ flow: 'activation' });
    expect(badFlow.body.field_errors).toEqual([{ param: 'flow', msg: 'invalid', value: 'activation' }]);
    const applyBare = await init({ flow: 'apply' });
    expect(applyBare.body.field_errors).toEqual(
      expect.arrayContaining([
        { param: 'customer_identification.personal_information', msg: 'required' },
        { param: 'tos_agreement', msg: 'required' },
      ]),
    );
    const tosFalse = await init({
      flow: 'apply',
      customer_identification: { personal_information: personalOf(newApplicant()) },
      tos_agreement: false,
    });
    expect(tosFalse.body.field_errors).toEqual([{ param: 'tos_agreement', msg: 'invalid', value: false }]);
    const purchaseBare = await init({ flow: 'purchase' });
    expect(purchaseBare.body.field_errors).toEqual([
      { param: 'customer_identification.account_number', msg: 'required' },
    ]);
    const longName = await init({
      flow: 'purchase',
      customer_identification: {
        personal_information: { ...personalOf(newApplicant()), first_name: 'x'.repeat(81) },
      },
    });
    expect(longName.body.field_errors).toEqual([
      expect.objectContaining({
        param: 'customer_identification.personal_information.first_name',
        msg: 'length',
      }),
    ]);
  });

  it('accepts a purchase by account number, by card or by personal information', async () => {
    for (const id of [
      { account_number: DEMO.accounts.miTester.accountNumber },
      { vcc_number: DEMO.accounts.miTester.vcc },
      {
        personal_information: {
          first_name: 'Flexiti',
          last_name: 'MITester',
          dob: '1985-03-14',
          postal_code: 'M5J 2H7',
        },
      },
    ]) {
      const res = await init({ flow: 'purchase', customer_identification: id });
      expect(res.status).toBe(200);
      expect(sessionIdOf(res)).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});

describe('customer-token apply needs a matching widget session', () => {
  it('approves when the session matches name, dob and postal code', async () => {
    const b = newApplicant();
    const session = sessionIdOf(
      await init({
        flow: 'apply',
        customer_identification: { personal_information: personalOf(b) },
        tos_agreement: true,
      }),
    );
    const res = await call(sandbox.url, 'POST', '/client-id/flexitidemo/apply', {
      token: customer,
      body: { ...inStoreless(b), widget_session_id: session },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decision: 'approved' });
  });

  it('requires widget_session_id with a customer token', async () => {
    const res = await call(sandbox.url, 'POST', '/client-id/flexitidemo/apply', {
      token: customer,
      body: inStoreless(newApplicant()),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: 'wrong_inputs',
      field_errors: [{ param: 'widget_session_id', msg: 'required' }],
    });
  });

  it('gives 409 not_verified for an unknown session, another flow, other details or another token', async () => {
    const b = newApplicant();
    const apply = (body: Body, t = customer) =>
      call(sandbox.url, 'POST', '/client-id/flexitidemo/apply', { token: t, body });
    const matching = sessionIdOf(
      await init({
        flow: 'apply',
        customer_identification: { personal_information: personalOf(b) },
        tos_agreement: true,
      }),
    );
    const purchase = sessionIdOf(
      await init({ flow: 'purchase', customer_identification: { personal_information: personalOf(b) } }),
    );
    const otherToken = await token(sandbox.url, { scope: 'customer' });
    const cases: Array<[Body, string]> = [
      [{ ...inStoreless(b), widget_session_id: 'ffffffffffffffffffffffffffffffff' }, customer],
      [{ ...inStoreless(b), widget_session_id: purchase }, customer],
      [{ ...inStoreless(b), last_name: 'Different', widget_session_id: matching }, customer],
      [{ ...inStoreless(b), dob: '1991-05-05', widget_session_id: matching }, customer],
      [{ ...inStoreless(b), postal_code: 'M5V 2T6', widget_session_id: matching }, customer],
      [{ ...inStoreless(b), widget_session_id: matching }, otherToken],
    ];
    for (const [body, t] of cases) {
      const res = await apply(body, t);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 409, error: 'not_verified' });
    }
    // The matching one still works after the refusals.
    expect((await apply({ ...inStoreless(b), widget_session_id: matching })).body).toMatchObject({
      decision: 'approved',
    });
  });
});

describe('customer-token authorization needs a purchase session', () => {
  const authorize = () =>
    call(sandbox.url, 'POST', '/client-id/flexitidemo/authorization', {
      token: customer,
      version: 'v2.5.1',
      body: {
        account_number: DEMO.accounts.miTester.accountNumber,
        financing_option: { transaction_type: 'regular_purchase' },
        amount: 25,
        auto_capture: true,
      },
    });

  it('gives 404 customer_identity_not_found without widget/init, and authorizes after it', async () => {
    const before = await authorize();
    expect(before.status).toBe(404);
    expect(before.body).toMatchObject({ error: 'customer_identity_not_found' });
    expect(
      (
        await init({
          flow: 'purchase',
          customer_identification: { account_number: DEMO.accounts.miTester.accountNumber },
        })
      ).status,
    ).toBe(200);
    expect((await authorize()).status).toBe(200);
  });
});
