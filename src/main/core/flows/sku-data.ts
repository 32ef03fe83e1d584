/**
 * Line items as Flexiti's shared `sku_data` object (reference: products[] with sku_id, description,
 * quantity, unit_price, extended_price; the register id and totals beside them). Flexiti prints it on
 * the customer's statement and does not validate it. Money is converted from integer cents here.
 * For a return the totals are negative, as in the reference's return and refund examples; the
 * products keep their positive prices there too.
 */
import type { z } from 'zod';
import type { lineItemSchema } from '../../../shared/ipc/channels/purchase';
import { MAX_CENTS, centsToWire } from '../../../shared/money';

export type LineItem = z.infer<typeof lineItemSchema>;

/** sku_data.register_id is ASCII (50). */
const REGISTER_ID = /^[\x20-\x7E]{1,50}$/;

export function skuDataOf(
  items: readonly LineItem[],
  options: { amountCents: number; registerId?: string; direction?: 'sale' | 'return' },
): Record<string, unknown> {
  const sign = options.direction === 'return' ? -1 : 1;
  const subtotal = sign * items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  return {
    ...(options.registerId && REGISTER_ID.test(options.registerId)
      ? { register_id: options.registerId }
      : {}),
    // Beyond the wire's range only with 200 huge lines: left out rather than sent wrong.
    ...(Math.abs(subtotal) <= MAX_CENTS ? { transaction_subtotal: centsToWire(subtotal) } : {}),
    transaction_total: centsToWire(sign * options.amountCents),
    products: items.map((item) => ({
      sku_id: item.sku,
      ...(item.description ? { description: item.description } : {}),
      quantity: item.quantity,
      unit_price: centsToWire(item.unitPriceCents),
      extended_price: centsToWire(item.quantity * item.unitPriceCents),
    })),
  };
}
