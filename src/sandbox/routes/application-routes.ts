/**
 * CA1 apply, CA2 apply status (§0A.10) and W1 widget/init (§6).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { centsToWire } from '../../shared/money';
import { ageOfMajority, normalizePostalCode } from '../../shared/provinces';
import { ApiError } from '../http/api-error';
import { message } from '../http/messages';
import type { RouteContext, RouteDef, RouteResult } from '../http/route';
import {
  ascii,
  booleanInput,
  digitString,
  digitsNumber,
  isoDate,
  money,
  nonEmptyAscii,
  parseOrThrow,
  pathId,
} from '../http/validation';
import { accountBalances } from '../state/ledger';
import type { Application, SandboxState } from '../state/model';
import { hasCode } from '../data/i18n';
import { I18N_EN } from '../data/i18n-en';
import { findByVcc, primaryCard, samePerson } from '../domain/account-directory';
import { approve, DEFAULT_APPROVAL, outcomeOf, triggerOf } from '../domain/application-decisions';

const codes = I18N_EN;
const POSTAL_FORMAT = /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/;
const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE = /^[2-9]\d{9}$/;

function codeOf(table: object) {
  return z.string().refine((v) => hasCode(table, v), { params: { msg: 'invalid' } });
}

/** A number or a string, as text (security_id may come either way). */
const numberOrString = z.union([z.string(), z.number()]).transform((v) => String(v));

const phoneNumber = z
  .union([z.string(), z.number()])
  .refine((v) => MOBILE.test(String(v)), { params: { msg: 'invalid' } });

