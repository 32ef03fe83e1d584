import { z } from 'zod';

/** A moment as callers give it: a Date, epoch milliseconds or an ISO 8601 string with an offset. */
export const timeInputSchema = z
  .union([z.date(), z.number().int().nonnegative(), z.iso.datetime({ offset: true })])
  .transform((value, ctx) => {
    const ms =
      value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
    if (!Number.isSafeInteger(ms)) {
      ctx.addIssue({ code: 'custom', message: 'invalid time' });
      return z.NEVER;
    }
    return ms;
  });
export type TimeInput = z.input<typeof timeInputSchema>;

/** Epoch milliseconds to ISO 8601 UTC with milliseconds. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
