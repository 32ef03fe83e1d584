/**
 * POST /sandbox/customers: a customer with one account, from the fields a test or trainer gives.
 * Everything has a sensible default so a test names only what it is about.
 */
import { z } from 'zod';
import {
  normalizePostalCode,
  postalCodeMatchesProvince,
  PROVINCE_CODES,
  type ProvinceCode,
} from '../../shared/provinces';
import { ApiError, wrongInputs } from '../http/api-error';
import { ascii, isoDate, money, nonEmptyAscii, parseOrThrow } from '../http/validation';
import type { Account, AccountStatus, Customer, SandboxState } from '../state/model';

const REASON_FOR_STATUS: Record<AccountStatus, string> = {
  N: 'NNOR',
  A: 'AAUT',
  F: 'FLCK',
  Z: 'ZCCO',
  C: 'FCQC',
};
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_POSTAL: Record<ProvinceCode, string> = {
  AB: 'T5J 0N3',
  BC: 'V6B 1A1',
  MB: 'R3C 0V8',
  NB: 'E1C 4M2',
  NL: 'A1C 5M2',
  NS: 'B3J 1S9',
  NT: 'X1A 2L9',
  NU: 'X0A 0H0',
  ON: 'M5J 2H7',
  PE: 'C1A 7N8',
  QC: 'H2X 1Y4',
  SK: 'S4P 3Y2',
  YT: 'Y1A 2C6',
};

export const createCustomerSchema = z.object({
  first_name: nonEmptyAscii(35),
  middle_name: ascii(35).optional(),
  last_name: nonEmptyAscii(50),
  dob: isoDate,
  province: z.enum(PROVINCE_CODES).default('ON'),
  postal_code: z.string().optional(),
  address_1: nonEmptyAscii(250).default('1 Demo Street'),
  city: nonEmptyAscii(100).default('Toronto'),
  phone_number: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
  email: ascii(100).optional(),
  preferred_language: z.enum(['en-CA', 'fr-CA']).default('en-CA'),
  risk_rating: z.enum(['L', 'M', 'H', 'X', 'Y', 'Z', 'N']).default('M'),
  credit_limit: money().default(500_000),
  opening_balance: money({ allowZero: true }).default(0),
  air: z.number().min(0).max(1).default(0.3099),
  account_type: z.enum(['consumer', 'business']).default('consumer'),
  security_qid: z.number().int().min(4).max(9).default(4),
  security_answer: nonEmptyAscii(50).default('Buddy'),
  status: z.enum(['N', 'A', 'F', 'Z', 'C']).default('N'),
  activated: z.boolean().default(true),
  payment_protection: z.boolean().default(false),
  /** Account age on the sandbox clock (e.g. 3 to test the QC closing window). */
  created_days_ago: z.number().min(0).max(36_500).default(0),
});

export function createCustomer(
  state: SandboxState,
  input: unknown,
  now: Date,
): { customer_id: string; account_number: number; vcc_number: string; card_ending_in: string } {
  const f = parseOrThrow(createCustomerSchema, input ?? {});
  const postal = normalizePostalCode(f.postal_code ?? DEFAULT_POSTAL[f.province]);
  if (!postal || !postalCodeMatchesProvince(postal, f.province)) {
    throw wrongInputs([{ param: 'postal_code', msg: 'invalid', value: f.postal_code }]);
  }
  if (f.opening_balance > f.credit_limit) {
    throw wrongInputs([
      { param: 'opening_balance', msg: 'invalid', value: (input as Record<string, unknown>).opening_balance },
    ]);
  }
  const merchant = state.merchants.get('flexitidemo') ?? [...state.merchants.values()][0];
  if (!merchant) throw new ApiError(409, 'invalid_role');

  const customerId = String(state.nextId('customer'));
  const accountNumber = state.nextId('account');
  const vccNumber = `5212349${String(accountNumber).padStart(9, '0')}`;
  const customer: Customer = {
    customerId,
    firstName: f.first_name,
    middleName: f.middle_name,
    lastName: f.last_name,
    dob: f.dob,
    email: f.email,
    phoneNumber: f.phone_number,
    address1: f.address_1,
    city: f.city,
    province: f.province,
    postalCode: postal,
    preferredLanguage: f.preferred_language,
    securityQid: f.security_qid,
    securityAnswer: f.security_answer,
  };
  const account: Account = {
    accountNumber,
    customerId,
    accountType: f.account_type,
    status: f.status,
    statusReasonCode: REASON_FOR_STATUS[f.status],
    riskRating: f.risk_rating,
    creditLimit: f.credit_limit,
    openingBalance: f.opening_balance,
    air: f.air,
    activated: f.activated,
    tosAgreement: true,
    paymentProtection: f.payment_protection,
    cards: [{ vccNumber }],
    originatingMerchantId: merchant.merchantId,
    originatingMerchantName: merchant.name,
    createdAt: new Date(now.getTime() - f.created_days_ago * DAY_MS),
  };
  state.customers.set(customerId, customer);
  state.accounts.set(accountNumber, account);
  return {
    customer_id: customerId,
    account_number: accountNumber,
    vcc_number: vccNumber,
    card_ending_in: vccNumber.slice(-4),
  };
}
