/**
 * zod rules for what our own code sends (strict out, checked before anything is journaled) and the
 * helpers that turn typed inputs into wire fields: cents to dollars only here, at the boundary.
 */
import { z } from 'zod';
import { centsToWire, MAX_CENTS } from '../../../shared/money';
import { last4 } from '../../../shared/masking';
import type { JournalSummary } from '../journal/journal-types';
import { FlexitiCallError, ownError } from './flexiti-errors';
import type { FlowContext, TerminalIdentity } from './call-runner';

export const centsSchema = z.number().int().positive().max(MAX_CENTS);
export const accountNumberSchema = z.union([
  z.number().int().positive().max(99_999_999_999_999),
  z.string().regex(/^\d{1,14}$/),
]);
export const vccSchema = z.string().regex(/^\d{16}$/);
export const idSchema = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z.string().regex(/^\d{1,20}$/),
]);
export const asciiSchema = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7e]+$/);
export const employeeSchema = asciiSchema(50);
export const referenceSchema = asciiSchema(40);

/** Parses an input or throws invalid_input naming the fields (never their values). */
export function checkInput<T extends z.ZodType>(schema: T, input: unknown, flow: FlowContext): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.slice(0, 20).map((issue) => ({
    param: issue.path.map(String).join('.') || 'input',
    msg: issue.code === 'too_big' || issue.code === 'too_small' ? 'length' : 'invalid',
  }));
  throw new FlexitiCallError(ownError('invalid_input', flow.referenceId, fields));
}

/** Account numbers go out as JSON numbers (§0A.2). */
export function wireAccount(value: number | string): number {
  return typeof value === 'number' ? value : Number(value);
}

export function wireIdValue(value: number | string): number {
  return typeof value === 'number' ? value : Number(value);
}

export { centsToWire };

/** The journal's clear-text summary: amount, last 4, employee, location, register, reference. */
export function summaryOf(
  terminal: TerminalIdentity,
  fields: { amountCents?: number; account?: number | string; employeeId?: string; reference?: string },
): JournalSummary {
  const summary: JournalSummary = { locationId: terminal.locationId, registerId: terminal.registerId };
  if (fields.amountCents !== undefined) summary.amountCents = fields.amountCents;
  if (fields.account !== undefined) {
    const digits = last4(fields.account);
    if (/^\d{4}$/.test(digits)) summary.accountLast4 = digits;
  }
  if (fields.employeeId !== undefined) summary.employeeId = fields.employeeId;
  if (fields.reference !== undefined) summary.reference = fields.reference;
  return summary;
}