/** Whole years between dob and today. */
function ageOn(dob: string, today: Date): number {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  const beforeBirthday =
    today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

function issue(ctx: z.RefinementCtx, path: string, msg: 'required' | 'invalid') {
  ctx.addIssue({ code: 'custom', path: [path], params: { msg }, message: msg });
}

function applySchema(now: Date, merchantToken: boolean) {
  const today = now.toISOString().slice(0, 10);
  return z
    .object({
      account_type: z.enum(['consumer', 'business']).default('consumer'),
      salutation: codeOf(codes.salutations).optional(),
      first_name: nonEmptyAscii(35),
      middle_name: ascii(35).optional(),
      last_name: nonEmptyAscii(50),
      dob: isoDate,
      address_1: nonEmptyAscii(250),
      address_2: ascii(100).optional(),
      city: nonEmptyAscii(100),
      province: codeOf(codes.provinces),
      postal_code: z.string().refine((v) => POSTAL_FORMAT.test(v) && normalizePostalCode(v) !== null, {
        params: { msg: 'invalid' },
      }),
      phone_number: phoneNumber,
      email: nonEmptyAscii(100).refine((v) => EMAIL_FORMAT.test(v), { params: { msg: 'invalid' } }),
      preferred_language: z.enum(['en-CA', 'fr-CA']).optional(),
      housing_type: codeOf(codes.housing_type),
      monthly_housing_cost: money({ allowZero: true }),
      occupation_id: codeOf(codes.occupation_ids.options),
      employer: ascii(100).optional(),
      annual_income: money({ allowZero: true }),
      sin: digitString(9).optional(),
      govid_type: codeOf(codes.govid_types),
      govid_issued_by: z.string(),
      govid_number: nonEmptyAscii(50),
      govid_expiry: isoDate.refine((v) => v >= today, { params: { msg: 'invalid' } }).optional(),
      security_id: numberOrString.refine((v) => hasCode(codes.security_ids, v), {
        params: { msg: 'invalid' },
      }),
      security_answer: nonEmptyAscii(50),
      // Checked after the location and account type: false gets tos_agreement_required, not wrong_inputs.
      tos_agreement: booleanInput.optional(),
      credit_consent: booleanInput,
      insurance_opt_in: booleanInput.default(false),
      request_id: nonEmptyAscii(150).optional(),
      external_location_id: nonEmptyAscii(50).optional(),
      external_employee_id: nonEmptyAscii(50).optional(),
      widget_session_id: nonEmptyAscii(100).optional(),
    })
    .superRefine((b, ctx) => {
      const issuers = codes.govid_issued_bys.option_depends[b.govid_type];
      if (issuers !== undefined && !hasCode(issuers, b.govid_issued_by))
        issue(ctx, 'govid_issued_by', 'invalid');
      const majority = ageOfMajority(b.province);
      if (majority !== null && (b.dob > today || ageOn(b.dob, now) < majority)) issue(ctx, 'dob', 'invalid');
      if (!b.credit_consent) issue(ctx, 'credit_consent', 'invalid');
      if (merchantToken) {
        for (const f of ['request_id', 'external_location_id', 'external_employee_id'] as const) {
          if (b[f] === undefined) issue(ctx, f, 'required');
        }
      } else if (b.widget_session_id === undefined) {
        issue(ctx, 'widget_session_id', 'required');
      }
    });
}

function applicationBody(
  state: SandboxState,
  ctx: RouteContext,
  application: Application,
): Record<string, unknown> {
  const base = {
    application_id: application.applicationId,
    decision: application.decision,
    reason: application.reason,
  };
  const key =
    application.decision === 'approved'
      ? 'application_approved'
      : application.decision === 'pending'
        ? 'application_pending'
        : 'application_declined';
  const account =
    application.accountNumber !== undefined ? state.accounts.get(application.accountNumber) : undefined;
  if (application.decision !== 'approved' || !account) return { ...base, message: message(ctx.lang, key) };
  return {
    ...base,
    account_number: account.accountNumber,
    customer_id: account.customerId,
    credit_limit: centsToWire(account.creditLimit),
    available_credit: centsToWire(accountBalances(state, account).availableCredit),
    card_ending_in: (primaryCard(account)?.vccNumber ?? '').slice(-4),
    risk_rating: account.riskRating,
    account_type: account.accountType,
    message: message(ctx.lang, key),
  };
}

const compact = (s: string) => s.replace(/\s+/g, '').toUpperCase();
const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function apply(ctx: RouteContext): RouteResult {
  const merchant = ctx.merchant;
  if (!merchant || !ctx.auth) throw new ApiError(404, 'not_found');
  const merchantToken = ctx.auth.scope === 'merchant';
  const now = ctx.now();
  const b = parseOrThrow(applySchema(now, merchantToken), ctx.body ?? {});

  if (b.external_location_id !== undefined && !merchant.locations.includes(b.external_location_id)) {
    throw new ApiError(409, 'external_location_id_not_found');
  }
  if (!merchant.accountTypes.includes(b.account_type)) throw new ApiError(409, 'account_type_not_permitted');
  if (b.tos_agreement !== true) throw new ApiError(409, 'tos_agreement_required');
  const postalCode = normalizePostalCode(b.postal_code) ?? b.postal_code;
  if (!merchantToken) {
    const session =
      b.widget_session_id === undefined ? undefined : ctx.state.widgetSessions.get(b.widget_session_id);
    const p = session?.personal;
    const matches =
      session !== undefined &&
      p !== undefined &&
      session.flow === 'apply' &&
      session.clientId === merchant.clientId &&
      session.accessToken === ctx.auth.accessToken &&
      sameText(p.firstName, b.first_name) &&
      sameText(p.lastName, b.last_name) &&
      p.dob === b.dob &&
      compact(p.postalCode) === compact(postalCode);
    if (!matches) throw new ApiError(409, 'not_verified');
  }
  const applicant = { firstName: b.first_name, lastName: b.last_name, dob: b.dob };
  for (const existing of ctx.state.customers.values()) {
    if (samePerson(existing, applicant)) throw new ApiError(409, 'customer_already_exists');
  }

  const trigger = triggerOf(b.middle_name);
  const outcome = outcomeOf(trigger);
  if (outcome.kind === 'create_error') throw new ApiError(409, 'application_create_error');

  const approvedAs =
    outcome.kind === 'approved' || outcome.kind === 'standard'
      ? { risk: outcome.risk, limit: outcome.limit }
      : DEFAULT_APPROVAL;
  const application: Application = {
    applicationId: ctx.state.nextId('application'),
    clientId: merchant.clientId,
    createdAt: now,
    decision: 'pending',
    reason: null,
    trigger,
    resolvesAt: null,
    insuranceOptIn: b.insurance_opt_in,
    applicant: {
      customerId: '',
      firstName: b.first_name.trim(),
      lastName: b.last_name.trim(),
      dob: b.dob,
      email: b.email,
      phoneNumber: String(b.phone_number),
      address1: b.address_1,
      city: b.city,
      province: b.province,
      postalCode,
      preferredLanguage: b.preferred_language ?? (ctx.lang === 'fr' ? 'fr-CA' : 'en-CA'),
      securityQid: Number(b.security_id),
      securityAnswer: b.security_answer,
      accountType: b.account_type,
      riskRatingOnApproval: approvedAs.risk,
      creditLimitOnApproval: approvedAs.limit,
    },
  };
  if (b.middle_name !== undefined && b.middle_name.trim() !== '')
    application.applicant.middleName = b.middle_name.trim();
  if (b.address_2 !== undefined && b.address_2 !== '') application.applicant.address2 = b.address_2;
  if (b.request_id !== undefined) application.requestId = b.request_id;
  ctx.state.applications.set(application.applicationId, application);

  if (outcome.kind === 'pending') {
    application.reason = outcome.reason;
    if (outcome.resolves) {
      application.resolvesAt = new Date(now.getTime() + ctx.state.settings.pendingDelaySeconds * 1000);
    }
  } else if (outcome.kind === 'declined') {
    application.decision = 'declined';
    application.reason = outcome.reason;
  } else if (outcome.kind === 'standard' && !merchant.standardAccountsEnabled) {
    application.decision = 'declined';
    application.reason = 'standard_not_enabled';
  } else {
    approve(ctx.state, merchant, application, now, approvedAs.risk, approvedAs.limit);
  }
  return { status: 200, body: applicationBody(ctx.state, ctx, application) };
}

function applyStatus(ctx: RouteContext): RouteResult {
  const applicationId = pathId(ctx.params.application_id, 16);
  const application = ctx.state.applications.get(applicationId);
  if (!application || application.clientId !== ctx.merchant?.clientId) throw new ApiError(404, 'not_found');
  return { status: 200, body: applicationBody(ctx.state, ctx, application) };
}

// ---------------------------------------------------------------- W1 widget/init

const personalSchema = z.object({
  first_name: nonEmptyAscii(80),
  last_name: nonEmptyAscii(130),
  dob: isoDate,
  postal_code: nonEmptyAscii(10),
});

const widgetSchema = z
  .object({
    flow: z.enum(['apply', 'purchase']),
    customer_identification: z
      .object({
        account_type: z.enum(['consumer', 'business']).default('consumer'),
        account_number: digitsNumber(14).optional(),
        vcc_number: digitString(16).optional(),
        personal_information: personalSchema.optional(),
      })
      .optional(),
    tos_agreement: booleanInput.optional(),
    email: nonEmptyAscii(100)
      .refine((v) => EMAIL_FORMAT.test(v), { params: { msg: 'invalid' } })
      .optional(),
    phone_number: phoneNumber.optional(),
    address_1: ascii(250).optional(),
    address_2: ascii(100).optional(),
    city: ascii(100).optional(),
    province: codeOf(codes.provinces).optional(),
  })
  .superRefine((b, ctx) => {
    const id = b.customer_identification;
    if (b.flow === 'apply') {
      if (id?.personal_information === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['customer_identification', 'personal_information'],
          params: { msg: 'required' },
          message: 'required',
        });
      }
      if (b.tos_agreement !== true)
        issue(ctx, 'tos_agreement', b.tos_agreement === undefined ? 'required' : 'invalid');
    } else if (
      id?.account_number === undefined &&
      id?.vcc_number === undefined &&
      id?.personal_information === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['customer_identification', 'account_number'],
        params: { msg: 'required' },
        message: 'required',
      });
    }
  });

