import { describe, expect, it } from 'vitest';
import { ApiRootError, FLEXITI_API_ROOTS, resolveApiRoot } from '../../../src/main/core/settings/api-root';
import {
  DEFAULT_SETTINGS,
  isAcceptableApiUrl,
  settingsPatchSchema,
  terminalSettingsSchema,
} from '../../../src/main/core/settings/settings-schema';

describe('terminal settings schema', () => {
  it('accepts its own defaults, which start in the sandbox', () => {
    expect(terminalSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      environment: 'sandbox',
      locationId: 'STORE-001',
      registerId: 'REG-01',
      language: 'en',
      idleLockMinutes: 5,
      storeProvince: 'ON',
      receipt: { format: 'auto', copies: 1 },
    });
  });

  it('requires a base URL for the custom environment', () => {
    const custom = { ...DEFAULT_SETTINGS, environment: 'custom' };
    expect(terminalSettingsSchema.safeParse(custom).success).toBe(false);
    expect(
      terminalSettingsSchema.safeParse({
        ...custom,
        customBaseUrl: 'https://pos.example.ca/flexiti/pos-api/',
      }).success,
    ).toBe(true);
  });

  it.each([
    ['https://pos.example.ca/', true],
    ['http://127.0.0.1:4010', true],
    ['http://localhost:8080/flexiti/pos-api/', true],
    ['http://[::1]:9000/', true],
    ['http://pos.example.ca/', false],
    ['http://192.168.1.20/', false],
    ['https://user:pw@pos.example.ca/', false],
    ['https://pos.example.ca/?key=1', false],
    ['ftp://pos.example.ca/', false],
    ['not a url', false],
  ])('custom URL %s acceptable: %s', (url, ok) => {
    expect(isAcceptableApiUrl(url)).toBe(ok);
  });

  it('limits ids to printable ASCII of at most 50 characters', () => {
    const withId = (locationId: string) =>
      terminalSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, locationId });
    expect(withId('00-12345').success).toBe(true);
    expect(withId('x'.repeat(50)).success).toBe(true);
    expect(withId('x'.repeat(51)).success).toBe(false);
    expect(withId('MAGASIN-ÉTÉ').success).toBe(false);
    expect(withId('   ').success).toBe(false);
  });

  it.each([
    [{ idleLockMinutes: 0 }, false],
    [{ idleLockMinutes: 1 }, true],
    [{ idleLockMinutes: 120 }, true],
    [{ idleLockMinutes: 121 }, false],
    [{ idleLockMinutes: 2.5 }, false],
    [{ language: 'de' }, false],
    [{ storeProvince: 'QC' }, true],
    [{ storeProvince: 'XX' }, false],
    [{ receipt: { format: 'bilingual', copies: 3, printerName: 'Front counter' } }, true],
    [{ receipt: { format: 'auto', copies: 4 } }, false],
    [{ receipt: { format: 'es', copies: 1 } }, false],
    [{ environment: 'staging' }, false],
  ])('validates %j -> %s', (change, ok) => {
    expect(terminalSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...change }).success).toBe(ok);
  });

  it('rejects unknown fields in a patch and lets null clear an optional field', () => {
    expect(settingsPatchSchema.safeParse({ idleLockMinutes: 10, colour: 'blue' }).success).toBe(false);
    expect(settingsPatchSchema.parse({ customBaseUrl: null, receipt: { printerName: null } })).toEqual({
      customBaseUrl: null,
      receipt: { printerName: null },
    });
  });
});

describe('resolveApiRoot', () => {
  it('gives the documented roots for MI, training and production', () => {
    expect(resolveApiRoot({ environment: 'mi' })).toBe('https://posapi-mi.flexiti.fi/flexiti/pos-api/');
    expect(resolveApiRoot({ environment: 'training' })).toBe(
      'https://posapi-training.flexiti.fi/flexiti/pos-api/',
    );
    expect(resolveApiRoot({ environment: 'production' })).toBe('https://posapi.flexiti.fi/flexiti/pos-api/');
    expect(FLEXITI_API_ROOTS.production).toBe('https://posapi.flexiti.fi/flexiti/pos-api/');
  });

  it('points the sandbox at the simulator, adding the API path to a bare origin', () => {
    expect(resolveApiRoot({ environment: 'sandbox' }, 'http://127.0.0.1:4321')).toBe(
      'http://127.0.0.1:4321/flexiti/pos-api/',
    );
    expect(resolveApiRoot({ environment: 'sandbox' }, 'http://127.0.0.1:4321/flexiti/pos-api')).toBe(
      'http://127.0.0.1:4321/flexiti/pos-api/',
    );
    expect(() => resolveApiRoot({ environment: 'sandbox' })).toThrow(ApiRootError);
  });

  it('uses the custom URL, and refuses a plain-http remote one even if it slipped past the schema', () => {
    expect(resolveApiRoot({ environment: 'custom', customBaseUrl: 'https://proxy.example.ca/pos' })).toBe(
      'https://proxy.example.ca/pos/',
    );
    expect(() =>
      resolveApiRoot({ environment: 'custom', customBaseUrl: 'http://proxy.example.ca/' }),
    ).toThrow(ApiRootError);
    expect(() => resolveApiRoot({ environment: 'custom' })).toThrow(ApiRootError);
  });
});
