/**
 * Which of a sale's items may come back on a return: the same SKU at the same unit price, and no
 * more of each than was sold, less what earlier returns listed. Main refuses anything else before
 * calling Flexiti (which does not check sku_data); the return form offers only what is left.
 */
interface Item {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

/** One item, whatever line it was entered on: its SKU at its unit price. */
export function lineItemKey(item: Item): string {
  return `${item.sku}\u0000${item.unitPriceCents}`;
}

function quantitiesByKey(items: readonly Item[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items)
    totals.set(lineItemKey(item), (totals.get(lineItemKey(item)) ?? 0) + item.quantity);
  return totals;
}

/** True when every returned item was sold on the sale, in at least that quantity. */
export function itemsWereSold(sold: readonly Item[], returned: readonly Item[]): boolean {
  const soldByKey = quantitiesByKey(sold);
  return [...quantitiesByKey(returned)].every(([key, quantity]) => quantity <= (soldByKey.get(key) ?? 0));
}

/** How many of each sale line can still come back; earlier returns are taken from the lines in order. */
export function itemsLeftToReturn(sold: readonly Item[], returned: readonly Item[]): number[] {
  const toTakeOff = quantitiesByKey(returned);
  return sold.map((line) => {
    const key = lineItemKey(line);
    const taken = Math.min(line.quantity, toTakeOff.get(key) ?? 0);
    toTakeOff.set(key, (toTakeOff.get(key) ?? 0) - taken);
    return line.quantity - taken;
  });
}
