/**
 * The terminal's staff: employee ids (Flexiti's external_employee_id), names, roles and PIN hashes,
 * in SQLite in the app's data directory. Wrong PINs are counted in the database, so restarting the
 * app does not reset a lockout.
 */
import Database from 'better-sqlite3';
import type { StaffRole } from '../../../shared/ipc/channel';
import { DEFAULT_PIN_HASH_PARAMS, hashPin, verifyPin, type PinHashParams } from './pin-hash';

export interface StaffMember {
  employeeId: string;
  name: string;
  role: StaffRole;
  createdAt: string;
  /** A disabled person cannot sign in or approve; their records keep their id. */
  disabled: boolean;
}

export type PinCheck =
  | { ok: true; staff: StaffMember }
  | { ok: false; reason: 'wrong_pin' }
  | { ok: false; reason: 'disabled' }
  | { ok: false; reason: 'locked_out'; retryAfterSeconds: number };

export class StaffError extends Error {
  override readonly name = 'StaffError';
  constructor(readonly code: 'staff_exists' | 'staff_not_found' | 'last_manager' | 'setup_already_done') {
    super(code);
  }
}

export interface StaffDirectoryOptions {
  /** Wrong PINs in a row before a lockout. */
  maxAttempts?: number;
  lockoutSeconds?: number;
  pinHashParams?: PinHashParams;
  now?: () => number;
}

