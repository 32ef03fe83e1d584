/**
 * The AAMVA file header: "@" LF RS CR, file type "ANSI " (v01 may say "AAMVA"), IIN (6), AAMVA version
 * (2), jurisdiction version (2, not in v01), number of entries (2), then one 10-character designator
 * per subfile (type 2, offset 4, length 4). Scanners and issuers damage every part of it, so each
 * field is read leniently and repairs are noted.
 */
import { LicenceParseError, type Warnings } from './types';

export interface Designator {
  type: string;
  /** null when the digits are not digits (Alberta's sample carries letters there). */
  offset: number | null;
  length: number | null;
}

export interface Header {
  /** Index in the text from which designator offsets count (where '@' sits, or should). */
  base: number;
  iin: string;
  version: number;
  jurisdictionVersion?: number;
  designators: Designator[];
  /** Index just after the last designator: subfiles start here or later. */
  dataStart: number;
}

const MARKER = /ANSI|AAMVA/;
/** How far into the text the file type may sit (scanner prefixes, BOMs, spaces before '@'). */
const MARKER_WINDOW = 200;
const MAX_DESIGNATORS = 20;
export const SUBFILE_TYPE = /^(DL|ID|EN|Z[A-Z0-9])$/;
const ELEMENT_ID = /^[A-Z][A-Z0-9]{2}/;

export function findMarker(text: string): { index: number; marker: string } | null {
  const match = MARKER.exec(text.slice(0, MARKER_WINDOW));
  return match ? { index: match.index, marker: match[0] } : null;
}

const isDigits = (s: string, n: number): boolean => s.length === n && /^\d+$/.test(s);

export function parseHeader(text: string, markerIndex: number, marker: string, warnings: Warnings): Header {
  const at = text.lastIndexOf('@', markerIndex);
  const hasAt = at >= 0 && markerIndex - at <= 6;
  const base = hasAt ? at : markerIndex - 4;
  if (!hasAt || text.slice(at, markerIndex) !== '@\n\u001e\r') warnings.add('repaired_header');

  let p = markerIndex + marker.length;
  // "ANSI " should be followed by one space; Flexiti's own example has a newline there.
  const afterMarker = /^[\s]{0,3}/.exec(text.slice(p, p + 3))?.[0] ?? '';
  if (marker === 'ANSI' && afterMarker !== ' ') warnings.add('repaired_header');
  p += afterMarker.length;

  const remaining = text.length - p;
  if (remaining < 8) {
    throw new LicenceParseError('truncated', 'The barcode ends inside its header; scan it again.');
  }

  let iin = text.slice(p, p + 6);
  if (!isDigits(iin, 6)) {
    warnings.add('garbled_iin');
    iin = '';
  }
  p += 6;

  const versionText = text.slice(p, p + 2);
  if (!isDigits(versionText, 2)) {
    throw new LicenceParseError('invalid', 'The barcode header has no readable AAMVA version.');
  }
  const version = Number(versionText);
  if (version < 1 || version > 10) {
    throw new LicenceParseError('unsupported', `AAMVA version ${versionText} is not supported (01-10 are).`);
  }
  p += 2;

  let jurisdictionVersion: number | undefined;
  if (version >= 2 && isDigits(text.slice(p, p + 2), 2)) {
    jurisdictionVersion = Number(text.slice(p, p + 2));
    p += 2;
  } else if (version >= 2) {
    warnings.add('repaired_header');
  }

  let entries: number | null = null;
  if (isDigits(text.slice(p, p + 2), 2)) {
    entries = Number(text.slice(p, p + 2));
    p += 2;
  } else {
    warnings.add('repaired_header');
  }

  // Flexiti's example puts a space before the first designator.
  while (p < text.length && p - markerIndex < 40 && /\s/.test(text.charAt(p))) p += 1;

  const designators: Designator[] = [];
  const limit = Math.min(entries ?? MAX_DESIGNATORS, MAX_DESIGNATORS);
  while (designators.length < limit && p + 10 <= text.length) {
    const type = text.slice(p, p + 2);
    const offsetText = text.slice(p + 2, p + 6);
    const lengthText = text.slice(p + 6, p + 10);
    // Stop at the first subfile's data ("DLDAQ...") when the count is missing or wrong.
    if (!SUBFILE_TYPE.test(type) || ELEMENT_ID.test(offsetText)) break;
    designators.push({
      type,
      offset: isDigits(offsetText, 4) ? Number(offsetText) : null,
      length: isDigits(lengthText, 4) ? Number(lengthText) : null,
    });
    p += 10;
  }
  if (entries !== null && designators.length !== entries) warnings.add('repaired_header');

  return { base, iin, version, jurisdictionVersion, designators, dataStart: p };
}
