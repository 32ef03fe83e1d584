import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomicSync } from '../../../src/main/core/settings/atomic-write';
import { SettingsUpdateError } from '../../../src/main/core/settings/settings-errors';
import { DEFAULT_SETTINGS } from '../../../src/main/core/settings/settings-schema';
import { createFileSettingsStore, type SettingsChange } from '../../../src/main/core/settings/settings-store';

const admin = { id: 'EMP-7', role: 'manager' };

let dir: string;
let file: string;
// A provisioning path that does not exist: these tests are about the user file alone.
let noProvisioning: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-store-'));
  file = join(dir, 'settings.json');
  noProvisioning = join(dir, 'no-provisioning.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (now?: () => Date) =>
  createFileSettingsStore(file, { provisioningPath: noProvisioning, ...(now ? { now } : {}) });

function expectUpdateError(action: () => unknown, code: string): SettingsUpdateError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsUpdateError);
    expect((error as SettingsUpdateError).code).toBe(code);
    return error as SettingsUpdateError;
  }
  throw new Error(`expected ${code}`);
}

describe('file settings store', () => {
  it('starts on defaults without a file and writes nothing until a change', () => {
    const result = open().load();
    expect(result).toEqual({ settings: DEFAULT_SETTINGS, problems: [], locked: [] });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('saves a change that a new store instance reads back, storing only what was set', () => {
    const store = open();
    const result = store.update({ idleLockMinutes: 12, receipt: { format: 'bilingual' } }, admin);
    expect(result.changedFields).toEqual(['idleLockMinutes', 'receipt.format']);
    expect(result.settings).toEqual({
      ...DEFAULT_SETTINGS,
      idleLockMinutes: 12,
      receipt: { format: 'bilingual', copies: 1 },
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      idleLockMinutes: 12,
      receipt: { format: 'bilingual' },
    });

    const reopened = open().load();
    expect(reopened.problems).toEqual([]);
    expect(reopened.settings).toEqual(result.settings);
  });

  it('clears an optional field with null', () => {
    const store = open();
    store.update(
      { environment: 'custom', customBaseUrl: 'https://proxy.example.ca/', receipt: { printerName: 'P1' } },
      admin,
    );
    expect(store.get().receipt.printerName).toBe('P1');
    store.update({ environment: 'mi', customBaseUrl: null, receipt: { printerName: null } }, admin);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, environment: 'mi' });
    expect(open().get()).toEqual({ ...DEFAULT_SETTINGS, environment: 'mi' });
  });

  it('refuses an invalid change and leaves the file as it was', () => {
    const store = open();
    store.update({ registerId: 'REG-09' }, admin);
    const before = readFileSync(file, 'utf8');
    const error = expectUpdateError(
      () => store.update({ idleLockMinutes: 500, language: 'fr' }, admin),
      'settings_invalid_value',
    );
    expect(error.fields).toEqual(['idleLockMinutes']);
    expectUpdateError(() => store.update({ environment: 'custom' }, admin), 'settings_invalid_value');
    const unknown = expectUpdateError(
      () => store.update({ colour: 'blue', receipt: { paper: 'A4' } } as never, admin),
      'settings_invalid_value',
    );
    expect([...unknown.fields].sort()).toEqual(['colour', 'receipt.paper']);
    expectUpdateError(
      () => store.update({ customBaseUrl: 'http://proxy.example.ca/' }, admin),
      'settings_invalid_value',
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, registerId: 'REG-09' });
  });

  it('tells listeners what changed and who changed it', () => {
    const store = open();
    const seen: SettingsChange[] = [];
    const stop = store.subscribe((change) => seen.push(change));
    store.update({ language: 'fr' }, admin);
    stop();
    store.update({ language: 'en' }, admin);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ changedFields: ['language'], actor: admin });
    expect(seen[0]?.before.language).toBe('en');
    expect(seen[0]?.after.language).toBe('fr');
  });

  describe('a corrupt file', () => {
    const bad = '{ "environment": "production", "idleLockMinutes": 9,,, oops';

    it('gives settings_corrupt and defaults, never a crash, and is left alone by load', () => {
      writeFileSync(file, bad);
      const result = open().load();
      expect(result.settings).toEqual(DEFAULT_SETTINGS);
      expect(result.problems).toEqual([
        expect.objectContaining({ code: 'settings_corrupt', location: file }),
      ]);
      expect(readFileSync(file, 'utf8')).toBe(bad);
      expect(readdirSync(dir)).toEqual(['settings.json']);
    });

    it('is kept as settings.json.bad-<timestamp> before the first write replaces it', () => {
      writeFileSync(file, bad);
      const at = new Date('2026-12-01T13:45:00.123Z');
      const store = open(() => at);
      store.load();
      const result = store.update({ language: 'fr' }, admin);
      const copy = join(dir, 'settings.json.bad-2026-12-01T13-45-00-123Z');
      expect(result.keptBadCopy).toBe(copy);
      expect(readFileSync(copy, 'utf8')).toBe(bad);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'fr' });

      // Only the first write copies: the file is good from then on.
      expect(store.update({ language: 'en' }, admin).keptBadCopy).toBeUndefined();
      expect(readdirSync(dir).sort()).toEqual([
        'settings.json',
        'settings.json.bad-2026-12-01T13-45-00-123Z',
      ]);
    });

    it.each([
      ['an array', '[1, 2, 3]'],
      ['a string', '"sandbox"'],
      ['null', 'null'],
      ['an empty file', ''],
    ])('treats %s as corrupt', (_label, text) => {
      writeFileSync(file, text);
      const result = open().load();
      expect(result.problems.map((problem) => problem.code)).toEqual(['settings_corrupt']);
      expect(result.settings).toEqual(DEFAULT_SETTINGS);
    });

    it('does not overwrite a bad file when it cannot keep a copy', () => {
      writeFileSync(file, bad);
      const at = new Date('2026-12-01T13:45:00.123Z');
      // Something already sits where the copy would go, ten times over: the copy cannot be made.
      for (const suffix of ['', ...Array.from({ length: 9 }, (_, i) => `-${i + 1}`)]) {
        mkdirSync(join(dir, `settings.json.bad-2026-12-01T13-45-00-123Z${suffix}`));
      }
      const store = open(() => at);
      store.load();
      expectUpdateError(() => store.update({ language: 'fr' }, admin), 'settings_write_failed');
      expect(readFileSync(file, 'utf8')).toBe(bad);
    });
  });

  it('starts on defaults when the settings path cannot be read, and refuses to write over it', () => {
    // A folder where the file should be: reading fails (EISDIR) the way a permission problem would.
    mkdirSync(file);
    const store = open();
    const result = store.load();
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problems.map((problem) => problem.code)).toEqual(['settings_unreadable']);
    expectUpdateError(() => store.update({ language: 'fr' }, admin), 'settings_write_failed');
    expect(store.get().language).toBe('en');
  });

  describe('a partly invalid file', () => {
    it('keeps the valid fields, defaults the rest, and names the bad ones', () => {
      writeFileSync(
        file,
        JSON.stringify({
          environment: 'staging',
          locationId: '00-12345',
          registerId: 42,
          idleLockMinutes: 30,
          receipt: { format: 'fr', copies: 9, paper: 'A4' },
          storeProvince: 'QC',
          colour: 'blue',
        }),
      );
      const result = open().load();
      expect(result.settings).toEqual({
        ...DEFAULT_SETTINGS,
        locationId: '00-12345',
        idleLockMinutes: 30,
        storeProvince: 'QC',
        receipt: { format: 'fr', copies: 1 },
      });
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]?.code).toBe('settings_invalid_field');
      expect(result.problems[0]?.fields?.sort()).toEqual(
        ['colour', 'environment', 'receipt.copies', 'receipt.paper', 'registerId'].sort(),
      );
    });

    it('falls back to the sandbox when custom has no usable URL, and keeps a copy on the next write', () => {
      const text = JSON.stringify({ environment: 'custom', customBaseUrl: 'http://10.0.0.5/' });
      writeFileSync(file, text);
      const store = open(() => new Date('2026-12-01T14:00:00.000Z'));
      const result = store.load();
      expect(result.settings.environment).toBe('sandbox');
      expect(result.problems.map((problem) => problem.code)).toEqual([
        'settings_invalid_field',
        'settings_invalid_field',
      ]);
      expect(result.problems.flatMap((problem) => problem.fields)).toContain('customBaseUrl');

      // An unrelated change is not blocked by the old problem.
      expect(store.update({ language: 'fr' }, admin).settings.environment).toBe('sandbox');
      const saved = store.update({ customBaseUrl: 'https://proxy.example.ca/' }, admin);
      expect(saved.settings.environment).toBe('custom');
      expect(saved.changedFields).toEqual(['environment', 'customBaseUrl']);
      expect(readFileSync(join(dir, 'settings.json.bad-2026-12-01T14-00-00-000Z'), 'utf8')).toBe(text);
    });
  });

  describe('atomic writes', () => {
    it('leave no temporary files behind after many saves', () => {
      const store = open();
      for (let minutes = 1; minutes <= 25; minutes += 1) store.update({ idleLockMinutes: minutes }, admin);
      expect(readdirSync(dir)).toEqual(['settings.json']);
      expect(open().get().idleLockMinutes).toBe(25);
    });

    it('clean up the temporary file when the final rename fails, and keep the target intact', () => {
      const target = join(dir, 'occupied');
      mkdirSync(target);
      writeFileSync(join(target, 'inside.txt'), 'kept');
      expect(() => writeFileAtomicSync(target, '{"a":1}')).toThrow();
      expect(readdirSync(dir)).toEqual(['occupied']);
      expect(readFileSync(join(target, 'inside.txt'), 'utf8')).toBe('kept');
    });

    it('create the settings folder when it does not exist yet', () => {
      const nested = join(dir, 'a', 'b', 'settings.json');
      createFileSettingsStore(nested, { provisioningPath: noProvisioning }).update(
        { registerId: 'R2' },
        admin,
      );
      expect(JSON.parse(readFileSync(nested, 'utf8'))).toEqual({ registerId: 'R2' });
      expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['settings.json']);
    });
  });
});
