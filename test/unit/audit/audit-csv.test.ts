import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/main/core/audit/audit-csv';
import { AuditLog } from '../../../src/main/core/audit/audit-log';
import { csvCell, csvDocument } from '../../../src/main/core/audit/csv';

/** An independent RFC 4180 reader for the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('csv', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(
      csvDocument([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
  });

  it.each(['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'neutralises the formula %j',
    (text) => {
      const [[cell]] = parseCsv(csvDocument([[text]])) as [[string]];
      expect(cell).toBe(`'${text}`);
    },
  );

  it('leaves numbers and ordinary text alone', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('ORD-1')).toBe('ORD-1');
    expect(csvCell("it's")).toBe("it's");
  });

  it('exports audit rows that read back to the same values', () => {
    const log = AuditLog.open(':memory:', { now: () => Date.UTC(2026, 6, 1, 9, 30) });
    log.append({
      action: 'refund',
      actorId: 'E1',
      actorRole: 'cashier',
      approverId: 'M1',
      outcome: 'ok',
      accountLast4: '4755',
      amountCents: 123456,
      reference: '=cmd|"calc"!A1,x',
      detail: {},
    });
    log.append({
      action: 'manager_approval',
      actorId: 'E1',
      actorRole: 'cashier',
      approverId: 'M1',
      outcome: 'ok',
      detail: { approvedAction: 'refund', reason: 'damaged, "as is"\nbox' },
    });
    const rows = log.query({ order: 'asc' }).rows;
    const parsed = parseCsv(toCsv(rows));
    log.close();
    expect(parsed).toHaveLength(3);
    const [header, first, second] = parsed as [string[], string[], string[]];
    expect(header.every((h) => h.length > 0)).toBe(true);
    const col = (name: string): number => header.indexOf(name);
    expect(first[col('amount')]).toBe('1234.56');
    expect(first[col('reference')]).toBe(`'=cmd|"calc"!A1,x`);
    expect(first[col('time_utc')]).toBe('2026-07-01T09:30:00.000Z');
    expect(first[col('hash')]).toBe(rows[0]?.hash);
    expect(JSON.parse(second[col('detail')] ?? '')).toEqual({
      approvedAction: 'refund',
      reason: 'damaged, "as is"\nbox',
    });
    expect(parsed.every((r) => r.length === header.length)).toBe(true);
  });
});
