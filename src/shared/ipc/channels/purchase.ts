/**
 * Financed purchases: authorize (with or without auto-capture), capture at pickup, release what is
 * left (manager), and the receipt data. Flexiti's authorization and capture ids are not secret and
 * are used as they are; the account shows only the last 4 digits of the card.
 */
import { z } from 'zod';
import { MANAGER, STAFF, channel } from '../channel';
import { approvalTokenSchema } from './approval';
import { accountRefSchema, flowIdSchema } from './customers';
import { languageSchema } from './common';
import { feeViewSchema, rateViewSchema } from './pricing';

const cents = z.number().int().min(0).max(99_999_999_999);
const positiveCents = z.number().int().positive().max(99_999_999_999);
/** Flexiti ids: digits, below 2^53. */
export const flexitiIdSchema = z.string().regex(/^\d{1,20}$/);
const maskedCard = z.string().regex(/^•••• \d{4}$|^••••$/);
const ascii = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7E]+$/, 'printable ASCII only');

export const financingChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('plan'),
    planId: z.number().int().positive().max(999),
    term: z.number().int().positive().max(999),
  }),
  z.strictObject({ kind: z.literal('regular') }),
]);

export const lineItemSchema = z.strictObject({
  sku: ascii(40),
  description: ascii(120).optional(),
  quantity: z.number().int().positive().max(9999),
  unitPriceCents: z.number().int().min(-99_999_999_999).max(99_999_999_999),
});

export const AUTHORIZATION_STATUSES = ['opened', 'closed', 'unauthorized', 'unknown'] as const;

export const financingViewSchema = z.strictObject({
  kind: z.enum(['plan', 'regular']),
  planId: z.number().int().positive().max(999).optional(),
  planName: z.string().max(200).optional(),
  term: z.number().int().positive().max(999).optional(),
  monthlyPaymentCents: cents.optional(),
  annualRate: rateViewSchema.optional(),
  fees: z.array(feeViewSchema).max(20),
});
export type FinancingView = z.infer<typeof financingViewSchema>;

export const authorizationViewSchema = z.strictObject({
  authorizationId: flexitiIdSchema,
  status: z.enum(AUTHORIZATION_STATUSES),
  authorizedCents: cents,
  capturedCents: cents,
  releasedCents: cents,
  remainingCents: cents,
  captureIds: z.array(flexitiIdSchema).max(100),
  cardMasked: maskedCard,
  financing: financingViewSchema,
  orderReference: z.string().max(40).optional(),
  /** ISO date-time from Flexiti. */
  date: z.string().max(40).optional(),
});
export type AuthorizationView = z.infer<typeof authorizationViewSchema>;

const receiptTexts = z.strictObject({
  language: languageSchema,
  planLabel: z.string().max(200).optional(),
  transactionLabel: z.string().max(200).optional(),
  quebecDisclosure: z.string().max(2000).optional(),
  /** Flexiti's fee and rate texts in this section's language. */
  financingMessages: z.array(z.string().max(1000)).max(20).optional(),
});

export const receiptSchema = z.strictObject({
  /** In print order: French first for Quebec. */
  languages: z.array(languageSchema).min(1).max(2),
  locationId: z.string().max(50),
  registerId: z.string().max(50),
  employeeId: z.string().max(50),
  storeProvince: z.string().length(2),
  printedAt: z.string().max(40),
  authorization: authorizationViewSchema,
  /** The x-reference-id of the flow: what support asks for. */
  referenceId: z.string().max(32).optional(),
  customerName: z.string().max(90).optional(),
  /** What was bought, when the cashier entered line items. */
  lineItems: z.array(lineItemSchema).max(200).optional(),
  texts: z.array(receiptTexts).min(1).max(2),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const purchaseChannels = {
  'purchase.authorize': channel({
    request: z.strictObject({
      flowId: flowIdSchema,
      accountRef: accountRefSchema,
      amountCents: positiveCents,
      financing: financingChoiceSchema,
      autoCapture: z.boolean(),
      orderReference: ascii(40).optional(),
      lineItems: z.array(lineItemSchema).max(200).optional(),
    }),
    response: z.strictObject({ authorization: authorizationViewSchema }),
    roles: STAFF,
    needsReady: true,
  }),
  'purchase.capture': channel({
    request: z.strictObject({ authorizationId: flexitiIdSchema, amountCents: positiveCents }),
    response: z.strictObject({ captureId: flexitiIdSchema, authorization: authorizationViewSchema }),
    roles: STAFF,
    needsReady: true,
  }),
  'purchase.release': channel({
    request: z.strictObject({
      authorizationId: flexitiIdSchema,
      amountCents: positiveCents.optional(),
      /** A cashier's one-time manager approval for a release. */
      approval: approvalTokenSchema.optional(),
    }),
    response: z.strictObject({ releasedCents: cents, authorization: authorizationViewSchema }),
    roles: MANAGER,
    needsReady: true,
    approval: 'release',
  }),
  'purchase.receipt': channel({
    request: z.strictObject({ authorizationId: flexitiIdSchema }),
    response: z.strictObject({ receipt: receiptSchema }),
    roles: STAFF,
    needsReady: true,
  }),
};
