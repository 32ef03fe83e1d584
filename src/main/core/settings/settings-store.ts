/**
 * The terminal's settings: built-in defaults, then the machine's provisioning file, then the
 * user's settings file, with provisioned locks on top (see provisioning.ts for the precedence).
 *
 * The user file holds only what was set on this terminal (a sparse object), so a value IT
 * provisions later still reaches fields nobody changed here. A corrupt or hand-edited file never
 * stops the terminal: it starts on defaults (keeping every valid field), reports a
 * `SettingsProblem`, and the bad file is copied to `<file>.bad-<timestamp>` before the first
 * write replaces it.
 *
 * Storage is behind `SettingsBackend` (a file here; electron-store in the packaged app, see
 * src/main/electron/electron-settings-backend.ts), so the same schema and rules run everywhere.
 */
import { loadProvisioning, type Provisioning } from './provisioning';
import { createFileSettingsBackend, type SettingsBackend } from './settings-backend';
import { SettingsUpdateError } from './settings-errors';
import { parseSettingsLayer } from './settings-parse';
import type { SettingsProblem } from './settings-problem';
import {
  DEFAULT_SETTINGS,
  RECEIPT_FIELDS,
  SETTINGS_FIELDS,
  settingsPatchSchema,
  terminalSettingsSchema,
  type LockableField,
  type ReceiptField,
  type SettingsLayer,
  type SettingsPatch,
  type TerminalSettings,
} from './settings-schema';

/** Who asked for a change, for the change event (the audit trail is its listener's business). */
export type SettingsActor = Readonly<{ id: string; role?: string }>;

export interface SettingsLoadResult {
  settings: TerminalSettings;
  /** Empty when both files were fine. */
  problems: SettingsProblem[];
  locked: readonly LockableField[];
}

export interface SettingsUpdateResult {
  settings: TerminalSettings;
  /** Dotted names of the fields whose effective value changed. */
  changedFields: LeafField[];
  /** Where a bad settings file was copied before this first write replaced it. */
  keptBadCopy?: string;
}

export interface SettingsChange {
  before: TerminalSettings;
  after: TerminalSettings;
  changedFields: LeafField[];
  actor: SettingsActor;
  at: Date;
}

export interface SettingsStore {
  /** (Re)reads provisioning, then the settings file. Never throws for bad content. */
  load(): SettingsLoadResult;
  /** The effective settings (loads on first use). */
  get(): TerminalSettings;
  /** Validates and saves a change. Throws `SettingsUpdateError`; on error nothing changes. */
  update(patch: SettingsPatch, actor: SettingsActor): SettingsUpdateResult;
  /** Fields the provisioning file locks (implied locks included). */
  locks(): readonly LockableField[];
  /** Called after every successful change; returns the unsubscribe function. */
  subscribe(listener: (change: SettingsChange) => void): () => void;
}

/** A setting that holds one value: every top-level field except `receipt`, plus `receipt.*`. */
export type LeafField = Exclude<LockableField, 'receipt'>;

const TOP_LEAVES = SETTINGS_FIELDS.filter(
  (field): field is Exclude<(typeof SETTINGS_FIELDS)[number], 'receipt'> => field !== 'receipt',
);
const LEAF_FIELDS: readonly LeafField[] = [
  ...TOP_LEAVES,
  ...RECEIPT_FIELDS.map((field) => `receipt.${field}` as const),
];

type LeafValue = string | number | undefined;

function receiptKey(leaf: LeafField): ReceiptField | null {
  return leaf.startsWith('receipt.') ? (leaf.slice('receipt.'.length) as ReceiptField) : null;
}

function readLeaf(layer: SettingsLayer, leaf: LeafField): LeafValue {
  const sub = receiptKey(leaf);
  if (sub !== null) return layer.receipt?.[sub];
  return layer[leaf as (typeof TOP_LEAVES)[number]];
}

function writeLeaf(layer: SettingsLayer, leaf: LeafField, value: LeafValue): void {
  const sub = receiptKey(leaf);
  if (sub !== null) {
    const receipt = { ...layer.receipt };
    if (value === undefined) delete receipt[sub];
    else Object.assign(receipt, { [sub]: value });
    if (Object.keys(receipt).length > 0) layer.receipt = receipt;
    else delete layer.receipt;
    return;
  }
  if (value === undefined) delete layer[leaf as (typeof TOP_LEAVES)[number]];
  else Object.assign(layer, { [leaf]: value });
}

