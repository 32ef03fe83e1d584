/**
 * parseAamva: the one entry point for licence barcode text (PDF417 scanned by camera, keyboard wedge
 * or paste), used by the sandbox's customers/driverslicense endpoint and the cashier's scan screens.
 * Lenient with the quirks real cards and scanners have; never throws; never echoes the input.
 */
import { parseBcMagstripe, looksLikeMagstripe } from './bc-magstripe';
import { parseAamvaDate, type DateFormat } from './dates';
import { splitElements, type ElementMap } from './elements';
import { findMarker, parseHeader, type Header } from './header';
import { issuerForIin, issuerForJurisdiction } from './iin';
import { cleanText, extractNames } from './names';
import { normalizeLicencePostal } from './postal';
import { locateSubfiles, utf8Length, type Subfile } from './subfiles';
import { LicenceParseError, type Licence, type ParseResult, type Warnings } from './types';
import { MAX_INPUT_LENGTH, repairWedgeDamage } from './wedge-repair';

export type { Licence, LicenceAddress, ParseErrorCode, ParseResult } from './types';
export { MAX_INPUT_LENGTH } from './wedge-repair';

const NEW_BRUNSWICK_IIN = '636017';

export function parseAamva(raw: string): ParseResult {
  const warnings: Warnings = new Set();
  try {
    const licence = parseOrThrow(raw, warnings);
    return { ok: true, licence, warnings: [...warnings] };
  } catch (error) {
    if (error instanceof LicenceParseError) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    return { ok: false, error: { code: 'invalid', message: 'The barcode could not be read.' } };
  }
}

function parseOrThrow(raw: unknown, warnings: Warnings): Licence {
  if (typeof raw !== 'string') throw new LicenceParseError('invalid', 'The barcode text is not a string.');
  if (raw.length > MAX_INPUT_LENGTH) {
    throw new LicenceParseError(
      'invalid',
      `The text is too long for a licence barcode (over ${MAX_INPUT_LENGTH} characters).`,
    );
  }
  if (raw.trim() === '') throw new LicenceParseError('not_aamva', 'The barcode text is empty.');

  const text = repairWedgeDamage(raw, warnings);
  const found = findMarker(text);
  if (!found) {
    if (looksLikeMagstripe(text)) return parseBcMagstripe(text, warnings);
    throw new LicenceParseError('not_aamva', 'This is not a driver’s licence or ID card barcode.');
  }

  const after = text.slice(found.index + found.marker.length, found.index + found.marker.length + 4);
  const atBefore = text.lastIndexOf('@', found.index);
  const hasCompliance = atBefore >= 0 && found.index - atBefore <= 6;
  // "ANSI" inside ordinary text is not a header: it needs the '@' before it or the IIN after it.
  if (!hasCompliance && !/^\s{0,3}\d/.test(after)) {
    throw new LicenceParseError('not_aamva', 'This is not a driver’s licence or ID card barcode.');
  }

  const header = parseHeader(text, found.index, found.marker, warnings);
  const subfiles = locateSubfiles(text, header, warnings);
  const main = subfiles.find((s) => s.type === 'DL') ?? subfiles.find((s) => s.type === 'ID');
  if (!main) {
    const headerOnly = text.length - header.dataStart < 20;
    throw new LicenceParseError(
      headerOnly ? 'truncated' : 'invalid',
      headerOnly
        ? 'The barcode ends before the licence data; scan it again.'
        : 'The barcode has no licence or ID card data.',
    );
  }

  const elements = splitElements(text.slice(main.start + 2, main.end), header.version, warnings);
  const short = isShort(text, main, warnings.has('separators_missing') ? elements.size + 2 : 2);
  // eslint-disable-next-line no-control-regex -- AAMVA separators are control characters
  const cutMidElement = short && !/[\r\n\u001e]\s*$/.test(text);
  if (short) warnings.add('truncated');
  if (cutMidElement) {
    // The last element read was cut short: a partial licence number must never reach Flexiti.
    const lastId = [...elements.keys()].pop();
    if (lastId !== undefined) elements.delete(lastId);
  }
  return buildLicence(header, elements, short, warnings);
}