function widgetInit(ctx: RouteContext): RouteResult {
  const merchant = ctx.merchant;
  if (!merchant || !ctx.auth) throw new ApiError(404, 'not_found');
  const b = parseOrThrow(widgetSchema, ctx.body ?? {});
  const id = b.customer_identification;
  const widgetSessionId = randomUUID().replace(/-/g, '');
  const accountNumber =
    id?.account_number ??
    (id?.vcc_number ? findByVcc(ctx.state, id.vcc_number)?.account.accountNumber : undefined);
  const p = id?.personal_information;
  ctx.state.widgetSessions.set(widgetSessionId, {
    widgetSessionId,
    clientId: merchant.clientId,
    accessToken: ctx.auth.accessToken,
    flow: b.flow,
    ...(accountNumber !== undefined ? { accountNumber } : {}),
    ...(id?.vcc_number !== undefined ? { vccNumber: id.vcc_number } : {}),
    ...(p
      ? {
          personal: { firstName: p.first_name, lastName: p.last_name, dob: p.dob, postalCode: p.postal_code },
        }
      : {}),
    createdAt: ctx.now(),
  });
  const host = typeof ctx.headers.host === 'string' ? ctx.headers.host : 'localhost';
  const query = new URLSearchParams({
    lang: ctx.lang,
    'x-reference-id': ctx.referenceId,
    widget_session_id: widgetSessionId,
  });
  const url = `http://${host}/#/widget/${encodeURIComponent(merchant.clientId)}/${ctx.auth.accessToken}?${query.toString()}`;
  return { status: 200, body: { redirection_url: url } };
}

export const applicationRoutes: RouteDef[] = [
  {
    id: 'CA1',
    method: 'POST',
    pattern: '/client-id/:client_id/apply',
    scopes: ['merchant', 'customer'],
    idempotent: true,
    handle: apply,
  },
  {
    id: 'CA2',
    method: 'GET',
    pattern: '/client-id/:client_id/apply/:application_id',
    scopes: ['merchant', 'customer'],
    idempotent: false,
    handle: applyStatus,
  },
  {
    id: 'W1',
    method: 'POST',
    pattern: '/client-id/:client_id/widget/init',
    scopes: ['customer'],
    idempotent: false,
    handle: widgetInit,
  },
];
