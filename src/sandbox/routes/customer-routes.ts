/**
 * C1 search, C2 lookup, C3 driverslicense, C4 verify and C6 close (§5, §0A.8).
 */
import { z } from 'zod';
import { centsToWire } from '../../shared/money';
import { maskEmail, maskPhone } from '../../shared/masking';
import { normalizePostalCode } from '../../shared/provinces';
import { parseAamva } from '../../shared/licence/aamva';
import { ApiError, wrongInputs } from '../http/api-error';
import { message } from '../http/messages';
import type { RouteContext, RouteDef, RouteResult } from '../http/route';
import {
  ascii,
  digitsNumber,
  digitString,
  isoDate,
  nonEmptyAscii,
  parseOrThrow,
  pathId,
} from '../http/validation';
import { accountBalances } from '../state/ledger';
import type { Account, Card, Customer, SandboxState } from '../state/model';
import { i18nFor } from '../data/i18n';
import { offerTypesFor } from '../domain/plans';
import { findByCustomerId, findByVcc, holderOf, isCardOf, primaryCard } from '../domain/account-directory';
import { issuePin, APPLICATION_PIN, bypassAvailable } from '../domain/verification-codes';
import { matchesAnswer, recordWrongAnswer, triesExceeded } from '../domain/security-answers';

/** Business-account VCC that Flexiti's test plan gives as always not found. */
const ALWAYS_NOT_FOUND_VCC = '2374980012873425';
/** Longest licence text accepted; real PDF417 payloads are well under 2 KB. */
const MAX_LICENCE_CODE = 4096;
const QC_CLOSE_WINDOW_MS = 48 * 60 * 60 * 1000;

function requireAccount(
  state: SandboxState,
  accountNumber: number,
): { account: Account; customer: Customer } {
  const account = state.accounts.get(accountNumber);
  const customer = account ? holderOf(state, account) : undefined;
  if (!account || !customer) throw new ApiError(404, 'not_found');
  return { account, customer };
}

function queryObject(query: URLSearchParams): Record<string, string> {
  return Object.fromEntries(query.entries());
}

// ---------------------------------------------------------------- C1 search

const searchSchema = z.object({
  first_name: nonEmptyAscii(35),
  last_name: nonEmptyAscii(50),
  dob: isoDate,
  // §0A.8: with or without its space, so 6 or 7 characters.
  postal_code: ascii(7).optional(),
});

const compactPostal = (s: string) => s.replace(/\s+/g, '').toUpperCase();

function search(ctx: RouteContext): RouteResult {
  const q = parseOrThrow(searchSchema, queryObject(ctx.query));
  const first = q.first_name.trim().toLowerCase();
  const last = q.last_name.trim().toLowerCase();
  const postal =
    q.postal_code === undefined || q.postal_code === '' ? undefined : compactPostal(q.postal_code);
  const out: unknown[] = [];
  const accounts = [...ctx.state.accounts.values()].sort((a, b) => a.accountNumber - b.accountNumber);
  for (const account of accounts) {
    const customer = holderOf(ctx.state, account);
    if (!customer) continue;
    if (customer.firstName.toLowerCase() !== first || customer.lastName.toLowerCase() !== last) continue;
    if (customer.dob !== q.dob) continue;
    if (postal !== undefined && compactPostal(customer.postalCode) !== postal) continue;
    const balances = accountBalances(ctx.state, account);
    out.push({
      customer_id: customer.customerId,
      account_status: account.status,
      account_status_reason_code: account.statusReasonCode,
      tos_agreement: account.tosAgreement,
      risk_rating: account.riskRating,
      account_number: account.accountNumber,
      account_type: account.accountType,
      credit_limit: centsToWire(account.creditLimit),
      available_credit: centsToWire(balances.availableCredit),
      originating_merchant_id: account.originatingMerchantId,
      originating_merchant_name: account.originatingMerchantName,
      creation_date: account.createdAt.toISOString().slice(0, 10),
      first_name: customer.firstName,
      last_name: customer.lastName,
      card_ending_in: (primaryCard(account)?.vccNumber ?? '').slice(-4),
      preferred_language: customer.preferredLanguage,
    });
  }
  if (out.length === 0) throw new ApiError(404, 'not_found');
  return { status: 200, body: out };
}

// ---------------------------------------------------------------- C2 lookup

const lookupSchema = z
  .object({
    vcc_number: digitString(16).optional(),
    account_number: digitsNumber(14).optional(),
    customer_id: nonEmptyAscii(20).optional(),
  })
  .superRefine((q, ctx) => {
    const given = [q.vcc_number, q.account_number, q.customer_id].filter((v) => v !== undefined).length;
    if (given !== 1) {
      // Reported on the first identifier, or vcc_number when none was sent.
      const param =
        q.account_number !== undefined
          ? 'account_number'
          : q.customer_id !== undefined
            ? 'customer_id'
            : 'vcc_number';
      ctx.addIssue({
        code: 'custom',
        path: [param],
        params: { msg: given === 0 ? 'required' : 'invalid' },
        message: 'exactly one identifier',
      });
    }
  });

