/**
 * Customer flows and account lookup. Full account and card numbers never reach the renderer: each
 * account comes back with an opaque `accountRef` that main maps back to the number.
 */
import { z } from 'zod';
import { STAFF, channel } from '../channel';
import { languageSchema, opaqueHandleSchema } from './common';

export const flowIdSchema = opaqueHandleSchema;
export const accountRefSchema = opaqueHandleSchema;

/** Flexiti's account status letters, in plain words. */
export const ACCOUNT_STATUSES = [
  'normal',
  'auth_prohibited',
  'frozen',
  'charged_off',
  'closed',
  'unknown',
] as const;

export const accountViewSchema = z.strictObject({
  accountRef: accountRefSchema,
  /** `•••• 5941`: the last 4 digits of the card, never more. */
  cardMasked: z.string().regex(/^•••• \d{4}$|^••••$/),
  firstName: z.string().max(35).optional(),
  lastName: z.string().max(50).optional(),
  status: z.enum(ACCOUNT_STATUSES),
  /** Only `normal` accounts may make purchases. */
  canPurchase: z.boolean(),
  availableCreditCents: z.number().int().min(0).optional(),
  creditLimitCents: z.number().int().min(0).optional(),
  accountType: z.enum(['consumer', 'business']).optional(),
  preferredLanguage: languageSchema.optional(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

const dobSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), 'invalid date');

const asciiName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7E]+$/, 'ASCII letters only');

export const customerChannels = {
  /** A new customer flow: one Flexiti x-reference-id for every call until the flow ends. */
  'flow.start': channel({
    request: z.strictObject({ language: languageSchema.optional() }),
    response: z.strictObject({
      flowId: flowIdSchema,
      /** The x-reference-id: may be read to support, it identifies nothing about the customer. */
      referenceId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/),
    }),
    roles: STAFF,
    needsReady: true,
  }),
  /**
   * The customer asked for the other language: every later customer-facing Flexiti call of the flow
   * (PIN messages, fee and rate texts, terms) uses it. Cashiers may do it; nothing secret crosses.
   */
  'flow.setCustomerLanguage': channel({
    request: z.strictObject({ flowId: flowIdSchema, language: languageSchema }),
    response: z.strictObject({ language: languageSchema }),
    roles: STAFF,
  }),
  'customers.search': channel({
    request: z.strictObject({
      flowId: flowIdSchema,
      firstName: asciiName(35),
      lastName: asciiName(50),
      dob: dobSchema,
      postalCode: z
        .string()
        .trim()
        .regex(/^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/)
        .optional(),
    }),
    response: z.strictObject({ accounts: z.array(accountViewSchema).max(50) }),
    roles: STAFF,
    needsReady: true,
  }),
  'customers.lookup': channel({
    request: z.strictObject({
      flowId: flowIdSchema,
      by: z.enum(['account', 'card']),
      /** Digits only (spaces and dashes are stripped by the screen). */
      number: z.string().regex(/^\d{1,16}$/),
    }),
    response: z.strictObject({ account: accountViewSchema }),
    roles: STAFF,
    needsReady: true,
  }),
};
