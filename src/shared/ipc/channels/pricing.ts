/** Pricing a purchase: Flexiti's plans and terms for an amount, in integer cents. */
import { z } from 'zod';
import { STAFF, channel } from '../channel';
import { accountRefSchema, flowIdSchema } from './customers';

const cents = z.number().int().min(0).max(99_999_999_999);
const text = (max: number) => z.string().max(max);

export const feeViewSchema = z.strictObject({
  description: text(200).optional(),
  amountCents: cents.optional(),
  type: text(60).optional(),
  /** Must be shown with the fee (Flexiti's mandatory disclosure). */
  message: text(2000).optional(),
});
export type FeeView = z.infer<typeof feeViewSchema>;

export const rateViewSchema = z.strictObject({
  /** 0.0999 for 9.99 %. */
  rate: z.number().min(0).max(10),
  type: text(20).optional(),
  description: text(200).optional(),
  message: text(2000).optional(),
});

export const termViewSchema = z.strictObject({
  term: z.number().int().positive().max(999),
  /** `equal`: term × monthly payment; `deferred`: one payment of the whole amount at the end. */
  paymentKind: z.enum(['equal', 'deferred']),
  monthlyPaymentCents: cents,
  /** Everything the customer pays: payments (interest included) plus fees. */
  totalCostCents: cents,
  annualRate: rateViewSchema.optional(),
  fees: z.array(feeViewSchema).max(20),
});
export type TermView = z.infer<typeof termViewSchema>;

export const planViewSchema = z.strictObject({
  planId: z.number().int().positive().max(999),
  planName: text(200).optional(),
  terms: z.array(termViewSchema).max(50),
});
export type PlanView = z.infer<typeof planViewSchema>;

export const regularPurchaseViewSchema = z.strictObject({
  paymentCents: cents.optional(),
  annualRate: z.number().min(0).max(10).optional(),
  /** Flexiti allows the regular-purchase bypass for this amount (no PIN from the customer). */
  bypassAllowed: z.boolean(),
  fees: z.array(feeViewSchema).max(20),
});

export const pricingChannels = {
  'pricing.calculate': channel({
    request: z.strictObject({
      flowId: flowIdSchema,
      accountRef: accountRefSchema,
      amountCents: z.number().int().positive().max(99_999_999_999),
    }),
    response: z.strictObject({
      amountCents: cents,
      plans: z.array(planViewSchema).max(50),
      regularPurchase: regularPurchaseViewSchema.optional(),
      /** Quebec accounts: the consumer-protection disclosure to show with the offer. */
      quebecDisclosure: text(2000).optional(),
      availableCreditCents: cents.optional(),
    }),
    roles: STAFF,
    needsReady: true,
  }),
};
