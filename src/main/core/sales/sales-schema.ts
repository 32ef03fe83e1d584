import type Database from 'better-sqlite3';
import { SalesError } from './sales-errors';

const CONTEXT = `employee_id TEXT NOT NULL,
    approver_id TEXT,
    location_id TEXT,
    register_id TEXT,
    reference TEXT,
    reference_id TEXT,
    account_last4 TEXT
      CHECK (account_last4 IS NULL OR (length(account_last4) = 4 AND account_last4 NOT GLOB '*[^0-9]*')),
    at_ms INTEGER NOT NULL,
    recorded_ms INTEGER NOT NULL`;

/**
 * The sales ledger's DDL as ordered migrations; PRAGMA user_version records how many have run.
 * Append new migrations, never edit a shipped one. Rows are keyed by Flexiti's ids so a confirmed
 * operation recorded twice (confirmation, then reconciliation) stays one row.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sale_authorization (
    authorization_id TEXT PRIMARY KEY NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    transaction_type TEXT NOT NULL CHECK (transaction_type IN ('promotional_purchase', 'regular_purchase')),
    plan_id INTEGER,
    plan_name TEXT,
    term INTEGER,
    auto_capture INTEGER NOT NULL CHECK (auto_capture IN (0, 1)),
    status TEXT NOT NULL CHECK (status IN ('opened', 'closed', 'unauthorized')),
    ${CONTEXT}
  ) STRICT;
  CREATE INDEX sale_authorization_at ON sale_authorization (at_ms);
  CREATE INDEX sale_authorization_reference ON sale_authorization (reference, at_ms);
  CREATE INDEX sale_authorization_employee ON sale_authorization (employee_id, at_ms);
  CREATE INDEX sale_authorization_register ON sale_authorization (register_id, at_ms);
  CREATE INDEX sale_authorization_account ON sale_authorization (account_last4, at_ms);

  CREATE TABLE sale_capture (
    capture_id TEXT PRIMARY KEY NOT NULL,
    authorization_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    ${CONTEXT}
  ) STRICT;
  CREATE INDEX sale_capture_authorization ON sale_capture (authorization_id, at_ms);
  CREATE INDEX sale_capture_at ON sale_capture (at_ms);

  CREATE TABLE sale_release (
    operation_id TEXT PRIMARY KEY NOT NULL,
    authorization_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    ${CONTEXT}
  ) STRICT;
  CREATE INDEX sale_release_authorization ON sale_release (authorization_id, at_ms);
  CREATE INDEX sale_release_at ON sale_release (at_ms);

  CREATE TABLE sale_return (
    return_id TEXT PRIMARY KEY NOT NULL,
    capture_id TEXT NOT NULL,
    authorization_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    ${CONTEXT}
  ) STRICT;
  CREATE INDEX sale_return_authorization ON sale_return (authorization_id, at_ms);
  CREATE INDEX sale_return_capture ON sale_return (capture_id);
  CREATE INDEX sale_return_at ON sale_return (at_ms);

  CREATE TABLE sale_refund (
    operation_id TEXT PRIMARY KEY NOT NULL,
    capture_id TEXT,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    ${CONTEXT}
  ) STRICT;
  CREATE INDEX sale_refund_capture ON sale_refund (capture_id);
  CREATE INDEX sale_refund_at ON sale_refund (at_ms);

  CREATE TABLE day_close (
    business_date TEXT NOT NULL,
    -- '' means every location / register.
    location_id TEXT NOT NULL,
    register_id TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    closed_ms INTEGER NOT NULL,
    manager_id TEXT NOT NULL,
    reason TEXT,
    in_doubt_count INTEGER NOT NULL,
    audit_seq INTEGER NOT NULL,
    audit_hash TEXT NOT NULL,
    PRIMARY KEY (business_date, location_id, register_id)
  ) STRICT;
  `,
  // 2: the line items of a sale, in the order the cashier entered them, for a receipt printed later.
  `
  CREATE TABLE sale_line_item (
    authorization_id TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 0),
    sku TEXT NOT NULL CHECK (length(sku) BETWEEN 1 AND 40),
    description TEXT CHECK (description IS NULL OR length(description) BETWEEN 1 AND 120),
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9999),
    unit_price_cents INTEGER NOT NULL,
    PRIMARY KEY (authorization_id, position)
  ) STRICT;
  `,
  // 3: the items a return listed, so a later return cannot list them again.
  `
  CREATE TABLE sale_return_line_item (
    return_id TEXT NOT NULL,
    position INTEGER NOT NULL CHECK (position >= 0),
    sku TEXT NOT NULL CHECK (length(sku) BETWEEN 1 AND 40),
    description TEXT CHECK (description IS NULL OR length(description) BETWEEN 1 AND 120),
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9999),
    unit_price_cents INTEGER NOT NULL,
    PRIMARY KEY (return_id, position)
  ) STRICT;
  `,
];

export const SALES_SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the pending migrations in one transaction; refuses a database from a newer app. */
export function migrateSales(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('Could not read the sales schema version.');
  if (current > MIGRATIONS.length) {
    throw new SalesError(
      'schema_too_new',
      `The sales ledger was written by a newer version (schema ${current}, this app knows ${MIGRATIONS.length}).`,
    );
  }
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (let i = current; i < MIGRATIONS.length; i++) db.exec(MIGRATIONS[i] as string);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
