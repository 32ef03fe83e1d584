/**
 * The one error shape the renderer ever sees: a category that drives the screen, a stable code,
 * and a support reference. Never a stack trace, never raw text from Flexiti.
 */
import { z } from 'zod';

/**
 * - declined: Flexiti said no (credit_exceeded, account frozen...): try another account or plan.
 * - needs_action: the cashier or customer must fix something (wrong PIN, missing field, verify first).
 * - retryable: a passing problem (timeout before anything was sent, 5xx): try again.
 * - flexiti_down: Flexiti unreachable or failing repeatedly: wait, then retry; nothing is lost.
 * - in_doubt: a money operation's outcome is unknown; it is journaled and will be reconciled.
 * - not_allowed: the signed-in role may not do this, or the terminal is locked.
 * - our_bug: a defect in this app or an unexpected answer: call support with the reference.
 */
export const errorCategorySchema = z.enum([
  'declined',
  'needs_action',
  'retryable',
  'flexiti_down',
  'in_doubt',
  'not_allowed',
  'our_bug',
]);
export type ErrorCategory = z.infer<typeof errorCategorySchema>;

export const appErrorSchema = z.object({
  category: errorCategorySchema,
  /** Stable snake_case code: Flexiti's error code where there is one (credit_exceeded), else ours. */
  code: z.string().min(1).max(100),
  /** Shown to staff and quoted to support: the flow's x-reference-id or a journal id. */
  supportReference: z.string().max(100).optional(),
  /** Field-level problems, by Flexiti parameter name (never the rejected value). */
  fields: z.array(z.object({ param: z.string().max(100), msg: z.string().max(40) })).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;
