import { z } from 'zod';
import {
  feesSchema,
  lenient,
  lenientArray,
  optId,
  optMoney,
  optNumber,
  optText,
  pickRate,
  wireId,
} from './wire';

const financingOptionSchema = z
  .object({
    transaction_type: optText,
    plan_id: optNumber,
    plan_name: optText,
    term: optNumber,
    term_amount: optMoney,
    annual_rates: z.unknown().optional(),
    apr: z.unknown().optional(),
    fees: feesSchema,
  })
  .transform((f) => ({
    transactionType: f.transaction_type,
    planId: f.plan_id,
    planName: f.plan_name,
    term: f.term,
    termAmountCents: f.term_amount,
    rate: pickRate(f.annual_rates, f.apr),
    fees: f.fees,
  }));

const returnRecordSchema = z
  .object({ return_id: wireId, date: optText, amount: optMoney })
  .transform((r) => ({ returnId: r.return_id, date: r.date, amountCents: r.amount }));

const captureOnAuthorizationSchema = z
  .object({
    capture_id: wireId,
    date: optText,
    amount: optMoney,
    remaining_capture_amount: optMoney,
    reference: optText,
    returns: lenient(lenientArray(returnRecordSchema)),
  })
  .transform((c) => ({
    captureId: c.capture_id,
    date: c.date,
    amountCents: c.amount,
    remainingCaptureCents: c.remaining_capture_amount,
    reference: c.reference,
    returns: c.returns ?? [],
  }));

const authorizationFields = {
  authorization_id: wireId,
  reference: optText,
  account_number: optId,
  date: optText,
  amount: optMoney,
  remaining_authorization_amount: optMoney,
  authorization_status: optText,
  financing_option: lenient(financingOptionSchema),
  capture_id: optId,
  message: optText,
  authorized_amount: optMoney,
  captured_amount: optMoney,
  released_amount: optMoney,
  captures: lenient(lenientArray(captureOnAuthorizationSchema)),
  external_location_id: optText,
  external_employee_id: optText,
};

/** T2 response and T8 (the T2 object plus amounts, captures and returns). */
export const authorizationSchema = z.object(authorizationFields).transform((a) => ({
  authorizationId: a.authorization_id,
  reference: a.reference,
  accountNumber: a.account_number,
  date: a.date,
  amountCents: a.amount,
  remainingAuthorizationCents: a.remaining_authorization_amount,
  status: a.authorization_status,
  financingOption: a.financing_option,
  captureId: a.capture_id,
  message: a.message,
  authorizedCents: a.authorized_amount ?? a.amount,
  capturedCents: a.captured_amount,
  releasedCents: a.released_amount,
  captures: a.captures ?? [],
  externalLocationId: a.external_location_id,
  externalEmployeeId: a.external_employee_id,
}));
export type AuthorizationRecord = z.output<typeof authorizationSchema>;

/** T2 with auto_capture: the capture id is required too. */
export const autoCapturedAuthorizationSchema = authorizationSchema.refine((a) => a.captureId !== undefined, {
  message: 'capture_id missing',
});

/** T4 capture (and T9 items, which add account, type, plan and term). */
export const captureSchema = z
  .object({
    capture_id: wireId,
    authorization_id: optId,
    account_number: optId,
    reference: optText,
    date: optText,
    amount: optMoney,
    remaining_authorization_amount: optMoney,
    transaction_type: optText,
    plan_id: optNumber,
    term: optNumber,
  })
  .transform((c) => ({
    captureId: c.capture_id,
    authorizationId: c.authorization_id,
    accountNumber: c.account_number,
    reference: c.reference,
    date: c.date,
    amountCents: c.amount,
    remainingAuthorizationCents: c.remaining_authorization_amount,
    transactionType: c.transaction_type,
    planId: c.plan_id,
    term: c.term,
  }));
export type CaptureRecord = z.output<typeof captureSchema>;

/** T3 release: a 2xx is all that is required. */
export const releaseSchema = z
  .object({
    authorization_id: optId,
    amount: optMoney,
    remaining_authorization_amount: optMoney,
    date: optText,
    authorization_status: optText,
  })
  .catch({})
  .transform((r) => ({
    authorizationId: r.authorization_id,
    releasedCents: r.amount,
    remainingAuthorizationCents: r.remaining_authorization_amount,
    date: r.date,
    status: r.authorization_status,
  }));
export type ReleaseRecord = z.output<typeof releaseSchema>;

/** T5 return. */
export const returnSchema = z
  .object({
    return_id: wireId,
    reference: optText,
    capture_id: optId,
    date: optText,
    amount: optMoney,
    remaining_capture_amount: optMoney,
    remaining_authorization_amount: optMoney,
  })
  .transform((r) => ({
    returnId: r.return_id,
    reference: r.reference,
    captureId: r.capture_id,
    date: r.date,
    amountCents: r.amount,
    remainingCaptureCents: r.remaining_capture_amount,
    remainingAuthorizationCents: r.remaining_authorization_amount,
  }));
export type ReturnRecord = z.output<typeof returnSchema>;

/** T1 transactions. */
export const accountTransactionSchema = z
  .object({
    transaction_id: wireId,
    transaction_type: optText,
    account_number: optId,
    amount: optMoney,
    date: optText,
    message: optText,
  })
  .transform((t) => ({
    transactionId: t.transaction_id,
    transactionType: t.transaction_type,
    accountNumber: t.account_number,
    amountCents: t.amount,
    date: t.date,
    message: t.message,
  }));
export type AccountTransactionRecord = z.output<typeof accountTransactionSchema>;

/** T7/T9 envelope, or a bare array; items without their id are skipped (and counted). */
export function pageSchema<T extends z.ZodType>(listKey: string, item: T) {
  const counted = z.array(z.unknown()).transform((raw) => {
    const items: Array<z.output<T>> = [];
    let skipped = 0;
    for (const value of raw) {
      const parsed = item.safeParse(value);
      if (parsed.success) items.push(parsed.data);
      else skipped++;
    }
    return { items, skipped };
  });
  return z.union([
    counted.transform((c) => ({
      ...c,
      pageNumber: 1,
      pageSize: c.items.length,
      totalRecords: c.items.length,
    })),
    z
      .object({ [listKey]: counted, page_number: optNumber, page_size: optNumber, total_records: optNumber })
      .transform((o) => {
        const list = o[listKey] as { items: Array<z.output<T>>; skipped: number };
        return {
          items: list.items,
          skipped: list.skipped,
          pageNumber: (o.page_number as number | undefined) ?? 1,
          pageSize: (o.page_size as number | undefined) ?? list.items.length,
          totalRecords: (o.total_records as number | undefined) ?? list.items.length,
        };
      }),
  ]);
}
export interface Page<T> {
  items: T[];
  skipped: number;
  pageNumber: number;
  pageSize: number;
  totalRecords: number;
}
