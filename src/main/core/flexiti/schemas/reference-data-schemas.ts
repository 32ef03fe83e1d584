import { z } from 'zod';
import { lenientArray, optText } from './wire';

/** M1 i18n: a tree of texts, kept as Flexiti sends it (the form builder walks it). */
export type I18nTree = { [key: string]: string | I18nTree };
export const i18nResponseSchema: z.ZodType<I18nTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), i18nResponseSchema])),
);

/** M2 terms: id and body_html are what the app needs to show and record acceptance. */
export const termsResponseSchema = z
  .object({
    terms: lenientArray(
      z
        .object({ id: z.string().min(1).max(100), title: optText, body_html: z.string(), version: optText })
        .transform((t) => ({
          id: t.id,
          title: t.title ?? t.id,
          bodyHtml: t.body_html,
          version: t.version ?? '',
        })),
    ),
  })
  .transform((t) => t.terms);
export type TermsDocument = z.output<typeof termsResponseSchema>[number];