function cloneLayer(layer: SettingsLayer): SettingsLayer {
  return layer.receipt ? { ...layer, receipt: { ...layer.receipt } } : { ...layer };
}

/** Layers the sources; the result may still break a cross-field rule (checked by the caller). */
function compose(user: SettingsLayer, provisioning: Provisioning): SettingsLayer {
  const defaults = DEFAULT_SETTINGS as SettingsLayer;
  const result: SettingsLayer = {};
  for (const leaf of LEAF_FIELDS) {
    const provisioned = readLeaf(provisioning.values, leaf);
    const value = provisioning.locked.has(leaf)
      ? (provisioned ?? readLeaf(defaults, leaf))
      : (readLeaf(user, leaf) ?? provisioned ?? readLeaf(defaults, leaf));
    writeLeaf(result, leaf, value);
  }
  return result;
}

function sameSettings(a: TerminalSettings, b: TerminalSettings, leaf: LeafField): boolean {
  return readLeaf(a, leaf) === readLeaf(b, leaf);
}

/** `2026-12-01T13-45-00-123Z`: sortable, and legal in a Windows file name. */
function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

interface LoadedState {
  provisioning: Provisioning;
  user: SettingsLayer;
  settings: TerminalSettings;
  /** The file on disk is bad or unread: copy it aside before writing over it. */
  keepBadFile: boolean;
}

export interface SettingsStoreOptions {
  backend: SettingsBackend;
  /** Reads the machine's provisioning; default: the per-OS path (see provisioning.ts). */
  provisioning?: () => Provisioning;
  now?: () => Date;
}

