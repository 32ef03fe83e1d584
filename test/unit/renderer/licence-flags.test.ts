/** The scan screen's own look at a licence: expired, or under the age of majority of the province. */
import { describe, expect, it } from 'vitest';
import { licenceFlags, looksLikeLicence } from '../../../src/renderer/screens/scan/licence-flags';
import { buildLicenceBarcode, type LicencePerson } from '../../fixtures/licences/build-aamva';

function licence(overrides: Partial<LicencePerson>): string {
  return buildLicenceBarcode(
    {
      jurisdiction: 'ON',
      firstName: 'SAM',
      lastName: 'YOUNG',
      dateOfBirth: '1990-01-01',
      expiryDate: '2030-01-01',
      licenceNumber: 'Y1234-56789-01234',
      street: '1 MAIN ST',
      city: 'OTTAWA',
      province: 'ON',
      postalCode: 'K1A 0A1',
      ...overrides,
    },
    { version: 8 },
  );
}

describe('licenceFlags', () => {
  it('passes a valid adult licence', () => {
    expect(licenceFlags(licence({}), '2026-12-01')).toEqual({
      readable: true,
      expired: false,
      underAge: false,
      majority: 18,
    });
  });

  it('flags an expired licence, valid through its expiry day', () => {
    const raw = licence({ expiryDate: '2026-11-30' });
    expect(licenceFlags(raw, '2026-11-30').expired).toBe(false);
    expect(licenceFlags(raw, '2026-12-01').expired).toBe(true);
  });

  it('uses the province’s age of majority: 18 in Ontario, 19 in British Columbia', () => {
    const eighteen = { dateOfBirth: '2008-06-01' };
    expect(licenceFlags(licence(eighteen), '2026-12-01').underAge).toBe(false);
    const bc = licenceFlags(
      licence({ ...eighteen, jurisdiction: 'BC', province: 'BC', postalCode: 'V6B 1A1' }),
      '2026-12-01',
    );
    expect(bc).toMatchObject({ underAge: true, majority: 19 });
  });

  it('says when the terminal cannot read it, without flagging', () => {
    expect(licenceFlags('not a licence', '2026-12-01')).toEqual({
      readable: false,
      expired: false,
      underAge: false,
      majority: 18,
    });
    expect(looksLikeLicence('012345678905')).toBe(false);
    expect(looksLikeLicence(licence({}))).toBe(true);
  });
});
