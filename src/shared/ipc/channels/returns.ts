/**
 * The manager's money channels on a past sale: the sale as Flexiti now sees it, returns (with the
 * reference's rules shown before the call), refunds, release of what an open authorization still
 * holds, and the Quebec 2-day cancellation. A cashier may make one of these calls with a manager's
 * one-time approval (`approval`). Accounts appear only as their last 4 digits.
 */
import { z } from 'zod';
import { MANAGER, STAFF, channel } from '../channel';
import { approvalTokenSchema } from './approval';
import { languageSchema } from './common';
import { accountRefSchema, flowIdSchema } from './customers';
import { flexitiIdSchema, lineItemSchema } from './purchase';
import { saleViewSchema } from './reports';

const cents = z.number().int().min(0);
const positiveCents = z.number().int().positive().max(99_999_999_999);
const staffId = z.string().min(1).max(50);
const last4 = z.string().regex(/^\d{4}$/);

const operationShape = {
  at: z.string().max(40),
  amountCents: cents,
  employeeId: staffId,
  approverId: staffId.nullable(),
  registerId: z.string().max(50).nullable(),
};

export const saleDetailSchema = saleViewSchema.extend({
  returns: z
    .array(z.strictObject({ ...operationShape, returnId: flexitiIdSchema, captureId: flexitiIdSchema }))
    .max(500),
  refunds: z.array(z.strictObject({ ...operationShape, captureId: flexitiIdSchema.nullable() })).max(500),
});
export type SaleDetail = z.infer<typeof saleDetailSchema>;

/** Why a return would be refused, as the reference states the rules. */
export const RETURN_REFUSALS = [
  'capture_not_found',
  /** Only promotional purchases are returned; a regular purchase is refunded. */
  'not_promotional',
  /** More than 100 days since the capture: refund instead. */
  'return_window_closed',
  'nothing_remaining',
  'amount_exceeds_remaining',
] as const;

const returnTarget = {
  authorizationId: flexitiIdSchema,
  captureId: flexitiIdSchema,
  /** Absent with `full`: all that remains on the capture. */
  amountCents: positiveCents.optional(),
  full: z.boolean().default(false),
};
const needsAmount = (r: { full: boolean; amountCents?: number | undefined }) =>
  r.full !== (r.amountCents !== undefined);

const reasonSchema = z.string().trim().min(3).max(200);

/**
 * The customer's receipt for a return, refund or release, built in main. It carries the account's
 * last 4 digits only, never a refund's reason or any licence data.
 */
export const operationReceiptSchema = z.strictObject({
  kind: z.enum(['return', 'refund', 'release']),
  /** In print order: French first for Quebec. */
  languages: z.array(languageSchema).min(1).max(2),
  locationId: z.string().max(50),
  registerId: z.string().max(50),
  storeProvince: z.string().length(2),
  employeeId: staffId,
  approverId: staffId.optional(),
  /** ISO date-time of the operation. */
  at: z.string().max(40),
  accountLast4: last4.optional(),
  authorizationId: flexitiIdSchema.optional(),
  orderReference: z.string().max(40).optional(),
  amountCents: cents,
  returnId: flexitiIdSchema.optional(),
  captureId: flexitiIdSchema.optional(),
  /** A return: what is still on the capture afterwards. */
  remainingCaptureCents: cents.optional(),
  /** The sale afterwards: what is still held, and what stays charged after returns and refunds. */
  sale: z.strictObject({ heldCents: cents, chargedCents: cents }).optional(),
  /** The x-reference-id of the call: what support asks for. */
  referenceId: z.string().max(32).optional(),
  /** A return: the items that came back, when the manager listed them. */
  lineItems: z.array(lineItemSchema).max(200).optional(),
});
export type OperationReceipt = z.infer<typeof operationReceiptSchema>;

