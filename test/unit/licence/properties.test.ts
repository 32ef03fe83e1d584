import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAamva } from '../../../src/shared/licence/aamva';
import { parseResultSchema } from '../../../src/shared/licence/licence-schema';
import { PROVINCE_CODES } from '../../../src/shared/provinces';
import {
  buildLicenceBarcode,
  countryOf,
  type AamvaQuirks,
  type LicencePerson,
} from '../../fixtures/licences/build-aamva';
import { SAMPLES } from '../../fixtures/licences/samples';

const RUNS = 300;

function wellFormed(raw: string): void {
  const result = parseAamva(raw);
  const check = parseResultSchema.safeParse(result);
  if (!check.success) throw new Error(`malformed result: ${check.error.message}`);
}

describe('parseAamva never throws and always returns a well-formed result', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), wellFormed), { numRuns: RUNS });
  });

  it('on arbitrary full-Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), wellFormed), { numRuns: RUNS });
  });

  it('on arbitrary bytes read as Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => wellFormed(String.fromCharCode(...bytes))),
      { numRuns: RUNS },
    );
  });

  it('on AAMVA-looking prefixes followed by anything', () => {
    const prefix = fc.constantFrom(
      '@\n\u001e\rANSI ',
      '@ANSI 636012',
      'AAMVA636000',
      '%BC',
      ';636028',
      '@\n\rANSI 60442804',
    );
    fc.assert(
      fc.property(prefix, fc.string({ maxLength: 500 }), (p, rest) => wellFormed(p + rest)),
      { numRuns: RUNS },
    );
  });

  it('on mutated real samples (truncations, deletions, replacements, insertions)', () => {
    const names = Object.keys(SAMPLES);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
      fc.record({
        kind: fc.constant('replace' as const),
        at: fc.nat(),
        text: fc.string({ minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.string({ unit: 'binary', maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (name, edits) => {
          let raw = SAMPLES[name]?.raw ?? '';
          for (const e of edits) {
            const at = raw.length === 0 ? 0 : e.at % (raw.length + 1);
            if (e.kind === 'truncate') raw = raw.slice(0, at);
            else if (e.kind === 'delete') raw = raw.slice(0, at) + raw.slice(at + e.len);
            else if (e.kind === 'replace') raw = raw.slice(0, at) + e.text + raw.slice(at + e.text.length);
            else raw = raw.slice(0, at) + e.text + raw.slice(at);
          }
          wellFormed(raw);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('on pathological repetitions, in bounded time', () => {
    const inputs = [
      'DL'.repeat(4_999),
      `@\n\u001e\rANSI 636012080199${'DL00000000'.repeat(990)}`,
      `@\n\u001e\rANSI 636012080101DL00000000${'DLDAQ'.repeat(1_990)}`,
      `${'%BC^'.repeat(2_000)}`,
      `@\n\u001e\rANSI 636012080101DL00310100DL${'DAQ\n'.repeat(2_400)}`,
      'Ã'.repeat(9_999),
    ];
    for (const raw of inputs) wellFormed(raw);
  });
});

// ------------------------------------------------------------------------------------------------
// build -> parse round trips

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÊÀÂÎÏÔÛÇ'.split('');
const word = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...LETTERS), { minLength: min, maxLength: max })
    .map((a) => a.join(''))
    .filter((w) => !['NONE', 'UNAVL', 'UNAVI', 'UNAV', 'NULL'].includes(w));
const hyphenated = fc
  .tuple(word(2, 10), fc.option(word(2, 10), { nil: undefined }))
  .map(([a, b]) => (b ? `${a}-${b}` : a));
const spaced = (n: number): fc.Arbitrary<string> =>
  fc.array(hyphenated, { minLength: 1, maxLength: n }).map((a) => a.join(' '));

const isoDateArb = (minYear: number, maxYear: number): fc.Arbitrary<string> =>
  fc
    .date({
      min: new Date(Date.UTC(minYear, 0, 1)),
      max: new Date(Date.UTC(maxYear, 11, 31)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';
const FIRST_LETTERS = 'ABCEGHJKLMNPRSTVXY';
const canadianPostal = fc
  .tuple(
    fc.constantFrom(...FIRST_LETTERS),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom(...POSTAL_LETTERS),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom(...POSTAL_LETTERS),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([a, b, c, d, e, f]) => `${a}${b}${c} ${d}${e}${f}`);
const zip = fc
  .tuple(
    fc.integer({ min: 501, max: 99950 }),
    fc.option(fc.integer({ min: 1, max: 9999 }), { nil: undefined }),
  )
  .map(
    ([five, four]) => `${String(five).padStart(5, '0')}${four ? `-${String(four).padStart(4, '0')}` : ''}`,
  );

const US_STATES = ['NY', 'CA', 'TX', 'FL', 'WA', 'VA', 'IL', 'MI', 'ME', 'VT'];

const personArb: fc.Arbitrary<LicencePerson> = fc
  .record({
    jurisdiction: fc.constantFrom(...PROVINCE_CODES, ...US_STATES),
    firstName: hyphenated,
    middleName: fc.option(spaced(2), { nil: undefined }),
    lastName: spaced(3),
    dateOfBirth: isoDateArb(1920, 2010),
    expiryDate: fc.option(isoDateArb(2000, 2099), { nil: undefined }),
    issueDate: fc.option(isoDateArb(1990, 2030), { nil: undefined }),
    licenceNumber: fc
      .array(fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'.split('')), {
        minLength: 5,
        maxLength: 15,
      })
      .map((a) => a.join(''))
      .filter((n) => n !== 'NONE'),
    sex: fc.option(fc.constantFrom('M' as const, 'F' as const, 'X' as const), { nil: undefined }),
    street: fc.tuple(fc.integer({ min: 1, max: 99999 }), spaced(3)).map(([n, s]) => `${n} ${s}`),
    city: spaced(2),
    canadianPostal,
    zip,
  })
  .map(({ canadianPostal: cp, zip: z, ...p }) => {
    const canadian = countryOf(p) === 'CAN';
    return { ...p, province: p.jurisdiction, postalCode: canadian ? cp : z };
  });

const LOSSLESS_QUIRKS: ReadonlyArray<keyof AamvaQuirks> = [
  'zeroOffsets',
  'omitEntryCount',
  'newlineAfterAnsi',
  'spaceBeforeDesignators',
  'crToLf',
  'crToCrLf',
  'lfToCr',
  'dropRs',
  'pipeForLf',
  'bom',
  'spaceBeforeAt',
  'c1Bytes',
];

describe('build -> parse round trips', () => {
  it('reads back every field of generated licences, any version, any province, with wedge damage', () => {
    fc.assert(
      fc.property(
        personArb,
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        fc.subarray([...LOSSLESS_QUIRKS], { maxLength: 4 }),
        fc.constantFrom(undefined, 'latin1' as const, 'cp1252' as const),
        (person, version, idCard, quirkNames, mojibake) => {
          const quirks: AamvaQuirks = Object.fromEntries(quirkNames.map((q) => [q, true]));
          if (mojibake) quirks.mojibake = mojibake;
          const raw = buildLicenceBarcode(person, { version, idCard, quirks });
          const result = parseAamva(raw);
          if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
          const l = result.licence;
          expect(l.country).toBe(countryOf(person));
          expect(l.jurisdiction).toBe(person.jurisdiction);
          expect(l.aamvaVersion).toBe(version);
          expect(l.firstName).toBe(person.firstName);
          expect(l.middleName).toBe(person.middleName);
          expect(l.lastName).toBe(person.lastName);
          expect(l.dateOfBirth).toBe(person.dateOfBirth);
          expect(l.expiryDate).toBe(person.expiryDate);
          expect(l.issueDate).toBe(person.issueDate);
          expect(l.licenceNumber).toBe(person.licenceNumber);
          expect(l.sex).toBe(person.sex);
          expect(l.address).toEqual({
            street: person.street,
            city: person.city,
            province: person.province,
            postalCode: person.postalCode,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