/** The licence subfile declares more bytes than arrived, beyond `slack` (what lost separators explain). */
function isShort(text: string, subfile: Subfile, slack: number): boolean {
  if (subfile.declaredLength === null) return false;
  const available = utf8Length(text.slice(subfile.start, subfile.end));
  return available < subfile.declaredLength - slack;
}

function buildLicence(header: Header, elements: ElementMap, truncated: boolean, warnings: Warnings): Licence {
  const issuer = issuerForIin(header.iin);
  if (header.iin !== '' && !issuer) warnings.add('unknown_iin');

  const rawCountry = cleanText(elements.get('DCG'))?.toUpperCase();
  const addressProvince = cleanText(elements.get('DAJ') ?? elements.get('DAO'))?.toUpperCase() ?? '';
  const provinceIssuer = issuerForJurisdiction(addressProvince);
  if (!issuer && rawCountry && rawCountry !== 'CAN' && rawCountry !== 'USA') {
    throw new LicenceParseError('unsupported', 'Only Canadian and US licences are supported.');
  }
  const country =
    issuer?.country ?? (rawCountry === 'CAN' || rawCountry === 'USA' ? rawCountry : provinceIssuer?.country);
  const jurisdiction = issuer?.jurisdiction ?? provinceIssuer?.jurisdiction;
  if (!country || !jurisdiction) {
    throw new LicenceParseError('unsupported', 'The licence’s issuing province or state is not recognised.');
  }
  if (issuer && rawCountry && rawCountry !== issuer.country) warnings.add('country_mismatch');

  const dateFormat: DateFormat =
    header.version === 1
      ? 'CCYYMMDD'
      : header.version === 2 && header.iin === NEW_BRUNSWICK_IIN
        ? 'MMDDCCYY'
        : country === 'CAN'
          ? 'CCYYMMDD'
          : 'MMDDCCYY';
  const date = (id: string): string | undefined => parseAamvaDate(elements.get(id), dateFormat, warnings);

  const names = extractNames(elements, header.version);
  const dateOfBirth = date('DBB');
  const licenceNumber = cleanText(elements.get('DAQ'))?.replace(/\s+/g, '');

  const lastName = names.lastName;
  if (!lastName || !dateOfBirth || !licenceNumber) {
    const missing = [
      lastName ? null : 'last name',
      dateOfBirth ? null : 'date of birth',
      licenceNumber ? null : 'licence number',
    ].filter((m): m is string => m !== null);
    throw new LicenceParseError(
      truncated ? 'truncated' : 'invalid',
      truncated
        ? `The barcode was cut off before the ${missing.join(', ')}; scan it again.`
        : `The barcode has no readable ${missing.join(', ')}.`,
    );
  }
  if (!names.firstName) warnings.add('missing_first_name');

  const street = cleanText(elements.get('DAG') ?? elements.get('DAL')) ?? '';
  const city = cleanText(elements.get('DAI') ?? elements.get('DAN')) ?? '';
  const rawPostal = elements.get('DAK') ?? elements.get('DAP');
  const postalCode = normalizeLicencePostal(rawPostal);
  if (cleanText(rawPostal) && postalCode === '') warnings.add('invalid_postal_code');
  if (!street || !city || !addressProvince) warnings.add('incomplete_address');

  const expiryDate = date('DBA');
  const issueDate = date('DBD');
  const sex = sexFrom(elements.get('DBC'));

  return {
    country,
    jurisdiction,
    iin: header.iin,
    aamvaVersion: header.version,
    firstName: names.firstName ?? '',
    ...(names.middleName ? { middleName: names.middleName } : {}),
    lastName,
    dateOfBirth,
    ...(expiryDate ? { expiryDate } : {}),
    ...(issueDate ? { issueDate } : {}),
    licenceNumber,
    ...(sex ? { sex } : {}),
    address: { street, city, province: addressProvince, postalCode },
  };
}

/** DBC: 1/M male, 2/F female, 9/X not specified; anything else ('Z', 'U') is left out. */
function sexFrom(value: string | undefined): Licence['sex'] {
  switch (value?.trim().toUpperCase()) {
    case '1':
    case 'M':
      return 'M';
    case '2':
    case 'F':
      return 'F';
    case '9':
    case 'X':
      return 'X';
    default:
      return undefined;
  }
}
