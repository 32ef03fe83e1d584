/**
 * Names by version: v01 DAA ("LAST,FIRST,MIDDLE") or DAB/DAC/DAD; v02-v03 DCS + DCT (given names,
 * "FIRST,MIDDLE" in Ontario, "FIRST MIDDLE" in Alberta); v04+ DCS/DAC/DAD. Cards mix these up, so
 * every version falls back to the others' elements.
 */
import type { ElementMap } from './elements';

const PLACEHOLDERS: ReadonlySet<string> = new Set(['NONE', 'UNAVL', 'UNAVI', 'UNAV', 'N/A', 'NULL']);

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(value.trim().toUpperCase());
}

/** Trims padding and stray commas, collapses spaces; undefined for empty values and placeholders. */
export function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '')
    .trim();
  if (cleaned === '' || isPlaceholder(cleaned)) return undefined;
  return cleaned;
}

export interface Names {
  firstName?: string;
  middleName?: string;
  lastName?: string;
}

function joinParts(parts: string[]): string | undefined {
  return cleanText(parts.map((p) => cleanText(p) ?? '').join(' '));
}

/** Given names in one element: before the first comma (or space) is the first name, the rest middle. */
export function splitGivenNames(value: string | undefined): Pick<Names, 'firstName' | 'middleName'> {
  const cleaned = cleanText(value);
  if (!cleaned) return {};
  const parts = cleaned.includes(',') ? cleaned.split(',') : cleaned.split(' ');
  const [first = '', ...rest] = parts;
  return { firstName: cleanText(first), middleName: joinParts(rest) };
}

/** v01's full name: "LAST,FIRST,MIDDLE" (also with '$'), or "FIRST MIDDLE LAST" without commas. */
export function splitFullName(value: string | undefined): Names {
  const cleaned = cleanText(value);
  if (!cleaned) return {};
  if (/[,$]/.test(cleaned)) {
    const [last = '', first = '', ...rest] = cleaned.split(/[,$]+/);
    // "LAST,FIRST,MIDDLE": the second part is the whole first name; "LAST,FIRST MIDDLE": split it.
    const given =
      rest.length > 0 ? { firstName: cleanText(first), middleName: undefined } : splitGivenNames(first);
    return {
      lastName: cleanText(last),
      firstName: given.firstName,
      middleName: joinParts([given.middleName ?? '', ...rest]),
    };
  }
  const words = cleaned.split(' ');
  if (words.length === 1) return { lastName: cleaned };
  return {
    firstName: words[0],
    middleName: joinParts(words.slice(1, -1)),
    lastName: words[words.length - 1],
  };
}

export function extractNames(elements: ElementMap, version: number): Names {
  const dct = splitGivenNames(elements.get('DCT'));
  const separate: Names = {
    firstName: cleanText(elements.get('DAC')),
    middleName: cleanText(elements.get('DAD')),
  };
  const full = splitFullName(elements.get('DAA'));
  const given = version === 2 || version === 3 ? [dct, separate] : [separate, dct];

  const lastName = cleanText(elements.get('DCS')) ?? cleanText(elements.get('DAB')) ?? full.lastName;
  const firstName = given[0]?.firstName ?? given[1]?.firstName ?? full.firstName;
  // The middle name goes with whichever element supplied the first name.
  const source = [...given, full].find((n) => n.firstName !== undefined && n.firstName === firstName);
  const middleName = source?.middleName ?? (firstName === undefined ? undefined : separate.middleName);
  return { firstName, middleName, lastName };
}
