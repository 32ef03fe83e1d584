/** Text for Helvetica (WinAnsi): what it cannot draw is mapped, never thrown on. */
import { describe, expect, it } from 'vitest';
import { pdfSafeText } from '../../../src/renderer/receipt/pdf-text';

// WinAnsi's printable range, roughly: Latin-1 plus the few extras tested here.
const winAnsi = (code: number) =>
  (code >= 0x20 && code <= 0x7e) ||
  (code >= 0xa0 && code <= 0xff) ||
  [0x2022, 0x2019, 0x2026, 0x20ac].includes(code);

describe('pdfSafeText', () => {
  it('turns the narrow no-break space of fr-CA money into a no-break space', () => {
    const money = new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' }).format(1234.56);
    const safe = pdfSafeText(money, winAnsi);
    expect([...safe].every((c) => winAnsi(c.codePointAt(0) ?? 0))).toBe(true);
    expect(safe.replace(/\u00a0/g, ' ')).toBe('1 234,56 $');
  });

  it('keeps accents, bullets and curly apostrophes, which WinAnsi has', () => {
    expect(pdfSafeText('Reçu •••• 5941 – l’été…', (c) => winAnsi(c) || c === 0x2013)).toBe(
      'Reçu •••• 5941 – l’été…',
    );
  });

  it('falls back to the bare letter, then to "?", and maps dashes and spaces', () => {
    expect(pdfSafeText('Łódź', winAnsi)).toBe('?ódz');
    expect(pdfSafeText('a\u2011b\u2212c\u2009d\u200be', winAnsi)).toBe('a-b-c de');
    expect(pdfSafeText('☃', winAnsi)).toBe('?');
  });
});
