/**
 * Verifying the customer before a purchase. The PIN Flexiti issues is bound to the flow in main: for
 * SMS and e-mail the customer reads it to the cashier, who types it in; for a security question, a
 * merchant override or the regular-purchase bypass it never leaves main at all.
 */
import { z } from 'zod';
import { approvalTokenSchema } from './approval';
import { STAFF, channel } from '../channel';
import { accountRefSchema, flowIdSchema } from './customers';

export const VERIFY_METHODS = [
  'sms',
  'email',
  'security_question',
  'regular_purchase_bypass',
  'merchant_override',
] as const;
export const verifyMethodSchema = z.enum(VERIFY_METHODS);
export type VerifyMethod = z.infer<typeof verifyMethodSchema>;

export const verifyMethodViewSchema = z.strictObject({
  method: verifyMethodSchema,
  /** Only a signed-in manager may use it (merchant override). */
  needsManager: z.boolean(),
  /** Where a PIN goes, masked by Flexiti's rules (`******0102`, `j***@example.com`). */
  destinationMasked: z.string().max(120).optional(),
  /** The security question in the customer's language. */
  questionText: z.string().max(300).optional(),
});
export type VerifyMethodView = z.infer<typeof verifyMethodViewSchema>;

const purchaseHint = z.strictObject({
  amountCents: z.number().int().positive().max(99_999_999_999),
  kind: z.enum(['regular', 'promotional']),
});

const accountRequest = { flowId: flowIdSchema, accountRef: accountRefSchema };

/** The PIN as the customer reads it from an SMS or e-mail. */
export const customerPinSchema = z.string().regex(/^\d{4,12}$/, '4 to 12 digits');

export const verifyStateSchema = z.enum([
  /** Sent by SMS or e-mail: ask the customer for the PIN, then call verify.submitPin. */
  'awaiting_pin',
  /**
   * Main holds a PIN for this account: the purchase can be authorized. Not a check of the PIN: a
   * mistyped one is refused only at authorization (`wrong_verification_code`), then typed again.
   */
  'ready',
]);

export const verificationChannels = {
  'verify.methods': channel({
    request: z.strictObject({ ...accountRequest, purchase: purchaseHint.optional() }),
    response: z.strictObject({ methods: z.array(verifyMethodViewSchema).max(5) }),
    roles: STAFF,
    needsReady: true,
  }),
  'verify.start': channel({
    request: z.strictObject({
      ...accountRequest,
      method: verifyMethodSchema,
      /** Security question only: the customer's answer (sent to Flexiti, never stored). */
      answer: z.string().trim().min(1).max(50).optional(),
      /** merchant_override by a cashier: a manager's one-time approval for it. */
      approval: approvalTokenSchema.optional(),
    }),
    response: z.strictObject({ method: verifyMethodSchema, state: verifyStateSchema }),
    roles: STAFF,
    needsReady: true,
    approval: 'merchant_override',
  }),
  /**
   * The cashier types the PIN the customer read. Main keeps it for the authorization; nothing checks
   * it here: a wrong PIN is only discovered by Flexiti at authorization (`wrong_verification_code`).
   */
  'verify.submitPin': channel({
    request: z.strictObject({ ...accountRequest, pin: customerPinSchema }),
    response: z.strictObject({ state: z.literal('ready') }),
    roles: STAFF,
  }),
  /** Sends the SMS or e-mail again; the new PIN replaces the old one at Flexiti. */
  'verify.resend': channel({
    request: z.strictObject({ ...accountRequest }),
    response: z.strictObject({ method: z.enum(['sms', 'email']), state: z.literal('awaiting_pin') }),
    roles: STAFF,
    needsReady: true,
  }),
};
