/**
 * zod schemas for a parsed licence and a parse result, for any boundary that carries one
 * (IPC, the browser host, stored test expectations). They also pin down what "well-formed" means.
 */
import { z } from 'zod';
import { isoDate } from './dates';

const isoDay = z.string().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}, 'not a valid YYYY-MM-DD date');

export const licenceAddressSchema = z.object({
  street: z.string(),
  city: z.string(),
  province: z.string(),
  postalCode: z.union([
    z.literal(''),
    z.string().regex(/^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/),
    z.string().regex(/^\d{5}(-\d{4})?$/),
  ]),
});

export const licenceSchema = z.object({
  country: z.enum(['CAN', 'USA']),
  jurisdiction: z.string().regex(/^[A-Z]{2}$/),
  iin: z.string().regex(/^(\d{6})?$/),
  aamvaVersion: z.number().int().min(0).max(10),
  firstName: z.string(),
  middleName: z.string().min(1).optional(),
  lastName: z.string().min(1),
  dateOfBirth: isoDay,
  expiryDate: isoDay.optional(),
  issueDate: isoDay.optional(),
  licenceNumber: z.string().min(1),
  sex: z.enum(['M', 'F', 'X']).optional(),
  address: licenceAddressSchema,
});

export const parseResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), licence: licenceSchema, warnings: z.array(z.string()) }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(['not_aamva', 'truncated', 'unsupported', 'invalid']),
      message: z.string().min(1),
    }),
  }),
]);
