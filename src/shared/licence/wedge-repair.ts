/**
 * Undoes the damage keyboard-wedge scanners and wrong decoders do to barcode text before parsing:
 * byte-order marks, UTF-8 read as Latin-1 or Windows-1252 ("Ã‰" for "É"), stray C1 control bytes
 * (some scanners emit C2 80-9F), '|' typed for LF, and other control characters.
 * CR/LF/RS confusions need no repair here: later stages treat all three as separators.
 */
import type { Warnings } from './types';

/** Longest input the parser looks at; a real PDF417 licence payload is well under 3,000 characters. */
export const MAX_INPUT_LENGTH = 10_000;

// Windows-1252 characters in 0x80-0x9F, mapped back to their byte value.
const CP1252_BYTES: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

function byteOf(code: number): number {
  if (code <= 0xff) return code;
  return CP1252_BYTES.get(code) ?? -1;
}

const isContinuation = (b: number): boolean => b >= 0x80 && b <= 0xbf;

/** Decodes UTF-8 sequences that were read one byte per character. Leaves everything else alone. */
export function repairMojibake(text: string): { text: string; repaired: boolean } {
  if (!/[\u00c2-\u00ef]/.test(text)) return { text, repaired: false };
  let out = '';
  let repaired = false;
  let i = 0;
  while (i < text.length) {
    const b1 = byteOf(text.charCodeAt(i));
    if (b1 >= 0xc2 && b1 <= 0xdf && i + 1 < text.length) {
      const b2 = byteOf(text.charCodeAt(i + 1));
      if (isContinuation(b2)) {
        out += String.fromCharCode(((b1 & 0x1f) << 6) | (b2 & 0x3f));
        i += 2;
        repaired = true;
        continue;
      }
    } else if (b1 >= 0xe0 && b1 <= 0xef && i + 2 < text.length) {
      const b2 = byteOf(text.charCodeAt(i + 1));
      const b3 = byteOf(text.charCodeAt(i + 2));
      const cp = ((b1 & 0x0f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      // Overlong forms and surrogates are not real text: leave them as they are.
      if (isContinuation(b2) && isContinuation(b3) && cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff)) {
        out += String.fromCharCode(cp);
        i += 3;
        repaired = true;
        continue;
      }
    }
    out += text.charAt(i);
    i += 1;
  }
  return { text: out, repaired };
}

/** Normalizes scanner output; notes each repair in `warnings`. Input must already be length-capped. */
export function repairWedgeDamage(raw: string, warnings: Warnings): string {
  let text = raw;

  if (/\ufeff|\u00ef\u00bb\u00bf/.test(text)) {
    text = text.replace(/\ufeff|\u00ef\u00bb\u00bf/g, '');
    warnings.add('removed_bom');
  }

  const mojibake = repairMojibake(text);
  if (mojibake.repaired) {
    text = mojibake.text;
    warnings.add('repaired_encoding');
  }

  if (/[\u0080-\u009f]/.test(text)) {
    text = text.replace(/[\u0080-\u009f]/g, '');
    warnings.add('removed_control_bytes');
  }

  if (text.includes('|')) {
    text = text.replace(/\|/g, '\n');
    warnings.add('repaired_separators');
  }

  // Keep only the three AAMVA separators among the C0 controls; a tab is read as a space.
  // eslint-disable-next-line no-control-regex -- AAMVA separators are control characters
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001d\u001f\u007f]/.test(text)) {
    // eslint-disable-next-line no-control-regex -- AAMVA separators are control characters
    text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001d\u001f\u007f]/g, '');
    warnings.add('removed_control_bytes');
  }
  if (text.includes('\t')) text = text.replace(/\t/g, ' ');

  return text;
}
