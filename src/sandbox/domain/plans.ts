/**
 * The sandbox plan catalogue and pricing (§0A.9). One table decides what calculate-interest prices,
 * what lookup lists in offer_types and what authorization accepts, so the three can never disagree.
 */
import { roundHalfUpCents, type Cents } from '../../shared/money';
import { i18nFor } from '../data/i18n';
import type { Lang } from '../http/route';
import type { Account, Customer, Fee, Merchant, RateObject, RiskRating } from '../state/model';

export type OfferCategory = 'equal_billing' | 'deferred_payment';
export type CategoryType = 'preferred' | 'premium' | 'standard';

export interface PlanDef {
  planId: number;
  planName: string;
  offerCategory: OfferCategory;
  terms: readonly number[];
  /** Annual rate per customer category; null: not offered to that category. */
  rates: Readonly<Record<CategoryType, number | null>>;
  /** The plan's admin_total fee, or null for none. */
  adminTotalFee: Cents | null;
  /** Provinces where the plan is not offered. */
  excludedProvinces: readonly string[];
}

export const PLAN_CATALOGUE: readonly PlanDef[] = [
  {
    planId: 4,
    planName: 'EMP - Regular Interest',
    offerCategory: 'equal_billing',
    terms: [3, 6, 12, 24],
    rates: { preferred: 0.0999, premium: 0.1999, standard: 0.2999 },
    adminTotalFee: null,
    excludedProvinces: [],
  },
  {
    planId: 5,
    planName: 'EMP - No Interest',
    offerCategory: 'equal_billing',
    terms: [6, 12],
    rates: { preferred: 0, premium: 0, standard: null },
    adminTotalFee: 4999,
    excludedProvinces: [],
  },
  {
    planId: 7,
    planName: 'NINP - No Interest, No Payments',
    offerCategory: 'deferred_payment',
    terms: [6, 12],
    rates: { preferred: 0, premium: 0, standard: null },
    adminTotalFee: 4999,
    // Deferred-payment plans are not offered to Quebec residents in this sandbox.
    excludedProvinces: ['QC'],
  },
];

export function planById(planId: number): PlanDef | undefined {
  return PLAN_CATALOGUE.find((p) => p.planId === planId);
}

/** §0A.9: L, M preferred; H, X premium; everything else (Y, Z, N, P, Q, R, S) standard. */
export function categoryFor(riskRating: RiskRating): CategoryType {
  switch (riskRating) {
    case 'L':
    case 'M':
      return 'preferred';
    case 'H':
    case 'X':
      return 'premium';
    default:
      return 'standard';
  }
}

/** The plan's rate for this customer category and province, or null when the plan is not offered to them. */
export function planRateFor(plan: PlanDef, category: CategoryType, province: string): number | null {
  if (plan.excludedProvinces.includes(province)) return null;
  return plan.rates[category];
}

export interface OfferedPlan {
  plan: PlanDef;
  rate: number;
}

/** Plans of the merchant offered to this account's category and the customer's province, in catalogue order. */
export function plansOfferedTo(merchant: Merchant, account: Account, customer: Customer): OfferedPlan[] {
  const category = categoryFor(account.riskRating);
  const out: OfferedPlan[] = [];
  for (const plan of PLAN_CATALOGUE) {
    if (!merchant.plans.includes(plan.planId)) continue;
    const rate = planRateFor(plan, category, customer.province);
    if (rate !== null) out.push({ plan, rate });
  }
  return out;
}

/** lookup's offer_types entry (§5 C2, §0A.8). */
export interface OfferTypeWire {
  plan_name: string;
  plan_id: number;
  offer_category: OfferCategory;
  term_options: number[];
}

export function offerTypesFor(merchant: Merchant, account: Account, customer: Customer): OfferTypeWire[] {
  return plansOfferedTo(merchant, account, customer).map(({ plan }) => ({
    plan_name: plan.planName,
    plan_id: plan.planId,
    offer_category: plan.offerCategory,
    term_options: [...plan.terms],
  }));
}

/**
 * The term_amount in cents (§0A.9): equal payments P·r/(1−(1+r)^−n) with r = rate/12, half-up to the
 * cent; 0 % equal payments P/n; deferred payment a single amount equal to P.
 */
export function priceTerm(amount: Cents, plan: PlanDef, term: number, rate: number): Cents {
  if (plan.offerCategory === 'deferred_payment') return amount;
  if (rate === 0) return roundHalfUpCents(amount / term);
  const r = rate / 12;
  return roundHalfUpCents((amount * r) / (1 - Math.pow(1 + r, -term)));
}

/** Interest counted by the credit check (§0A.11): term_amount × term − amount for interest-bearing equal payments. */
export function interestCents(amount: Cents, plan: PlanDef, term: number, rate: number): Cents {
  if (plan.offerCategory !== 'equal_billing' || rate <= 0) return 0;
  return Math.max(0, priceTerm(amount, plan, term, rate) * term - amount);
}

const FEE_TEXT: Record<Lang, { description: string; message: string }> = {
  en: {
    description: 'Administrative fees:',
    message:
      'Although your administrative fee may be represented as a monthly or annual amount, the fee is due in full if the account is paid off early. See terms and conditions for full details.',
  },
  fr: {
    description: "Frais d'administration :",
    message:
      "Bien que vos frais d'administration puissent être présentés sous forme de montant mensuel ou annuel, ils sont exigibles en totalité si le compte est remboursé par anticipation. Consultez les modalités pour tous les détails.",
  },
};

/** The plan's fees (admin fees never sit in term_amount). */
export function planFees(plan: PlanDef, lang: Lang): Fee[] {
  if (plan.adminTotalFee === null) return [];
  return [{ ...FEE_TEXT[lang], amount: plan.adminTotalFee, type: 'admin_total' }];
}

function percent(rate: number, lang: Lang): string {
  const text = (rate * 100).toFixed(2);
  return lang === 'fr' ? `${text.replace('.', ',')} %` : `${text}%`;
}

/** The annual_rates object of a promotional term (§0A.9); QC accounts carry the disclosure as message. */
export function aprObject(rate: number, province: string, lang: Lang): RateObject {
  const description = lang === 'fr' ? 'Taux annuel en pourcentage' : 'Annual Percentage Rate';
  const message =
    province === 'QC'
      ? i18nFor(lang).qcpa_disclosure
      : lang === 'fr'
        ? `Taux annuel en pourcentage : ${percent(rate, lang)}.`
        : `Annual percentage rate: ${percent(rate, lang)}.`;
  return { description, rate, type: 'apr', message };
}

/** The rate object of a regular purchase: the customer's air (§0A.9, §0A.11). */
export function airObject(air: number, province: string, lang: Lang): RateObject {
  const description = lang === 'fr' ? "Taux d'intérêt annuel" : 'Annual Interest Rate';
  const message =
    province === 'QC'
      ? i18nFor(lang).qcpa_disclosure
      : lang === 'fr'
        ? `Taux d'intérêt annuel : ${percent(air, lang)}.`
        : `Annual interest rate: ${percent(air, lang)}.`;
  return { description, rate: air, type: 'air', message };
}
