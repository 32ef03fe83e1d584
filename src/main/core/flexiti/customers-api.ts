/**
 * Customers endpoints (reference §5, §0A.8): search by name and date of birth, lookup by card,
 * account or customer id, licence decoding, and the Quebec close.
 */
import { z } from 'zod';
import { mutateCall, readCall, withQuery, type ClientContext, type FlowContext } from './call-runner';
import { accountNumberSchema, checkInput, summaryOf, vccSchema, wireAccount } from './request-fields';
import {
  licenceResponseSchema,
  lookupResponseSchema,
  searchResponseSchema,
  type CustomerAccount,
  type CustomerDetails,
  type LicenceData,
} from './schemas/customer-schemas';

export const searchInputSchema = z.object({
  firstName: z.string().trim().min(1).max(35),
  lastName: z.string().trim().min(1).max(50),
  dob: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Sent without its space (ASCII (6)). */
  postalCode: z
    .string()
    .transform((p) => p.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z]\d[A-Z]\d[A-Z]\d$/))
    .optional(),
});
export type SearchInput = z.input<typeof searchInputSchema>;

/** C1: every account of a person; nobody found is an empty list (Flexiti answers 404). */
export async function searchCustomers(
  ctx: ClientContext,
  flow: FlowContext,
  raw: SearchInput,
): Promise<CustomerAccount[]> {
  const input = checkInput(searchInputSchema, raw, flow);
  return readCall(ctx, flow, {
    version: 'v2.5',
    rest: withQuery('customers/search', {
      first_name: input.firstName,
      last_name: input.lastName,
      dob: input.dob,
      postal_code: input.postalCode,
    }),
    schema: searchResponseSchema,
    onStatus: { 404: () => [] },
  });
}

export const lookupInputSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('vcc'), vccNumber: vccSchema }),
  z.object({ by: z.literal('account'), accountNumber: accountNumberSchema }),
  z.object({ by: z.literal('customer'), customerId: z.string().regex(/^[0-9-]{1,20}$/) }),
]);
export type LookupInput = z.input<typeof lookupInputSchema>;

/** C2: one account's details, security question and offers. */
export async function lookupCustomer(
  ctx: ClientContext,
  flow: FlowContext,
  raw: LookupInput,
): Promise<CustomerDetails> {
  const input = checkInput(lookupInputSchema, raw, flow);
  const query =
    input.by === 'vcc'
      ? { vcc_number: input.vccNumber }
      : input.by === 'account'
        ? { account_number: wireAccount(input.accountNumber) }
        : { customer_id: input.customerId };
  return readCall(ctx, flow, {
    version: 'v2.5',
    rest: withQuery('customers/lookup', query),
    schema: lookupResponseSchema,
  });
}

/** C3: Flexiti decodes a scanned PDF417 licence barcode. Changes nothing, so it is not journaled. */
export async function decodeDriversLicence(
  ctx: ClientContext,
  flow: FlowContext,
  raw: { code: string },
): Promise<LicenceData> {
  const input = checkInput(z.object({ code: z.string().min(1).max(10_000) }), raw, flow);
  return readCall(ctx, flow, {
    method: 'POST',
    version: 'v2.5',
    rest: 'customers/driverslicense',
    body: { code: input.code },
    schema: licenceResponseSchema,
  });
}

/** C6: close a Quebec account within its cancellation window. Answers {}. */
export async function closeAccount(
  ctx: ClientContext,
  flow: FlowContext,
  raw: { accountNumber: number | string; employeeId?: string },
): Promise<{ ok: true }> {
  const input = checkInput(
    z.object({ accountNumber: accountNumberSchema, employeeId: z.string().min(1).max(50).optional() }),
    raw,
    flow,
  );
  await mutateCall(ctx, flow, {
    op: 'close',
    version: 'v2.5',
    rest: `accounts/${wireAccount(input.accountNumber)}/close`,
    body: {},
    schema: z.unknown(),
    summary: summaryOf(ctx.terminal(), { account: input.accountNumber, employeeId: input.employeeId }),
  });
  return { ok: true };
}
