import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/ipc/channels/reports';
import { MAX_CENTS } from '../../../shared/money';
import { maskCardLikeRuns, sensitiveValueReason } from './sensitive-text';
import { timeInputSchema } from './time-input';

// Closed on purpose so reports can rely on it; declared once with the channel that reports it.
export { AUDIT_ACTIONS, type AuditAction } from '../../../shared/ipc/channels/reports';

/** `system` is the app itself (start-up reconciliation), never a signed-in person. */
export const AUDIT_ROLES = ['cashier', 'manager', 'system'] as const;
export type AuditRole = (typeof AUDIT_ROLES)[number];

/** ok: done; declined: Flexiti said no; denied: refused by the app (role, wrong PIN); failed: error; in_doubt: unknown. */
export const AUDIT_OUTCOMES = ['ok', 'declined', 'denied', 'failed', 'in_doubt'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const code = z.string().regex(/^[a-z0-9_]{1,60}$/, 'a snake_case code');
const freeText = z.string().min(1).max(200);
const businessDate = z.iso.date();

/** The small, action-specific part of a row; strict so nothing unexpected lands in clear. */
export const AUDIT_DETAIL_SCHEMAS = {
  sign_in: z.strictObject({ method: z.enum(['pin', 'setup']).optional(), reason: code.optional() }),
  sign_out: z.strictObject({ reason: z.enum(['manual', 'idle', 'lock', 'shutdown']).optional() }),
  customer_lookup: z.strictObject({
    by: z.enum(['phone', 'email', 'account', 'card', 'name', 'licence', 'customer_id']),
    matches: z.number().int().min(0).max(1000).optional(),
  }),
  verify_method: z.strictObject({
    method: z.enum(['sms', 'email', 'phone_call', 'security_question', 'merchant_override', 'bypass']),
    errorCode: code.optional(),
  }),
  application_submitted: z.strictObject({
    province: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  }),
  application_decision: z.strictObject({ decision: code }),
  authorization: z.strictObject({
    transactionType: z.enum(['promotional_purchase', 'regular_purchase']),
    planId: z.number().int().positive().max(1_000_000).optional(),
    term: z.number().int().positive().max(600).optional(),
    autoCapture: z.boolean(),
    errorCode: code.optional(),
  }),
  capture: z.strictObject({ errorCode: code.optional() }),
  release: z.strictObject({ wholeRemainder: z.boolean().optional(), errorCode: code.optional() }),
  return: z.strictObject({
    fullReturn: z.boolean().optional(),
    /** How many item lines the manager listed (never what they were). */
    lineItems: z.number().int().min(1).max(200).optional(),
    errorCode: code.optional(),
  }),
  /** The manager's reason is required by the refund channel; checked for full numbers like all detail. */
  refund: z.strictObject({ errorCode: code.optional(), reason: freeText.optional() }),
  account_close: z.strictObject({
    errorCode: code.optional(),
    quebecCancellation: z.boolean().optional(),
    contractDate: businessDate.optional(),
  }),
  /** Names of the settings that changed, never their values (some are credentials). */
  settings_change: z.strictObject({
    keys: z
      .array(z.string().regex(/^[A-Za-z0-9_.]{1,80}$/))
      .min(1)
      .max(50),
    /** A staff change: whose record it was (an employee id, never a PIN). */
    subjectId: z.string().min(1).max(50).optional(),
    errorCode: code.optional(),
  }),
  manager_approval: z.strictObject({ approvedAction: z.enum(AUDIT_ACTIONS), reason: freeText.optional() }),
  reconciliation: z.strictObject({
    journalEntryId: z.uuid(),
    op: code,
    resolution: z.enum(['applied', 'not_applied']),
  }),
  day_close: z.strictObject({
    businessDate,
    timeZone: z.string().min(1).max(64),
    locationId: z.string().min(1).max(50).optional(),
    registerId: z.string().min(1).max(50).optional(),
    inDoubtCount: z.number().int().min(0),
    reason: freeText.optional(),
  }),
} satisfies Record<AuditAction, z.ZodType>;

export type AuditDetail<A extends AuditAction> = z.infer<(typeof AUDIT_DETAIL_SCHEMAS)[A]>;

const staffId = z.string().min(1).max(50);
const opaqueId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'an opaque id');

/** One event as a caller records it; the detail is checked against its action's schema. */
export const auditEventInputSchema = z
  .strictObject({
    action: z.enum(AUDIT_ACTIONS),
    actorId: staffId,
    actorRole: z.enum(AUDIT_ROLES),
    approverId: staffId.optional(),
    outcome: z.enum(AUDIT_OUTCOMES),
    accountLast4: z
      .string()
      .regex(/^\d{4}$/, 'accountLast4 must be exactly 4 digits')
      .optional(),
    authorizationId: opaqueId.optional(),
    captureId: opaqueId.optional(),
    returnId: opaqueId.optional(),
    applicationId: opaqueId.optional(),
    amountCents: z.number().int().min(0).max(MAX_CENTS).optional(),
    /** The merchant's order reference (ASCII 40 on Flexiti's side); a card-shaped number is masked. */
    reference: z.string().min(1).max(40).transform(maskCardLikeRuns).optional(),
    /** The flow's x-reference-id. */
    referenceId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,32}$/)
      .optional(),
    detail: z.record(z.string(), z.unknown()).default({}),
    /** When it happened; default now. */
    at: timeInputSchema.optional(),
  })
  .superRefine((event, ctx) => {
    const parsed = AUDIT_DETAIL_SCHEMAS[event.action].safeParse(event.detail);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['detail', ...issue.path.map(String)], message: issue.message });
      }
      return;
    }
    const reason = sensitiveValueReason(event.detail);
    if (reason) ctx.addIssue({ code: 'custom', path: ['detail'], message: `detail ${reason}` });
  });
export type AuditEventInput = z.input<typeof auditEventInputSchema>;

/** One stored row, as read back. */
export interface AuditRow {
  seq: number;
  /** ISO 8601 UTC. */
  at: string;
  action: AuditAction;
  actorId: string;
  actorRole: AuditRole;
  approverId: string | null;
  outcome: AuditOutcome;
  accountLast4: string | null;
  authorizationId: string | null;
  captureId: string | null;
  returnId: string | null;
  applicationId: string | null;
  amountCents: number | null;
  reference: string | null;
  referenceId: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  /** SHA-256 hex of prevHash and the canonical row. */
  hash: string;
}

export const auditQuerySchema = z.strictObject({
  /** Inclusive. */
  from: timeInputSchema.optional(),
  /** Exclusive. */
  to: timeInputSchema.optional(),
  actorId: staffId.optional(),
  action: z.union([z.enum(AUDIT_ACTIONS), z.array(z.enum(AUDIT_ACTIONS)).min(1)]).optional(),
  accountLast4: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  /** 1-based. */
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(1000).default(100),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
}

export type ChainVerdict =
  { ok: true; rows: number; head: AuditHead } | { ok: false; brokenAt: number; reason: string };

export interface AuditHead {
  /** 0 for an empty trail. */
  seq: number;
  hash: string;
}
