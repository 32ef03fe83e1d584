/**
 * C5 calculate-interest (§5 C5, §0A.9) over HTTP against a real sandbox: the documented examples,
 * the plan catalogue by merchant, category and province, both versions' shapes, QC and French texts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { i18nFor } from '../../../src/sandbox/data/i18n';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { call, resetSandbox, token } from './sandbox-client';
import { CLIENT, CLIENT2, authorizeWithPin, ledger, type Json } from './money-helpers';

const A = DEMO.accounts;
let sb: RunningSandbox;
let merchant: string;
let merchant2: string;

const FEE_MESSAGE_EN =
  'Although your administrative fee may be represented as a monthly or annual amount, the fee is due in full if the account is paid off early. See terms and conditions for full details.';

interface Term {
  term: number;
  term_amount: number;
  fees: Json[];
  annual_rates?: { description: string; rate: number; type: string; message: string };
  apr?: number;
}
interface Plan {
  plan_id: number;
  plan_name: string;
  terms: Term[];
}
interface Priced {
  account_number: number;
  account_type: string;
  amount: number;
  customer: {
    air: number;
    available_credit: number;
    first_name: string;
    last_name: string;
    category_type: string;
  };
  regular_purchase: { term_amount: number; air: number; fees: unknown[]; verify: boolean };
  promotional_purchase: Plan[];
}

async function price(
  accountNumber: number,
  amount: unknown,
  opts: { version?: 'v2.5' | 'v2.5.1'; lang?: string; t?: string; client?: string } = {},
) {
  return call<Priced & Json>(
    sb.url,
    'POST',
    `/client-id/${opts.client ?? CLIENT}/accounts/${accountNumber}/calculate-interest`,
    {
      token: opts.t ?? merchant,
      version: opts.version ?? 'v2.5.1',
      ...(opts.lang === undefined ? {} : { lang: opts.lang }),
      body: { amount },
    },
  );
}

function plan(body: Priced, planId: number): Plan {
  const found = body.promotional_purchase.find((p) => p.plan_id === planId);
  if (!found) throw new Error(`plan ${planId} not offered`);
  return found;
}

function term(body: Priced, planId: number, months: number): Term {
  const found = plan(body, planId).terms.find((t) => t.term === months);
  if (!found) throw new Error(`term ${months} of plan ${planId} not offered`);
  return found;
}

/** An independent amortization in integer cents (rounded half-up), for non-documented values. */
function amortized(amountCents: number, rate: number, months: number): number {
  const r = rate / 12;
  return Math.round((amountCents * r) / (1 - (1 + r) ** -months)) / 100;
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
  merchant2 = await token(sb.url, { clientId: CLIENT2 });
});

describe('documented examples', () => {
  it('prices 10.50 over 3 months at 0.0999 as 3.56 and matches the v2.5.1 example head', async () => {
    const res = await price(A.miTester.accountNumber, 10.5);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      account_number: 116994755,
      account_type: 'consumer',
      amount: 10.5,
      customer: {
        air: 0.3099,
        available_credit: 14000,
        first_name: 'Flexiti',
        last_name: 'MITester',
        category_type: 'preferred',
      },
      regular_purchase: { term_amount: 10.5, air: 0.3099, fees: [], verify: true },
    });
    const t = term(res.body, 4, 3);
    expect(t.term_amount).toBe(3.56);
    expect(t.fees).toEqual([]);
    expect(t.annual_rates).toMatchObject({
      description: 'Annual Percentage Rate',
      rate: 0.0999,
      type: 'apr',
    });
    expect(t.annual_rates?.message).toContain('9.99');
    expect(t).not.toHaveProperty('apr');
    expect(plan(res.body, 4).plan_name).toBe('EMP - Regular Interest');
  });

  it('prices 60.00 over 3 months as 20.33 with `apr` under v2.5', async () => {
    const res = await price(A.miTester.accountNumber, 60, { version: 'v2.5' });
    expect(res.status).toBe(200);
    const t = term(res.body, 4, 3);
    expect(t).toEqual({ term: 3, term_amount: 20.33, apr: 0.0999, fees: [] });
  });

  it('reproduces the authorization example: 1000.12 over 12 months at 0.0999 is 87.92', async () => {
    const res = await price(A.miTester.accountNumber, 1000.12);
    expect(term(res.body, 4, 12).term_amount).toBe(87.92);
  });
});

