import { describe, expect, it } from 'vitest';
import { MAX_INPUT_LENGTH, parseAamva, type ParseErrorCode } from '../../../src/shared/licence/aamva';
import {
  buildAamva,
  buildLicenceBarcode,
  personElements,
  type LicencePerson,
} from '../../fixtures/licences/build-aamva';
import { SAMPLES } from '../../fixtures/licences/samples';

const PERSON: LicencePerson = {
  jurisdiction: 'ON',
  firstName: 'AVERY',
  lastName: 'SINCLAIR',
  dateOfBirth: '1990-01-31',
  expiryDate: '2030-01-31',
  licenceNumber: 'S45678901900131',
  sex: 'F',
  street: '1 YONGE ST',
  city: 'TORONTO',
  province: 'ON',
  postalCode: 'M5E 1W7',
};

function expectError(raw: unknown, code: ParseErrorCode): string {
  const result = parseAamva(raw as string);
  if (result.ok) throw new Error(`expected ${code}, got a licence`);
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(0);
  return result.error.message;
}

describe('parseAamva errors', () => {
  it('not_aamva: empty, blank, ordinary text, a URL, binary junk', () => {
    expectError('', 'not_aamva');
    expectError('   \n\t ', 'not_aamva');
    expectError('The quick brown fox jumps over the lazy dog', 'not_aamva');
    expectError('https://www.example.com/ANSI/standards?page=2', 'not_aamva');
    expectError('We follow ANSI standards', 'not_aamva');
    const junk = Array.from({ length: 600 }, (_, i) => String.fromCharCode((i * 73 + 11) % 256)).join('');
    expectError(junk, 'not_aamva');
    expectError('0123456789'.repeat(50), 'not_aamva');
    // A payment card swiped or scanned by mistake (test card numbers).
    expectError(';4111111111111111=29121010000000000000?', 'not_aamva');
    expectError('%B4111111111111111^DOE/JOHN^2912101000000000000000?', 'not_aamva');
  });

  it('truncated: a header cut short, a scan cut before the mandatory fields', () => {
    expectError('@\n\u001e\rANSI 6360', 'truncated');
    expectError('@\n\u001e\rANSI ', 'truncated');
    const full = buildLicenceBarcode(PERSON, { version: 8 });
    // The standard's order puts the licence number (DAQ) after the address.
    expectError(full.slice(0, Math.floor(full.length * 0.45)), 'truncated');
    const header = full.slice(0, full.indexOf('DLDCA'));
    expectError(header, 'truncated');
    // Cut on an element boundary (the scanner's idle gap ended the scan early).
    expectError(full.slice(0, full.indexOf('\nDAQ') + 1), 'truncated');
    // Ontario's 0000 offsets: the subfile is found by search, its declared length still tells.
    const ontario = buildLicenceBarcode(PERSON, { version: 3, quirks: { zeroOffsets: true } });
    expectError(ontario.slice(0, Math.floor(ontario.length * 0.45)), 'truncated');
  });

  it('unsupported: an AAMVA version outside 01-10, a non-North-American card, an unknown issuer', () => {
    const v8 = buildLicenceBarcode(PERSON, { version: 8 });
    expectError(v8.replace('ANSI 63601208', 'ANSI 63601211'), 'unsupported');
    expectError(v8.replace('ANSI 63601208', 'ANSI 63601200'), 'unsupported');
    const mexican = personElements(PERSON, 8).map(([id, v]) =>
      id === 'DCG' ? (['DCG', 'MEX'] as const) : id === 'DAJ' ? (['DAJ', 'CU'] as const) : ([id, v] as const),
    );
    expectError(buildAamva({ version: 8, iin: '636056', elements: mexican }), 'unsupported');
    const nowhere = personElements(PERSON, 8)
      .filter(([id]) => id !== 'DCG')
      .map(([id, v]) => (id === 'DAJ' ? (['DAJ', 'QQ'] as const) : ([id, v] as const)));
    expectError(buildAamva({ version: 8, iin: '123456', elements: nowhere }), 'unsupported');
  });

  it('invalid: too long, not a string, no licence subfile, mandatory fields missing or unreadable', () => {
    expectError('@\n\u001e\rANSI 636012080102'.padEnd(MAX_INPUT_LENGTH + 1, 'X'), 'invalid');
    expectError('A'.repeat(1_000_000), 'invalid');
    expectError(undefined, 'invalid');
    expectError(42, 'invalid');
    const onlyJurisdictionData = buildLicenceBarcode(PERSON, { version: 8 }).replace(/DL/g, 'ZO');
    expectError(onlyJurisdictionData, 'invalid');
    const noBirth = personElements(PERSON, 8).filter(([id]) => id !== 'DBB');
    expect(expectError(buildAamva({ version: 8, iin: '636012', elements: noBirth }), 'invalid')).toMatch(
      /date of birth/,
    );
    const badBirth = personElements(PERSON, 8).map(([id, v]) => [id, id === 'DBB' ? '19901350' : v] as const);
    expectError(buildAamva({ version: 8, iin: '636012', elements: badBirth }), 'invalid');
    const noNumber = personElements(PERSON, 8).map(([id, v]) => [id, id === 'DAQ' ? 'NONE' : v] as const);
    expectError(buildAamva({ version: 8, iin: '636012', elements: noNumber }), 'invalid');
    expectError('@\n\u001e\rANSI 636012XX0102DL00410278', 'invalid');
  });

  it('never puts the scanned data in its messages', () => {
    const full = buildLicenceBarcode(PERSON, { version: 8 });
    const cuts = [0.3, 0.45, 0.6].map((f) => full.slice(0, Math.floor(full.length * f)));
    for (const raw of [...cuts, full.replace('DBB19900131', 'DBB99999999')]) {
      const result = parseAamva(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        for (const secret of [
          PERSON.licenceNumber,
          PERSON.lastName,
          PERSON.firstName,
          '19900131',
          '636012',
        ]) {
          expect(result.error.message).not.toContain(secret);
        }
      }
    }
  });

  it('returns an error, never throws, for every sample cut at every length', () => {
    for (const sample of Object.values(SAMPLES)) {
      for (let n = 0; n < sample.raw.length; n += 1) {
        const result = parseAamva(sample.raw.slice(0, n));
        expect(typeof result.ok).toBe('boolean');
      }
    }
  });
});
