/**
 * Licence barcodes for the scan tests, dated relative to today so "expired" and "under age" stay
 * true whatever day the tests run, and main's decode as the fake's answer: the local parser and
 * main's own prefill builder run on exactly the text the screen sent.
 */
import { fromLocal } from '../../../src/main/core/handlers/licence-prefill';
import { parseAamva } from '../../../src/shared/licence/aamva';
import { buildLicenceBarcode, type LicencePerson } from '../../fixtures/licences/build-aamva';
import { refuse, type FakeHandler } from './fake-pos';

/** YYYY-MM-DD, `years` and `days` from today (local time, as the terminal counts). */
export function isoFromToday(years: number, days = 0): string {
  const now = new Date();
  const date = new Date(now.getFullYear() + years, now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const PRIYA: LicencePerson = {
  jurisdiction: 'ON',
  firstName: 'PRIYA',
  middleName: 'ANJALI',
  lastName: 'PATEL',
  dateOfBirth: isoFromToday(-34),
  issueDate: isoFromToday(-2),
  expiryDate: isoFromToday(3),
  licenceNumber: 'P12347209920704',
  sex: 'F',
  street: '88 KING ST E',
  city: 'HAMILTON',
  province: 'ON',
  postalCode: 'L8N 1A7',
};

export function licenceBarcode(changes: Partial<LicencePerson> = {}): string {
  return buildLicenceBarcode({ ...PRIYA, ...changes }, { version: 8 });
}

/** application.decodeLicence as main answers it when Flexiti's reader is not used. */
export const decodeLikeMain: FakeHandler<'application.decodeLicence'> = (request) => {
  const parsed = parseAamva(request.raw);
  if (!parsed.ok) return refuse('needs_action', 'licence_unreadable');
  return { source: 'local', prefill: fromLocal(parsed.licence).prefill };
};
