/**
 * Finds each subfile in the text. The designator's offset is trusted when the subfile type sits there
 * (give or take a few characters that wedge repairs add or remove); otherwise, as with Ontario's
 * "0000" offsets or Alberta's letters, the subfile is found by searching for its type followed by an
 * element identifier. A subfile runs to the next one or to the end of the text.
 */
import type { Header } from './header';
import type { Warnings } from './types';

export interface Subfile {
  type: string;
  /** Index of the type's first character. */
  start: number;
  end: number;
  /** Declared length in bytes, when the designator had readable digits. */
  declaredLength: number | null;
  /** The designator's offset pointed exactly here, so its length can be trusted too. */
  trusted: boolean;
}

const SLACK = [0, -1, 1, -2, 2, -3, 3, -4, 4];
const MAX_SEARCH_HITS = 50;

function elementFollows(text: string, at: number, type: string): boolean {
  const next = text.slice(at + 2, at + 5);
  // Standard subfiles hold D.. elements; jurisdiction subfiles (ZO, ZV...) their own Z.. ones.
  return type.startsWith('Z') ? /^[A-Z][A-Z0-9]{2}$/.test(next) : /^D[A-Z]{2}$/.test(next);
}

function searchFor(text: string, type: string, from: number, taken: Set<number>): number {
  let at = text.indexOf(type, from);
  for (let hits = 0; at >= 0 && hits < MAX_SEARCH_HITS; hits += 1) {
    if (!taken.has(at) && elementFollows(text, at, type)) return at;
    at = text.indexOf(type, at + 1);
  }
  return -1;
}

const rank = (type: string): number => (type === 'DL' || type === 'ID' ? 0 : 1);

export function locateSubfiles(text: string, header: Header, warnings: Warnings): Subfile[] {
  const found: Array<Omit<Subfile, 'end'>> = [];
  const taken = new Set<number>();

  // Licence data first, so a jurisdiction subfile search never lands inside it.
  const ordered = [...header.designators].sort((a, b) => rank(a.type) - rank(b.type));
  let searchFrom = header.dataStart;
  for (const designator of ordered) {
    let start = -1;
    let byOffset = false;
    if (designator.offset !== null && designator.offset > 0) {
      const expected = charIndexAtByte(text, header.base, designator.offset);
      for (const delta of SLACK) {
        const at = expected + delta;
        if (at >= header.dataStart && !taken.has(at) && text.startsWith(designator.type, at)) {
          if (elementFollows(text, at, designator.type)) {
            start = at;
            byOffset = delta === 0;
            break;
          }
        }
      }
    }
    if (start < 0) start = searchFor(text, designator.type, searchFrom, taken);
    if (start < 0) continue;
    searchFrom = Math.max(searchFrom, start + 5);
    if (!byOffset) warnings.add('offset_by_search');
    taken.add(start);
    found.push({ type: designator.type, start, declaredLength: designator.length, trusted: byOffset });
  }

  // No usable designators at all: look for the licence or ID subfile itself.
  if (!found.some((s) => s.type === 'DL' || s.type === 'ID')) {
    for (const type of ['DL', 'ID']) {
      const start = searchFor(text, type, header.dataStart, taken);
      if (start >= 0) {
        warnings.add('offset_by_search');
        taken.add(start);
        found.push({ type, start, declaredLength: null, trusted: false });
        break;
      }
    }
  }

  found.sort((a, b) => a.start - b.start);
  return found.map((s, i) => ({ ...s, end: found[i + 1]?.start ?? text.length }));
}

/** The index of the character `bytes` UTF-8 bytes after `from` (offsets count bytes, not characters). */
export function charIndexAtByte(text: string, from: number, bytes: number): number {
  let i = Math.max(0, from);
  let counted = from < 0 ? -from : 0;
  while (counted < bytes && i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x80) counted += 1;
    else if (c < 0x800) counted += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      counted += 4;
      i += 1;
    } else counted += 3;
    i += 1;
  }
  return i + Math.max(0, bytes - counted);
}

/** UTF-8 byte length of a slice, the unit AAMVA offsets and lengths count in. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}
