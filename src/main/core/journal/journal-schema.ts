import type Database from 'better-sqlite3';
import { JournalError } from './journal-errors';

/**
 * The journal's DDL as ordered migrations; PRAGMA user_version records how many have run.
 * Append new migrations, never edit a shipped one.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE journal_meta (
    name TEXT PRIMARY KEY NOT NULL,
    value BLOB NOT NULL
  ) STRICT;

  CREATE TABLE journal_entry (
    id TEXT PRIMARY KEY NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('authorization', 'capture', 'release', 'return', 'refund',
      'transactions', 'apply', 'verify', 'close')),
    idempotency_key TEXT NOT NULL,
    reference_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    state TEXT NOT NULL
      CHECK (state IN ('prepared', 'sent', 'confirmed', 'failed', 'in_doubt', 'reconciled')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_status INTEGER,
    last_error_code TEXT,
    in_doubt_reason TEXT,
    resolution TEXT CHECK (resolution IS NULL OR resolution IN ('applied', 'not_applied')),
    note TEXT,
    authorization_id TEXT,
    capture_id TEXT,
    return_id TEXT,
    application_id TEXT,
    transaction_id TEXT,
    amount_cents INTEGER,
    account_last4 TEXT
      CHECK (account_last4 IS NULL OR (length(account_last4) = 4 AND account_last4 NOT GLOB '*[^0-9]*')),
    employee_id TEXT,
    location_id TEXT,
    register_id TEXT,
    reference TEXT,
    -- AES-256-GCM of {method, path, body}; erased (NULL) once the entry is settled.
    request_sealed BLOB,
    CHECK (state <> 'reconciled' OR resolution IS NOT NULL),
    CHECK (state NOT IN ('prepared', 'sent', 'in_doubt') OR request_sealed IS NOT NULL)
  ) STRICT;

  CREATE UNIQUE INDEX journal_entry_idempotency_key ON journal_entry (idempotency_key);
  CREATE INDEX journal_entry_state ON journal_entry (state, created_at);
  CREATE INDEX journal_entry_created_at ON journal_entry (created_at);
  `,
];

export const JOURNAL_SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the pending migrations in one transaction; refuses a database from a newer app. */
export function migrateJournal(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('Could not read the journal schema version.');
  if (current > MIGRATIONS.length) {
    throw new JournalError(
      'schema_too_new',
      `The journal was written by a newer version (schema ${current}, this app knows ${MIGRATIONS.length}).`,
    );
  }
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (let i = current; i < MIGRATIONS.length; i++) db.exec(MIGRATIONS[i] as string);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/** Durability first: WAL, an fsync on every commit, and waiting rather than failing on a lock. */
export function applyJournalPragmas(db: Database.Database, inMemory: boolean): void {
  if (!inMemory) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`The journal could not switch to WAL mode (got ${String(mode)}).`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Erased requests are overwritten with zeros instead of lingering in free pages.
  db.pragma('secure_delete = ON');
}
