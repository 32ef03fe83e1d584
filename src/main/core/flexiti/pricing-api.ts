/** C5 calculate-interest (v2.5.1, §0A.9): the plans, terms, rates and fees for an amount. */
import { z } from 'zod';
import { readCall, type ClientContext, type FlowContext } from './call-runner';
import { accountNumberSchema, centsSchema, centsToWire, checkInput, wireAccount } from './request-fields';
import { pricingResponseSchema, type PricingOptions } from './schemas/pricing-schemas';

export const pricingInputSchema = z.object({ accountNumber: accountNumberSchema, amountCents: centsSchema });
export type PricingInput = z.input<typeof pricingInputSchema>;

/** Prices a purchase. Changes nothing at Flexiti, so it is a read (retried, not journaled). */
export async function calculateInterest(
  ctx: ClientContext,
  flow: FlowContext,
  raw: PricingInput,
  options: { version?: 'v2.5' | 'v2.5.1' } = {},
): Promise<PricingOptions> {
  const input = checkInput(pricingInputSchema, raw, flow);
  return readCall(ctx, flow, {
    method: 'POST',
    version: options.version ?? 'v2.5.1',
    rest: `accounts/${wireAccount(input.accountNumber)}/calculate-interest`,
    body: { amount: centsToWire(input.amountCents) },
    schema: pricingResponseSchema,
  });
}
