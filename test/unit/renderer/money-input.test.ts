/** The cashier's amount field: strict, locale-aware, integer cents, never a float in between. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmountInput, parseAmountInput } from '../../../src/renderer/money-input';
import { MAX_CENTS } from '../../../src/shared/money';

describe('parseAmountInput', () => {
  it('reads English amounts', () => {
    expect(parseAmountInput('1,000.00', 'en')).toBe(100_000);
    expect(parseAmountInput('1000', 'en')).toBe(100_000);
    expect(parseAmountInput(' $1,249.9 ', 'en')).toBe(124_990);
    expect(parseAmountInput('0.01', 'en')).toBe(1);
    expect(parseAmountInput('1,234,567.89', 'en')).toBe(123_456_789);
  });

  it('reads French amounts, with the spaces fr-CA formatting writes', () => {
    expect(parseAmountInput('1 000,00', 'fr')).toBe(100_000);
    expect(parseAmountInput('1\u00a0000,00 $', 'fr')).toBe(100_000);
    expect(parseAmountInput('1\u202f249,99', 'fr')).toBe(124_999);
    expect(parseAmountInput('100.5', 'fr')).toBe(10_050);
  });

  it('refuses anything ambiguous or out of range', () => {
    for (const text of [
      '',
      '0',
      '0.00',
      '-5',
      '1e3',
      '1.005',
      '1,00',
      '10,0000.00',
      '1.2.3',
      'abc',
      '1 000.00',
      'NaN',
      '+5',
    ])
      expect(parseAmountInput(text, 'en'), text).toBeNull();
    for (const text of ['1,000.00', '1 00,00', '0,00', '1,005'])
      expect(parseAmountInput(text, 'fr'), text).toBeNull();
    expect(parseAmountInput('999999999.99', 'en')).toBe(MAX_CENTS);
    expect(parseAmountInput('1000000000.00', 'en')).toBeNull();
  });

  it('gives back exactly the cents a formatted amount shows, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_CENTS }), (cents) => {
        const dollars = Math.floor(cents / 100);
        const rest = String(cents % 100).padStart(2, '0');
        const en = `${dollars.toLocaleString('en-CA')}.${rest}`;
        const fr = `${dollars.toLocaleString('fr-CA')},${rest}`;
        expect(parseAmountInput(en, 'en')).toBe(cents);
        expect(parseAmountInput(fr, 'fr')).toBe(cents);
      }),
    );
  });
});

describe('formatAmountInput', () => {
  it('writes what the amount field reads back, in both languages, without a dollar sign', () => {
    expect(formatAmountInput(123_456, 'en')).toBe('1,234.56');
    expect(formatAmountInput(123_456, 'fr')).not.toContain('$');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_CENTS }), (cents) => {
        expect(parseAmountInput(formatAmountInput(cents, 'en'), 'en')).toBe(cents);
        expect(parseAmountInput(formatAmountInput(cents, 'fr'), 'fr')).toBe(cents);
      }),
    );
  });
});
