/**
 * In-store credit application (§0A.10): apply (journaled: a retried submit never creates a second
 * application) and its status, polled while the decision is pending. Codes come from i18n.
 */
import { z } from 'zod';
import { MAX_CENTS } from '../../../shared/money';
import { mutateCall, readCall, type ClientContext, type FlowContext } from './call-runner';
import { centsToWire, checkInput, employeeSchema, idSchema, summaryOf, wireIdValue } from './request-fields';
import { applicationResponseSchema, type ApplicationDecision } from './schemas/application-schemas';

const ascii = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7e]+$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z.string().min(1).max(20);
const nonNegativeCents = z.number().int().min(0).max(MAX_CENTS);

export const applicationInputSchema = z.object({
  accountType: z.enum(['consumer', 'business']).default('consumer'),
  salutation: code.optional(),
  firstName: ascii(35),
  middleName: ascii(35).optional(),
  lastName: ascii(50),
  dob: date,
  address1: ascii(250),
  address2: ascii(100).optional(),
  city: ascii(100),
  province: z.string().regex(/^[A-Z]{2}$/),
  postalCode: z.string().regex(/^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/),
  phoneNumber: z.string().regex(/^\d{10}$/),
  email: ascii(100),
  preferredLanguage: z.enum(['en-CA', 'fr-CA']).optional(),
  housingType: code,
  monthlyHousingCostCents: nonNegativeCents,
  occupationId: code,
  employer: ascii(100).optional(),
  annualIncomeCents: nonNegativeCents,
  sin: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  govidType: code,
  govidIssuedBy: code,
  govidNumber: ascii(50),
  govidExpiry: date.optional(),
  securityId: code,
  securityAnswer: ascii(50),
  tosAgreement: z.literal(true),
  creditConsent: z.literal(true),
  insuranceOptIn: z.boolean().default(false),
  employeeId: employeeSchema,
});
export type ApplicationInput = z.input<typeof applicationInputSchema>;

export async function submitApplication(
  ctx: ClientContext,
  flow: FlowContext,
  raw: ApplicationInput,
): Promise<ApplicationDecision> {
  const a = checkInput(applicationInputSchema, raw, flow);
  const terminal = ctx.terminal();
  const body: Record<string, unknown> = {
    account_type: a.accountType,
    first_name: a.firstName,
    last_name: a.lastName,
    dob: a.dob,
    address_1: a.address1,
    city: a.city,
    province: a.province,
    postal_code: a.postalCode.toUpperCase(),
    phone_number: a.phoneNumber,
    email: a.email,
    housing_type: a.housingType,
    monthly_housing_cost: centsToWire(a.monthlyHousingCostCents),
    occupation_id: a.occupationId,
    annual_income: centsToWire(a.annualIncomeCents),
    govid_type: a.govidType,
    govid_issued_by: a.govidIssuedBy,
    govid_number: a.govidNumber,
    security_id: a.securityId,
    security_answer: a.securityAnswer,
    tos_agreement: a.tosAgreement,
    credit_consent: a.creditConsent,
    insurance_opt_in: a.insuranceOptIn,
    request_id: flow.requestId,
    external_location_id: terminal.locationId,
    external_employee_id: a.employeeId,
  };
  if (a.salutation) body.salutation = a.salutation;
  if (a.middleName) body.middle_name = a.middleName;
  if (a.address2) body.address_2 = a.address2;
  if (a.preferredLanguage) body.preferred_language = a.preferredLanguage;
  if (a.employer) body.employer = a.employer;
  if (a.sin) body.sin = a.sin;
  if (a.govidExpiry) body.govid_expiry = a.govidExpiry;
  return mutateCall(ctx, flow, {
    op: 'apply',
    version: 'v2.5',
    rest: 'apply',
    body,
    schema: applicationResponseSchema,
    summary: summaryOf(terminal, { employeeId: a.employeeId }),
  });
}

/** CA2: the current decision of an application (poll every 5 s while pending). */
export async function getApplicationStatus(
  ctx: ClientContext,
  flow: FlowContext,
  applicationId: number | string,
): Promise<ApplicationDecision> {
  const id = checkInput(idSchema, applicationId, flow);
  return readCall(ctx, flow, {
    version: 'v2.5',
    rest: `apply/${wireIdValue(id)}`,
    schema: applicationResponseSchema,
  });
}
