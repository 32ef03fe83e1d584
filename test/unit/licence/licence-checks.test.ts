import { describe, expect, it } from 'vitest';
import { parseAamva } from '../../../src/shared/licence/aamva';
import { checkLicence, yearsBetween } from '../../../src/shared/licence/licence-checks';
import type { Licence } from '../../../src/shared/licence/types';
import { SAMPLES } from '../../fixtures/licences/samples';

function licence(over: Partial<Licence> & { province?: string }): Licence {
  const { province = 'ON', ...rest } = over;
  return {
    country: 'CAN',
    jurisdiction: 'ON',
    iin: '636012',
    aamvaVersion: 8,
    firstName: 'A',
    lastName: 'B',
    dateOfBirth: '2000-06-15',
    licenceNumber: 'X1',
    address: { street: '', city: '', province, postalCode: '' },
    ...rest,
  };
}

describe('yearsBetween', () => {
  it('counts whole years, birthdays included', () => {
    expect(yearsBetween('2000-06-15', '2018-06-14')).toBe(17);
    expect(yearsBetween('2000-06-15', '2018-06-15')).toBe(18);
    expect(yearsBetween('2000-06-15', '2018-12-31')).toBe(18);
    expect(yearsBetween('2004-02-29', '2022-02-28')).toBe(17);
    expect(yearsBetween('2004-02-29', '2022-03-01')).toBe(18);
  });
});

describe('checkLicence', () => {
  it('uses 18 in Ontario and 19 in British Columbia (the address province decides)', () => {
    const eighteen = { dateOfBirth: '2000-06-15' };
    expect(checkLicence(licence({ ...eighteen, province: 'ON' }), '2018-06-15')).toEqual({
      expired: false,
      underAge: false,
      ageYears: 18,
    });
    expect(checkLicence(licence({ ...eighteen, province: 'BC' }), '2018-06-15').underAge).toBe(true);
    expect(checkLicence(licence({ ...eighteen, province: 'BC' }), '2019-06-15').underAge).toBe(false);
    expect(checkLicence(licence({ ...eighteen, province: 'ON' }), '2018-06-14').underAge).toBe(true);
  });

  it('falls back to the jurisdiction when the address province is unknown', () => {
    const l = licence({ dateOfBirth: '2000-06-15', province: '', jurisdiction: 'NS' });
    expect(checkLicence(l, '2018-06-15').underAge).toBe(true);
    expect(checkLicence({ ...l, jurisdiction: 'NY' }, '2018-06-15').underAge).toBe(false);
  });

  it('is expired only after the expiry date', () => {
    const l = licence({ expiryDate: '2025-03-31' });
    expect(checkLicence(l, '2025-03-31').expired).toBe(false);
    expect(checkLicence(l, '2025-04-01').expired).toBe(true);
    expect(checkLicence(licence({}), '2099-01-01').expired).toBe(false);
  });

  it('works on parsed samples', () => {
    const parsed = parseAamva(SAMPLES.QC_FLEXITI_DOC?.raw ?? '');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(checkLicence(parsed.licence, '2024-05-14')).toEqual({
      expired: true,
      underAge: false,
      ageYears: 49,
    });
  });

  it('treats an unreadable birth date as under age', () => {
    expect(checkLicence(licence({ dateOfBirth: 'garbage' }), '2024-01-01').underAge).toBe(true);
  });
});
