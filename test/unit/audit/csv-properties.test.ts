import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument } from '../../../src/main/core/audit/csv';
import { sensitiveTextReason } from '../../../src/main/core/audit/sensitive-text';

/** Reads RFC 4180 text back; written separately from the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
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
  return rows;
}

const cellText = fc.string({
  unit: fc.constantFrom('a', 'Z', '1', ',', '"', '\n', '\r', ' ', '=', '+', '-', '@', '\t', "'"),
});

describe('csv properties', () => {
  it('reads back every cell, with formula starts neutralised', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (table) => {
          const back = parseCsv(csvDocument(table));
          const expected = table.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
          expect(back).toEqual(expected);
        },
      ),
    );
  });

  it('never lets a written cell start with a formula character', () => {
    fc.assert(
      fc.property(cellText, (text) => {
        const [[cell]] = parseCsv(csvDocument([[text]])) as [[string]];
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
      }),
    );
  });
});

describe('full-number refusal properties', () => {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const words = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', ',') });

  it('refuses any 8 to 19 digit number inside text, grouped or not', () => {
    fc.assert(
      fc.property(
        words,
        fc.integer({ min: 8, max: 19 }).chain(digits),
        words,
        fc.constantFrom('', ' ', '-'),
        (before, number, after, sep) => {
          const grouped = sep ? (number.match(/.{1,4}/g) ?? []).join(sep) : number;
          expect(sensitiveTextReason(`${before} ${grouped} ${after}`)).not.toBeNull();
        },
      ),
    );
  });

  it('lets short numbers through', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 7 }).chain(digits), words, (before, number, after) => {
        expect(sensitiveTextReason(`${before} ${number} ${after}`)).toBeNull();
      }),
    );
  });
});
