/**
 * British Columbia's licence PDF417 holds magnetic-stripe track data, not AAMVA subfiles:
 *   %BC<city>^<LAST,$FIRST MIDDLE>^<street$...>?;636028<DL#>=<YYMM expiry><CCYYMMDD birth>=?_%<track 3>?
 * Track 3 (optional) starts with two version characters, an 11-character postal code, class (2),
 * restrictions (10), endorsements (4), then sex.
 */
import { isoDate, daysInMonth } from './dates';
import { issuerForIin } from './iin';
import { cleanText } from './names';
import { normalizeLicencePostal } from './postal';
import { LicenceParseError, type Licence, type Warnings } from './types';

const BC_IIN = '636028';
const TRACK1 = /%([A-Z]{2})([^?]*)\?/;
const TRACK2 = /;(\d{6})([0-9A-Z]{1,13})=(\d{4})(\d{8})(\d{0,5})=?\??/;
const POSTAL_IN_TEXT = /[A-Z]\d[A-Z] ?\d[A-Z]\d/;
const SEX_INDEX = 2 + 11 + 2 + 10 + 4;

/** True for text that starts like AAMVA magnetic-stripe data ("%BC..." or a bare track 2). */
export function looksLikeMagstripe(text: string): boolean {
  const head = text.trimStart().slice(0, 4);
  return /^_?%[A-Z]{2}/.test(head) || /^;\d{3}/.test(head);
}

function parseName(field: string): { firstName?: string; middleName?: string; lastName?: string } {
  const comma = field.indexOf(',');
  const lastPart = comma >= 0 ? field.slice(0, comma) : (field.split('$')[0] ?? '');
  const givenPart = comma >= 0 ? field.slice(comma + 1) : field.split('$').slice(1).join(' ');
  const given = givenPart
    .split(/[$\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const [first, ...middle] = given;
  return {
    lastName: cleanText(lastPart),
    firstName: cleanText(first),
    middleName: cleanText(middle.join(' ')),
  };
}

/** YYMM with AAMVA's special months: 77 never expires, 88 end of birth month, 99 the birthday. */
function expiryFrom(yymm: string, dob: string | undefined): string | undefined {
  const year = 2000 + Number(yymm.slice(0, 2));
  const month = Number(yymm.slice(2, 4));
  const birthMonth = dob ? Number(dob.slice(5, 7)) : undefined;
  const birthDay = dob ? Number(dob.slice(8, 10)) : undefined;
  if (month === 77) return undefined;
  if (month === 88 && birthMonth) return isoDate(year, birthMonth, daysInMonth(year, birthMonth));
  if (month === 99 && birthMonth && birthDay) {
    return isoDate(year, birthMonth, Math.min(birthDay, daysInMonth(year, birthMonth)));
  }
  if (month < 1 || month > 12) return undefined;
  // BC licences expire on the holder's birthday; otherwise take the month's last day.
  const day =
    month === birthMonth && birthDay
      ? Math.min(birthDay, daysInMonth(year, month))
      : daysInMonth(year, month);
  return isoDate(year, month, day);
}

function sexFrom(track3: string | undefined): Licence['sex'] {
  const c = track3?.charAt(SEX_INDEX);
  if (c === 'M' || c === '1') return 'M';
  if (c === 'F' || c === '2') return 'F';
  if (c === 'X' || c === '9') return 'X';
  return undefined;
}

export function parseBcMagstripe(text: string, warnings: Warnings): Licence {
  const track1 = TRACK1.exec(text);
  const state = track1?.[1] ?? /%([A-Z]{2})/.exec(text)?.[1];
  const track2 = TRACK2.exec(text);
  const iin = track2?.[1];
  // A payment card's track 2 also starts with ';' and digits: only a licence issuer's IIN counts.
  if (state === undefined && (iin === undefined || !issuerForIin(iin))) {
    throw new LicenceParseError('not_aamva', 'This is not a driver’s licence or ID card barcode.');
  }
  if ((state !== undefined && state !== 'BC') || (iin !== undefined && iin !== BC_IIN)) {
    throw new LicenceParseError(
      'unsupported',
      'Magnetic-stripe licence data is supported only for British Columbia.',
    );
  }
  if (!track1 || !track2) {
    throw new LicenceParseError('truncated', 'The licence data is incomplete; scan it again.');
  }
  warnings.add('bc_magstripe');

  const [cityField = '', nameField = '', addressField = ''] = (track1[2] ?? '').split('^');
  const names = parseName(nameField);
  const dob = isoDate(
    Number(track2[4]?.slice(0, 4)),
    Number(track2[4]?.slice(4, 6)),
    Number(track2[4]?.slice(6, 8)),
  );
  const licenceNumber = `${track2[2] ?? ''}${track2[5] ?? ''}`;
  if (!names.lastName || !dob || licenceNumber === '') {
    throw new LicenceParseError('invalid', 'The licence barcode is missing the name, birth date or number.');
  }

  const afterTrack2 = text.slice(track2.index + track2[0].length);
  const track3 = /%([^?]*)/.exec(afterTrack2)?.[1];
  const [street = '', ...addressRest] = addressField.split('$');
  const postalSource =
    (track3 ? normalizeLicencePostal(track3.slice(2, 13)) : '') ||
    normalizeLicencePostal(POSTAL_IN_TEXT.exec(addressRest.join(' '))?.[0]);
  if (!names.firstName) warnings.add('missing_first_name');

  return {
    country: 'CAN',
    jurisdiction: 'BC',
    iin: BC_IIN,
    aamvaVersion: 0,
    firstName: names.firstName ?? '',
    ...(names.middleName ? { middleName: names.middleName } : {}),
    lastName: names.lastName,
    dateOfBirth: dob,
    ...(expiryFrom(track2[3] ?? '', dob) ? { expiryDate: expiryFrom(track2[3] ?? '', dob) } : {}),
    licenceNumber,
    ...(sexFrom(track3) ? { sex: sexFrom(track3) } : {}),
    address: {
      street: cleanText(street) ?? '',
      city: cleanText(cityField) ?? '',
      province: 'BC',
      postalCode: postalSource,
    },
  };
}
