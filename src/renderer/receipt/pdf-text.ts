/**
 * Text for a PDF standard font. Helvetica is WinAnsi-encoded: Intl's fr-CA money and dates use
 * narrow and thin no-break spaces (U+202F, U+2009) that it cannot draw, and pdf-lib throws on them.
 * Spaces and dashes map to their nearest WinAnsi form, accents fall back to the bare letter, and
 * anything else becomes "?", so a receipt is never lost to one character.
 */
const NEAREST: Record<string, string> = {
  '\u202F': '\u00A0', // narrow no-break space (fr-CA money and times)
  '\u2007': '\u00A0', // figure space
  '\u2009': ' ', // thin space
  '\u200A': ' ', // hair space
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2010': '-',
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-',
  '\u2212': '-', // minus sign
  '\u200B': '', // zero-width space
  '\u200E': '', // direction marks
  '\u200F': '',
  '\uFEFF': '',
  '\t': ' ',
  '\r': '',
  '\n': ' ',
};

export function pdfSafeText(text: string, canDraw: (codePoint: number) => boolean): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const mapped = NEAREST[char] ?? char;
    for (const piece of mapped) {
      const code = piece.codePointAt(0) ?? 0;
      if (canDraw(code)) {
        out += piece;
        continue;
      }
      const bare = piece.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare !== '' && [...bare].every((c) => canDraw(c.codePointAt(0) ?? 0)) ? bare : '?';
    }
  }
  return out;
}
