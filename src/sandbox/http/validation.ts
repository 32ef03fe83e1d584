/**
 * Request validation for the sandbox: zod schemas for the reference's field types, and the mapping of
 * zod issues to §0A.3 field_errors (msg required | length | invalid). Strict in: this is Flexiti's side.
 */
import { z } from 'zod';
import { parseWireAmount, type Cents } from '../../shared/money';
import { ApiError, type FieldError } from './api-error';

/** Fields whose value is never echoed in field_errors (§0A.3). */
const SECRET_PARAMS = new Set([
  'client_secret',
  'refresh_token',
  'verification_code',
  'security_answer',
  'sin',
  'govid_number',
]);

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A zod custom issue carries its field_errors msg in params.msg; anything else is 'invalid'. */
function issueMsg(issue: z.core.$ZodIssue, present: boolean): FieldError['msg'] {
  if (!present) return 'required';
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    return issue.origin === 'string' ? 'length' : 'invalid';
  }
  if (issue.code === 'custom') {
    const msg = (issue.params as { msg?: unknown } | undefined)?.msg;
    if (msg === 'length' || msg === 'required') return msg;
  }
  return 'invalid';
}

function valueAt(input: unknown, path: PropertyKey[]): { present: boolean; value: unknown } {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return { present: false, value: undefined };
    const rec = cur as Record<PropertyKey, unknown>;
    if (!(key in rec)) return { present: false, value: undefined };
    cur = rec[key];
  }
  return { present: cur !== undefined && cur !== null && cur !== '', value: cur };
}

export function toFieldErrors(error: z.ZodError, input: unknown): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const param = issue.path.map(String).join('.') || 'body';
    if (seen.has(param)) continue;
    seen.add(param);
    const { present, value } = valueAt(input, issue.path);
    const field: FieldError = { param, msg: issueMsg(issue, present) };
    const leaf = String(issue.path[issue.path.length - 1] ?? '');
    if (present && !SECRET_PARAMS.has(leaf) && (typeof value !== 'object' || value === null))
      field.value = value;
    out.push(field);
  }
  return out;
}

/** Parses input with schema or throws 409 wrong_inputs with field_errors. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new ApiError(409, 'wrong_inputs', { fieldErrors: toFieldErrors(result.error, input) });
  return result.data;
}

/** An ASCII string (printable) of at most `max` characters, trimmed of nothing: Flexiti counts what it gets. */
export function ascii(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => PRINTABLE_ASCII.test(s), { params: { msg: 'invalid' } });
}

export function nonEmptyAscii(max: number) {
  return ascii(max).refine((s) => s.trim().length > 0, { params: { msg: 'required' } });
}

/** Money on input: a number or numeric string with at most two decimals, to integer cents (§0A.2). */
export function money(opts: { allowZero?: boolean; allowNegative?: boolean } = {}) {
  return z.union([z.number(), z.string()]).transform((value, ctx): Cents => {
    const cents = parseWireAmount(value);
    if (cents === null || (!opts.allowNegative && cents < 0) || (!opts.allowZero && cents === 0)) {
      ctx.addIssue({ code: 'custom', params: { msg: 'invalid' }, message: 'invalid amount' });
      return z.NEVER;
    }
    return cents;
  });
}

/** A number or digit string of 1..maxDigits digits, to a number (account_number, ids). */
export function digitsNumber(maxDigits: number) {
  return z.union([z.number(), z.string()]).transform((value, ctx): number => {
    const text =
      typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value.trim();
    if (
      !new RegExp(`^\\d{1,${maxDigits}}$`).test(text) ||
      Number(text) <= 0 ||
      !Number.isSafeInteger(Number(text))
    ) {
      ctx.addIssue({ code: 'custom', params: { msg: 'invalid' }, message: 'invalid number' });
      return z.NEVER;
    }
    return Number(text);
  });
}

/** A number or digit string of exactly `digits` digits, kept as a string (vcc_number: 16). */
export function digitString(digits: number) {
  return z.union([z.number(), z.string()]).transform((value, ctx): string => {
    const text =
      typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value.trim();
    if (!new RegExp(`^\\d{${digits}}$`).test(text)) {
      ctx.addIssue({ code: 'custom', params: { msg: 'invalid' }, message: 'invalid digits' });
      return z.NEVER;
    }
    return text;
  });
}

/** YYYY-MM-DD that is a real calendar date. */
export const isoDate = z.string().refine(
  (s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  },
  { params: { msg: 'invalid' } },
);

/** A boolean, or the strings 'true'/'false' (form-encoded bodies). */
export const booleanInput = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true');

/** Path parameter of a numeric id: digits only, at most maxDigits; anything else is 404 (not found). */
export function pathId(raw: string | undefined, maxDigits: number): number {
  if (raw === undefined || !new RegExp(`^\\d{1,${maxDigits}}$`).test(raw) || Number(raw) <= 0) {
    throw new ApiError(404, 'not_found');
  }
  return Number(raw);
}
