import { z } from 'zod';
import { optId, optMoney, optText, wireId } from './wire';

/** CA1 apply and CA2 status: application_id and decision are required (§0A.11). */
export const applicationResponseSchema = z
  .object({
    application_id: wireId,
    decision: z.string().min(1).max(40),
    reason: z.string().nullable().optional().catch(undefined),
    account_number: optId,
    customer_id: optId,
    credit_limit: optMoney,
    available_credit: optMoney,
    card_ending_in: optText,
    risk_rating: optText,
    account_type: optText,
    message: optText,
  })
  .transform((a) => ({
    applicationId: a.application_id,
    decision: (['approved', 'pending', 'declined'].includes(a.decision) ? a.decision : 'pending') as
      'approved' | 'pending' | 'declined',
    reason: a.reason ?? null,
    accountNumber: a.account_number,
    customerId: a.customer_id,
    creditLimitCents: a.credit_limit,
    availableCreditCents: a.available_credit,
    cardEndingIn: a.card_ending_in,
    riskRating: a.risk_rating,
    accountType: a.account_type,
    message: a.message,
  }));
export type ApplicationDecision = z.output<typeof applicationResponseSchema>;
