import type Database from 'better-sqlite3';
import { AuditError } from './audit-errors';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AUDIT_ROLES } from './audit-types';

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * The audit trail's DDL as ordered migrations; PRAGMA user_version records how many have run.
 * Append new migrations, never edit a shipped one (the row hashes depend on the columns).
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE audit_event (
    seq INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 1),
    at_ms INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN (${list(AUDIT_ACTIONS)})),
    actor_id TEXT NOT NULL,
    actor_role TEXT NOT NULL CHECK (actor_role IN (${list(AUDIT_ROLES)})),
    approver_id TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN (${list(AUDIT_OUTCOMES)})),
    account_last4 TEXT
      CHECK (account_last4 IS NULL OR (length(account_last4) = 4 AND account_last4 NOT GLOB '*[^0-9]*')),
    authorization_id TEXT,
    capture_id TEXT,
    return_id TEXT,
    application_id TEXT,
    amount_cents INTEGER,
    reference TEXT,
    reference_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL CHECK (length(hash) = 64)
  ) STRICT;

  CREATE INDEX audit_event_at ON audit_event (at_ms);
  CREATE INDEX audit_event_actor ON audit_event (actor_id, at_ms);
  CREATE INDEX audit_event_action ON audit_event (action, at_ms);
  CREATE INDEX audit_event_account ON audit_event (account_last4, at_ms);

  CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
  BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
  END;

  CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
  BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
  END;
  `,
];

export const AUDIT_SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the pending migrations in one transaction; refuses a database from a newer app. */
export function migrateAudit(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('Could not read the audit schema version.');
  if (current > MIGRATIONS.length) {
    throw new AuditError(
      'schema_too_new',
      `The audit trail was written by a newer version (schema ${current}, this app knows ${MIGRATIONS.length}).`,
    );
  }
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (let i = current; i < MIGRATIONS.length; i++) db.exec(MIGRATIONS[i] as string);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/** Same durability as the journal: an audit row that was acknowledged must survive a power cut. */
export function applyRecordPragmas(db: Database.Database, inMemory: boolean): void {
  if (!inMemory) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not switch to WAL mode (got ${String(mode)})`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}