describe('plan catalogue (§0A.9)', () => {
  it('offers a preferred ON customer plans 4, 5 and 7 with their terms, fees and rates', async () => {
    const res = await price(A.miTester.accountNumber, '1000.00');
    expect(res.status).toBe(200);
    expect(
      res.body.promotional_purchase.map((p) => [p.plan_id, p.plan_name, p.terms.map((t) => t.term)]),
    ).toEqual([
      [4, 'EMP - Regular Interest', [3, 6, 12, 24]],
      [5, 'EMP - No Interest', [6, 12]],
      [7, 'NINP - No Interest, No Payments', [6, 12]],
    ]);
    // Plan 5: 0 % equal payments P/n, half-up; the admin fee sits in fees[], never in term_amount.
    expect(term(res.body, 5, 6).term_amount).toBe(166.67);
    expect(term(res.body, 5, 12).term_amount).toBe(83.33);
    expect(term(res.body, 5, 6).annual_rates?.rate).toBe(0);
    expect(term(res.body, 5, 6).fees).toEqual([
      { description: 'Administrative fees:', amount: 49.99, type: 'admin_total', message: FEE_MESSAGE_EN },
    ]);
    // Plan 7 is deferred: one payment of the whole amount.
    expect(term(res.body, 7, 6).term_amount).toBe(1000);
    expect(term(res.body, 7, 12).term_amount).toBe(1000);
    expect(term(res.body, 7, 12).fees).toHaveLength(1);
    expect(term(res.body, 4, 24).term_amount).toBe(amortized(100000, 0.0999, 24));
  });

  it('prices a premium (H) customer at 0.1999 on plan 4', async () => {
    const res = await price(A.johnSmith.accountNumber, 500);
    expect(res.status).toBe(200);
    expect(res.body.customer.category_type).toBe('premium');
    for (const months of [3, 6, 12, 24]) {
      const t = term(res.body, 4, months);
      expect(t.annual_rates?.rate).toBe(0.1999);
      expect(t.term_amount).toBe(amortized(50000, 0.1999, months));
    }
    expect(res.body.promotional_purchase.map((p) => p.plan_id)).toEqual([4, 5, 7]);
  });

  it('offers a standard (Y) customer only plan 4 at 0.2999', async () => {
    const res = await price(A.standard.accountNumber, 300);
    expect(res.status).toBe(200);
    expect(res.body.customer.category_type).toBe('standard');
    expect(res.body.promotional_purchase.map((p) => p.plan_id)).toEqual([4]);
    expect(term(res.body, 4, 12).annual_rates?.rate).toBe(0.2999);
    expect(term(res.body, 4, 12).term_amount).toBe(amortized(30000, 0.2999, 12));
  });

  it('leaves the deferred plan 7 out for a Quebec customer and puts the QC disclosure in every message', async () => {
    const en = await price(A.quebec.accountNumber, 100);
    expect(en.status).toBe(200);
    expect(en.body.promotional_purchase.map((p) => p.plan_id)).toEqual([4, 5]);
    for (const p of en.body.promotional_purchase) {
      for (const t of p.terms) expect(t.annual_rates?.message).toBe(i18nFor('en').qcpa_disclosure);
    }
    const fr = await price(A.quebec.accountNumber, 100, { lang: 'fr' });
    expect(term(fr.body, 4, 3).annual_rates?.message).toBe(i18nFor('fr').qcpa_disclosure);
    // Outside Quebec the message states the rate instead.
    const on = await price(A.miTester.accountNumber, 100);
    expect(term(on.body, 4, 3).annual_rates?.message).not.toBe(i18nFor('en').qcpa_disclosure);
  });

  it("filters by the merchant's plans: the second merchant offers plan 4 only", async () => {
    const res = await price(A.miTester.accountNumber, 100, { t: merchant2, client: CLIENT2 });
    expect(res.status).toBe(200);
    expect(res.body.promotional_purchase.map((p) => p.plan_id)).toEqual([4]);
  });

  it('prices a business account and says so', async () => {
    const res = await price(A.business.accountNumber, 100);
    expect(res.status).toBe(200);
    expect(res.body.account_type).toBe('business');
    expect(res.body.customer.category_type).toBe('preferred');
  });
});

