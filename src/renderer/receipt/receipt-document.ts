/**
 * A receipt as a document: sections in print order, each entirely in its own language, made of
 * labelled rows, an optional table of line items and notes. The screen, the printer and the PDF all
 * draw this one model, so they can never disagree.
 */
import { formatCents, translator, type Locale } from '../i18n/i18n';

export interface ReceiptRow {
  /** Stable name for tests and styling; not shown. */
  key: string;
  label: string;
  value: string;
}

export interface ReceiptItemsTable {
  heading: string;
  /** Item, quantity, unit price, line total. */
  columns: [string, string, string, string];
  rows: Array<[string, string, string, string]>;
}

export interface ReceiptDocumentSection {
  language: Locale;
  heading: string;
  /** "Demo: not a real transaction", on every section of a demo or training receipt. */
  demoMarker?: string;
  rows: ReceiptRow[];
  items?: ReceiptItemsTable;
  notes: string[];
}

export interface ReceiptDocument {
  kind: 'purchase' | 'return' | 'refund' | 'release';
  /** The authorization the receipt is about, for the PDF's file name; absent for an account refund. */
  authorizationId?: string;
  sections: ReceiptDocumentSection[];
}

/** Collects rows, skipping values that are absent. */
export function rowCollector() {
  const rows: ReceiptRow[] = [];
  return {
    rows,
    add(key: string, label: string, value: string | undefined | null) {
      if (value !== undefined && value !== null && value !== '') rows.push({ key, label, value });
    },
  };
}

export function formatReceiptTime(iso: string | undefined, locale: Locale): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

interface PricedItem {
  sku: string;
  description?: string | undefined;
  quantity: number;
  unitPriceCents: number;
}

/** The items as a receipt table under `heading`; undefined when there are none. */
export function itemsTableOf(
  items: readonly PricedItem[] | undefined,
  language: Locale,
  heading: string,
): ReceiptItemsTable | undefined {
  if (!items || items.length === 0) return undefined;
  const t = translator(language);
  const money = (cents: number) => formatCents(cents, language);
  return {
    heading,
    columns: [
      t('receiptDoc.item'),
      t('receiptDoc.quantity'),
      t('receiptDoc.unitPrice'),
      t('receiptDoc.lineTotal'),
    ],
    rows: items.map((item) => [
      item.description ? `${item.description} (${item.sku})` : item.sku,
      String(item.quantity),
      money(item.unitPriceCents),
      money(item.unitPriceCents * item.quantity),
    ]),
  };
}
