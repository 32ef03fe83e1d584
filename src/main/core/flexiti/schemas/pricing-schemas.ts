import { z } from 'zod';
import {
  feesSchema,
  lenient,
  lenientArray,
  optBool,
  optId,
  optMoney,
  optNumber,
  optText,
  pickRate,
  wireNumber,
} from './wire';

const termSchema = z
  .object({
    term: wireNumber,
    term_amount: optMoney,
    annual_rates: z.unknown().optional(),
    apr: z.unknown().optional(),
    fees: feesSchema,
  })
  .transform((t) => ({
    term: t.term,
    termAmountCents: t.term_amount,
    rate: pickRate(t.annual_rates, t.apr),
    fees: t.fees,
  }));

const planSchema = z
  .object({ plan_id: wireNumber, plan_name: optText, terms: lenient(lenientArray(termSchema)) })
  .transform((p) => ({ planId: p.plan_id, planName: p.plan_name, terms: p.terms ?? [] }));

/** C5 calculate-interest, v2.5.1 (`annual_rates`) or v2.5 (`apr`). */
export const pricingResponseSchema = z
  .object({
    account_number: optId,
    account_type: optText,
    amount: optMoney,
    customer: lenient(
      z.object({
        air: optNumber,
        available_credit: optMoney,
        first_name: optText,
        last_name: optText,
        category_type: optText,
        customer_category_type: optText,
      }),
    ),
    regular_purchase: lenient(
      z.object({ term_amount: optMoney, air: optNumber, verify: optBool, fees: feesSchema }),
    ),
    promotional_purchase: lenient(lenientArray(planSchema)),
  })
  .transform((p) => ({
    accountNumber: p.account_number,
    accountType: p.account_type,
    amountCents: p.amount,
    customer: p.customer
      ? {
          air: p.customer.air,
          availableCreditCents: p.customer.available_credit,
          firstName: p.customer.first_name,
          lastName: p.customer.last_name,
          categoryType: p.customer.category_type ?? p.customer.customer_category_type,
        }
      : undefined,
    regularPurchase: p.regular_purchase
      ? {
          termAmountCents: p.regular_purchase.term_amount,
          air: p.regular_purchase.air,
          bypassAllowed: p.regular_purchase.verify ?? false,
          fees: p.regular_purchase.fees,
        }
      : undefined,
    promotionalPlans: p.promotional_purchase ?? [],
  }));
export type PricingOptions = z.output<typeof pricingResponseSchema>;
