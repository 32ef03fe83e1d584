/**
 * How many of each sale line can still come back: what was sold, less what earlier returns listed
 * for the same SKU and price (taken from the sale's lines in order). Main checks the same rule.
 */
interface Item {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

const keyOf = (item: Item): string => `${item.sku}\u0000${item.unitPriceCents}`;

export function itemsLeftToReturn(sold: readonly Item[], returned: readonly Item[]): number[] {
  const toTakeOff = new Map<string, number>();
  for (const item of returned) toTakeOff.set(keyOf(item), (toTakeOff.get(keyOf(item)) ?? 0) + item.quantity);
  return sold.map((line) => {
    const key = keyOf(line);
    const taken = Math.min(line.quantity, toTakeOff.get(key) ?? 0);
    toTakeOff.set(key, (toTakeOff.get(key) ?? 0) - taken);
    return line.quantity - taken;
  });
}
