/**
 * AAMVA dates: CCYYMMDD (v01 and Canada) or MMDDCCYY (USA from v02, and New Brunswick's v02 cards).
 * Cards get it wrong often enough that the rule is: try the expected format, fall back to the other.
 * Real years never validate both ways (CCYYMMDD read as MMDD... gives month 19 or 20).
 */
import type { Warnings } from './types';

export type DateFormat = 'CCYYMMDD' | 'MMDDCCYY';

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2099) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function readAs(digits: string, format: DateFormat): string | undefined {
  const n = (from: number, to: number): number => Number(digits.slice(from, to));
  return format === 'CCYYMMDD' ? isoDate(n(0, 4), n(4, 6), n(6, 8)) : isoDate(n(4, 8), n(0, 2), n(2, 4));
}

/**
 * Reads an AAMVA date element into ISO YYYY-MM-DD. Only the first 8 digits count (some cards append
 * a letter). Undefined for a missing or unreadable date.
 */
export function parseAamvaDate(
  value: string | undefined,
  expected: DateFormat,
  warnings: Warnings,
): string | undefined {
  if (value === undefined) return undefined;
  const digits = value.replace(/\D/g, '').slice(0, 8);
  if (digits.length < 8) {
    if (value.trim() !== '') warnings.add('unreadable_date');
    return undefined;
  }
  const first = readAs(digits, expected);
  if (first) return first;
  const other = readAs(digits, expected === 'CCYYMMDD' ? 'MMDDCCYY' : 'CCYYMMDD');
  if (other) {
    warnings.add('date_format_fallback');
    return other;
  }
  warnings.add('unreadable_date');
  return undefined;
}
