import { describe, expect, it } from 'vitest';
import {
  buildAamva,
  buildLicenceBarcode,
  mojibake,
  utf8Bytes,
  type LicencePerson,
} from '../../fixtures/licences/build-aamva';

const PERSON: LicencePerson = {
  jurisdiction: 'QC',
  firstName: 'ÉLODIE',
  lastName: 'CÔTÉ',
  dateOfBirth: '1988-02-18',
  licenceNumber: 'C1234',
  street: '1 RUE',
  city: 'LÉVIS',
  province: 'QC',
  postalCode: 'G6V 1A1',
};

/** Reads designators from a well-formed file by the standard's fixed positions (bytes). */
function designators(text: string, version: number): Array<{ type: string; offset: number; length: number }> {
  const bytes = new TextEncoder().encode(text);
  const ascii = (from: number, n: number): string => new TextDecoder().decode(bytes.slice(from, from + n));
  const headerLength = version >= 2 ? 21 : 19;
  const entries = Number(ascii(headerLength - 2, 2));
  return Array.from({ length: entries }, (_, i) => {
    const d = ascii(headerLength + 10 * i, 10);
    return { type: d.slice(0, 2), offset: Number(d.slice(2, 6)), length: Number(d.slice(6, 10)) };
  });
}

describe('the fixture builder', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('writes correct byte offsets and lengths (v%i)', (version) => {
    const text = buildLicenceBarcode(PERSON, {
      version,
      jurisdictionSubfile: { type: 'ZQ', elements: [['ZQA', 'É¿E']] },
    });
    const bytes = new TextEncoder().encode(text);
    const ds = designators(text, version);
    expect(ds.map((d) => d.type)).toEqual(['DL', 'ZQ']);
    for (const d of ds) {
      const sub = new TextDecoder().decode(bytes.slice(d.offset, d.offset + d.length));
      expect(sub.startsWith(d.type)).toBe(true);
      expect(sub.endsWith('\r')).toBe(true);
    }
    const last = ds[ds.length - 1];
    expect(last && last.offset + last.length).toBe(utf8Bytes(text));
    expect(text.startsWith(`@\n\u001e\rANSI 604428${String(version).padStart(2, '0')}`)).toBe(true);
  });

  it('applies quirks', () => {
    const base = { version: 3, iin: '636012', elements: [['DAQ', 'X'] as const] };
    expect(buildAamva({ ...base, quirks: { zeroOffsets: true } })).toContain('DL00000');
    expect(buildAamva({ ...base, quirks: { pipeForLf: true } })).not.toContain('\n');
    const stripped = buildAamva({ ...base, quirks: { stripSeparators: true } });
    for (const sep of ['\n', '\r', '\u001e']) expect(stripped).not.toContain(sep);
    expect(buildAamva({ ...base, quirks: { bom: true } }).charAt(0)).toBe('\ufeff');
    expect(mojibake('É', 'latin1')).toBe('Ã\u0089');
    expect(mojibake('É', 'cp1252')).toBe('Ã‰');
  });
});
