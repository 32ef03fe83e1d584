import { describe, expect, it } from 'vitest';
import { parseAamva, type Licence, type ParseResult } from '../../../src/shared/licence/aamva';
import {
  buildAamva,
  buildBcMagstripe,
  buildLicenceBarcode,
  iinFor,
  personElements,
  type AamvaQuirks,
  type LicencePerson,
} from '../../fixtures/licences/build-aamva';
import { FLEXITI_DOC_EXAMPLE, SAMPLES } from '../../fixtures/licences/samples';

const QC_PERSON: LicencePerson = {
  jurisdiction: 'QC',
  firstName: 'ÉLODIE',
  middleName: 'MARIE-ÈVE',
  lastName: 'BÉLANGER-CÔTÉ',
  dateOfBirth: '1988-02-18',
  expiryDate: '2029-02-18',
  issueDate: '2021-02-18',
  licenceNumber: 'B4521180218',
  sex: 'F',
  street: '1200 RUE SAINT-DENIS',
  city: 'MONTRÉAL',
  province: 'QC',
  postalCode: 'H2X 3K4',
};

const US_PERSON: LicencePerson = {
  jurisdiction: 'TX',
  firstName: 'JORDAN',
  lastName: 'HAYES',
  dateOfBirth: '1975-11-30',
  expiryDate: '2029-11-30',
  issueDate: '2021-12-01',
  licenceNumber: '40123456',
  sex: 'X',
  street: '1100 CONGRESS AVE',
  city: 'AUSTIN',
  province: 'TX',
  postalCode: '78701',
};

/** What the parser must return for a person, written independently of the parser. */
function expectedFor(p: LicencePerson): Partial<Licence> {
  const expected: Partial<Licence> = {
    jurisdiction: p.jurisdiction,
    firstName: p.firstName,
    middleName: p.middleName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    expiryDate: p.expiryDate,
    issueDate: p.issueDate,
    licenceNumber: p.licenceNumber,
    sex: p.sex,
    address: { street: p.street, city: p.city, province: p.province, postalCode: p.postalCode },
  };
  // Absent fields are checked separately (toMatchObject needs a key to be present).
  return Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
}

