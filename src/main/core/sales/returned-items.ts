/**
 * The items a manager lists on a return must be the sale's own: the same SKU at the same unit
 * price, and no more of each than was sold. Flexiti does not check sku_data, so this is the only
 * guard against a statement that shows items the customer never bought.
 */
import type { LedgerLineItem } from './sales-types';

type Item = Pick<LedgerLineItem, 'sku' | 'quantity' | 'unitPriceCents'>;

const keyOf = (item: Item): string => `${item.sku}\u0000${item.unitPriceCents}`;

/** True when every returned item was sold on the sale, in at least that quantity. */
export function itemsWereSold(sold: readonly Item[], returned: readonly Item[]): boolean {
  const left = new Map<string, number>();
  for (const item of sold) left.set(keyOf(item), (left.get(keyOf(item)) ?? 0) + item.quantity);
  for (const item of returned) {
    const key = keyOf(item);
    const remaining = (left.get(key) ?? 0) - item.quantity;
    if (remaining < 0) return false;
    left.set(key, remaining);
  }
  return true;
}
