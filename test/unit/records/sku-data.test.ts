/** Line items to Flexiti's sku_data object: the reference's field names, dollars from cents. */
import { describe, expect, it } from 'vitest';
import { skuDataOf } from '../../../src/main/core/flows/sku-data';

describe('skuDataOf', () => {
  it('writes products[] with extended prices, the register id and the totals', () => {
    expect(
      skuDataOf(
        [
          { sku: 'TV-55', description: 'Televiseur', quantity: 2, unitPriceCents: 49_999 },
          { sku: 'PROMO', quantity: 1, unitPriceCents: -5_000 },
        ],
        { amountCents: 107_348, registerId: 'REG-01' },
      ),
    ).toEqual({
      register_id: 'REG-01',
      transaction_subtotal: 949.98,
      transaction_total: 1073.48,
      products: [
        {
          sku_id: 'TV-55',
          description: 'Televiseur',
          quantity: 2,
          unit_price: 499.99,
          extended_price: 999.98,
        },
        { sku_id: 'PROMO', quantity: 1, unit_price: -50, extended_price: -50 },
      ],
    });
  });

  it('makes a return’s totals negative and keeps its products’ prices as sold', () => {
    expect(
      skuDataOf([{ sku: 'TV-55', quantity: 1, unitPriceCents: 49_999 }], {
        amountCents: 45_000,
        registerId: 'REG-01',
        direction: 'return',
      }),
    ).toEqual({
      register_id: 'REG-01',
      transaction_subtotal: -499.99,
      transaction_total: -450,
      products: [{ sku_id: 'TV-55', quantity: 1, unit_price: 499.99, extended_price: 499.99 }],
    });
  });

  it('leaves out a register id Flexiti would not take, and a subtotal beyond the wire’s range', () => {
    const items = Array.from({ length: 3 }, () => ({
      sku: 'H',
      quantity: 9999,
      unitPriceCents: 99_999_999_999,
    }));
    const data = skuDataOf(items, { amountCents: 100, registerId: 'Caisse é' });
    expect(data).not.toHaveProperty('register_id');
    expect(data).not.toHaveProperty('transaction_subtotal');
    expect(data.transaction_total).toBe(1);
  });
});
