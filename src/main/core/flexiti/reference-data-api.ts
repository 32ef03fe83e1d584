/** M1 i18n and M2 terms-and-conditions (§0A.6, §0A.7): form values and texts in the customer's language. */
import { z } from 'zod';
import { readCall, withQuery, type ClientContext, type FlowContext } from './call-runner';
import type { Lang } from './http-transport';
import { checkInput } from './request-fields';
import {
  i18nResponseSchema,
  termsResponseSchema,
  type I18nTree,
  type TermsDocument,
} from './schemas/reference-data-schemas';

/** All form values and texts, or the one top-level `key` (e.g. 'provinces'). */
export async function getI18n(
  ctx: ClientContext,
  flow: FlowContext,
  lang: Lang,
  key?: string,
): Promise<I18nTree> {
  const k = key === undefined ? undefined : checkInput(z.string().regex(/^[a-z_]{1,60}$/), key, flow);
  return readCall(ctx, flow, {
    version: 'v2.5',
    rest: k ? `i18n/${k}` : 'i18n',
    schema: i18nResponseSchema,
    lang,
  });
}

/** The terms to show and accept before an application, in display order. */
export async function getTerms(
  ctx: ClientContext,
  flow: FlowContext,
  lang: Lang,
  province?: string,
): Promise<TermsDocument[]> {
  const p = province === undefined ? undefined : checkInput(z.string().regex(/^[A-Z]{2}$/), province, flow);
  return readCall(ctx, flow, {
    version: 'v2.5',
    rest: withQuery('terms-and-conditions', { province: p }),
    schema: termsResponseSchema,
    lang,
  });
}
