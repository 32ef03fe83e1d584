/** An annual rate as a fraction (0.0999) to the locale's percentage: 9.99% / 9,99 %. */
import type { Locale } from '../../i18n/i18n';

export function formatRate(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(rate);
}
