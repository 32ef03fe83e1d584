import { z } from 'zod';
import { lenient, lenientArray, optBool, optId, optMoney, optText, wireId, wireNumber } from './wire';

/** C1 search: one item per account; items without an account_number are skipped. */
export const customerAccountSchema = z
  .object({
    account_number: wireId,
    customer_id: optId,
    account_status: optText,
    account_status_reason_code: optText,
    tos_agreement: optBool,
    risk_rating: optText,
    account_type: optText,
    credit_limit: optMoney,
    available_credit: optMoney,
    originating_merchant_id: optId,
    originating_merchant_name: optText,
    creation_date: optText,
    first_name: optText,
    last_name: optText,
    card_ending_in: optText,
    preferred_language: optText,
  })
  .transform((a) => ({
    accountNumber: a.account_number,
    customerId: a.customer_id,
    accountStatus: a.account_status,
    accountStatusReasonCode: a.account_status_reason_code,
    tosAgreement: a.tos_agreement,
    riskRating: a.risk_rating,
    accountType: a.account_type,
    creditLimitCents: a.credit_limit,
    availableCreditCents: a.available_credit,
    originatingMerchantId: a.originating_merchant_id,
    originatingMerchantName: a.originating_merchant_name,
    creationDate: a.creation_date,
    firstName: a.first_name,
    lastName: a.last_name,
    cardEndingIn: a.card_ending_in,
    preferredLanguage: a.preferred_language,
  }));
export type CustomerAccount = z.output<typeof customerAccountSchema>;

export const searchResponseSchema = z.union([
  lenientArray(customerAccountSchema),
  // Tolerate a wrapped list.
  z.object({ customers: lenientArray(customerAccountSchema) }).transform((o) => o.customers),
]);

const offerTypeSchema = z
  .object({
    plan_id: wireNumber,
    plan_name: optText,
    offer_category: optText,
    term_options: lenient(z.union([z.array(wireNumber), wireNumber.transform((n) => [n])])),
  })
  .transform((o) => ({
    planId: o.plan_id,
    planName: o.plan_name,
    offerCategory: o.offer_category,
    termOptions: o.term_options ?? [],
  }));

/** C2 lookup. */
export const lookupResponseSchema = z
  .object({
    account_number: wireId,
    customer_id: optId,
    available_credit: optMoney,
    security_qid: lenient(z.object({ id: wireNumber, text: optText })),
    email: optText,
    phone_number: lenient(z.union([z.string(), z.number().transform(String)])),
    address_1: optText,
    address_2: optText,
    city: optText,
    postal_code: optText,
    province: optText,
    payment_protection: optBool,
    risk_rating: optText,
    offer_types: lenient(lenientArray(offerTypeSchema)),
    card_ending_in: optText,
    preferred_language: optText,
    first_name: optText,
    last_name: optText,
    account_status: optText,
    account_type: optText,
  })
  .transform((c) => ({
    accountNumber: c.account_number,
    customerId: c.customer_id,
    availableCreditCents: c.available_credit,
    securityQuestion: c.security_qid ? { id: c.security_qid.id, text: c.security_qid.text } : undefined,
    email: c.email,
    phoneNumber: c.phone_number,
    address1: c.address_1,
    address2: c.address_2,
    city: c.city,
    postalCode: c.postal_code,
    province: c.province,
    paymentProtection: c.payment_protection,
    riskRating: c.risk_rating,
    offerTypes: c.offer_types ?? [],
    cardEndingIn: c.card_ending_in,
    preferredLanguage: c.preferred_language,
    firstName: c.first_name,
    lastName: c.last_name,
    accountStatus: c.account_status,
    accountType: c.account_type,
  }));
export type CustomerDetails = z.output<typeof lookupResponseSchema>;

/** C3 driverslicense: every field optional (a partial decode still pre-fills the form). */
export const licenceResponseSchema = z
  .object({
    first_name: optText,
    middle_name: optText,
    last_name: optText,
    dob: optText,
    address_1: optText,
    city: optText,
    province: optText,
    postal_code: optText,
    govid_type: optText,
    govid_issuedby: optText,
    govid_number: optText,
    govid_expiry: optText,
  })
  .transform((l) => ({
    firstName: l.first_name,
    middleName: l.middle_name,
    lastName: l.last_name,
    dob: l.dob,
    address1: l.address_1,
    city: l.city,
    province: l.province,
    postalCode: l.postal_code,
    govidType: l.govid_type,
    govidIssuedBy: l.govid_issuedby,
    govidNumber: l.govid_number,
    govidExpiry: l.govid_expiry,
  }));
export type LicenceData = z.output<typeof licenceResponseSchema>;

/** C4 verify: a PIN (number or digits) or a `verification_sent_to_…` notice. */
export const verifyResponseSchema = z
  .object({ verification_code: z.union([z.number().int().nonnegative(), z.string().min(1).max(64)]) })
  .transform((v) => {
    const code = String(v.verification_code);
    const sent = /^verification_sent_to_(\w+)$/.exec(code);
    return sent
      ? { verificationCode: null, sentTo: sent[1] ?? null }
      : { verificationCode: /^\d{1,12}$/.test(code) ? code : null, sentTo: null };
  });
export type VerifyResult = z.output<typeof verifyResponseSchema>;
