import { z } from 'zod';
import { MAX_CENTS } from '../../../shared/money';
import { maskCardLikeRuns } from '../audit/sensitive-text';
import { timeInputSchema } from '../audit/time-input';

export const TRANSACTION_TYPES = ['promotional_purchase', 'regular_purchase'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const AUTHORIZATION_STATUSES = ['opened', 'closed', 'unauthorized'] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

const flexitiId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an opaque Flexiti id');
const staffId = z.string().min(1).max(50);
const positiveCents = z.number().int().min(1).max(MAX_CENTS);
export const accountLast4Schema = z.string().regex(/^\d{4}$/, 'accountLast4 must be exactly 4 digits');

/** Who, where and when: the same on every money operation. */
const contextShape = {
  employeeId: staffId,
  approverId: staffId.optional(),
  locationId: z.string().min(1).max(50).optional(),
  registerId: z.string().min(1).max(50).optional(),
  /** The order reference (ASCII 40 on Flexiti's side); a card-shaped number in it is masked. */
  reference: z.string().min(1).max(40).transform(maskCardLikeRuns).optional(),
  /** The flow's x-reference-id. */
  referenceId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,32}$/)
    .optional(),
  /** When Flexiti applied it (the response's `date`), else when it was confirmed; default now. */
  at: timeInputSchema.optional(),
};

/**
 * A card-shaped run typed into a line item is masked before it is kept; ASCII ('****4755') because the
 * receipt prints line items as ASCII.
 */
const lineItemText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .transform((text) => maskCardLikeRuns(text).replace(/\u2022{4} ?/g, '****'));

/** One line of what was bought, as the cashier entered it: no customer data. */
export const ledgerLineItemSchema = z.strictObject({
  sku: lineItemText(40),
  description: lineItemText(120).optional(),
  quantity: z.number().int().min(1).max(9999),
  /** Negative for a discount line. */
  unitPriceCents: z.number().int().min(-MAX_CENTS).max(MAX_CENTS),
});
export type LedgerLineItem = z.output<typeof ledgerLineItemSchema>;

/** The most lines one sale may carry (the purchase channel's limit). */
export const MAX_LINE_ITEMS = 200;

export const ledgerAuthorizationSchema = z
  .strictObject({
    authorizationId: flexitiId,
    amountCents: positiveCents,
    transactionType: z.enum(TRANSACTION_TYPES),
    planId: z.number().int().positive().nullish(),
    planName: z.string().min(1).max(100).nullish(),
    term: z.number().int().positive().max(600).nullish(),
    autoCapture: z.boolean(),
    status: z.enum(AUTHORIZATION_STATUSES),
    /** With auto-capture, Flexiti's capture id: the whole amount is recorded as captured too. */
    autoCaptureId: flexitiId.optional(),
    accountLast4: accountLast4Schema,
    /** Kept so a receipt printed later (after a restart) still lists them: Flexiti never returns them. */
    lineItems: z.array(ledgerLineItemSchema).max(MAX_LINE_ITEMS).optional(),
    ...contextShape,
  })
  .refine((a) => a.transactionType !== 'promotional_purchase' || (a.planId != null && a.term != null), {
    message: 'a promotional purchase needs planId and term',
    path: ['planId'],
  })
  .refine((a) => a.autoCaptureId === undefined || a.autoCapture, {
    message: 'autoCaptureId needs autoCapture',
    path: ['autoCaptureId'],
  });
export type LedgerAuthorization = z.input<typeof ledgerAuthorizationSchema>;

export const ledgerCaptureSchema = z.strictObject({
  captureId: flexitiId,
  authorizationId: flexitiId,
  amountCents: positiveCents,
  accountLast4: accountLast4Schema.optional(),
  ...contextShape,
});
export type LedgerCapture = z.input<typeof ledgerCaptureSchema>;

/** Flexiti gives a release no id: the journal entry id (or idempotency key) keeps it unique. */
export const ledgerReleaseSchema = z.strictObject({
  operationId: z.string().min(1).max(64),
  authorizationId: flexitiId,
  /** The amount released (Flexiti's response `amount`), also when the whole remainder was asked for. */
  amountCents: positiveCents,
  accountLast4: accountLast4Schema.optional(),
  ...contextShape,
});
export type LedgerRelease = z.input<typeof ledgerReleaseSchema>;

export const ledgerReturnSchema = z.strictObject({
  returnId: flexitiId,
  captureId: flexitiId,
  authorizationId: flexitiId,
  amountCents: positiveCents,
  accountLast4: accountLast4Schema.optional(),
  /** The sale's items the manager listed as coming back. */
  lineItems: z.array(ledgerLineItemSchema).max(MAX_LINE_ITEMS).optional(),
  ...contextShape,
});
export type LedgerReturn = z.input<typeof ledgerReturnSchema>;

/** A refund's response is `{}`: the journal entry id (or idempotency key) keeps it unique. */
export const ledgerRefundSchema = z.strictObject({
  operationId: z.string().min(1).max(64),
  accountLast4: accountLast4Schema,
  amountCents: positiveCents,
  captureId: flexitiId.optional(),
  ...contextShape,
});
export type LedgerRefund = z.input<typeof ledgerRefundSchema>;

/** `recorded` is false when the same Flexiti id (or operation id) was already in the ledger. */
export interface RecordResult {
  recorded: boolean;
}
