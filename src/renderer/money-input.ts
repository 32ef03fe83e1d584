/**
 * The amount a cashier types, to integer cents. Strict: the locale's own separators only, at most two
 * decimals, no exponents or signs. The text is normalised to a plain decimal string and handed to
 * the shared wire parser, so no floating-point value is ever involved.
 */
import { MAX_CENTS, parseWireAmount, type Cents } from '../shared/money';
import { formatCents, type Locale } from './i18n/i18n';

/** en-CA: 1,234.56 or 1234.56. */
const EN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
/** fr-CA: 1 234,56 or 1234,56 (a keypad's "." is taken as the decimal mark too). */
const FR = /^(\d{1,3}(?: \d{3})+|\d+)(?:[,.](\d{1,2}))?$/;

export function parseAmountInput(text: string, locale: Locale): Cents | null {
  // Non-breaking and narrow spaces are what fr-CA formatting itself writes.
  const trimmed = text
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .replace(/^\$\s*|\s*\$$/g, '');
  const match = (locale === 'fr' ? FR : EN).exec(trimmed);
  if (!match) return null;
  const whole = (match[1] ?? '').replace(/[ ,]/g, '');
  const plain = match[2] === undefined ? whole : `${whole}.${match[2]}`;
  const cents = parseWireAmount(plain);
  if (cents === null || cents <= 0 || cents > MAX_CENTS) return null;
  return cents;
}

/** Cents as a cashier would type them in an amount field: the locale's separators, no dollar sign. */
export function formatAmountInput(cents: Cents, locale: Locale): string {
  return formatCents(cents, locale).replace(/\s*\$\s*/g, '');
}
