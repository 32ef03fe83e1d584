/** A stored moment (ISO 8601) as staff read it, in the screen's language; unreadable text is shown as is. */
import type { Locale } from './i18n/i18n';

export function formatMoment(iso: string, locale: Locale): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(at);
}