interface StaffRow {
  employee_id: string;
  name: string;
  role: StaffRole;
  salt: Buffer;
  hash: Buffer;
  params: string;
  created_at: string;
  failed_attempts: number;
  locked_until: number;
  disabled: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS staff (
  employee_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
  salt BLOB NOT NULL,
  hash BLOB NOT NULL,
  params TEXT NOT NULL,
  created_at TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0
);
-- Attempts against unknown ids are limited too, so guessing ids is no faster than guessing PINs.
CREATE TABLE IF NOT EXISTS unknown_attempts (
  employee_id TEXT PRIMARY KEY,
  failed_attempts INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
);`;

/** Schema changes after the first, by the user_version they bring the file to. */
const MIGRATIONS: readonly string[] = [
  // 1: people can be disabled instead of removed, so the audit trail's ids keep a name.
  'ALTER TABLE staff ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0',
];

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let next = version; next < MIGRATIONS.length; next++) {
    const step = MIGRATIONS[next] as string;
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}

function toMember(row: StaffRow): StaffMember {
  return {
    employeeId: row.employee_id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    disabled: row.disabled === 1,
  };
}

export class StaffDirectory {
  private readonly maxAttempts: number;
  private readonly lockoutMs: number;
  private readonly params: PinHashParams;
  private readonly now: () => number;
  /** A hash to check unknown ids against, so they take as long as known ones. */
  private decoy: Promise<Awaited<ReturnType<typeof hashPin>>> | null = null;

  private constructor(
    private readonly db: Database.Database,
    options: StaffDirectoryOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.lockoutMs = (options.lockoutSeconds ?? 60) * 1000;
    this.params = options.pinHashParams ?? DEFAULT_PIN_HASH_PARAMS;
    this.now = options.now ?? Date.now;
  }

  static open(file: string, options: StaffDirectoryOptions = {}): StaffDirectory {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
    migrate(db);
    return new StaffDirectory(db, options);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM staff').get() as { n: number }).n;
  }

  list(): StaffMember[] {
    return (this.db.prepare('SELECT * FROM staff ORDER BY employee_id').all() as StaffRow[]).map(toMember);
  }

  get(employeeId: string): StaffMember | undefined {
    const row = this.row(employeeId);
    return row ? toMember(row) : undefined;
  }

  async add(input: { employeeId: string; name: string; role: StaffRole; pin: string }): Promise<StaffMember> {
    const hashed = await hashPin(input.pin, this.params);
    const createdAt = new Date(this.now()).toISOString();
    try {
      this.db
        .prepare(
          'INSERT INTO staff (employee_id, name, role, salt, hash, params, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          input.employeeId,
          input.name,
          input.role,
          hashed.salt,
          hashed.hash,
          JSON.stringify(hashed.params),
          createdAt,
        );
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new StaffError('staff_exists');
      }
      throw error;
    }
    return { employeeId: input.employeeId, name: input.name, role: input.role, createdAt, disabled: false };
  }

  /** The first manager: only while nobody exists, checked and inserted under one lock. */
  async addFirstManager(input: { employeeId: string; name: string; pin: string }): Promise<StaffMember> {
    if (this.count() > 0) throw new StaffError('setup_already_done');
    const hashed = await hashPin(input.pin, this.params);
    const createdAt = new Date(this.now()).toISOString();
    const insert = this.db.transaction(() => {
      if (this.count() > 0) throw new StaffError('setup_already_done');
      this.db
        .prepare(
          'INSERT INTO staff (employee_id, name, role, salt, hash, params, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          input.employeeId,
          input.name,
          'manager',
          hashed.salt,
          hashed.hash,
          JSON.stringify(hashed.params),
          createdAt,
        );
    });
    insert();
    return { employeeId: input.employeeId, name: input.name, role: 'manager', createdAt, disabled: false };
  }

  /** Removes a person; the last manager stays, or nobody could manage the terminal. */
  remove(employeeId: string): void {
    const remove = this.db.transaction(() => {
      const row = this.row(employeeId);
      if (!row) throw new StaffError('staff_not_found');
      if (row.role === 'manager' && row.disabled === 0) this.keepAManager();
      this.db.prepare('DELETE FROM staff WHERE employee_id = ?').run(employeeId);
    });
    remove();
  }

  /** Disables (or enables again) a person; the last enabled manager stays enabled. */
  setDisabled(employeeId: string, disabled: boolean): StaffMember {
    return this.db.transaction(() => {
      const row = this.row(employeeId);
      if (!row) throw new StaffError('staff_not_found');
      if (disabled && row.role === 'manager' && row.disabled === 0) this.keepAManager();
      this.db
        .prepare('UPDATE staff SET disabled = ? WHERE employee_id = ?')
        .run(disabled ? 1 : 0, employeeId);
      return toMember({ ...row, disabled: disabled ? 1 : 0 });
    })();
  }

  /** Changes a role; the last enabled manager cannot be made a cashier. */
  setRole(employeeId: string, role: StaffRole): StaffMember {
    return this.db.transaction(() => {
      const row = this.row(employeeId);
      if (!row) throw new StaffError('staff_not_found');
      if (role === 'cashier' && row.role === 'manager' && row.disabled === 0) this.keepAManager();
      this.db.prepare('UPDATE staff SET role = ? WHERE employee_id = ?').run(role, employeeId);
      return toMember({ ...row, role });
    })();
  }

  /** A new PIN; a lockout from wrong PINs ends with it. */
  async setPin(employeeId: string, pin: string): Promise<StaffMember> {
    if (!this.row(employeeId)) throw new StaffError('staff_not_found');
    const hashed = await hashPin(pin, this.params);
    const changed = this.db
      .prepare(
        'UPDATE staff SET salt = ?, hash = ?, params = ?, failed_attempts = 0, locked_until = 0 WHERE employee_id = ?',
      )
      .run(hashed.salt, hashed.hash, JSON.stringify(hashed.params), employeeId);
    const row = this.row(employeeId);
    if (changed.changes === 0 || !row) throw new StaffError('staff_not_found');
    return toMember(row);
  }

  /** Throws unless another enabled manager exists besides the one about to go. */
  private keepAManager(): void {
    const managers = this.db
      .prepare("SELECT COUNT(*) AS n FROM staff WHERE role = 'manager' AND disabled = 0")
      .get() as { n: number };
    if (managers.n <= 1) throw new StaffError('last_manager');
  }

  async checkPin(employeeId: string, pin: string): Promise<PinCheck> {
    const now = this.now();
    const row = this.row(employeeId);
    const attempts = row
      ? { failed: row.failed_attempts, lockedUntil: row.locked_until }
      : this.unknownAttempts(employeeId);
    if (attempts.lockedUntil > now) {
      return {
        ok: false,
        reason: 'locked_out',
        retryAfterSeconds: Math.ceil((attempts.lockedUntil - now) / 1000),
      };
    }
    const stored = row
      ? { salt: row.salt, hash: row.hash, params: JSON.parse(row.params) as PinHashParams }
      : await (this.decoy ??= hashPin('decoy-pin', this.params));
    const matches = await verifyPin(pin, stored);
    if (row && matches && row.disabled === 1) return { ok: false, reason: 'disabled' };
    if (row && matches) {
      this.db
        .prepare('UPDATE staff SET failed_attempts = 0, locked_until = 0 WHERE employee_id = ?')
        .run(employeeId);
      return { ok: true, staff: toMember(row) };
    }
    // A lockout that has run out starts a fresh count.
    const failed = (attempts.lockedUntil > 0 ? 0 : attempts.failed) + 1;
    const lockedUntil = failed >= this.maxAttempts ? this.now() + this.lockoutMs : 0;
    const stored_failed = lockedUntil > 0 ? 0 : failed;
    if (row) {
      this.db
        .prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE employee_id = ?')
        .run(stored_failed, lockedUntil, employeeId);
    } else {
      this.db
        .prepare(
          'INSERT INTO unknown_attempts (employee_id, failed_attempts, locked_until) VALUES (?, ?, ?) ' +
            'ON CONFLICT(employee_id) DO UPDATE SET failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until',
        )
        .run(employeeId, stored_failed, lockedUntil);
    }
    if (lockedUntil > 0) {
      return { ok: false, reason: 'locked_out', retryAfterSeconds: Math.ceil(this.lockoutMs / 1000) };
    }
    return { ok: false, reason: 'wrong_pin' };
  }

  close(): void {
    this.db.close();
  }

  private row(employeeId: string): StaffRow | undefined {
    return this.db.prepare('SELECT * FROM staff WHERE employee_id = ?').get(employeeId) as
      StaffRow | undefined;
  }

  private unknownAttempts(employeeId: string): { failed: number; lockedUntil: number } {
    const row = this.db
      .prepare('SELECT failed_attempts, locked_until FROM unknown_attempts WHERE employee_id = ?')
      .get(employeeId) as { failed_attempts: number; locked_until: number } | undefined;
    return row
      ? { failed: row.failed_attempts, lockedUntil: row.locked_until }
      : { failed: 0, lockedUntil: 0 };
  }
}