export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const { backend } = options;
  const readProvisioning = options.provisioning ?? (() => loadProvisioning());
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(change: SettingsChange) => void>();

  let loaded: LoadedState | null = null;

  function settle(
    user: SettingsLayer,
    provisioning: Provisioning,
  ): { settings: TerminalSettings; problem?: SettingsProblem } {
    const composed = compose(user, provisioning);
    const candidate = terminalSettingsSchema.safeParse(composed);
    if (candidate.success) return { settings: candidate.data };
    // Only the cross-field rule can fail here (each field was checked): `custom` without a URL.
    const fallback = terminalSettingsSchema.parse({ ...composed, environment: DEFAULT_SETTINGS.environment });
    return {
      settings: fallback,
      problem: {
        code: 'settings_invalid_field',
        location: provisioning.locked.has('environment') ? provisioning.location : backend.location,
        fields: ['environment', 'customBaseUrl'],
        message: 'The custom environment has no valid base URL; the sandbox is used instead.',
      },
    };
  }

  function load(): SettingsLoadResult {
    const { state, result } = readState();
    loaded = state;
    return result;
  }

  function readState(): { state: LoadedState; result: SettingsLoadResult } {
    const provisioning = readProvisioning();
    const problems: SettingsProblem[] = [...provisioning.problems];
    let user: SettingsLayer = {};
    let keepBadFile = false;

    let text: string | null = null;
    try {
      text = backend.read();
    } catch {
      keepBadFile = true;
      problems.push({
        code: 'settings_unreadable',
        location: backend.location,
        message: 'The settings file cannot be read; default settings are in use.',
      });
    }

    if (text !== null) {
      let raw: unknown;
      let isJson = true;
      try {
        raw = JSON.parse(text);
      } catch {
        isJson = false;
      }
      const parsed = isJson ? parseSettingsLayer(raw) : null;
      if (parsed === null || parsed.invalidFields.includes('*')) {
        keepBadFile = true;
        problems.push({
          code: 'settings_corrupt',
          location: backend.location,
          message: 'The settings file is not a valid settings document; default settings are in use.',
        });
      } else {
        user = parsed.layer;
        const fields = [...parsed.invalidFields, ...parsed.unknownFields];
        if (fields.length > 0) {
          keepBadFile = true;
          problems.push({
            code: 'settings_invalid_field',
            location: backend.location,
            fields,
            message: `Some settings were invalid or unknown and fell back to defaults: ${fields.join(', ')}.`,
          });
        }
      }
    }

    const { settings, problem } = settle(user, provisioning);
    if (problem) problems.push(problem);
    return {
      state: { provisioning, user, settings, keepBadFile },
      result: { settings, problems, locked: [...provisioning.locked] },
    };
  }

  function ensureLoaded(): LoadedState {
    loaded ??= readState().state;
    return loaded;
  }

  function update(patch: SettingsPatch, actor: SettingsActor): SettingsUpdateResult {
    const state = ensureLoaded();
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const fields = [
        ...new Set(
          parsed.error.issues.flatMap((issue) => {
            const at = issue.path.map(String).join('.');
            if (issue.code !== 'unrecognized_keys') return [at || '*'];
            return issue.keys.map((key) => (at ? `${at}.${key}` : key));
          }),
        ),
      ];
      throw new SettingsUpdateError(
        'settings_invalid_value',
        fields,
        `Invalid settings: ${fields.join(', ')}.`,
      );
    }

    const asked = new Map<LeafField, LeafValue>();
    for (const leaf of TOP_LEAVES) {
      if (leaf in parsed.data) asked.set(leaf, parsed.data[leaf] ?? undefined);
    }
    for (const sub of RECEIPT_FIELDS) {
      const receipt = parsed.data.receipt;
      if (receipt && sub in receipt) asked.set(`receipt.${sub}`, receipt[sub] ?? undefined);
    }

    const lockedChanges = [...asked].filter(
      ([leaf, value]) => state.provisioning.locked.has(leaf) && readLeaf(state.settings, leaf) !== value,
    );
    if (lockedChanges.length > 0) {
      const fields = lockedChanges.map(([leaf]) => leaf);
      throw new SettingsUpdateError(
        'settings_field_locked',
        fields,
        `Locked by the machine's provisioning: ${fields.join(', ')}.`,
      );
    }

    const user = cloneLayer(state.user);
    for (const [leaf, value] of asked) {
      if (!state.provisioning.locked.has(leaf)) writeLeaf(user, leaf, value);
    }
    // `custom` without a URL: refused when this change asks for it; otherwise it is an older
    // problem (reported at load) that must not block saving an unrelated field.
    const touchesEndpoint = asked.has('environment') || asked.has('customBaseUrl');
    const { settings: after, problem } = settle(user, state.provisioning);
    if (problem && touchesEndpoint) {
      throw new SettingsUpdateError(
        'settings_invalid_value',
        ['customBaseUrl'],
        'The custom environment needs a base URL.',
      );
    }

    const at = now();
    let keptBadCopy: string | undefined;
    try {
      if (state.keepBadFile) keptBadCopy = keepBadCopy(at) ?? undefined;
      backend.write(`${JSON.stringify(user, null, 2)}\n`);
    } catch {
      throw new SettingsUpdateError(
        'settings_write_failed',
        [],
        `The settings could not be saved to ${backend.location}.`,
      );
    }

    const before = state.settings;
    const changedFields = LEAF_FIELDS.filter((leaf) => !sameSettings(before, after, leaf));
    loaded = { provisioning: state.provisioning, user, settings: after, keepBadFile: false };
    const change: SettingsChange = { before, after, changedFields, actor, at };
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure must not undo or block a saved change.
      }
    }
    return keptBadCopy === undefined
      ? { settings: after, changedFields }
      : { settings: after, changedFields, keptBadCopy };
  }

  /** Retries with a suffix when two copies land in the same millisecond. */
  function keepBadCopy(at: Date): string | null {
    const stamp = fileStamp(at);
    for (let attempt = 0; ; attempt += 1) {
      try {
        return backend.keepBadCopy(attempt === 0 ? stamp : `${stamp}-${attempt}`);
      } catch (error) {
        const exists = error instanceof Error && 'code' in error && error.code === 'EEXIST';
        if (!exists || attempt >= 9) throw error;
      }
    }
  }

  return {
    load,
    get: () => ensureLoaded().settings,
    update,
    locks: () => [...ensureLoaded().provisioning.locked],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface FileSettingsStoreOptions {
  /** The provisioning file; default: the per-OS machine-wide path. */
  provisioningPath?: string;
  now?: () => Date;
}

/** The plain-Node store over a JSON file (tests, the browser host). */
export function createFileSettingsStore(path: string, options: FileSettingsStoreOptions = {}): SettingsStore {
  const { provisioningPath, now } = options;
  return createSettingsStore({
    backend: createFileSettingsBackend(path),
    provisioning: () => loadProvisioning(provisioningPath),
    ...(now ? { now } : {}),
  });
}
