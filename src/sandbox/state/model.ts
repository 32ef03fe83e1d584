/**
 * The sandbox's data model. Money is integer cents; dates are Date objects on the sandbox clock.
 * Owned by the sandbox core; route groups may add fields (keep them optional or give demo data values).
 */
import type { Cents } from '../../shared/money';
import type { Scope } from '../http/route';

export type AccountType = 'consumer' | 'business';
export type AccountStatus = 'N' | 'A' | 'F' | 'Z' | 'C';
export type RiskRating = 'L' | 'M' | 'H' | 'X' | 'Y' | 'Z' | 'N' | 'P' | 'Q' | 'R' | 'S';
export type PreferredLanguage = 'en-CA' | 'fr-CA';
export type TransactionType = 'promotional_purchase' | 'regular_purchase';
export type VerifyFormat =
  'sms' | 'email' | 'security_question' | 'regular_purchase_bypass' | 'merchant_override';

/** §0A.12 */
export interface Merchant {
  clientId: string;
  clientSecret: string;
  name: string;
  merchantId: string;
  provisioned: boolean;
  preauthAllowed: boolean;
  merchantOverrideAllowed: boolean;
  standardAccountsEnabled: boolean;
  accountTypes: AccountType[];
  /** plan_ids offered (§0A.9 catalogue: 4, 5, 7). */
  plans: number[];
  /** Registered external_location_id values. */
  locations: string[];
  /** external_employee_id values refused on release, capture and return (not_permitted). */
  restrictedEmployees: string[];
  /** Demo employees (for trainers and the app's demo staff); not checked by Flexiti. */
  employees: Array<{ id: string; name: string }>;
}

export interface Customer {
  customerId: string;
  firstName: string;
  middleName?: string;
  lastName: string;
  /** YYYY-MM-DD */
  dob: string;
  email?: string;
  /** 10 digits, or undefined / invalid for the "no valid phone" customer. */
  phoneNumber?: string;
  address1: string;
  address2?: string;
  city: string;
  province: string;
  /** 'A1A 1A1' */
  postalCode: string;
  preferredLanguage: PreferredLanguage;
  securityQid: number;
  securityAnswer: string;
}

export interface Card {
  /** 16 digits. */
  vccNumber: string;
  /** Set for an authorized user of a business account: '<master-cust-id>-<authorized-user-id>'. */
  authorizedUserCustomerId?: string;
  authorizedUserName?: { firstName: string; lastName: string };
}

export interface Account {
  accountNumber: number;
  customerId: string;
  accountType: AccountType;
  status: AccountStatus;
  statusReasonCode: string;
  riskRating: RiskRating;
  creditLimit: Cents;
  /** Balance owing when the sandbox starts (demo data), before any sandbox activity. */
  openingBalance: Cents;
  /** Annual interest rate for regular purchases, e.g. 0.3099. */
  air: number;
  activated: boolean;
  tosAgreement: boolean;
  paymentProtection: boolean;
  cards: Card[];
  originatingMerchantId: string;
  originatingMerchantName: string;
  createdAt: Date;
  /** request_id of the in-store application that opened the account (§0A.8: its sms/email PIN is 2222). */
  applicationRequestId?: string;
}

export interface RateObject {
  description: string;
  rate: number;
  type: 'apr' | 'air';
  message: string;
}

export interface Fee {
  description: string;
  amount: Cents;
  type: 'admin_total' | 'admin_monthly';
  message: string;
}

export interface ReturnRecord {
  returnId: number;
  captureId: number;
  authorizationId: number;
  createdAt: Date;
  amount: Cents;
  reference?: string;
  externalLocationId?: string;
  externalEmployeeId?: string;
  /** Stored as received, never validated or echoed (§0A.11). */
  skuData?: unknown;
}

export interface Capture {
  captureId: number;
  authorizationId: number;
  clientId: string;
  accountNumber: number;
  reference?: string;
  createdAt: Date;
  amount: Cents;
  returns: ReturnRecord[];
  externalLocationId?: string;
  externalEmployeeId?: string;
  skuData?: unknown;
}