describe('texts and versions', () => {
  it('answers French descriptions and fee texts with lang=fr', async () => {
    const res = await price(A.miTester.accountNumber, 100, { lang: 'fr' });
    expect(res.status).toBe(200);
    expect(term(res.body, 4, 3).annual_rates?.description).toBe('Taux annuel en pourcentage');
    expect(term(res.body, 5, 6).fees[0]).toMatchObject({
      description: "Frais d'administration :",
      message: expect.stringContaining('exigibles en totalité'),
    });
  });

  it('has the same options under v2.5 with `apr` numbers instead of `annual_rates`', async () => {
    const v251 = await price(A.johnSmith.accountNumber, 777.77);
    const v25 = await price(A.johnSmith.accountNumber, 777.77, { version: 'v2.5' });
    expect(v25.status).toBe(200);
    expect(v25.body.promotional_purchase.length).toBe(v251.body.promotional_purchase.length);
    for (const p of v25.body.promotional_purchase) {
      for (const t of p.terms) {
        expect(t).not.toHaveProperty('annual_rates');
        const twin = term(v251.body, p.plan_id, t.term);
        expect(t.apr).toBe(twin.annual_rates?.rate);
        expect(t.term_amount).toBe(twin.term_amount);
      }
    }
  });
});

describe('regular_purchase.verify and credit', () => {
  it('is true up to 200.00 and false above', async () => {
    expect((await price(A.miTester.accountNumber, 200)).body.regular_purchase.verify).toBe(true);
    expect((await price(A.miTester.accountNumber, 200.01)).body.regular_purchase.verify).toBe(false);
  });

  it('turns false after three regular purchases in 24 hours', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await price(A.miTester.accountNumber, 10)).body.regular_purchase.verify).toBe(true);
      const res = await authorizeWithPin(sb.url, merchant, {
        accountNumber: A.miTester.accountNumber,
        amount: 10,
        autoCapture: true,
        financing: { transaction_type: 'regular_purchase' },
      });
      expect(res.status).toBe(200);
    }
    expect((await price(A.miTester.accountNumber, 10)).body.regular_purchase.verify).toBe(false);
  });

  it('reports the live available credit and still prices amounts above it', async () => {
    await authorizeWithPin(sb.url, merchant, { accountNumber: A.miTester.accountNumber, amount: 123.45 });
    const l = await ledger(sb.url, A.miTester.accountNumber);
    const res = await price(A.miTester.accountNumber, 20000);
    expect(res.status).toBe(200);
    expect(res.body.customer.available_credit * 100).toBeCloseTo(l.available_credit_cents, 6);
    expect(res.body.customer.available_credit).toBe(13876.55);
    expect(res.body.promotional_purchase.length).toBe(3);
  });
});

describe('errors', () => {
  it('404 for an unknown account, with the §0A.3 body', async () => {
    const res = await price(999999999, 10);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: 404,
      error: 'not_found',
      url: expect.stringContaining('/calculate-interest'),
    });
    expect(typeof res.body.message).toBe('string');
  });

  it('409 user_not_able_to_purchase for frozen, auth-prohibited and non-activated accounts', async () => {
    for (const n of [
      A.johnSmithFrozen.accountNumber,
      A.authProhibited.accountNumber,
      A.inactive.accountNumber,
    ]) {
      const res = await price(n, 10);
      expect(res.status).toBe(409);
      expect(res.body.error).toBe('user_not_able_to_purchase');
    }
  });

  it('409 wrong_inputs for a missing, zero, negative, three-decimal or non-numeric amount', async () => {
    const missing = await call(
      sb.url,
      'POST',
      `/client-id/${CLIENT}/accounts/${A.miTester.accountNumber}/calculate-interest`,
      {
        token: merchant,
        version: 'v2.5.1',
        body: {},
      },
    );
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({
      error: 'wrong_inputs',
      field_errors: [{ param: 'amount', msg: 'required' }],
    });
    for (const bad of [0, -5, 10.123, '10.123', 'ten', '1e3']) {
      const res = await price(A.miTester.accountNumber, bad);
      expect(res.status, String(bad)).toBe(409);
      expect(res.body).toMatchObject({
        error: 'wrong_inputs',
        field_errors: [{ param: 'amount', msg: 'invalid' }],
      });
    }
    expect((await price(A.miTester.accountNumber, '10.50')).body.amount).toBe(10.5);
  });

  it('403 for a customer token that has not opened a purchase widget for the account', async () => {
    const customer = await token(sb.url, { scope: 'customer' });
    const refused = await price(A.miTester.accountNumber, 10, { t: customer });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 403, error: 'insufficient_scope' });
    const init = await call(sb.url, 'POST', `/client-id/${CLIENT}/widget/init`, {
      token: customer,
      body: { flow: 'purchase', customer_identification: { account_number: A.miTester.accountNumber } },
    });
    expect(init.status).toBe(200);
    expect((await price(A.miTester.accountNumber, 10, { t: customer })).status).toBe(200);
    expect((await price(A.johnSmith.accountNumber, 10, { t: customer })).status).toBe(403);
  });
});
