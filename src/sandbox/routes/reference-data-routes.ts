/**
 * M1 i18n (§0A.6) and M2 terms-and-conditions (§0A.7): reference data for the application form.
 */
import { ApiError, wrongInputs } from '../http/api-error';
import type { RouteContext, RouteDef, RouteResult } from '../http/route';
import { hasCode, i18nFor } from '../data/i18n';
import { termsFor } from '../data/terms';
import { isProvinceCode } from '../../shared/provinces';

const LANGS = new Set(['en', 'fr', 'en-CA', 'fr-CA']);

/** lang is checked by the pipeline too; checked here so these routes stand on their own (§0A.2). */
function checkLang(ctx: RouteContext): void {
  const raw = ctx.query.get('lang');
  if (raw !== null && !LANGS.has(raw)) throw wrongInputs([{ param: 'lang', msg: 'invalid', value: raw }]);
}

function i18n(ctx: RouteContext): RouteResult {
  checkLang(ctx);
  const payload = i18nFor(ctx.lang);
  const key = ctx.params.key ?? ctx.query.get('key') ?? undefined;
  if (key === undefined) return { status: 200, body: payload };
  if (!hasCode(payload, key)) throw new ApiError(404, 'not_found');
  return { status: 200, body: { [key]: payload[key as keyof typeof payload] } };
}

function terms(ctx: RouteContext): RouteResult {
  checkLang(ctx);
  const province = ctx.query.get('province') ?? undefined;
  if (province !== undefined && !isProvinceCode(province)) {
    throw wrongInputs([{ param: 'province', msg: 'invalid', value: province }]);
  }
  return { status: 200, body: { terms: termsFor(ctx.lang, province) } };
}

const BOTH_SCOPES: RouteDef['scopes'] = ['merchant', 'customer'];

export const referenceDataRoutes: RouteDef[] = [
  ...(['GET', 'POST'] as const).flatMap((method): RouteDef[] => [
    {
      id: 'M1',
      method,
      pattern: '/client-id/:client_id/i18n',
      scopes: BOTH_SCOPES,
      idempotent: false,
      handle: i18n,
    },
    {
      id: 'M1',
      method,
      pattern: '/client-id/:client_id/i18n/:key',
      scopes: BOTH_SCOPES,
      idempotent: false,
      handle: i18n,
    },
  ]),
  {
    id: 'M2',
    method: 'GET',
    pattern: '/client-id/:client_id/terms-and-conditions',
    scopes: BOTH_SCOPES,
    idempotent: false,
    handle: terms,
  },
];
