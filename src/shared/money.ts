/**
 * Money is integer cents everywhere inside the app and the sandbox; Flexiti's wire carries dollars
 * as a JSON number (or a numeric string) with at most two decimals. Conversion happens only here,
 * by string manipulation, so no floating-point drift can creep in.
 */

export type Cents = number;

/** The largest amount Flexiti's number(18,2) fields accept in this project (999,999,999.99). */
export const MAX_CENTS: Cents = 99_999_999_999;

const DECIMAL = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * Parses a wire amount (number or numeric string, at most two decimals) into cents.
 * Returns null for anything else: more decimals, exponents, NaN, blanks, out of range.
 */
export function parseWireAmount(value: unknown): Cents | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // Shortest round-trip representation: 10.5 -> "10.5", 1000.12 -> "1000.12", 1e21 -> rejected.
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, frac = ''] = match;
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (cents > MAX_CENTS) return null;
  return sign === '-' ? -cents : cents;
}

/** Cents to the wire's JSON number in dollars (exact for every integer cent value below 2^53 / 100). */
export function centsToWire(cents: Cents): number {
  assertCents(cents);
  return Number(centsToDecimalString(cents));
}

/** Cents to a plain decimal string with two places: 123456 -> "1234.56", -5 -> "-0.05". */
export function centsToDecimalString(cents: Cents): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${dollars}.${rest.toString().padStart(2, '0')}`;
}

export function assertCents(cents: Cents): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError('money must be an integer number of cents');
}

/** Rounds a fractional cent value half away from zero to whole cents (for interest and payments). */
export function roundHalfUpCents(value: number): Cents {
  const sign = value < 0 ? -1 : 1;
  // The epsilon absorbs binary representation error such as 355.49999999999994.
  return sign * Math.floor(Math.abs(value) + 0.5 + 1e-9);
}
