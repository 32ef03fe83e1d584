/**
 * Postal codes from DAK: Canadian 'A1A 1A1', US 'NNNNN' or 'NNNNN-NNNN'. Cards pad with spaces and
 * write 5-digit ZIPs as 9 or 11 digits with trailing zeros ("123450000  " is 12345).
 */
import { normalizePostalCode } from '../provinces';

export function normalizeZip(value: string): string | undefined {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 5) return undefined;
  const five = digits.slice(0, 5);
  if (digits.length < 9) return five;
  const four = digits.slice(5, 9);
  return four === '0000' ? five : `${five}-${four}`;
}

/** '' when the value is neither a Canadian postal code nor a ZIP code. */
export function normalizeLicencePostal(value: string | undefined): string {
  if (value === undefined) return '';
  const trimmed = value.trim();
  if (trimmed === '') return '';
  if (/[A-Za-z]/.test(trimmed)) {
    // Canadian codes, possibly padded or followed by junk: look at the first six letters and digits.
    const compact = trimmed.replace(/[^A-Za-z0-9]/g, '').slice(0, 6);
    return normalizePostalCode(compact) ?? '';
  }
  return normalizeZip(trimmed) ?? '';
}
