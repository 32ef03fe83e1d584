/**
 * A receipt document as PDF bytes, drawn with pdf-lib's standard Helvetica (nothing to embed).
 *
 * The page is 80 mm wide, the common receipt-printer roll, so the PDF prints as the paper receipt
 * does and reads well on a phone. Each page is only as long as its content, up to A4's 297 mm, then
 * the receipt breaks onto a new page: a roll printer wastes no paper and a sheet printer still copes.
 *
 * pdf-lib is imported lazily: it is large and only needed when someone saves a PDF, so it stays out
 * of the renderer's initial bundle.
 */
import type { PDFFont } from 'pdf-lib';
import { pdfSafeText } from './pdf-text';
import type { ReceiptDocument, ReceiptDocumentSection } from './receipt-document';

const MM = 72 / 25.4;
const PAGE_WIDTH = 80 * MM;
const MAX_PAGE_HEIGHT = 297 * MM;
const MARGIN = 4 * MM;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const SIZE = 8;
const SMALL = 7;
const HEADING = 10;
const GAP = 2;

type Align = 'left' | 'right' | 'center';
interface Run {
  text: string;
  x: number;
  width: number;
  align: Align;
  bold: boolean;
  size: number;
}
/** One printed line: its runs, its height, and an optional rule above it or under it. */
interface Line {
  runs: Run[];
  height: number;
  ruleAbove?: boolean;
  ruleBelow?: boolean;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  safe: (text: string) => string;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(' ')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        current = candidate;
        continue;
      }
      if (current !== '') lines.push(current);
      // A single word wider than the column is cut where it no longer fits.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      current = rest;
    }
    lines.push(current);
  }
  return lines;
}

function lineOf(runs: Run[], size: number, ruleBelow = false): Line {
  return { runs, height: size + GAP, ...(ruleBelow ? { ruleBelow } : {}) };
}

function sectionLines(section: ReceiptDocumentSection, fonts: Fonts, first: boolean): Line[] {
  const { regular, bold, safe } = fonts;
  const lines: Line[] = [];
  const full = (text: string, options: { bold?: boolean; size?: number; align?: Align } = {}) => {
    const size = options.size ?? SIZE;
    const font = options.bold ? bold : regular;
    for (const piece of wrap(safe(text), font, size, CONTENT_WIDTH)) {
      lines.push(
        lineOf(
          [
            {
              text: piece,
              x: 0,
              width: CONTENT_WIDTH,
              align: options.align ?? 'left',
              bold: !!options.bold,
              size,
            },
          ],
          size,
        ),
      );
    }
  };

  if (!first) lines.push({ runs: [], height: SIZE, ruleAbove: true });
  full(section.heading, { bold: true, size: HEADING, align: 'center' });
  if (section.demoMarker) full(section.demoMarker, { bold: true, align: 'center' });
  lines.push({ runs: [], height: GAP * 2 });

  for (const row of section.rows) {
    const label = safe(row.label);
    const value = safe(row.value);
    const labelWidth = regular.widthOfTextAtSize(label, SIZE);
    const valueWidth = bold.widthOfTextAtSize(value, SIZE);
    if (labelWidth + valueWidth + 6 <= CONTENT_WIDTH) {
      lines.push(
        lineOf(
          [
            { text: label, x: 0, width: CONTENT_WIDTH, align: 'left', bold: false, size: SIZE },
            { text: value, x: 0, width: CONTENT_WIDTH, align: 'right', bold: true, size: SIZE },
          ],
          SIZE,
        ),
      );
    } else {
      full(row.label);
      full(row.value, { bold: true, align: 'right' });
    }
  }

  if (section.items) {
    lines.push({ runs: [], height: GAP * 2 });
    full(section.items.heading, { bold: true });
    // Item | qty | unit price | line total, with the item's text wrapping in its own column.
    const widths = [CONTENT_WIDTH * 0.4, CONTENT_WIDTH * 0.1, CONTENT_WIDTH * 0.25, CONTENT_WIDTH * 0.25];
    const xs = widths.map((_, index) => widths.slice(0, index).reduce((a, b) => a + b, 0));
    const tableRow = (cells: readonly string[], isHeader: boolean) => {
      const wrapped = cells.map((cell, index) =>
        wrap(safe(cell), isHeader ? bold : regular, SMALL, (widths[index] ?? 0) - 2),
      );
      const height = Math.max(...wrapped.map((w) => w.length));
      for (let i = 0; i < height; i++) {
        lines.push(
          lineOf(
            wrapped.map((pieces, index) => ({
              text: pieces[i] ?? '',
              x: xs[index] ?? 0,
              width: widths[index] ?? 0,
              align: index === 0 ? 'left' : 'right',
              bold: isHeader,
              size: SMALL,
            })),
            SMALL,
            isHeader && i === height - 1,
          ),
        );
      }
    };
    tableRow(section.items.columns, true);
    for (const row of section.items.rows) tableRow(row, false);
  }

  for (const note of section.notes) {
    lines.push({ runs: [], height: GAP * 2 });
    for (const piece of wrap(safe(note), regular, SMALL, CONTENT_WIDTH)) {
      lines.push(
        lineOf([{ text: piece, x: 0, width: CONTENT_WIDTH, align: 'left', bold: false, size: SMALL }], SMALL),
      );
    }
  }
  return lines;
}

