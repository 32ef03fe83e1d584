/**
 * What a manager reads back from the terminal's own records: the end-of-day report (amounts in
 * cents, unsettled operations first), the sales ledger and the audit trail. Accounts appear only as
 * their last 4 digits; Flexiti's authorization, capture and return ids are not secret.
 */
import { z } from 'zod';
import { MANAGER, STAFF, channel } from '../channel';
import { lineItemSchema } from './purchase';

const cents = z.number().int().min(0);
const last4 = z.string().regex(/^\d{4}$/);
const isoDate = z.iso.date();
const shortText = (max: number) => z.string().max(max);
const staffId = z.string().min(1).max(50);
const placeId = z.string().min(1).max(50);
/** A moment as the screen sends it: ISO 8601 with an offset. */
const moment = z.iso.datetime({ offset: true });

export const countAndCentsSchema = z.strictObject({ count: z.number().int().min(0), cents });

export const dayTotalsSchema = z.strictObject({
  authorizationsOpened: countAndCentsSchema,
  authorizationsStillOpen: countAndCentsSchema,
  captures: countAndCentsSchema,
  releases: countAndCentsSchema,
  returns: countAndCentsSchema,
  refunds: countAndCentsSchema,
});

/** The kinds of money operation a day's totals count, in the order the report shows them. */
export const DAY_METRICS = dayTotalsSchema.keyof().options;

export const reportInDoubtSchema = z.strictObject({
  journalEntryId: shortText(64),
  op: shortText(20),
  state: shortText(20),
  createdAt: shortText(40),
  amountCents: z.number().int().nullable(),
  accountLast4: last4.nullable(),
  employeeId: shortText(100).nullable(),
  locationId: shortText(100).nullable(),
  registerId: shortText(100).nullable(),
  reference: shortText(100).nullable(),
  referenceId: shortText(32),
  reason: shortText(200).nullable(),
});

