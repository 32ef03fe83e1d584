/** Line items as typed to integer cents: ASCII for Flexiti, locale-aware prices, totals, problems. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkLineItems,
  emptyRow,
  lineItemsTotal,
  parseQuantity,
  parseUnitPrice,
  toWireAscii,
  type LineItemDraft,
} from '../../../src/renderer/screens/purchase/line-items';
import { lineItemSchema } from '../../../src/shared/ipc/channels/purchase';
import { MAX_CENTS } from '../../../src/shared/money';

function row(fields: Partial<LineItemDraft>): LineItemDraft {
  return { ...emptyRow(), ...fields };
}

describe('toWireAscii', () => {
  it('takes accents off and replaces typography', () => {
    expect(toWireAscii('Crème brûlée')).toEqual({ text: 'Creme brulee', ok: true });
    expect(toWireAscii('Téléviseur 55 po « Sony » – œuvre')).toEqual({
      text: 'Televiseur 55 po " Sony " - oeuvre',
      ok: true,
    });
    expect(toWireAscii('L’étagère\u00a0ÉLAN  ')).toEqual({ text: "L'etagere ELAN", ok: true });
  });

  it('reports a character with no ASCII equivalent and leaves it out', () => {
    expect(toWireAscii('Lamp ✓')).toEqual({ text: 'Lamp', ok: false });
    expect(toWireAscii('电视')).toEqual({ text: '', ok: false });
  });

  it('always gives printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (input) => {
        expect(toWireAscii(input).text).toMatch(/^[\x20-\x7E]*$/);
      }),
    );
  });
});

describe('parseUnitPrice and parseQuantity', () => {
  it('reads prices in the cashier’s locale, zero and discounts included', () => {
    expect(parseUnitPrice('1,249.99', 'en')).toBe(124_999);
    expect(parseUnitPrice('1 249,99', 'fr')).toBe(124_999);
    expect(parseUnitPrice('0', 'en')).toBe(0);
    expect(parseUnitPrice('0.00', 'en')).toBe(0);
    expect(parseUnitPrice('-25.00', 'en')).toBe(-2_500);
    expect(parseUnitPrice('\u2212 25,50', 'fr')).toBe(-2_550);
    for (const bad of ['', '-', '1.999', 'abc', '1e3', '--5'])
      expect(parseUnitPrice(bad, 'en'), bad).toBeNull();
  });

  it('takes whole quantities from 1 to 9999', () => {
    expect(parseQuantity(' 3 ')).toBe(3);
    expect(parseQuantity('9999')).toBe(9999);
    for (const bad of ['0', '10000', '1.5', '-1', '', 'two']) expect(parseQuantity(bad), bad).toBeNull();
  });
});

describe('checkLineItems', () => {
  it('ignores blank rows: an empty editor means no line items', () => {
    const result = checkLineItems([emptyRow(), row({ quantity: '' })], 'en');
    expect(result).toMatchObject({ items: [], totalCents: 0, rows: [] });
  });

  it('gives the items in integer cents, ready for the contract, and their total', () => {
    const result = checkLineItems(
      [
        row({ sku: 'TV-55', description: 'Téléviseur 55 po', quantity: '2', unitPrice: '499.99' }),
        row({ sku: 'MOUNT', description: '', quantity: '1', unitPrice: '89.50' }),
        row({ sku: 'PROMO', description: 'Bundle discount', quantity: '1', unitPrice: '-50' }),
      ],
      'en',
    );
    expect(result.items).toEqual([
      { sku: 'TV-55', description: 'Televiseur 55 po', quantity: 2, unitPriceCents: 49_999 },
      { sku: 'MOUNT', quantity: 1, unitPriceCents: 8_950 },
      { sku: 'PROMO', description: 'Bundle discount', quantity: 1, unitPriceCents: -5_000 },
    ]);
    expect(result.totalCents).toBe(2 * 49_999 + 8_950 - 5_000);
    expect(lineItemsTotal(result.items ?? [])).toBe(result.totalCents);
    expect(result.rows[0]).toMatchObject({ descriptionSent: 'Televiseur 55 po', lineTotalCents: 99_998 });
    for (const item of result.items ?? []) expect(lineItemSchema.safeParse(item).success).toBe(true);
  });

  it('says what is wrong on each row and sends nothing until it is fixed', () => {
    const result = checkLineItems(
      [
        row({ sku: '', description: 'No SKU', unitPrice: '10' }),
        row({ sku: 'X'.repeat(41), quantity: '0', unitPrice: '1.234' }),
        row({ sku: 'OK-1', description: 'Lamp ✓', unitPrice: '5' }),
        row({ sku: 'BIG', quantity: '9999', unitPrice: '999,999,999.99' }),
      ],
      'en',
    );
    expect(result.items).toBeNull();
    expect(result.rows.map((r) => r.problems)).toEqual([
      ['sku_missing'],
      ['sku_too_long', 'quantity_invalid', 'price_invalid'],
      ['description_not_ascii'],
      ['line_too_large'],
    ]);
    // The running total counts the rows that can be counted.
    expect(result.totalCents).toBe(500 + 1_000);
  });

  it('refuses more than 200 items and a total beyond the wire’s range', () => {
    const many = Array.from({ length: 201 }, (_, i) => row({ sku: `S${i}`, unitPrice: '1' }));
    expect(checkLineItems(many, 'en')).toMatchObject({ tooMany: true, items: null });
    const huge = Array.from({ length: 2 }, () => row({ sku: 'H', quantity: '1', unitPrice: '600,000,000' }));
    expect(checkLineItems(huge, 'en')).toMatchObject({ totalTooLarge: true, items: null });
  });

  it('keeps the total exact: the sum of quantity × price in cents, whatever the rows', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 9999 }),
      cents: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const rows = lines.map((l, i) =>
          row({
            sku: `SKU-${i}`,
            quantity: String(l.quantity),
            unitPrice: `${l.cents < 0 ? '-' : ''}${Math.floor(Math.abs(l.cents) / 100)}.${String(Math.abs(l.cents) % 100).padStart(2, '0')}`,
          }),
        );
        const result = checkLineItems(rows, 'en');
        const expected = lines.reduce((sum, l) => sum + l.quantity * l.cents, 0);
        expect(result.items).not.toBeNull();
        expect(result.totalCents).toBe(expected);
        expect(Math.abs(result.totalCents)).toBeLessThanOrEqual(MAX_CENTS);
      }),
    );
  });
});