/** Splits the lines into pages no longer than MAX_PAGE_HEIGHT, each as tall as what it holds. */
function paginate(lines: Line[]): Line[][] {
  const pages: Line[][] = [];
  let page: Line[] = [];
  let used = 0;
  const room = MAX_PAGE_HEIGHT - 2 * MARGIN;
  for (const line of lines) {
    if (used + line.height > room && page.length > 0) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(line);
    used += line.height;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

export async function receiptPdf(receipt: ReceiptDocument, meta: { title: string }): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const drawable = new Set([...regular.getCharacterSet(), ...bold.getCharacterSet()]);
  const fonts: Fonts = { regular, bold, safe: (text) => pdfSafeText(text, (code) => drawable.has(code)) };

  const first = receipt.sections[0]?.language ?? 'en';
  pdf.setTitle(fonts.safe(meta.title));
  pdf.setLanguage(first === 'fr' ? 'fr-CA' : 'en-CA');
  pdf.setCreator('Flexiti In-Store');
  pdf.setProducer('Flexiti In-Store');

  const lines = receipt.sections.flatMap((section, index) => sectionLines(section, fonts, index === 0));
  for (const pageLines of paginate(lines)) {
    const height = pageLines.reduce((sum, line) => sum + line.height, 0) + 2 * MARGIN;
    const page = pdf.addPage([PAGE_WIDTH, height]);
    let y = height - MARGIN;
    for (const line of pageLines) {
      const baseline = y - line.height + GAP;
      for (const at of [line.ruleAbove ? y - 1 : null, line.ruleBelow ? baseline - 1.5 : null]) {
        if (at === null) continue;
        page.drawLine({
          start: { x: MARGIN, y: at },
          end: { x: PAGE_WIDTH - MARGIN, y: at },
          thickness: 0.5,
          color: rgb(0.3, 0.3, 0.3),
          dashArray: [2, 2],
        });
      }
      for (const run of line.runs) {
        if (run.text === '') continue;
        const font = run.bold ? bold : regular;
        const textWidth = font.widthOfTextAtSize(run.text, run.size);
        const offset =
          run.align === 'right'
            ? run.width - textWidth
            : run.align === 'center'
              ? (run.width - textWidth) / 2
              : 0;
        page.drawText(run.text, {
          x: MARGIN + run.x + Math.max(0, offset),
          y: baseline,
          size: run.size,
          font,
          color: rgb(0, 0, 0),
        });
      }
      y -= line.height;
    }
  }
  return pdf.save();
}

/** `flexiti-receipt-<authorizationId>.pdf`, with the operation's kind for a return, refund or release. */
export function receiptFileName(receipt: ReceiptDocument): string {
  const id = receipt.authorizationId ?? new Date().toISOString().slice(0, 19).replace(/\D/g, '');
  return receipt.kind === 'purchase'
    ? `flexiti-receipt-${id}.pdf`
    : `flexiti-${receipt.kind}-receipt-${id}.pdf`;
}
