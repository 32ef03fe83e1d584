/** The i18n catalogue by language: the one source of codes for apply, lookup and terms. */
import type { Lang } from '../http/route';
import { I18N_EN } from './i18n-en';
import { I18N_FR } from './i18n-fr';
import type { I18nPayload } from './i18n-types';

export function i18nFor(lang: Lang): I18nPayload {
  return lang === 'fr' ? I18N_FR : I18N_EN;
}

/** True when `code` is an own key of `table` (no prototype keys such as "constructor"). */
export function hasCode(table: object, code: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, code);
}