function lookup(ctx: RouteContext): RouteResult {
  const q = parseOrThrow(lookupSchema, queryObject(ctx.query));
  let found: { account: Account; card?: Card } | undefined;
  if (q.vcc_number !== undefined)
    found = q.vcc_number === ALWAYS_NOT_FOUND_VCC ? undefined : findByVcc(ctx.state, q.vcc_number);
  else if (q.account_number !== undefined) {
    const account = ctx.state.accounts.get(q.account_number);
    found = account ? { account } : undefined;
  } else if (q.customer_id !== undefined) found = findByCustomerId(ctx.state, q.customer_id.trim());
  const customer = found ? holderOf(ctx.state, found.account) : undefined;
  if (!found || !customer || !ctx.merchant) throw new ApiError(404, 'not_found');
  const { account } = found;
  if (!account.activated) throw new ApiError(409, 'user_not_active');
  if (account.status !== 'N') throw new ApiError(409, 'user_not_able_to_purchase');

  const authorizedUser = found.card?.authorizedUserCustomerId !== undefined ? found.card : undefined;
  // An authorized user's card shows the holder's contact details masked (R21.3).
  const masked = authorizedUser !== undefined && q.vcc_number !== undefined;
  const card = found.card ?? primaryCard(account);
  const balances = accountBalances(ctx.state, account);
  const texts = i18nFor(ctx.lang);
  return {
    status: 200,
    body: {
      account_number: account.accountNumber,
      customer_id: authorizedUser?.authorizedUserCustomerId ?? customer.customerId,
      first_name: authorizedUser?.authorizedUserName?.firstName ?? customer.firstName,
      last_name: authorizedUser?.authorizedUserName?.lastName ?? customer.lastName,
      account_status: account.status,
      account_type: account.accountType,
      available_credit: centsToWire(balances.availableCredit),
      security_qid: {
        id: customer.securityQid,
        text: texts.security_ids[String(customer.securityQid)] ?? '',
      },
      email: customer.email === undefined ? null : masked ? maskEmail(customer.email) : customer.email,
      phone_number:
        customer.phoneNumber === undefined
          ? null
          : masked
            ? maskPhone(customer.phoneNumber)
            : customer.phoneNumber,
      address_1: customer.address1,
      address_2: customer.address2 ?? null,
      city: customer.city,
      postal_code: customer.postalCode,
      province: customer.province,
      payment_protection: account.paymentProtection,
      risk_rating: account.riskRating,
      offer_types: offerTypesFor(ctx.merchant, account, customer),
      card_ending_in: (card?.vccNumber ?? '').slice(-4),
      preferred_language: customer.preferredLanguage,
    },
  };
}

// ---------------------------------------------------------------- C3 driverslicense

function driversLicense(ctx: RouteContext): RouteResult {
  // Checked by hand, not with parseOrThrow: the licence text is personal data and is never echoed.
  const body: unknown = ctx.body;
  const code = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).code : undefined;
  if (code === undefined || code === null || code === '')
    throw wrongInputs([{ param: 'code', msg: 'required' }]);
  if (typeof code !== 'string') throw wrongInputs([{ param: 'code', msg: 'invalid' }]);
  if (code.length > MAX_LICENCE_CODE) throw wrongInputs([{ param: 'code', msg: 'length' }]);
  const parsed = parseAamva(code);
  if (!parsed.ok) throw wrongInputs([{ param: 'code', msg: 'invalid' }]);
  const l = parsed.licence;
  const postal =
    l.country === 'CAN'
      ? (normalizePostalCode(l.address.postalCode) ?? l.address.postalCode)
      : l.address.postalCode;
  const out: Record<string, string> = { first_name: l.firstName };
  if (l.middleName !== undefined && l.middleName.trim() !== '') out.middle_name = l.middleName;
  Object.assign(out, {
    last_name: l.lastName,
    dob: l.dateOfBirth,
    address_1: l.address.street,
    city: l.address.city,
    province: l.address.province,
    postal_code: postal,
    govid_type: 'CADL',
    govid_issuedby: l.jurisdiction,
    govid_number: l.licenceNumber,
  });
  if (l.expiryDate !== undefined) out.govid_expiry = l.expiryDate;
  return { status: 200, body: out };
}

// ---------------------------------------------------------------- C4 verify

const verifySchema = z
  .object({
    format: z
      .enum(['sms', 'email', 'security_question', 'regular_purchase_bypass', 'merchant_override'])
      .default('sms'),
    vcc_number: digitString(16).optional(),
    security_qid: digitsNumber(5).optional(),
    security_answer: nonEmptyAscii(50).optional(),
    request_id: nonEmptyAscii(150).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.format !== 'security_question') return;
    for (const param of ['security_qid', 'security_answer'] as const) {
      if (b[param] === undefined)
        ctx.addIssue({ code: 'custom', path: [param], params: { msg: 'required' }, message: 'required' });
    }
  });

const VALID_MOBILE = /^\d{10}$/;

