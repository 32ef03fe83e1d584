import { describe, expect, it } from 'vitest';
import {
  PROVINCE_CODES,
  PROVINCES,
  ageOfMajority,
  isProvinceCode,
  normalizePostalCode,
  postalCodeMatchesProvince,
} from '../../../src/shared/provinces';

describe('provinces', () => {
  it('lists the 13 provinces and territories with English and French names', () => {
    expect([...PROVINCE_CODES].sort()).toEqual(
      ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'].sort(),
    );
    expect(PROVINCES.QC.nameFr).toBe('Québec');
    expect(PROVINCES.PE.nameFr).toBe('Île-du-Prince-Édouard');
    expect(PROVINCES.NL.nameEn).toBe('Newfoundland and Labrador');
    for (const code of PROVINCE_CODES) {
      expect(PROVINCES[code].code).toBe(code);
      expect(PROVINCES[code].nameEn.length).toBeGreaterThan(0);
      expect(PROVINCES[code].nameFr.length).toBeGreaterThan(0);
    }
  });

  it('isProvinceCode accepts the 13 codes only', () => {
    for (const code of PROVINCE_CODES) expect(isProvinceCode(code)).toBe(true);
    for (const other of ['on', 'NF', 'PQ', 'NY', '', 'ONT', undefined, 12])
      expect(isProvinceCode(other)).toBe(false);
  });

  it('ageOfMajority is 19 in BC, NB, NL, NS, NT, NU, YT and 18 elsewhere', () => {
    const nineteen = ['BC', 'NB', 'NL', 'NS', 'NT', 'NU', 'YT'];
    for (const code of PROVINCE_CODES) expect(ageOfMajority(code)).toBe(nineteen.includes(code) ? 19 : 18);
    expect(ageOfMajority(' bc ')).toBe(19);
    expect(ageOfMajority('NY')).toBeNull();
  });

  it('normalizePostalCode formats valid codes and rejects the rest', () => {
    expect(normalizePostalCode('m5j2h7')).toBe('M5J 2H7');
    expect(normalizePostalCode(' M5J 2H7 ')).toBe('M5J 2H7');
    expect(normalizePostalCode('m5j-2h7')).toBe('M5J 2H7');
    expect(normalizePostalCode('K1A0B1')).toBe('K1A 0B1');
    expect(normalizePostalCode('X0A 0H0')).toBe('X0A 0H0');
    // W and Z may appear after the first letter.
    expect(normalizePostalCode('T2W 1Z9')).toBe('T2W 1Z9');
    for (const bad of [
      '',
      'M5J',
      'M5J 2H',
      '12345',
      'D5J 2H7',
      'M5F 2H7',
      'M5J 2I7',
      'W5J 2H7',
      'Z5J 2H7',
      'M5J 2H7X',
      'MMJ 2H7',
      'O5J 2H7',
      'Q5J 2H7',
      'U5J 2H7',
    ]) {
      expect(normalizePostalCode(bad), bad).toBeNull();
    }
  });

  it('postalCodeMatchesProvince checks the first letter against the province', () => {
    expect(postalCodeMatchesProvince('M5J 2H7', 'ON')).toBe(true);
    expect(postalCodeMatchesProvince('k1a0b1', 'ON')).toBe(true);
    expect(postalCodeMatchesProvince('H2X 3K4', 'QC')).toBe(true);
    expect(postalCodeMatchesProvince('J4B 1A1', 'QC')).toBe(true);
    expect(postalCodeMatchesProvince('X0A 0H0', 'NU')).toBe(true);
    expect(postalCodeMatchesProvince('X1A 2L9', 'NT')).toBe(true);
    expect(postalCodeMatchesProvince('V8W 2C5', 'BC')).toBe(true);
    expect(postalCodeMatchesProvince('M5J 2H7', 'QC')).toBe(false);
    expect(postalCodeMatchesProvince('A1C 1A1', 'NS')).toBe(false);
    expect(postalCodeMatchesProvince('M5J 2H7', 'XX')).toBe(false);
    expect(postalCodeMatchesProvince('not a code', 'ON')).toBe(false);
  });
});
