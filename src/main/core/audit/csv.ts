/**
 * RFC 4180 CSV for manager exports. Text cells that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab/CR that some spreadsheets strip first) get a leading apostrophe,
 * so an order reference or a reason typed at the till cannot execute on a back-office PC.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: numbers are written as they are (they cannot be formulas); text is guarded and quoted. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return String(value);
  }
  let text = typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/** Lines joined with CRLF, ending with one (RFC 4180). */
export function csvDocument(lines: ReadonlyArray<readonly CsvCell[]>): string {
  return lines.map((cells) => `${csvLine(cells)}\r\n`).join('');
}