function verify(ctx: RouteContext): RouteResult {
  const accountNumber = pathId(ctx.params.account_number, 14);
  const body = parseOrThrow(verifySchema, ctx.body ?? {});
  if (ctx.auth?.scope === 'merchant' && body.request_id === undefined) {
    throw wrongInputs([{ param: 'request_id', msg: 'required' }]);
  }
  const requestId = body.request_id ?? '';
  const { account, customer } = requireAccount(ctx.state, accountNumber);
  if (body.vcc_number !== undefined && !isCardOf(account, body.vcc_number))
    throw new ApiError(404, 'not_found');
  const now = ctx.now();
  const pinInput = {
    accountNumber,
    requestId,
    format: body.format,
    ...(body.vcc_number !== undefined ? { vccNumber: body.vcc_number } : {}),
  };

  switch (body.format) {
    case 'sms':
    case 'email': {
      const to = body.format === 'sms' ? customer.phoneNumber : customer.email;
      if (body.format === 'sms' && (to === undefined || !VALID_MOBILE.test(to)))
        throw new ApiError(400, 'sms_not_valid_phone');
      if (to === undefined || to.trim() === '')
        throw wrongInputs([{ param: 'format', msg: 'invalid', value: body.format }]);
      const fromApplication =
        account.applicationRequestId !== undefined && account.applicationRequestId === requestId;
      const v = issuePin(ctx, { ...pinInput, ...(fromApplication ? { pin: APPLICATION_PIN } : {}) });
      ctx.state.outbox.push({
        id: ctx.state.nextId('outbox'),
        channel: body.format,
        to,
        accountNumber,
        requestId,
        pin: v.pin,
        lang: ctx.lang,
        text: message(ctx.lang, 'verification_pin', { pin: v.pin }),
        sentAt: now,
      });
      return { status: 200, body: { verification_code: `verification_sent_to_${body.format}` } };
    }
    case 'security_question': {
      if (body.security_qid !== customer.securityQid) {
        throw wrongInputs([{ param: 'security_qid', msg: 'invalid', value: body.security_qid }]);
      }
      if (triesExceeded(ctx.state, accountNumber, now)) throw new ApiError(409, 'tries_exceed');
      if (!matchesAnswer(customer.securityAnswer, body.security_answer ?? '')) {
        recordWrongAnswer(ctx.state, accountNumber, now);
        throw new ApiError(409, 'secret_answer_mismatch');
      }
      return { status: 200, body: { verification_code: Number(issuePin(ctx, pinInput).pin) } };
    }
    case 'merchant_override': {
      if (!ctx.merchant?.merchantOverrideAllowed) throw new ApiError(409, 'merchant_override_is_not_allowed');
      return { status: 200, body: { verification_code: Number(issuePin(ctx, pinInput).pin) } };
    }
    case 'regular_purchase_bypass': {
      if (!bypassAvailable(ctx.state, accountNumber, now))
        throw new ApiError(409, 'regular_purchase_bypass_is_not_allowed');
      return { status: 200, body: { verification_code: Number(issuePin(ctx, pinInput).pin) } };
    }
  }
}

// ---------------------------------------------------------------- C6 close

function close(ctx: RouteContext): RouteResult {
  const accountNumber = pathId(ctx.params.account_number, 14);
  const { account, customer } = requireAccount(ctx.state, accountNumber);
  const now = ctx.now();
  const balances = accountBalances(ctx.state, account);
  const hasOpenAuthorization = [...ctx.state.authorizations.values()].some(
    (a) => a.accountNumber === accountNumber && a.status === 'opened',
  );
  const closable =
    customer.province === 'QC' &&
    account.status !== 'C' &&
    now.getTime() - account.createdAt.getTime() <= QC_CLOSE_WINDOW_MS &&
    balances.postedBalance === 0 &&
    !hasOpenAuthorization;
  if (!closable) throw wrongInputs([{ param: 'account_number', msg: 'invalid', value: accountNumber }]);
  account.status = 'C';
  account.statusReasonCode = 'FCQC';
  return { status: 200, body: {} };
}

export const customerRoutes: RouteDef[] = [
  {
    id: 'C1',
    method: 'GET',
    pattern: '/client-id/:client_id/customers/search',
    scopes: ['merchant'],
    idempotent: false,
    handle: search,
  },
  {
    id: 'C2',
    method: 'GET',
    pattern: '/client-id/:client_id/customers/lookup',
    scopes: ['merchant'],
    idempotent: false,
    handle: lookup,
  },
  {
    id: 'C3',
    method: 'POST',
    pattern: '/client-id/:client_id/customers/driverslicense',
    scopes: ['merchant', 'customer'],
    idempotent: false,
    handle: driversLicense,
  },
  {
    id: 'C4',
    method: 'POST',
    pattern: '/client-id/:client_id/account/:account_number/verify',
    scopes: ['merchant', 'customer'],
    idempotent: true,
    handle: verify,
  },
  {
    id: 'C6',
    method: 'POST',
    pattern: '/client-id/:client_id/accounts/:account_number/close',
    scopes: ['merchant', 'customer'],
    idempotent: true,
    handle: close,
  },
];
