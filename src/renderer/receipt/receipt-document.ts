/**
 * A receipt as a document: sections in print order, each entirely in its own language, made of
 * labelled rows, an optional table of line items and notes. The screen, the printer and the PDF all
 * draw this one model, so they can never disagree.
 */
import type { Locale } from '../i18n/i18n';

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
