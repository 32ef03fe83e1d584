/**
 * Transactions endpoints (reference §7, §0A.11): authorization, capture, release, return, refund,
 * account transactions, and the T7–T9 lookups used for receipts, reports and reconciliation.
 */
import { z } from 'zod';
import { mutateCall, readCall, withQuery, type ClientContext, type FlowContext } from './call-runner';
import {
  accountNumberSchema,
  centsSchema,
  centsToWire,
  checkInput,
  employeeSchema,
  idSchema,
  referenceSchema,
  summaryOf,
  vccSchema,
  wireAccount,
  wireIdValue,
} from './request-fields';
import {
  accountTransactionSchema,
  authorizationSchema,
  autoCapturedAuthorizationSchema,
  captureSchema,
  pageSchema,
  releaseSchema,
  returnSchema,
  type AuthorizationRecord,
  type CaptureRecord,
  type Page,
} from './schemas/transaction-schemas';

const pinSchema = z.string().regex(/^\d{1,12}$/);
const skuDataSchema = z.record(z.string(), z.unknown());

const financingSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('promotional_purchase'),
    planId: z.number().int().positive().max(999),
    term: z.number().int().positive().max(999),
  }),
  z.object({ type: z.literal('regular_purchase') }),
]);

export const authorizeInputSchema = z.object({
  accountNumber: accountNumberSchema,
  vccNumber: vccSchema.optional(),
  amountCents: centsSchema,
  financing: financingSchema,
  autoCapture: z.boolean(),
  verificationCode: pinSchema,
  employeeId: employeeSchema,
  reference: referenceSchema.optional(),
  skuData: skuDataSchema.optional(),
});
export type AuthorizeInput = z.input<typeof authorizeInputSchema>;

/** T2: authorize a financed purchase (v2.5.1). The reference defaults to the flow's reference id. */
export async function authorize(
  ctx: ClientContext,
  flow: FlowContext,
  raw: AuthorizeInput,
): Promise<AuthorizationRecord> {
  const input = checkInput(authorizeInputSchema, raw, flow);
  const reference = input.reference ?? flow.referenceId;
  const terminal = ctx.terminal();
  const financing =
    input.financing.type === 'promotional_purchase'
      ? {
          transaction_type: 'promotional_purchase',
          plan_id: input.financing.planId,
          term: input.financing.term,
        }
      : { transaction_type: 'regular_purchase' };
  const body: Record<string, unknown> = {
    account_number: wireAccount(input.accountNumber),
    reference,
    amount: centsToWire(input.amountCents),
    financing_option: financing,
    auto_capture: input.autoCapture,
    verification_code: input.verificationCode,
    request_id: flow.requestId,
    external_location_id: terminal.locationId,
    external_employee_id: input.employeeId,
  };
  if (input.vccNumber) body.vcc_number = input.vccNumber;
  if (input.skuData) body.sku_data = input.skuData;
  return mutateCall(ctx, flow, {
    op: 'authorization',
    version: 'v2.5.1',
    rest: 'authorization',
    body,
    schema: input.autoCapture ? autoCapturedAuthorizationSchema : authorizationSchema,
    summary: summaryOf(terminal, {
      amountCents: input.amountCents,
      account: input.accountNumber,
      employeeId: input.employeeId,
      reference,
    }),
  });
}

export const captureInputSchema = z.object({
  authorizationId: idSchema,
  amountCents: centsSchema,
  employeeId: employeeSchema,
  /** For the journal summary only (last 4). */
  accountNumber: accountNumberSchema.optional(),
  vccNumber: vccSchema.optional(),
  reference: referenceSchema.optional(),
  skuData: skuDataSchema.optional(),
});
export type CaptureInput = z.input<typeof captureInputSchema>;

/** T4: capture all or part of an open authorization. */
export async function capture(
  ctx: ClientContext,
  flow: FlowContext,
  raw: CaptureInput,
): Promise<CaptureRecord> {
  const input = checkInput(captureInputSchema, raw, flow);
  const terminal = ctx.terminal();
  const body: Record<string, unknown> = {
    amount: centsToWire(input.amountCents),
    external_location_id: terminal.locationId,
    external_employee_id: input.employeeId,
  };
  if (input.reference) body.reference = input.reference;
  if (input.vccNumber) body.vcc_number = input.vccNumber;
  if (input.skuData) body.sku_data = input.skuData;
  return mutateCall(ctx, flow, {
    op: 'capture',
    version: 'v2.5',
    rest: `authorization/${wireIdValue(input.authorizationId)}/capture`,
    body,
    schema: captureSchema,
    summary: summaryOf(terminal, {
      amountCents: input.amountCents,
      account: input.accountNumber,
      employeeId: input.employeeId,
      reference: input.reference,
    }),
  });
}

