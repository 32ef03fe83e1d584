/**
 * Shared steps of the money contract tests: PINs through /verify (merchant_override returns the PIN),
 * authorizations with the in-store fields, and the sandbox's account ledger.
 */
import { randomUUID } from 'node:crypto';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { call, type CallResult } from './sandbox-client';

export const CLIENT = DEMO.merchants.demo.clientId;
export const CLIENT2 = DEMO.merchants.second.clientId;
export const LOCATION = DEMO.merchants.demo.locations[0];
export const LOCATION2 = DEMO.merchants.second.locations[0];
export const EMPLOYEE = DEMO.merchants.demo.employees.cashier;
export const RESTRICTED = DEMO.merchants.demo.employees.restricted;

export type Json = Record<string, unknown>;

export function newRequestId(): string {
  return randomUUID().replace(/-/g, '');
}

/** A merchant_override PIN (returned in the response) bound to (account, request_id). */
export async function overridePin(
  url: string,
  token: string,
  accountNumber: number,
  requestId: string,
  clientId: string = CLIENT,
): Promise<string> {
  const res = await call(url, 'POST', `/client-id/${clientId}/account/${accountNumber}/verify`, {
    token,
    body: { format: 'merchant_override', request_id: requestId },
  });
  if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.verification_code);
}

/** A security_question PIN (for merchants without merchant_override). */
export async function securityPin(
  url: string,
  token: string,
  persona: { accountNumber: number; securityQid: number; securityAnswer: string },
  requestId: string,
  clientId: string,
): Promise<string> {
  const res = await call(url, 'POST', `/client-id/${clientId}/account/${persona.accountNumber}/verify`, {
    token,
    body: {
      format: 'security_question',
      security_qid: persona.securityQid,
      security_answer: persona.securityAnswer,
      request_id: requestId,
    },
  });
  if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.verification_code);
}

export interface AuthorizeOptions {
  accountNumber: number;
  amount: number | string;
  autoCapture?: boolean;
  /** Default: plan 4, 12 months. */
  financing?: Json;
  clientId?: string;
  location?: string;
  employee?: string;
  extra?: Json;
  version?: 'v2.5' | 'v2.5.1';
  lang?: string;
  idempotencyKey?: string;
}

/** Verifies (merchant_override) and authorizes; returns the raw response. */
export async function authorizeWithPin(
  url: string,
  token: string,
  o: AuthorizeOptions,
): Promise<CallResult<Json>> {
  const clientId = o.clientId ?? CLIENT;
  const requestId = newRequestId();
  const pin = await overridePin(url, token, o.accountNumber, requestId, clientId);
  return call<Json>(url, 'POST', `/client-id/${clientId}/authorization`, {
    token,
    version: o.version ?? 'v2.5.1',
    ...(o.lang === undefined ? {} : { lang: o.lang }),
    ...(o.idempotencyKey === undefined ? {} : { headers: { 'x-idempotency-key': o.idempotencyKey } }),
    body: {
      account_number: o.accountNumber,
      amount: o.amount,
      financing_option: o.financing ?? { transaction_type: 'promotional_purchase', plan_id: 4, term: 12 },
      auto_capture: o.autoCapture ?? false,
      verification_code: pin,
      request_id: requestId,
      external_location_id: o.location ?? LOCATION,
      external_employee_id: o.employee ?? EMPLOYEE,
      ...o.extra,
    },
  });
}

/** Authorizes and returns the authorization_id, failing loudly otherwise. */
export async function openAuthorization(url: string, token: string, o: AuthorizeOptions): Promise<Json> {
  const res = await authorizeWithPin(url, token, o);
  if (res.status !== 200) throw new Error(`authorization failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function storeIds(location: string = LOCATION, employee: string = EMPLOYEE): Json {
  return { external_location_id: location, external_employee_id: employee };
}

export interface Ledger {
  available_credit_cents: number;
  posted_balance_cents: number;
  open_holds_cents: number;
  credit_limit_cents: number;
  [key: string]: unknown;
}

export async function ledger(url: string, accountNumber: number): Promise<Ledger> {
  const res = await call<Ledger>(url, 'GET', `/sandbox/accounts/${accountNumber}`);
  if (res.status !== 200) throw new Error(`ledger failed: ${res.status}`);
  return res.body;
}
