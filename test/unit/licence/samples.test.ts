import { describe, expect, it } from 'vitest';
import { parseAamva } from '../../../src/shared/licence/aamva';
import { parseResultSchema } from '../../../src/shared/licence/licence-schema';
import { SAMPLES, SAMPLE_NAMES } from '../../fixtures/licences/samples';

describe('parseAamva on the named samples', () => {
  it('has the samples the project relies on', () => {
    for (const name of [
      'ON_V03_ZERO_OFFSET',
      'ON_V08',
      'QC_V04_ACCENTED',
      'QC_FLEXITI_DOC',
      'NB_V02_MMDDCCYY',
      'BC_MAGSTRIPE',
      'AB_ODD_OFFSETS',
      'MB_V05',
      'SK_V06',
      'NS_V07',
      'PE_V09',
      'NL_V10',
      'YT_V03',
      'NT_V04',
      'NU_V09',
      'NY_V10',
      'CA_V08',
      'VA_V01_DAA',
      'ON_ID_CARD',
      'ON_V08_WEDGE_DAMAGED',
      'QC_V04_MOJIBAKE',
      'NY_V10_PIPES',
    ]) {
      expect(SAMPLE_NAMES).toContain(name);
    }
  });

  it.each(SAMPLE_NAMES)('%s parses to the expected fields', (name) => {
    const sample = SAMPLES[name];
    if (!sample) throw new Error(`no sample ${name}`);
    const result = parseAamva(sample.raw);
    expect(parseResultSchema.safeParse(result).success).toBe(true);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    for (const [key, value] of Object.entries(sample.expected)) {
      expect(result.licence[key as keyof typeof result.licence], `${name}.${key}`).toEqual(value);
    }
    for (const warning of sample.warnings ?? []) expect(result.warnings).toContain(warning);
  });

  it('reads the Flexiti doc example as the C3 mapping needs: jurisdiction from the IIN, address from DAJ', () => {
    const result = parseAamva(SAMPLES.QC_FLEXITI_DOC?.raw ?? '');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.licence.jurisdiction).toBe('QC');
    expect(result.licence.address.province).toBe('ON');
    expect(result.licence).not.toHaveProperty('middleName');
    expect(result.licence).not.toHaveProperty('sex');
  });

  it('uses no date fallback where the expected format is right (NB v02 writes month first)', () => {
    const result = parseAamva(SAMPLES.NB_V02_MMDDCCYY?.raw ?? '');
    expect(result.ok && result.warnings).not.toContain('date_format_fallback');
    expect(result.ok && result.licence.dateOfBirth).toBe('1978-06-21');
  });
});