export const endOfDayReportSchema = z.strictObject({
  businessDate: isoDate,
  timeZone: shortText(64),
  locationId: shortText(50).nullable(),
  registerId: shortText(50).nullable(),
  from: shortText(40),
  to: shortText(40),
  generatedAt: shortText(40),
  /** First: the day cannot be trusted until these are settled. */
  inDoubt: z.array(reportInDoubtSchema).max(500),
  overall: dayTotalsSchema,
  byEmployee: z.array(z.strictObject({ employeeId: staffId, totals: dayTotalsSchema })).max(500),
  byPlan: z
    .array(
      z.strictObject({
        transactionType: z.enum(['promotional_purchase', 'regular_purchase']).nullable(),
        planId: z.number().int().nullable(),
        planName: shortText(100).nullable(),
        totals: dayTotalsSchema,
      }),
    )
    .max(500),
  closed: z
    .strictObject({
      businessDate: isoDate,
      locationId: shortText(50).nullable(),
      registerId: shortText(50).nullable(),
      timeZone: shortText(64),
      closedAt: shortText(40),
      managerId: staffId,
      reason: shortText(200).nullable(),
      inDoubtCount: z.number().int().min(0),
      auditSeq: z.number().int().min(0),
      auditHash: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .nullable(),
});
export type EndOfDayReportView = z.infer<typeof endOfDayReportSchema>;

const endOfDayRequest = z.strictObject({ date: isoDate, registerId: placeId.optional() });

const operationShape = {
  at: shortText(40),
  amountCents: cents,
  employeeId: staffId,
  approverId: staffId.nullable(),
  registerId: shortText(50).nullable(),
};
const flexitiId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export const saleViewSchema = z.strictObject({
  authorizationId: flexitiId,
  at: shortText(40),
  amountCents: cents,
  transactionType: z.enum(['promotional_purchase', 'regular_purchase']),
  planId: z.number().int().nullable(),
  planName: shortText(100).nullable(),
  term: z.number().int().nullable(),
  autoCapture: z.boolean(),
  state: z.enum(['opened', 'closed', 'lapsed']),
  employeeId: staffId,
  approverId: staffId.nullable(),
  locationId: shortText(50).nullable(),
  registerId: shortText(50).nullable(),
  reference: shortText(40).nullable(),
  referenceId: shortText(32).nullable(),
  accountLast4: last4.nullable(),
  captures: z
    .array(
      z.strictObject({
        ...operationShape,
        captureId: flexitiId,
        returnedCents: cents,
        remainingCents: cents,
        returnableCents: cents,
        returnDeadline: shortText(40),
        returnWindowOpen: z.boolean(),
        daysLeftToReturn: z.number().int().min(0),
      }),
    )
    .max(100),
  releases: z.array(z.strictObject({ ...operationShape })).max(100),
  /** The line items sent with the authorization; empty when there were none. */
  lineItems: z.array(lineItemSchema).max(200),
  /** What the returns listed so far, one line per SKU and price. */
  returnedLineItems: z.array(lineItemSchema.extend({ quantity: z.number().int().positive() })).max(200),
  capturedCents: cents,
  releasedCents: cents,
  returnedCents: cents,
  refundedCents: cents,
  remainingToCaptureCents: cents,
  afterSale: z.enum(['return', 'refund']),
});
export type SaleView = z.infer<typeof saleViewSchema>;

/** Every kind of event the audit trail records, in the order the viewer's filter lists them. */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_out',
  'customer_lookup',
  'verify_method',
  'application_submitted',
  'application_decision',
  'authorization',
  'capture',
  'release',
  'return',
  'refund',
  'account_close',
  'settings_change',
  'manager_approval',
  'reconciliation',
  'day_close',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const auditActionSchema = z.enum(AUDIT_ACTIONS);

export const auditRowViewSchema = z.strictObject({
  seq: z.number().int().min(1),
  at: shortText(40),
  action: auditActionSchema,
  actorId: staffId,
  actorRole: z.enum(['cashier', 'manager', 'system']),
  approverId: staffId.nullable(),
  outcome: z.enum(['ok', 'declined', 'denied', 'failed', 'in_doubt']),
  accountLast4: last4.nullable(),
  authorizationId: flexitiId.nullable(),
  captureId: flexitiId.nullable(),
  returnId: flexitiId.nullable(),
  applicationId: flexitiId.nullable(),
  amountCents: cents.nullable(),
  reference: shortText(40).nullable(),
  referenceId: shortText(32).nullable(),
  /** The action's small detail (codes, plan, field names): never a value typed by a customer. */
  detail: z.record(z.string(), z.unknown()),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditRowView = z.infer<typeof auditRowViewSchema>;

const auditFilters = {
  from: moment.optional(),
  to: moment.optional(),
  actorId: staffId.optional(),
  action: auditActionSchema.optional(),
  accountLast4: last4.optional(),
};

export const reportChannels = {
  'reports.endOfDay': channel({
    request: endOfDayRequest,
    response: z.strictObject({ report: endOfDayReportSchema }),
    roles: MANAGER,
  }),
  'reports.endOfDayCsv': channel({
    request: endOfDayRequest,
    response: z.strictObject({ csv: z.string().max(5_000_000) }),
    roles: MANAGER,
  }),
  'sales.search': channel({
    request: z.strictObject({
      referencePrefix: z.string().min(1).max(40).optional(),
      from: moment.optional(),
      to: moment.optional(),
      registerId: placeId.optional(),
      employeeId: staffId.optional(),
      accountLast4: last4.optional(),
      page: z.number().int().min(1).max(100_000).default(1),
      pageSize: z.number().int().min(1).max(100).default(20),
    }),
    response: z.strictObject({
      sales: z.array(saleViewSchema).max(100),
      total: z.number().int().min(0),
      page: z.number().int().min(1),
      pageSize: z.number().int().min(1),
    }),
    // A cashier finds the sale to start a return; the handler masks every account number.
    roles: STAFF,
  }),
  'audit.query': channel({
    request: z.strictObject({
      ...auditFilters,
      page: z.number().int().min(1).max(100_000).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
    response: z.strictObject({
      rows: z.array(auditRowViewSchema).max(200),
      total: z.number().int().min(0),
      page: z.number().int().min(1),
      pageSize: z.number().int().min(1),
    }),
    roles: MANAGER,
  }),
  'audit.verify': channel({
    request: z.strictObject({}),
    response: z.discriminatedUnion('ok', [
      z.strictObject({
        ok: z.literal(true),
        rows: z.number().int().min(0),
        head: z.strictObject({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
      }),
      z.strictObject({ ok: z.literal(false), brokenAt: z.number().int().min(0), reason: shortText(200) }),
    ]),
    roles: MANAGER,
  }),
  'audit.csv': channel({
    request: z.strictObject({ ...auditFilters }),
    response: z.strictObject({ csv: z.string().max(20_000_000), rows: z.number().int().min(0) }),
    roles: MANAGER,
  }),
};
