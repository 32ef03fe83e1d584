/**
 * Line items as the cashier types them (text) and as they go to main (integer cents). SKUs and
 * descriptions are printable ASCII on Flexiti's wire: accents are taken off (NFD) and common
 * typography is replaced, so "Crème brûlée" goes as "Creme brulee"; a character with no ASCII
 * equivalent is reported on its row instead of failing the authorization.
 */
import type { z } from 'zod';
import type { lineItemSchema } from '../../../shared/ipc/channels/purchase';
import { MAX_CENTS, type Cents } from '../../../shared/money';
import type { Locale } from '../../i18n/i18n';
import { parseAmountInput } from '../../money-input';

export type LineItem = z.infer<typeof lineItemSchema>;

/** One row of the editor, as typed. `key` is stable for React and for focus. */
export interface LineItemDraft {
  key: string;
  sku: string;
  description: string;
  quantity: string;
  unitPrice: string;
}

export const SKU_MAX = 40;
export const DESCRIPTION_MAX = 120;
export const QUANTITY_MAX = 9999;
export const LINE_ITEMS_MAX = 200;

export type RowProblem =
  | 'sku_missing'
  | 'sku_too_long'
  | 'sku_not_ascii'
  | 'description_too_long'
  | 'description_not_ascii'
  | 'quantity_invalid'
  | 'price_invalid'
  | 'line_too_large';

export interface RowCheck {
  key: string;
  problems: RowProblem[];
  /** The text Flexiti will receive, when it differs from what was typed. */
  skuSent?: string;
  descriptionSent?: string;
  /** Quantity × unit price, when both are valid. */
  lineTotalCents?: Cents;
}

export interface LineItemsCheck {
  rows: RowCheck[];
  /** The items to send: only when every non-blank row is valid. */
  items: LineItem[] | null;
  /** The sum of the valid rows' totals (a running total while the cashier types). */
  totalCents: Cents;
  tooMany: boolean;
  totalTooLarge: boolean;
}

const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u00d7': 'x',
  '\u0153': 'oe',
  '\u0152': 'OE',
  '\u00e6': 'ae',
  '\u00c6': 'AE',
  '\u00df': 'ss',
  '\u00f8': 'o',
  '\u00d8': 'O',
  '\u0142': 'l',
  '\u0141': 'L',
};

/**
 * Printable ASCII for Flexiti: accents removed, typography replaced, whitespace collapsed.
 * `ok` is false when a character has no ASCII equivalent (it is left out of `text`).
 */
export function toWireAscii(input: string): { text: string; ok: boolean } {
  let ok = true;
  let out = '';
  for (const char of input.normalize('NFD')) {
    if (/[\u0300-\u036f]/.test(char)) continue; // combining accents
    if (/[\x20-\x7e]/.test(char)) out += char;
    else if (/\s/.test(char)) out += ' ';
    else if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
    else ok = false;
  }
  return { text: out.replace(/\s+/g, ' ').trim(), ok };
}

/** Nothing typed but the default quantity: the row is ignored. */
export function isBlankRow(row: LineItemDraft): boolean {
  return [row.sku, row.description, row.unitPrice].every((value) => value.trim() === '');
}

/**
 * A unit price in the cashier's locale: 0 (free), a positive amount, or a negative one (a discount
 * line; Flexiti allows negative values in sku_data only).
 */
export function parseUnitPrice(text: string, locale: Locale): Cents | null {
  const trimmed = text.trim();
  const negative = /^[-\u2212]/.test(trimmed);
  const rest = negative ? trimmed.slice(1).trim() : trimmed;
  if (/^\$?\s*0+(?:[.,]0{1,2})?\s*\$?$/.test(rest)) return 0;
  const cents = parseAmountInput(rest, locale);
  if (cents === null) return null;
  return negative ? -cents : cents;
}

export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const quantity = Number(trimmed);
  return quantity >= 1 && quantity <= QUANTITY_MAX ? quantity : null;
}

function checkRow(row: LineItemDraft, locale: Locale): { check: RowCheck; item: LineItem | null } {
  const problems: RowProblem[] = [];
  const check: RowCheck = { key: row.key, problems };

  const sku = toWireAscii(row.sku);
  if (!sku.ok) problems.push('sku_not_ascii');
  else if (sku.text === '') problems.push('sku_missing');
  else if (sku.text.length > SKU_MAX) problems.push('sku_too_long');
  if (sku.ok && sku.text !== row.sku.trim() && sku.text !== '') check.skuSent = sku.text;

  const description = toWireAscii(row.description);
  if (!description.ok) problems.push('description_not_ascii');
  else if (description.text.length > DESCRIPTION_MAX) problems.push('description_too_long');
  if (description.ok && description.text !== row.description.trim() && description.text !== '') {
    check.descriptionSent = description.text;
  }

  const quantity = parseQuantity(row.quantity);
  if (quantity === null) problems.push('quantity_invalid');
  const unitPriceCents = parseUnitPrice(row.unitPrice, locale);
  if (unitPriceCents === null) problems.push('price_invalid');

  if (quantity !== null && unitPriceCents !== null) {
    const lineTotal = quantity * unitPriceCents;
    if (Math.abs(lineTotal) > MAX_CENTS) problems.push('line_too_large');
    else check.lineTotalCents = lineTotal;
  }
  if (problems.length > 0 || quantity === null || unitPriceCents === null) return { check, item: null };
  return {
    check,
    item: {
      sku: sku.text,
      ...(description.text ? { description: description.text } : {}),
      quantity,
      unitPriceCents,
    },
  };
}

/** Checks every row; blank rows are ignored, so an empty editor means "no line items". */
export function checkLineItems(rows: readonly LineItemDraft[], locale: Locale): LineItemsCheck {
  const filled = rows.filter((row) => !isBlankRow(row));
  const checked = filled.map((row) => checkRow(row, locale));
  const totalCents = checked.reduce((sum, { check }) => sum + (check.lineTotalCents ?? 0), 0);
  const tooMany = filled.length > LINE_ITEMS_MAX;
  const totalTooLarge = Math.abs(totalCents) > MAX_CENTS;
  const valid = !tooMany && !totalTooLarge && checked.every(({ item }) => item !== null);
  return {
    rows: checked.map(({ check }) => check),
    items: valid ? checked.map(({ item }) => item as LineItem) : null,
    totalCents,
    tooMany,
    totalTooLarge,
  };
}

/** Sum of quantity × unit price, in integer cents. */
export function lineItemsTotal(items: readonly LineItem[]): Cents {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
}

let nextKey = 0;
export function emptyRow(): LineItemDraft {
  nextKey += 1;
  return { key: `item-${nextKey}`, sku: '', description: '', quantity: '1', unitPrice: '' };
}
