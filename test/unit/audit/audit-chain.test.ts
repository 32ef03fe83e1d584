import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAuditError } from '../../../src/main/core/audit/audit-errors';
import { GENESIS_HASH, chainHash } from '../../../src/main/core/audit/audit-hash';
import { AuditLog } from '../../../src/main/core/audit/audit-log';
import type { AuditEventInput } from '../../../src/main/core/audit/audit-types';

let dir: string;
let file: string;
let clock: number;

function event(i: number): AuditEventInput {
  return {
    action: 'capture',
    actorId: `E${i % 3}`,
    actorRole: 'cashier',
    approverId: i % 2 ? 'M1' : undefined,
    outcome: 'ok',
    accountLast4: '4755',
    authorizationId: String(1000 + i),
    captureId: String(2000 + i),
    amountCents: 100 * i + 25,
    reference: `ORD-${i}`,
    referenceId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    detail: {},
  };
}

function seed(n: number): void {
  const log = AuditLog.open(file, { now: () => clock++ });
  for (let i = 1; i <= n; i++) log.append(event(i));
  log.close();
}

/** A second, raw connection: what someone with the file (and no app) could do. */
function tamper(fn: (db: Database.Database) => void, dropTriggers = true): void {
  const raw = new Database(file);
  if (dropTriggers) {
    raw.exec('DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;');
  }
  fn(raw);
  raw.close();
}

function verify(anchor?: { seq: number; hash: string }) {
  const log = AuditLog.open(file);
  try {
    return log.verifyChain(anchor);
  } finally {
    log.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-chain-'));
  file = join(dir, 'audit.db');
  clock = Date.UTC(2026, 6, 1, 12);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('audit chain', () => {
  it('links every row to the one before and verifies a clean chain', () => {
    seed(5);
    const log = AuditLog.open(file);
    const rows = log.query({ order: 'asc' }).rows;
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    const verdict = log.verifyChain();
    expect(verdict).toEqual({ ok: true, rows: 5, head: { seq: 5, hash: rows[4]?.hash } });
    expect(log.head()).toEqual({ seq: 5, hash: rows[4]?.hash });
    log.close();
  });

  it('continues the chain after reopening the file', () => {
    seed(2);
    seed(2);
    expect(verify()).toMatchObject({ ok: true, rows: 4 });
  });

  it('starts empty with the genesis head', () => {
    const log = AuditLog.open(file);
    expect(log.head()).toEqual({ seq: 0, hash: GENESIS_HASH });
    expect(log.verifyChain()).toMatchObject({ ok: true, rows: 0 });
    log.close();
  });

  it('has triggers that refuse UPDATE and DELETE', () => {
    seed(3);
    tamper((raw) => {
      expect(() => raw.prepare('UPDATE audit_event SET amount_cents = 1 WHERE seq = 2').run()).toThrow(
        /append-only/,
      );
      expect(() => raw.prepare('DELETE FROM audit_event WHERE seq = 3').run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/);
    }, false);
    expect(verify()).toMatchObject({ ok: true, rows: 3 });
  });

  it('detects an edited row once the triggers are dropped', () => {
    seed(5);
    tamper((raw) => raw.prepare('UPDATE audit_event SET amount_cents = 1 WHERE seq = 3').run());
    expect(verify()).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects an edited detail or actor', () => {
    seed(4);
    tamper((raw) => raw.prepare("UPDATE audit_event SET actor_id = 'SOMEONE' WHERE seq = 2").run());
    expect(verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects an edit whose hash was recomputed, at the next row', () => {
    seed(5);
    tamper((raw) => {
      const row = raw.prepare('SELECT * FROM audit_event WHERE seq = 3').get() as Parameters<
        typeof chainHash
      >[1] & {
        prev_hash: string;
      };
      const edited = { ...row, amount_cents: 1 };
      raw
        .prepare('UPDATE audit_event SET amount_cents = 1, hash = ? WHERE seq = 3')
        .run(chainHash(row.prev_hash, edited));
    });
    expect(verify()).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects a deleted row', () => {
    seed(5);
    tamper((raw) => raw.prepare('DELETE FROM audit_event WHERE seq = 2').run());
    expect(verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects an inserted row even when its own hash is forged correctly', () => {
    seed(5);
    tamper((raw) => {
      for (let seq = 5; seq >= 3; seq--)
        raw.prepare('UPDATE audit_event SET seq = seq + 1 WHERE seq = ?').run(seq);
      const before = raw.prepare('SELECT * FROM audit_event WHERE seq = 2').get() as { hash: string };
      const forged = {
        seq: 3,
        at_ms: clock,
        action: 'refund',
        actor_id: 'E9',
        actor_role: 'manager',
        approver_id: null,
        outcome: 'ok',
        account_last4: '4755',
        authorization_id: null,
        capture_id: null,
        return_id: null,
        application_id: null,
        amount_cents: 99_999,
        reference: null,
        reference_id: null,
        detail: '{}',
      };
      raw
        .prepare(
          `INSERT INTO audit_event VALUES (@seq, @at_ms, @action, @actor_id, @actor_role, @approver_id, @outcome,
            @account_last4, @authorization_id, @capture_id, @return_id, @application_id, @amount_cents,
            @reference, @reference_id, @detail, @prev_hash, @hash)`,
        )
        .run({ ...forged, prev_hash: before.hash, hash: chainHash(before.hash, forged) });
    });
    expect(verify()).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects two rows swapped', () => {
    seed(4);
    tamper((raw) => {
      raw.prepare('UPDATE audit_event SET seq = 100 WHERE seq = 2').run();
      raw.prepare('UPDATE audit_event SET seq = 2 WHERE seq = 3').run();
      raw.prepare('UPDATE audit_event SET seq = 3 WHERE seq = 100').run();
    });
    expect(verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('needs the printed anchor to see rows cut off the end', () => {
    seed(4);
    const log = AuditLog.open(file);
    const anchor = log.head();
    log.close();
    tamper((raw) => raw.prepare('DELETE FROM audit_event WHERE seq = 4').run());
    expect(verify()).toMatchObject({ ok: true, rows: 3 });
    expect(verify(anchor)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('rejects an anchor whose hash differs from the row', () => {
    seed(3);
    expect(verify({ seq: 2, hash: 'f'.repeat(64) })).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('records the schema version and refuses a newer one', () => {
    seed(1);
    tamper((raw) => {
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
      raw.pragma('user_version = 99');
    }, false);
    let caught: unknown;
    try {
      AuditLog.open(file);
    } catch (error) {
      caught = error;
    }
    expect(isAuditError(caught, 'schema_too_new')).toBe(true);
  });
});