export const returnChannels = {
  /** The sale from the local ledger, refreshed from Flexiti's GET authorization/{id}. */
  'sales.get': channel({
    request: z.strictObject({ authorizationId: flexitiIdSchema }),
    response: z.strictObject({
      sale: saleDetailSchema,
      /** False when Flexiti could not be reached: the local record as it stands. */
      refreshed: z.boolean(),
    }),
    // A cashier starting a return reads the sale from the receipt's authorization id.
    roles: STAFF,
    needsReady: true,
  }),
  'returns.preview': channel({
    request: z
      .strictObject(returnTarget)
      .refine(needsAmount, { path: ['amountCents'], message: 'amount or full' }),
    response: z.strictObject({
      allowed: z.boolean(),
      reasons: z.array(z.enum(RETURN_REFUSALS)).max(5),
      amountCents: cents,
      remainingCents: cents,
      returnableCents: cents,
      returnDeadline: z.string().max(40).nullable(),
      daysLeftToReturn: z.number().int().min(0),
    }),
    roles: STAFF,
    needsReady: true,
  }),
  'returns.create': channel({
    request: z
      .strictObject({
        ...returnTarget,
        /** What comes back, from the sale's own line items (sent to Flexiti as sku_data). */
        lineItems: z.array(lineItemSchema).min(1).max(200).optional(),
        approval: approvalTokenSchema.optional(),
      })
      .refine(needsAmount, { path: ['amountCents'], message: 'amount or full' }),
    response: z.strictObject({
      returnId: flexitiIdSchema,
      returnedCents: cents,
      remainingCaptureCents: cents,
      sale: saleDetailSchema,
      receipt: operationReceiptSchema,
    }),
    roles: MANAGER,
    needsReady: true,
    approval: 'return',
  }),
  'refunds.create': channel({
    request: z.strictObject({
      source: z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('sale'),
          authorizationId: flexitiIdSchema,
          captureId: flexitiIdSchema.optional(),
        }),
        z.strictObject({ kind: z.literal('account'), flowId: flowIdSchema, accountRef: accountRefSchema }),
      ]),
      amountCents: positiveCents,
      /** Required and kept in the audit trail; a full card or account number is refused. */
      reason: reasonSchema,
      approval: approvalTokenSchema.optional(),
    }),
    response: z.strictObject({
      refundedCents: cents,
      accountLast4: last4,
      sale: saleDetailSchema.nullable(),
      receipt: operationReceiptSchema,
    }),
    roles: MANAGER,
    needsReady: true,
    approval: 'refund',
  }),
  /** Releases all (no amount) or part of what an open authorization still holds, by id. */
  'authorizations.release': channel({
    request: z.strictObject({
      authorizationId: flexitiIdSchema,
      amountCents: positiveCents.optional(),
      approval: approvalTokenSchema.optional(),
    }),
    response: z.strictObject({
      releasedCents: cents,
      sale: saleDetailSchema,
      receipt: operationReceiptSchema,
    }),
    roles: MANAGER,
    needsReady: true,
    approval: 'release',
  }),
  /**
   * Quebec's 2-day cancellation. Without `confirm`: the account's creation date (the day the customer
   * received the contract) and whether today is inside the 2 days. With `confirm`: Flexiti's close.
   */
  'accounts.cancelQuebec': channel({
    request: z.strictObject({
      flowId: flowIdSchema,
      accountRef: accountRefSchema,
      confirm: z.boolean().default(false),
      approval: approvalTokenSchema.optional(),
    }),
    response: z.strictObject({
      accountLast4: last4,
      province: z.string().max(2).nullable(),
      contractDate: z.iso.date(),
      /** The last day a cancellation is accepted. */
      lastDay: z.iso.date(),
      insideWindow: z.boolean(),
      /** Why it cannot be cancelled here, when it cannot. */
      refusal: z.enum(['not_quebec', 'window_passed']).nullable(),
      cancelled: z.boolean(),
    }),
    roles: MANAGER,
    needsReady: true,
    approval: 'cancel_quebec',
  }),
};
