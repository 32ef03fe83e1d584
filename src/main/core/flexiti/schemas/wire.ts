/**
 * Lenient building blocks for Flexiti's responses (§0A.11 "Lenient parsing"): the ids the app needs
 * are required; every other field is optional and dropped (not fatal) when it has an unexpected type.
 * Money arrives as a number or a numeric string and leaves as integer cents.
 */
import { z } from 'zod';
import { parseWireAmount, type Cents } from '../../../../shared/money';

/** An id as an opaque string: Flexiti sends numbers, some examples strings. */
export const wireId = z
  .union([
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    z.string().regex(/^[0-9A-Za-z-]{1,64}$/),
  ])
  .transform(String);

/** Dollars (number or numeric string, at most two decimals) to cents. */
export const wireMoney = z.unknown().transform((value, ctx): Cents => {
  const cents = parseWireAmount(value);
  if (cents === null) {
    ctx.addIssue({ code: 'custom', message: 'not a wire amount' });
    return z.NEVER;
  }
  return cents;
});

/** A number that may come as a numeric string (rates, terms, plan ids). */
export const wireNumber = z.union([
  z.number().finite(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** Optional and forgiving: a missing or mistyped field becomes undefined instead of failing the parse. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

export const optText = lenient(z.string());
export const optBool = lenient(z.boolean());
export const optMoney = lenient(wireMoney);
export const optNumber = lenient(wireNumber);
export const optId = lenient(wireId);

/** An array whose items are parsed one by one; items that fail (no id) are skipped and counted. */
export function lenientArray<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((items) => {
    const out: Array<z.output<T>> = [];
    for (const raw of items) {
      const parsed = item.safeParse(raw);
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  });
}

/** A rate object (v2.5.1 `annual_rates`, or the customer's `air`); v2.5's bare `apr` number is adapted. */
export const rateSchema = z
  .object({
    rate: wireNumber,
    type: optText,
    description: optText,
    message: optText,
  })
  .transform((r) => ({ rate: r.rate, type: r.type, description: r.description, message: r.message }));
export type Rate = z.output<typeof rateSchema>;

/** v2.5.1 `annual_rates` or v2.5 `apr`, whichever is present. */
export function pickRate(annualRates: unknown, apr: unknown): Rate | undefined {
  const parsed = rateSchema.safeParse(annualRates);
  if (parsed.success) return parsed.data;
  const bare = wireNumber.safeParse(apr);
  if (bare.success) return { rate: bare.data, type: 'apr', description: undefined, message: undefined };
  return undefined;
}

export const feeSchema = z
  .object({
    description: optText,
    amount: optMoney,
    type: optText,
    message: optText,
  })
  .transform((f) => ({
    description: f.description,
    amountCents: f.amount,
    type: f.type,
    message: f.message,
  }));
export type Fee = z.output<typeof feeSchema>;

export const feesSchema = lenient(lenientArray(feeSchema)).transform((fees) => fees ?? []);
