import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultProvisioningPath,
  loadProvisioning,
  parseProvisioning,
} from '../../../src/main/core/settings/provisioning';
import { SettingsUpdateError } from '../../../src/main/core/settings/settings-errors';
import { DEFAULT_SETTINGS, LOCKABLE_FIELDS } from '../../../src/main/core/settings/settings-schema';
import { createFileSettingsStore } from '../../../src/main/core/settings/settings-store';

const itAdmin = { id: 'EMP-1' };

let dir: string;
let settingsFile: string;
let provisioningFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'provisioning-'));
  settingsFile = join(dir, 'settings.json');
  provisioningFile = join(dir, 'provisioning.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const provision = (content: unknown) =>
  writeFileSync(provisioningFile, typeof content === 'string' ? content : JSON.stringify(content));
const open = () => createFileSettingsStore(settingsFile, { provisioningPath: provisioningFile });

function updateError(action: () => unknown): SettingsUpdateError {
  try {
    action();
  } catch (error) {
    if (error instanceof SettingsUpdateError) return error;
    throw error;
  }
  throw new Error('expected a SettingsUpdateError');
}

describe('provisioning', () => {
  it('is optional: a missing file means no values and no locks', () => {
    const result = loadProvisioning(provisioningFile);
    expect(result).toMatchObject({ present: false, values: {}, problems: [] });
    expect(result.locked.size).toBe(0);
  });

  it('supplies machine defaults that a user setting may override', () => {
    provision({ values: { storeProvince: 'QC', language: 'fr', idleLockMinutes: 10 } });
    writeFileSync(settingsFile, JSON.stringify({ idleLockMinutes: 3 }));
    const store = open();
    const result = store.load();
    expect(result.problems).toEqual([]);
    expect(result.settings).toEqual({
      ...DEFAULT_SETTINGS,
      storeProvince: 'QC',
      language: 'fr',
      idleLockMinutes: 3,
    });
    store.update({ language: 'en' }, itAdmin);
    expect(store.get().language).toBe('en');
  });

  it('makes a locked provisioned value win over the user file and refuses to change it', () => {
    provision({
      values: { environment: 'training', locationId: '00-12345' },
      locked: ['environment', 'locationId'],
    });
    writeFileSync(
      settingsFile,
      JSON.stringify({ environment: 'sandbox', locationId: 'STORE-001', registerId: 'R9' }),
    );
    const store = open();
    const result = store.load();
    expect(result.settings).toMatchObject({
      environment: 'training',
      locationId: '00-12345',
      registerId: 'R9',
    });
    expect([...result.locked].sort()).toEqual(['customBaseUrl', 'environment', 'locationId']);

    const error = updateError(() => store.update({ environment: 'production', registerId: 'R10' }, itAdmin));
    expect(error.code).toBe('settings_field_locked');
    expect(error.fields).toEqual(['environment']);
    expect(store.get().registerId).toBe('R9');

    // Locking the environment also locks the custom URL, so a lock cannot be walked around.
    expect(
      updateError(() => store.update({ customBaseUrl: 'https://elsewhere.example/' }, itAdmin)).code,
    ).toBe('settings_field_locked');
    // Re-sending the locked value (a whole form) is not a change and passes.
    expect(store.update({ environment: 'training', registerId: 'R10' }, itAdmin).changedFields).toEqual([
      'registerId',
    ]);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8')).environment).toBe('sandbox');
  });

  it('locks a field without a provisioned value to its built-in default', () => {
    provision({ locked: ['idleLockMinutes', 'receipt'] });
    writeFileSync(settingsFile, JSON.stringify({ idleLockMinutes: 60, receipt: { copies: 3 } }));
    const store = open();
    expect(store.get().idleLockMinutes).toBe(5);
    expect(store.get().receipt.copies).toBe(1);
    expect(store.locks()).toEqual(
      expect.arrayContaining(['receipt', 'receipt.format', 'receipt.copies', 'receipt.printerName']),
    );
    expect(
      updateError(() => store.update({ receipt: { printerName: 'Back office' } }, itAdmin)).fields,
    ).toEqual(['receipt.printerName']);
  });

  it('reports invalid values and unknown lock names but keeps the rest', () => {
    const result = parseProvisioning(
      JSON.stringify({
        values: { environment: 'production', idleLockMinutes: 'ten', locationId: '00-12345' },
        locked: ['environment', 'everything', 7],
        note: 'set by IT',
      }),
      'provisioning.json',
    );
    expect(result.values).toEqual({ environment: 'production', locationId: '00-12345' });
    expect([...result.locked].sort()).toEqual(['customBaseUrl', 'environment']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.code).toBe('provisioning_invalid_field');
    expect(result.problems[0]?.fields?.sort()).toEqual(
      ['locked.7', 'locked.everything', 'note', 'values.idleLockMinutes'].sort(),
    );
  });

  it.each([
    ['bad JSON', '{"values": {', 'provisioning_corrupt'],
    ['an array', '[]', 'provisioning_corrupt'],
    ['locked not a list', '{"locked": "environment"}', 'provisioning_corrupt'],
  ])('fails closed on %s: every field locked to its default', (_label, text, code) => {
    provision(text);
    writeFileSync(settingsFile, JSON.stringify({ environment: 'production', locationId: '00-12345' }));
    const store = open();
    const result = store.load();
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problems.map((problem) => problem.code)).toEqual([code]);
    expect([...result.locked].sort()).toEqual([...LOCKABLE_FIELDS].sort());
    expect(updateError(() => store.update({ language: 'fr' }, itAdmin)).code).toBe('settings_field_locked');
  });

  it('fails closed when the provisioning path exists but cannot be read as a file', () => {
    const folderInstead = join(dir, 'provisioning-folder');
    writeFileSync(settingsFile, '{}');
    // A directory where the file should be: reading fails with EISDIR, not ENOENT.
    mkdirSync(folderInstead);
    const result = loadProvisioning(folderInstead);
    expect(result.problems.map((problem) => problem.code)).toEqual(['provisioning_unreadable']);
    expect(result.locked.size).toBe(LOCKABLE_FIELDS.length);
  });

  it('falls back to the sandbox when a locked custom environment has no URL', () => {
    provision({ values: { environment: 'custom' }, locked: ['environment'] });
    const result = open().load();
    expect(result.settings.environment).toBe('sandbox');
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'settings_invalid_field', location: provisioningFile }),
    ]);
  });

  it('lives at the documented machine-wide path on each OS', () => {
    expect(defaultProvisioningPath('linux', {})).toBe('/etc/flexiti-in-store/provisioning.json');
    expect(defaultProvisioningPath('darwin', {})).toBe(
      '/Library/Application Support/Flexiti In-Store/provisioning.json',
    );
    expect(defaultProvisioningPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\Flexiti In-Store\\provisioning.json',
    );
    expect(defaultProvisioningPath('win32', {})).toBe('C:\\ProgramData\\Flexiti In-Store\\provisioning.json');
  });
});
