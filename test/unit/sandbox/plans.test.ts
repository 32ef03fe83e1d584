/** The §0A.9 catalogue and pricing rules of src/sandbox/domain/plans.ts. */
import { describe, expect, it } from 'vitest';
import {
  PLAN_CATALOGUE,
  categoryFor,
  interestCents,
  offerTypesFor,
  planById,
  priceTerm,
  type PlanDef,
} from '../../../src/sandbox/domain/plans';
import { createSandboxState } from '../../../src/sandbox/state/sandbox-state';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import type { RiskRating } from '../../../src/sandbox/state/model';

function plan(id: number): PlanDef {
  const p = planById(id);
  if (!p) throw new Error(`no plan ${id}`);
  return p;
}

describe('priceTerm', () => {
  it('reproduces the documented examples: 10.50 and 60.00 over 3 months at 0.0999', () => {
    expect(priceTerm(1050, plan(4), 3, 0.0999)).toBe(356);
    expect(priceTerm(6000, plan(4), 3, 0.0999)).toBe(2033);
    expect(priceTerm(100012, plan(4), 12, 0.0999)).toBe(8792);
  });

  it('divides 0 % equal payments evenly, half-up', () => {
    expect(priceTerm(100000, plan(5), 6, 0)).toBe(16667);
    expect(priceTerm(100000, plan(5), 12, 0)).toBe(8333);
    expect(priceTerm(1, plan(5), 6, 0)).toBe(0);
    expect(priceTerm(3, plan(5), 6, 0)).toBe(1);
  });

  it('asks a deferred plan for the whole amount in one payment', () => {
    expect(priceTerm(123456, plan(7), 12, 0)).toBe(123456);
  });

  it('never asks less in total than the amount (of a dollar or more) for an interest-bearing plan', () => {
    for (const amount of [100, 1050, 33333, 1_500_000]) {
      for (const term of plan(4).terms) {
        expect(priceTerm(amount, plan(4), term, 0.2999) * term).toBeGreaterThanOrEqual(amount);
      }
    }
  });
});

describe('interestCents', () => {
  it('is term_amount × term − amount for interest-bearing equal payments, else 0', () => {
    expect(interestCents(1050, plan(4), 3, 0.0999)).toBe(356 * 3 - 1050);
    expect(interestCents(100000, plan(5), 12, 0)).toBe(0);
    expect(interestCents(100000, plan(7), 12, 0)).toBe(0);
  });
});

describe('categoryFor', () => {
  it('maps L, M to preferred; H, X to premium; the rest to standard', () => {
    const cases: Array<[RiskRating, string]> = [
      ['L', 'preferred'],
      ['M', 'preferred'],
      ['H', 'premium'],
      ['X', 'premium'],
      ['Y', 'standard'],
      ['Z', 'standard'],
      ['N', 'standard'],
      ['P', 'standard'],
      ['S', 'standard'],
    ];
    for (const [rating, category] of cases) expect(categoryFor(rating)).toBe(category);
  });
});

describe('offerTypesFor', () => {
  const state = createSandboxState(new Date('2026-01-01T00:00:00Z'));
  const merchant = state.merchants.get(DEMO.merchants.demo.clientId);
  const merchant2 = state.merchants.get(DEMO.merchants.second.clientId);
  function offers(m: typeof merchant, accountNumber: number) {
    const account = state.accounts.get(accountNumber);
    const customer = account && state.customers.get(account.customerId);
    if (!m || !account || !customer) throw new Error('demo data missing');
    return offerTypesFor(m, account, customer);
  }

  it('lists every plan of the merchant for a preferred customer outside Quebec', () => {
    expect(offers(merchant, DEMO.accounts.miTester.accountNumber)).toEqual([
      {
        plan_name: 'EMP - Regular Interest',
        plan_id: 4,
        offer_category: 'equal_billing',
        term_options: [3, 6, 12, 24],
      },
      { plan_name: 'EMP - No Interest', plan_id: 5, offer_category: 'equal_billing', term_options: [6, 12] },
      {
        plan_name: 'NINP - No Interest, No Payments',
        plan_id: 7,
        offer_category: 'deferred_payment',
        term_options: [6, 12],
      },
    ]);
  });

  it('filters by category, province and merchant', () => {
    expect(offers(merchant, DEMO.accounts.standard.accountNumber).map((o) => o.plan_id)).toEqual([4]);
    expect(offers(merchant, DEMO.accounts.quebec.accountNumber).map((o) => o.plan_id)).toEqual([4, 5]);
    expect(offers(merchant2, DEMO.accounts.miTester.accountNumber).map((o) => o.plan_id)).toEqual([4]);
  });

  it('keeps the catalogue within the documented plan ids', () => {
    expect(PLAN_CATALOGUE.map((p) => p.planId)).toEqual([4, 5, 7]);
  });
});
