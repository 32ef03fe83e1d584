/**
 * The machine-wide provisioning file, written by IT: `{ "values": {...}, "locked": ["environment", ...] }`.
 *
 * Unlocked `values` are the machine's defaults (a user setting overrides them); a locked field
 * takes its provisioned value, or the built-in default when none is given, and `update` refuses
 * to change it. Locking `environment` also locks `customBaseUrl`, and locking `receipt` locks every
 * receipt option, so a lock cannot be walked around through a neighbouring field.
 *
 * The file is IT's way to pin a terminal down, so its failures fail closed: if it exists but
 * cannot be read or is not `{ values, locked }`, every field is locked to its built-in default
 * (the sandbox), and the problem is reported.
 */
import { readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { parseSettingsLayer } from './settings-parse';
import type { SettingsProblem } from './settings-problem';
import { LOCKABLE_FIELDS, isLockableField, type LockableField, type SettingsLayer } from './settings-schema';

export interface Provisioning {
  /** Where the file was looked for. */
  location: string;
  /** True when a provisioning file exists (even a bad one). */
  present: boolean;
  values: SettingsLayer;
  /** Locked fields, with the implied ones (environment -> customBaseUrl, receipt -> receipt.*). */
  locked: ReadonlySet<LockableField>;
  problems: SettingsProblem[];
}

export function defaultProvisioningPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') {
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Flexiti In-Store', 'provisioning.json');
  }
  if (platform === 'darwin') {
    return posix.join('/Library/Application Support/Flexiti In-Store', 'provisioning.json');
  }
  return '/etc/flexiti-in-store/provisioning.json';
}

/** Adds the locks a lock implies. */
export function expandLocks(locks: Iterable<LockableField>): Set<LockableField> {
  const expanded = new Set<LockableField>(locks);
  if (expanded.has('environment')) expanded.add('customBaseUrl');
  if (expanded.has('receipt')) {
    expanded.add('receipt.format');
    expanded.add('receipt.copies');
    expanded.add('receipt.printerName');
  }
  return expanded;
}

function lockedDown(location: string, problem: SettingsProblem): Provisioning {
  return { location, present: true, values: {}, locked: expandLocks(LOCKABLE_FIELDS), problems: [problem] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads provisioning text (null: no file). Pure, so it is tested without touching /etc. */
export function parseProvisioning(text: string | null, location: string): Provisioning {
  if (text === null) return { location, present: false, values: {}, locked: new Set(), problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return lockedDown(location, {
      code: 'provisioning_corrupt',
      location,
      message: 'The provisioning file is not valid JSON; every setting is locked to its default.',
    });
  }
  if (!isPlainObject(raw) || (raw.locked !== undefined && !Array.isArray(raw.locked))) {
    return lockedDown(location, {
      code: 'provisioning_corrupt',
      location,
      message:
        'The provisioning file is not { "values": {...}, "locked": [...] }; every setting is locked to its default.',
    });
  }

  const badFields: string[] = [];
  for (const key of Object.keys(raw)) {
    if (key !== 'values' && key !== 'locked') badFields.push(key);
  }

  let values: SettingsLayer = {};
  if (raw.values !== undefined) {
    const parsed = parseSettingsLayer(raw.values);
    values = parsed.layer;
    badFields.push(
      ...[...parsed.invalidFields, ...parsed.unknownFields].map((field) =>
        field === '*' ? 'values' : `values.${field}`,
      ),
    );
  }

  const locks: LockableField[] = [];
  for (const entry of (raw.locked as unknown[] | undefined) ?? []) {
    if (isLockableField(entry)) locks.push(entry);
    else badFields.push(`locked.${typeof entry === 'string' ? entry : String(JSON.stringify(entry))}`);
  }

  const problems: SettingsProblem[] = [];
  if (badFields.length > 0) {
    problems.push({
      code: 'provisioning_invalid_field',
      location,
      fields: badFields,
      message: `The provisioning file has invalid or unknown entries, which were ignored: ${badFields.join(', ')}.`,
    });
  }
  return { location, present: true, values, locked: expandLocks(locks), problems };
}

/** Reads the provisioning file at `path`; a missing file is normal (no provisioning). */
export function loadProvisioning(path: string = defaultProvisioningPath()): Provisioning {
  let text: string | null;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      text = null;
    } else {
      return lockedDown(path, {
        code: 'provisioning_unreadable',
        location: path,
        message: 'The provisioning file exists but cannot be read; every setting is locked to its default.',
      });
    }
  }
  return parseProvisioning(text, path);
}