function ok(result: ParseResult): { licence: Licence; warnings: string[] } {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

function expectPerson(result: ParseResult, person: LicencePerson): string[] {
  const { licence, warnings } = ok(result);
  expect(licence).toMatchObject(expectedFor(person));
  for (const key of ['middleName', 'expiryDate', 'issueDate', 'sex'] as const) {
    if (person[key] === undefined) expect(licence[key]).toBeUndefined();
  }
  return warnings;
}

describe('wedge-scanner damage', () => {
  const cases: Array<[string, AamvaQuirks, string | null]> = [
    ['CR turned into LF', { crToLf: true }, null],
    ['CR turned into CR LF', { crToCrLf: true }, null],
    ['LF turned into CR (Enter)', { lfToCr: true }, null],
    ['RS dropped', { dropRs: true }, 'repaired_header'],
    ["'|' typed for LF", { pipeForLf: true }, 'repaired_separators'],
    ['every separator stripped', { stripSeparators: true }, 'separators_missing'],
    ['BOM before @', { bom: true }, 'removed_bom'],
    ['space before @', { spaceBeforeAt: true }, null],
    ['C2 80-9F bytes', { c1Bytes: true }, 'removed_control_bytes'],
    ['UTF-8 read as Latin-1', { mojibake: 'latin1' }, 'repaired_encoding'],
    ['UTF-8 read as Windows-1252', { mojibake: 'cp1252' }, 'repaired_encoding'],
    [
      'everything at once',
      { bom: true, dropRs: true, crToCrLf: true, c1Bytes: true, mojibake: 'cp1252' },
      'repaired_encoding',
    ],
  ];

  for (const version of [1, 3, 4, 8, 10]) {
    // v01 has too many identifiers ("JORDAN" holds DAN) for stripped separators to be undone.
    const applicable = version === 1 ? cases.filter(([, q]) => !q.stripSeparators) : cases;
    it.each(applicable)(`%s (version ${version})`, (_name, quirks, warning) => {
      for (const person of [QC_PERSON, US_PERSON]) {
        const raw = buildLicenceBarcode(person, {
          version,
          quirks,
          jurisdictionSubfile: { type: 'ZX', elements: [['ZXA', 'JURISDICTION DATA']] },
        });
        const warnings = expectPerson(parseAamva(raw), person);
        // Only text with accents shows mojibake.
        if (warning && (warning !== 'repaired_encoding' || person === QC_PERSON)) {
          expect(warnings).toContain(warning);
        }
      }
    });
  }

  it('the undamaged cards need no repairs', () => {
    for (const version of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const warnings = expectPerson(parseAamva(buildLicenceBarcode(US_PERSON, { version })), US_PERSON);
      expect(warnings).toEqual([]);
    }
  });

  it('survives stripped separators even when a value spells an element identifier', () => {
    const person = { ...US_PERSON, street: '12 DAKOTA DR' };
    const result = parseAamva(buildLicenceBarcode(person, { version: 8, quirks: { stripSeparators: true } }));
    // Identifiers count once, so "DAK" inside the street does not steal the postal code.
    const { licence } = ok(result);
    expect(licence.lastName).toBe('HAYES');
    expect(licence.dateOfBirth).toBe('1975-11-30');
  });
});

describe('broken headers', () => {
  it('reads a header without its entry count', () => {
    const w = expectPerson(
      parseAamva(buildLicenceBarcode(QC_PERSON, { version: 8, quirks: { omitEntryCount: true } })),
      QC_PERSON,
    );
    expect(w).toContain('repaired_header');
  });

  it('takes the jurisdiction from DAJ when the IIN is garbled', () => {
    const { licence, warnings } = ok(
      parseAamva(buildLicenceBarcode(QC_PERSON, { version: 6, quirks: { garbleIin: true } })),
    );
    expect(licence.jurisdiction).toBe('QC');
    expect(licence.country).toBe('CAN');
    expect(licence.iin).toBe('');
    expect(warnings).toContain('garbled_iin');
  });

  it("reads v01's 'AAMVA' file type", () => {
    expectPerson(parseAamva(buildLicenceBarcode(US_PERSON, { version: 1, fileType: 'AAMVA' })), US_PERSON);
  });

  it("reads Flexiti's newline after ANSI and space before DL on any card", () => {
    const raw = buildLicenceBarcode(QC_PERSON, {
      version: 4,
      quirks: { newlineAfterAnsi: true, spaceBeforeDesignators: true },
    });
    expectPerson(parseAamva(raw), QC_PERSON);
  });

  it('finds subfiles by search when offsets are 0000 (Ontario) or letters (Alberta), for all designators', () => {
    for (const quirks of [{ zeroOffsets: true }, { offsetText: 'abac' }, { offsetText: 'ZZZZ' }]) {
      const raw = buildLicenceBarcode(QC_PERSON, {
        version: 3,
        quirks,
        jurisdictionSubfile: { type: 'ZQ', elements: [['ZQA', 'X']] },
      });
      const w = expectPerson(parseAamva(raw), QC_PERSON);
      expect(w).toContain('offset_by_search');
    }
  });

  it('finds the licence subfile even when the designators are unreadable', () => {
    const raw = buildLicenceBarcode(US_PERSON, { version: 9 }).replace(/DL\d{8}/, 'XX????????');
    expectPerson(parseAamva(raw), US_PERSON);
  });
});

describe('dates', () => {
  it('falls back to the other format when the expected one is impossible', () => {
    // New Brunswick v03 still writing month first.
    const person: LicencePerson = { ...QC_PERSON, jurisdiction: 'NB', province: 'NB', postalCode: 'E1C 1B9' };
    const raw = buildLicenceBarcode(person, { version: 3, dateFormat: 'MMDDCCYY' });
    const w = expectPerson(parseAamva(raw), person);
    expect(w).toContain('date_format_fallback');
  });

  it('falls back for a US card written year first (Wyoming 2009)', () => {
    const person = { ...US_PERSON, jurisdiction: 'WY', province: 'WY' };
    const w = expectPerson(
      parseAamva(buildLicenceBarcode(person, { version: 4, dateFormat: 'CCYYMMDD' })),
      person,
    );
    expect(w).toContain('date_format_fallback');
  });

  it('reads only 8 digits (New Hampshire appends a letter)', () => {
    const elements = personElements({ ...US_PERSON, jurisdiction: 'NH', province: 'NH' }, 8).map(
      ([id, v]) => [id, id === 'DBB' ? `${v}A` : v] as const,
    );
    const { licence } = ok(parseAamva(buildAamva({ version: 8, iin: '636039', elements })));
    expect(licence.dateOfBirth).toBe('1975-11-30');
    expect(licence.jurisdiction).toBe('NH');
  });

  it('leaves out an impossible expiry date but keeps the licence', () => {
    const elements = personElements(QC_PERSON, 8).map(
      ([id, v]) => [id, id === 'DBA' ? '00000000' : v] as const,
    );
    const { licence, warnings } = ok(parseAamva(buildAamva({ version: 8, iin: '604428', elements })));
    expect(licence.expiryDate).toBeUndefined();
    expect(warnings).toContain('unreadable_date');
  });
});

describe('names', () => {
  const withNames = (version: number, names: Array<[string, string]>): ParseResult => {
    const base = personElements(US_PERSON, version).filter(
      ([id]) => !['DAA', 'DAB', 'DCS', 'DCT', 'DAC', 'DAD'].includes(id),
    );
    return parseAamva(buildAamva({ version, iin: '636015', elements: [...names, ...base] }));
  };

  it('splits DCT as "FIRST,MIDDLE" (Ontario) and "FIRST MIDDLE" (Alberta), trimming commas and padding', () => {
    for (const dct of ['JOHN,PAUL GEORGE     ', 'JOHN PAUL GEORGE', 'JOHN,PAUL,GEORGE,']) {
      const { licence } = ok(
        withNames(3, [
          ['DCS', 'LENNON,     '],
          ['DCT', dct],
        ]),
      );
      expect(licence).toMatchObject({ lastName: 'LENNON', firstName: 'JOHN', middleName: 'PAUL GEORGE' });
    }
  });

  it('reads v01 DAA "LAST,FIRST,MIDDLE", "LAST,FIRST" and DAB/DAC/DAD', () => {
    expect(ok(withNames(1, [['DAA', 'SAMPLE,MARY ANN,JO']])).licence).toMatchObject({
      lastName: 'SAMPLE',
      firstName: 'MARY ANN',
      middleName: 'JO',
    });
    const two = ok(withNames(1, [['DAA', 'SAMPLE,MARY']])).licence;
    expect(two).toMatchObject({ lastName: 'SAMPLE', firstName: 'MARY' });
    expect(two.middleName).toBeUndefined();
    const separate = ok(
      withNames(1, [
        ['DAB', 'SAMPLE'],
        ['DAC', 'MARY'],
        ['DAD', 'NONE'],
      ]),
    ).licence;
    expect(separate).toMatchObject({ lastName: 'SAMPLE', firstName: 'MARY' });
    expect(separate.middleName).toBeUndefined();
  });

  it('treats NONE, unavl and unavI as empty', () => {
    for (const placeholder of ['NONE', 'unavl', 'unavI', 'UNAVL']) {
      const { licence } = ok(
        withNames(8, [
          ['DCS', 'HAYES'],
          ['DAC', 'JORDAN'],
          ['DAD', placeholder],
        ]),
      );
      expect(licence.middleName).toBeUndefined();
    }
  });

  it('accepts a card with DAC on a v03 card and DCT on a v08 card', () => {
    expect(
      ok(
        withNames(3, [
          ['DCS', 'HAYES'],
          ['DAC', 'JORDAN'],
          ['DAD', 'LEE'],
        ]),
      ).licence,
    ).toMatchObject({
      firstName: 'JORDAN',
      middleName: 'LEE',
    });
    expect(
      ok(
        withNames(8, [
          ['DCS', 'HAYES'],
          ['DCT', 'JORDAN,LEE'],
        ]),
      ).licence,
    ).toMatchObject({
      firstName: 'JORDAN',
      middleName: 'LEE',
    });
  });

  it('keeps a licence without a first name, with a warning', () => {
    const { licence, warnings } = ok(
      withNames(8, [
        ['DCS', 'HAYES'],
        ['DAC', 'NONE'],
      ]),
    );
    expect(licence.firstName).toBe('');
    expect(warnings).toContain('missing_first_name');
  });
});

describe('sex, postal codes and country', () => {
  const withElement = (id: string, value: string, person: LicencePerson = US_PERSON): Licence => {
    const elements = personElements(person, 8).map(([i, v]) => [i, i === id ? value : v] as const);
    return ok(parseAamva(buildAamva({ version: 8, iin: iinFor(person), elements }))).licence;
  };

  it('maps DBC 1/2/9/M/F/X and drops Z or U', () => {
    const cases: Array<[string, Licence['sex']]> = [
      ['1', 'M'],
      ['2', 'F'],
      ['9', 'X'],
      ['M', 'M'],
      ['F', 'F'],
      ['X', 'X'],
      ['Z', undefined],
      ['U', undefined],
    ];
    for (const [code, sex] of cases) expect(withElement('DBC', code).sex).toBe(sex);
  });

  it('normalizes ZIP codes: padding, trailing zeros, ZIP+4', () => {
    const cases: Array<[string, string]> = [
      ['78701', '78701'],
      ['787010000  ', '78701'],
      ['78701000000', '78701'],
      ['787012345', '78701-2345'],
      ['78701-2345', '78701-2345'],
      ['787', ''],
    ];
    for (const [dak, zip] of cases) expect(withElement('DAK', dak).address.postalCode).toBe(zip);
  });

  it('normalizes Canadian postal codes and flags unreadable ones', () => {
    for (const dak of ['H2X3K4', 'h2x 3k4', 'H2X3K4      ', 'H2X 3K4']) {
      expect(withElement('DAK', dak, QC_PERSON).address.postalCode).toBe('H2X 3K4');
    }
    const elements = personElements(QC_PERSON, 8).map(([i, v]) => [i, i === 'DAK' ? 'D2X 3K4' : v] as const);
    const result = ok(parseAamva(buildAamva({ version: 8, iin: '604428', elements })));
    expect(result.licence.address.postalCode).toBe('');
    expect(result.warnings).toContain('invalid_postal_code');
  });

  it('trusts the IIN over a DCG that says USA on a Quebec card', () => {
    const elements = personElements(QC_PERSON, 8).map(([i, v]) => [i, i === 'DCG' ? 'USA' : v] as const);
    const { licence, warnings } = ok(parseAamva(buildAamva({ version: 8, iin: '604428', elements })));
    expect(licence.country).toBe('CAN');
    expect(licence.dateOfBirth).toBe('1988-02-18');
    expect(warnings).toContain('country_mismatch');
  });
});

describe("British Columbia's magnetic-stripe format", () => {
  const person = {
    firstName: 'SARAH',
    lastName: 'NGUYEN',
    dateOfBirth: '1990-09-12',
    expiryDate: '2027-09-12',
    licenceNumber: '7654321',
    sex: 'F' as const,
    street: '1020 DOUGLAS ST',
    city: 'VICTORIA',
    postalCode: 'V8W 2C5',
  };

  it('takes the postal code from the address when track 3 is absent', () => {
    const { licence } = ok(parseAamva(buildBcMagstripe(person, { withTrack3: false })));
    expect(licence.address.postalCode).toBe('V8W 2C5');
    expect(licence.sex).toBeUndefined();
    expect(licence.middleName).toBeUndefined();
  });

  it('reads a non-expiring licence (month 77) as having no expiry date', () => {
    const { licence } = ok(parseAamva(buildBcMagstripe({ ...person, expiryDate: undefined })));
    expect(licence.expiryDate).toBeUndefined();
    expect(licence.dateOfBirth).toBe('1990-09-12');
  });

  it('survives wedge damage before it (BOM, space, C1 bytes)', () => {
    const raw = `\ufeff \u0085${SAMPLES.BC_MAGSTRIPE?.raw ?? ''}`;
    expect(ok(parseAamva(raw)).licence).toMatchObject(SAMPLES.BC_MAGSTRIPE?.expected ?? {});
  });

  it('reports a scan cut before track 2 as truncated', () => {
    const raw = buildBcMagstripe(person, { truncateTo: 40 });
    expect(parseAamva(raw)).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });

  it('reports another province in the magnetic-stripe layout as unsupported', () => {
    const raw = (SAMPLES.BC_MAGSTRIPE?.raw ?? '').replace('%BC', '%AB').replace(';636028', ';604432');
    expect(parseAamva(raw)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});

describe('truncated scans', () => {
  it('keeps a licence cut only in its last elements, without the possibly cut element', () => {
    const raw = buildLicenceBarcode(QC_PERSON, { version: 8 });
    const { licence, warnings } = ok(parseAamva(raw.slice(0, raw.length - 12)));
    expect(licence).toMatchObject(expectedFor(QC_PERSON));
    expect(warnings).toContain('truncated');
  });

  it('keeps the Flexiti example cut short of its last elements', () => {
    const { licence, warnings } = ok(parseAamva(FLEXITI_DOC_EXAMPLE.slice(0, -20)));
    expect(warnings).toContain('truncated');
    expect(licence.licenceNumber).toBe('D61014070660905');
  });

  it('never returns a licence number cut short', () => {
    const at = FLEXITI_DOC_EXAMPLE.indexOf('DAQD610') + 10;
    expect(parseAamva(FLEXITI_DOC_EXAMPLE.slice(0, at))).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
    const raw = buildLicenceBarcode(US_PERSON, { version: 1 });
    const cut = raw.slice(0, raw.indexOf('DAQ') + 6);
    expect(parseAamva(cut)).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });
});