export interface Authorization {
  authorizationId: number;
  clientId: string;
  accountNumber: number;
  vccNumber?: string;
  reference?: string;
  createdAt: Date;
  transactionType: TransactionType;
  planId: number | null;
  planName: string | null;
  term: number | null;
  termAmount: Cents;
  /** Rate used for pricing (apr for promotional, the customer's air for regular). */
  rate: RateObject;
  fees: Fee[];
  authorized: Cents;
  captured: Cents;
  released: Cents;
  status: 'opened' | 'closed' | 'unauthorized';
  autoCaptureId: number | null;
  captureIds: number[];
  requestId?: string;
  externalLocationId?: string;
  externalEmployeeId?: string;
  skuData?: unknown;
}

export interface Refund {
  refundId: number;
  clientId: string;
  accountNumber: number;
  amount: Cents;
  captureId?: number;
  reference?: string;
  createdAt: Date;
  externalLocationId?: string;
  externalEmployeeId?: string;
  skuData?: unknown;
}

/** T1 deposits, in-store payments and trade-ins: all credit the account. */
export interface AccountTransaction {
  transactionId: number;
  clientId: string;
  accountNumber: number;
  transactionType: 'deposit' | 'instore_payment' | 'tradein';
  amount: Cents;
  createdAt: Date;
}

/** A PIN from /verify, bound to (account, request_id, format) (§0A.8). */
export interface Verification {
  accountNumber: number;
  requestId: string;
  format: VerifyFormat;
  pin: string;
  clientId: string;
  vccNumber?: string;
  expiresAt: Date;
  consumed: boolean;
}

export interface SecurityAnswerAttempt {
  accountNumber: number;
  at: Date;
}

export interface Application {
  applicationId: number;
  clientId: string;
  createdAt: Date;
  decision: 'approved' | 'pending' | 'declined';
  reason: string | null;
  /** Middle-name trigger, normalized, or null when none matched. */
  trigger: string | null;
  /** When a pending application turns approved on the sandbox clock (never for P-FRAUD). */
  resolvesAt: Date | null;
  /** Set once approved. */
  accountNumber?: number;
  customerId?: string;
  requestId?: string;
  /** insurance_opt_in of the request: the new account's payment_protection. */
  insuranceOptIn?: boolean;
  /** Held until approval creates the customer and account. */
  applicant: Customer & {
    accountType: AccountType;
    riskRatingOnApproval: RiskRating;
    creditLimitOnApproval: Cents;
  };
}

export interface TokenRecord {
  accessToken: string;
  refreshToken: string;
  clientId: string;
  scope: Scope;
  issuedAt: Date;
  expiresAt: Date;
  /** The refresh token stops working once used (rotation, §0A.4). */
  refreshUsed: boolean;
}

export interface OutboxMessage {
  id: number;
  channel: 'sms' | 'email';
  /** The phone number or email the PIN went to. */
  to: string;
  accountNumber: number;
  requestId: string;
  pin: string;
  /** The request's `lang`: the customer hears from Flexiti in their own language (§0A.2). */
  lang: 'en' | 'fr';
  /** The text as sent, in that language. */
  text: string;
  sentAt: Date;
}

export interface WidgetSession {
  widgetSessionId: string;
  clientId: string;
  accessToken: string;
  flow: 'apply' | 'purchase';
  accountNumber?: number;
  vccNumber?: string;
  personal?: { firstName: string; lastName: string; dob: string; postalCode: string };
  createdAt: Date;
}

export type IdKind =
  | 'authorization'
  | 'capture'
  | 'return'
  | 'refund'
  | 'transaction'
  | 'application'
  | 'account'
  | 'customer'
  | 'outbox';

/** Start-up options of the sandbox that routes read (startSandbox options). */
export interface SandboxSettings {
  /** Seconds on the sandbox clock before a pending application (other than P-FRAUD) turns approved (§0A.10). */
  pendingDelaySeconds: number;
}

/** All sandbox state; reset restores the demo data. */
export interface SandboxState {
  settings: SandboxSettings;
  merchants: Map<string, Merchant>;
  customers: Map<string, Customer>;
  accounts: Map<number, Account>;
  authorizations: Map<number, Authorization>;
  captures: Map<number, Capture>;
  refunds: Refund[];
  transactions: AccountTransaction[];
  verifications: Verification[];
  securityAnswerFailures: SecurityAnswerAttempt[];
  applications: Map<number, Application>;
  tokens: Map<string, TokenRecord>;
  /** refresh_token -> access_token it was issued with */
  refreshTokens: Map<string, string>;
  outbox: OutboxMessage[];
  widgetSessions: Map<string, WidgetSession>;
  /** Next generated id of each kind (positive, below 2^53, within documented lengths). */
  nextId(kind: IdKind): number;
}
