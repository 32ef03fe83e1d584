/**
 * C4 verify (reference §5, §0A.8): the in-store step that yields the dynamic PIN for the purchase.
 * Journaled like every mutating call, so a retried request never sends the customer a second SMS.
 * The PIN it returns is held by the caller for the flow only; it is never logged.
 */
import { z } from 'zod';
import { mutateCall, type ClientContext, type FlowContext } from './call-runner';
import {
  accountNumberSchema,
  checkInput,
  employeeSchema,
  summaryOf,
  vccSchema,
  wireAccount,
} from './request-fields';
import { verifyResponseSchema, type VerifyResult } from './schemas/customer-schemas';

export const verifyInputSchema = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('security_question'),
    accountNumber: accountNumberSchema,
    vccNumber: vccSchema.optional(),
    securityQid: z.number().int().positive().max(99_999),
    securityAnswer: z.string().trim().min(1).max(50),
    employeeId: employeeSchema.optional(),
  }),
  z.object({
    format: z.enum(['sms', 'email', 'regular_purchase_bypass', 'merchant_override']),
    accountNumber: accountNumberSchema,
    vccNumber: vccSchema.optional(),
    employeeId: employeeSchema.optional(),
  }),
]);
export type VerifyInput = z.input<typeof verifyInputSchema>;

export async function verifyAccount(
  ctx: ClientContext,
  flow: FlowContext,
  raw: VerifyInput,
): Promise<VerifyResult> {
  const input = checkInput(verifyInputSchema, raw, flow);
  const body: Record<string, unknown> = { format: input.format, request_id: flow.requestId };
  if (input.vccNumber) body.vcc_number = input.vccNumber;
  if (input.format === 'security_question') {
    body.security_qid = input.securityQid;
    body.security_answer = input.securityAnswer;
  }
  return mutateCall(ctx, flow, {
    op: 'verify',
    version: 'v2.5',
    rest: `account/${wireAccount(input.accountNumber)}/verify`,
    body,
    schema: verifyResponseSchema,
    summary: summaryOf(ctx.terminal(), { account: input.accountNumber, employeeId: input.employeeId }),
  });
}