export const releaseInputSchema = z.object({
  authorizationId: idSchema,
  /** Absent: the whole remainder. */
  amountCents: centsSchema.optional(),
  employeeId: employeeSchema,
  accountNumber: accountNumberSchema.optional(),
  vccNumber: vccSchema.optional(),
  reference: referenceSchema.optional(),
});
export type ReleaseInput = z.input<typeof releaseInputSchema>;

/** T3: release (void) all or part of what remains on an authorization. */
export async function release(ctx: ClientContext, flow: FlowContext, raw: ReleaseInput) {
  const input = checkInput(releaseInputSchema, raw, flow);
  const terminal = ctx.terminal();
  const body: Record<string, unknown> = {
    external_location_id: terminal.locationId,
    external_employee_id: input.employeeId,
  };
  if (input.amountCents !== undefined) body.amount = centsToWire(input.amountCents);
  if (input.reference) body.reference = input.reference;
  if (input.vccNumber) body.vcc_number = input.vccNumber;
  return mutateCall(ctx, flow, {
    op: 'release',
    version: 'v2.5',
    rest: `authorization/${wireIdValue(input.authorizationId)}/release`,
    body,
    schema: releaseSchema,
    summary: summaryOf(terminal, {
      amountCents: input.amountCents,
      account: input.accountNumber,
      employeeId: input.employeeId,
      reference: input.reference,
    }),
  });
}

export const returnInputSchema = z
  .object({
    authorizationId: idSchema,
    captureId: idSchema,
    amountCents: centsSchema.optional(),
    fullReturn: z.boolean().default(false),
    employeeId: employeeSchema,
    accountNumber: accountNumberSchema.optional(),
    vccNumber: vccSchema.optional(),
    reference: referenceSchema.optional(),
    skuData: skuDataSchema.optional(),
  })
  .refine((r) => r.fullReturn || r.amountCents !== undefined, { path: ['amountCents'], message: 'required' });
export type ReturnInput = z.input<typeof returnInputSchema>;

/** T5: return merchandise against a capture (promotional purchases, within 100 days). */
export async function returnCapture(ctx: ClientContext, flow: FlowContext, raw: ReturnInput) {
  const input = checkInput(returnInputSchema, raw, flow);
  const terminal = ctx.terminal();
  const body: Record<string, unknown> = {
    full_return: input.fullReturn,
    external_location_id: terminal.locationId,
    external_employee_id: input.employeeId,
  };
  if (!input.fullReturn && input.amountCents !== undefined) body.amount = centsToWire(input.amountCents);
  if (input.reference) body.reference = input.reference;
  if (input.vccNumber) body.vcc_number = input.vccNumber;
  if (input.skuData) body.sku_data = input.skuData;
  return mutateCall(ctx, flow, {
    op: 'return',
    version: 'v2.5',
    rest: `authorization/${wireIdValue(input.authorizationId)}/capture/${wireIdValue(input.captureId)}/return`,
    body,
    schema: returnSchema,
    summary: summaryOf(terminal, {
      amountCents: input.fullReturn ? undefined : input.amountCents,
      account: input.accountNumber,
      employeeId: input.employeeId,
      reference: input.reference,
    }),
  });
}

export const refundInputSchema = z.object({
  accountNumber: accountNumberSchema,
  amountCents: centsSchema,
  captureId: idSchema.optional(),
  employeeId: employeeSchema,
  vccNumber: vccSchema.optional(),
  reference: referenceSchema.optional(),
  skuData: skuDataSchema.optional(),
});
export type RefundInput = z.input<typeof refundInputSchema>;

/** T6: credit an amount to the account (regular purchases, old captures, goodwill). Answers {}. */
export async function refund(ctx: ClientContext, flow: FlowContext, raw: RefundInput): Promise<{ ok: true }> {
  const input = checkInput(refundInputSchema, raw, flow);
  const terminal = ctx.terminal();
  const body: Record<string, unknown> = {
    amount: centsToWire(input.amountCents),
    external_location_id: terminal.locationId,
    external_employee_id: input.employeeId,
  };
  if (input.captureId !== undefined) body.capture_id = wireIdValue(input.captureId);
  if (input.reference) body.reference = input.reference;
  if (input.vccNumber) body.vcc_number = input.vccNumber;
  if (input.skuData) body.sku_data = input.skuData;
  await mutateCall(ctx, flow, {
    op: 'refund',
    version: 'v2.5',
    rest: `accounts/${wireAccount(input.accountNumber)}/refund`,
    body,
    schema: z.unknown(),
    summary: summaryOf(terminal, {
      amountCents: input.amountCents,
      account: input.accountNumber,
      employeeId: input.employeeId,
      reference: input.reference,
    }),
  });
  return { ok: true };
}

