import { z } from 'zod';
import { MAX_CENTS } from '../../../shared/money';

export const JOURNAL_OPS = [
  'authorization',
  'capture',
  'release',
  'return',
  'refund',
  'transactions',
  'apply',
  'verify',
  'close',
] as const;
export type JournalOp = (typeof JOURNAL_OPS)[number];

/** prepared -> sent -> confirmed | failed | in_doubt -> reconciled (see TRANSITIONS in journal.ts). */
export const JOURNAL_STATES = ['prepared', 'sent', 'confirmed', 'failed', 'in_doubt', 'reconciled'] as const;
export type JournalState = (typeof JOURNAL_STATES)[number];

/** States whose outcome is not settled yet: start-up reconciliation walks these. */
export const UNFINISHED_STATES: readonly JournalState[] = ['prepared', 'sent', 'in_doubt'];

export type JournalResolution = 'applied' | 'not_applied';

const shortText = z.string().min(1).max(100);

/** What reports and the in-doubt screen show; all of it is kept in clear, so none of it may be secret. */
export const journalSummarySchema = z.strictObject({
  amountCents: z.number().int().min(-MAX_CENTS).max(MAX_CENTS).optional(),
  /** Exactly the last 4 digits: a longer value is refused so a full number can never land in clear. */
  accountLast4: z
    .string()
    .regex(/^\d{4}$/, 'accountLast4 must be exactly 4 digits')
    .optional(),
  employeeId: shortText.optional(),
  locationId: shortText.optional(),
  registerId: shortText.optional(),
  reference: shortText.optional(),
});
export type JournalSummary = z.infer<typeof journalSummarySchema>;

const opaqueId = z.string().min(1).max(64);

/** Ids Flexiti hands back, kept as opaque strings. */
export const journalRefsSchema = z.strictObject({
  authorizationId: opaqueId.optional(),
  captureId: opaqueId.optional(),
  returnId: opaqueId.optional(),
  applicationId: opaqueId.optional(),
  transactionId: opaqueId.optional(),
});
export type JournalRefs = z.infer<typeof journalRefsSchema>;

export const journalPrepareSchema = z.strictObject({
  op: z.enum(JOURNAL_OPS),
  method: z.literal('POST'),
  path: z.string().startsWith('/').max(2048),
  body: z.string().max(1024 * 1024),
  idempotencyKey: z.uuidv4(),
  referenceId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'referenceId must be 1-32 of A-Z a-z 0-9 -'),
  summary: journalSummarySchema,
});
export type JournalPrepareInput = z.infer<typeof journalPrepareSchema>;

export interface JournalRequest {
  method: 'POST';
  path: string;
  body: string;
}

export interface JournalEntry {
  id: string;
  op: JournalOp;
  idempotencyKey: string;
  referenceId: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  updatedAt: string;
  state: JournalState;
  attempts: number;
  lastStatus: number | null;
  lastErrorCode: string | null;
  inDoubtReason: string | null;
  resolution: JournalResolution | null;
  note: string | null;
  refs: JournalRefs;
  summary: JournalSummary;
  /** False once the entry is settled and its encrypted request has been erased. */
  hasRequest: boolean;
}

export interface JournalListFilter {
  state?: JournalState | readonly JournalState[];
  op?: JournalOp | readonly JournalOp[];
  /** Inclusive lower bound on createdAt. */
  from?: Date | string | number;
  /** Exclusive upper bound on createdAt. */
  to?: Date | string | number;
  limit?: number;
  order?: 'asc' | 'desc';
}
