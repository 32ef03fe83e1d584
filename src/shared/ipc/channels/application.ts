/**
 * The in-store credit application. The renderer gets form values and texts, the terms, a licence
 * prefill and the decision. The raw barcode, the licence number, the SIN and the security answer
 * never come back: the licence number waits in main's memory in the draft of the active application.
 */
import { z } from 'zod';
import { PROVINCE_CODES } from '../../provinces';
import { STAFF, channel } from '../channel';
import { accountRefSchema, flowIdSchema } from './customers';
import { languageSchema } from './common';

const maskedCard = z.string().regex(/^•••• \d{4}$|^••••$/);
const cents = z.number().int().min(0).max(99_999_999_999);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), 'invalid date');
const ascii = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7E]+$/, 'printable ASCII only');
const code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/);
const provinceSchema = z.enum(PROVINCE_CODES);

export const optionSchema = z.strictObject({ code: z.string().max(40), label: z.string().max(300) });
export type FormOption = z.infer<typeof optionSchema>;
const options = z.array(optionSchema).max(100);

export const formDataSchema = z.strictObject({
  language: languageSchema,
  salutations: options,
  provinces: options,
  securityQuestions: options,
  govidTypes: options,
  /** Issuers offered for each ID type (`govid_issued_bys.option_depends`). */
  govidIssuers: z.record(z.string().max(20), options),
  occupations: options,
  housingTypes: options,
  texts: z.strictObject({
    insurance: z.string().max(4000).optional(),
    insuranceTc: z.string().max(4000).optional(),
    annualFees: z.string().max(4000).optional(),
    qcpaDisclosure: z.string().max(4000).optional(),
  }),
});
export type ApplicationFormData = z.infer<typeof formDataSchema>;

export const termsDocumentSchema = z.strictObject({
  id: z.string().max(100),
  title: z.string().max(300),
  /** Already reduced to h2 h3 p ul ol li strong em a (https links only). */
  bodyHtml: z.string().max(200_000),
  version: z.string().max(40),
});

export const licencePrefillSchema = z.strictObject({
  firstName: z.string().max(35).optional(),
  middleName: z.string().max(35).optional(),
  lastName: z.string().max(50).optional(),
  dob: z.string().max(10).optional(),
  address1: z.string().max(250).optional(),
  city: z.string().max(100).optional(),
  province: z.string().max(2).optional(),
  postalCode: z.string().max(10).optional(),
  govidType: z.string().max(20).optional(),
  govidIssuedBy: z.string().max(20).optional(),
  /** `•••• 0905`: the number itself stays in main for the submit. */
  govidNumberMasked: z.string().max(12).optional(),
  govidExpiry: z.string().max(10).optional(),
});
export type LicencePrefill = z.infer<typeof licencePrefillSchema>;

export const applicantSchema = z.strictObject({
  accountType: z.enum(['consumer', 'business']).optional(),
  salutation: code.optional(),
  firstName: ascii(35),
  middleName: ascii(35).optional(),
  lastName: ascii(50),
  dob: date,
  address1: ascii(250),
  address2: ascii(100).optional(),
  city: ascii(100),
  province: provinceSchema,
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/),
  phoneNumber: z.string().regex(/^\d{10}$/),
  email: ascii(100).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'e-mail'),
  preferredLanguage: languageSchema.optional(),
  housingType: code,
  monthlyHousingCostCents: cents,
  occupationId: code,
  employer: ascii(100).optional(),
  annualIncomeCents: cents,
  sin: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  govidType: code,
  govidIssuedBy: code,
  /** Absent: the number read from the licence scanned in this application. */
  govidNumber: ascii(50).optional(),
  govidExpiry: date.optional(),
  securityId: code,
  securityAnswer: ascii(50),
  insuranceOptIn: z.boolean().optional(),
});
export type Applicant = z.infer<typeof applicantSchema>;

export const consentSchema = z.strictObject({
  /** Every term shown, as accepted: id and version. */
  terms: z
    .array(z.strictObject({ id: z.string().min(1).max(100), version: z.string().max(40) }))
    .min(1)
    .max(20),
  language: languageSchema,
  tosAgreement: z.literal(true),
  creditConsent: z.literal(true),
});

export const applicationDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approved'),
    applicationId: z.string().max(20),
    account: z.strictObject({
      accountRef: accountRefSchema,
      cardMasked: maskedCard,
      creditLimitCents: cents.optional(),
    }),
  }),
  /** Flexiti reviews it: poll application.status; the id is the support reference. */
  z.strictObject({ decision: z.literal('pending'), supportReference: z.string().max(20) }),
  /** A neutral answer: no reason is shown. */
  z.strictObject({ decision: z.literal('declined'), applicationId: z.string().max(20) }),
]);
export type ApplicationDecisionView = z.infer<typeof applicationDecisionSchema>;

export const applicationChannels = {
  'application.formData': channel({
    request: z.strictObject({ language: languageSchema }),
    response: formDataSchema,
    roles: STAFF,
    needsReady: true,
  }),
  'application.terms': channel({
    request: z.strictObject({ province: provinceSchema, language: languageSchema.optional() }),
    response: z.strictObject({
      /** French first for Quebec; each set in display order. */
      sets: z
        .array(z.strictObject({ language: languageSchema, terms: z.array(termsDocumentSchema).max(20) }))
        .min(1)
        .max(2),
    }),
    roles: STAFF,
    needsReady: true,
  }),
  'application.decodeLicence': channel({
    request: z.strictObject({ flowId: flowIdSchema, raw: z.string().min(1).max(10_000) }),
    response: z.strictObject({ source: z.enum(['flexiti', 'local']), prefill: licencePrefillSchema }),
    roles: STAFF,
    needsReady: true,
  }),
  'application.submit': channel({
    request: z.strictObject({ flowId: flowIdSchema, applicant: applicantSchema, consent: consentSchema }),
    response: applicationDecisionSchema,
    roles: STAFF,
    needsReady: true,
  }),
  'application.status': channel({
    request: z.strictObject({ flowId: flowIdSchema }),
    response: applicationDecisionSchema,
    roles: STAFF,
    needsReady: true,
    passive: true,
  }),
  'application.abandon': channel({
    request: z.strictObject({ flowId: flowIdSchema }),
    response: z.strictObject({ abandoned: z.literal(true) }),
    roles: STAFF,
  }),
};
