/** Small schemas shared by several channels. */
import { z } from 'zod';

/** A request with no parameters: extra keys are refused so nothing unexpected crosses over. */
export const emptyRequest = z.strictObject({});

export const languageSchema = z.enum(['en', 'fr']);
export type Language = z.infer<typeof languageSchema>;

export const environmentSchema = z.enum(['sandbox', 'mi', 'training', 'production', 'custom']);
export type EnvironmentName = z.infer<typeof environmentSchema>;

/** Flexiti's `external_employee_id`: short, printable, no spaces. */
export const employeeIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/** A staff PIN: digits only, kept short enough to type on a touch screen. */
export const pinSchema = z.string().regex(/^\d{4,12}$/, '4 to 12 digits');

export const staffNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

/** An opaque handle minted in main; it never encodes the number it stands for. */
export const opaqueHandleSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