export const transactionInputSchema = z.object({
  accountNumber: accountNumberSchema,
  transactionType: z.enum(['deposit', 'instore_payment', 'tradein']),
  amountCents: centsSchema,
  verificationCode: pinSchema,
  employeeId: employeeSchema,
});
export type TransactionInput = z.input<typeof transactionInputSchema>;

/** T1: a deposit, in-store payment or trade-in (v2.5.1). */
export async function postTransaction(ctx: ClientContext, flow: FlowContext, raw: TransactionInput) {
  const input = checkInput(transactionInputSchema, raw, flow);
  const terminal = ctx.terminal();
  return mutateCall(ctx, flow, {
    op: 'transactions',
    version: 'v2.5.1',
    rest: 'transactions',
    body: {
      transaction_type: input.transactionType,
      amount: centsToWire(input.amountCents),
      account_number: wireAccount(input.accountNumber),
      verification_code: input.verificationCode,
      request_id: flow.requestId,
      external_location_id: terminal.locationId,
      external_employee_id: input.employeeId,
    },
    schema: accountTransactionSchema,
    summary: summaryOf(terminal, {
      amountCents: input.amountCents,
      account: input.accountNumber,
      employeeId: input.employeeId,
    }),
  });
}

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const pagingSchema = {
  pageNumber: z.number().int().positive().max(100_000).optional(),
  pageSize: z.number().int().positive().max(100).optional(),
  creationDateFrom: dateSchema.optional(),
  creationDateTo: dateSchema.optional(),
};

export const authorizationFilterSchema = z.object({
  accountNumber: accountNumberSchema.optional(),
  transactionType: z.enum(['promotional_purchase', 'regular_purchase']).optional(),
  status: z.enum(['opened', 'closed', 'unauthorized']).optional(),
  ...pagingSchema,
});
export type AuthorizationFilter = z.input<typeof authorizationFilterSchema>;

/** T7: one page of authorizations (v2.5.1), newest first. */
export async function listAuthorizations(
  ctx: ClientContext,
  flow: FlowContext,
  raw: AuthorizationFilter = {},
): Promise<Page<AuthorizationRecord>> {
  const f = checkInput(authorizationFilterSchema, raw, flow);
  return readCall(ctx, flow, {
    version: 'v2.5.1',
    rest: withQuery('authorizations', {
      account_number: f.accountNumber,
      transaction_type: f.transactionType,
      authorization_status: f.status,
      creation_date_from: f.creationDateFrom,
      creation_date_to: f.creationDateTo,
      page_number: f.pageNumber,
      page_size: f.pageSize,
    }),
    schema: pageSchema('authorizations', authorizationSchema),
  });
}

/** T8: one authorization with its captures and returns (v2.5.1). */
export async function getAuthorization(
  ctx: ClientContext,
  flow: FlowContext,
  authorizationId: number | string,
): Promise<AuthorizationRecord> {
  const id = checkInput(idSchema, authorizationId, flow);
  return readCall(ctx, flow, {
    version: 'v2.5.1',
    rest: `authorization/${wireIdValue(id)}`,
    schema: authorizationSchema,
  });
}

export const captureFilterSchema = z.object({
  accountNumber: accountNumberSchema.optional(),
  authorizationId: idSchema.optional(),
  ...pagingSchema,
});
export type CaptureFilter = z.input<typeof captureFilterSchema>;

/** T9: one page of captures (v2.5.1), newest first. */
export async function listCaptures(
  ctx: ClientContext,
  flow: FlowContext,
  raw: CaptureFilter = {},
): Promise<Page<CaptureRecord>> {
  const f = checkInput(captureFilterSchema, raw, flow);
  return readCall(ctx, flow, {
    version: 'v2.5.1',
    rest: withQuery('captures', {
      account_number: f.accountNumber,
      authorization_id: f.authorizationId,
      creation_date_from: f.creationDateFrom,
      creation_date_to: f.creationDateTo,
      page_number: f.pageNumber,
      page_size: f.pageSize,
    }),
    schema: pageSchema('captures', captureSchema),
  });
}
