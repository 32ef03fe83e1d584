/** A return's items must be the sale's own: same SKU and price, no more than were sold. */
import { describe, expect, it } from 'vitest';
import { itemsLeftToReturn, itemsWereSold } from '../../../src/shared/returned-items';

const SOLD = [
  { sku: 'TV-55', quantity: 1, unitPriceCents: 49_999 },
  { sku: 'HDMI', quantity: 2, unitPriceCents: 1_250 },
  { sku: 'HDMI', quantity: 1, unitPriceCents: 999 },
];

describe('itemsWereSold', () => {
  it('accepts some or all of what was sold', () => {
    expect(itemsWereSold(SOLD, [{ sku: 'HDMI', quantity: 2, unitPriceCents: 1_250 }])).toBe(true);
    expect(itemsWereSold(SOLD, SOLD)).toBe(true);
  });

  it('counts one SKU sold on two lines at one price together, and apart at two prices', () => {
    const twoLines = [...SOLD, { sku: 'HDMI', quantity: 1, unitPriceCents: 1_250 }];
    expect(itemsWereSold(twoLines, [{ sku: 'HDMI', quantity: 3, unitPriceCents: 1_250 }])).toBe(true);
    expect(itemsWereSold(SOLD, [{ sku: 'HDMI', quantity: 3, unitPriceCents: 1_250 }])).toBe(false);
  });

  it('refuses an item not sold, at another price, or more of it than sold', () => {
    expect(itemsWereSold(SOLD, [{ sku: 'SOFA', quantity: 1, unitPriceCents: 1_000 }])).toBe(false);
    expect(itemsWereSold(SOLD, [{ sku: 'TV-55', quantity: 1, unitPriceCents: 50_000 }])).toBe(false);
    expect(itemsWereSold(SOLD, [{ sku: 'TV-55', quantity: 2, unitPriceCents: 49_999 }])).toBe(false);
    expect(
      itemsWereSold(SOLD, [
        { sku: 'TV-55', quantity: 1, unitPriceCents: 49_999 },
        { sku: 'TV-55', quantity: 1, unitPriceCents: 49_999 },
      ]),
    ).toBe(false);
  });

  it('accepts nothing for a sale without items', () => {
    expect(itemsWereSold([], [{ sku: 'TV-55', quantity: 1, unitPriceCents: 49_999 }])).toBe(false);
  });
});

describe('itemsLeftToReturn', () => {
  it('takes earlier returns off the sale’s lines in order, by SKU and price', () => {
    const twoLines = [...SOLD, { sku: 'HDMI', quantity: 1, unitPriceCents: 1_250 }];
    expect(itemsLeftToReturn(twoLines, [])).toEqual([1, 2, 1, 1]);
    expect(itemsLeftToReturn(twoLines, [{ sku: 'HDMI', quantity: 3, unitPriceCents: 1_250 }])).toEqual([
      1, 0, 1, 0,
    ]);
    expect(itemsLeftToReturn(twoLines, [{ sku: 'HDMI', quantity: 1, unitPriceCents: 999 }])).toEqual([
      1, 2, 0, 1,
    ]);
  });
});
