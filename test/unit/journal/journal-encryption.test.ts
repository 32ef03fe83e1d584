import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/core/journal/journal';
import { JournalError } from '../../../src/main/core/journal/journal-errors';

const ACCOUNT = '9876543210987654';
const VCC = '2374980012871111';
// Odd spacing, key order, escapes and non-ASCII: the replay must carry these exact bytes.
const BODY = `{"vcc_number":"${VCC}", "amount" : 1000.10,"reference":"Réf–42 ✓","note":"a\\u0041\\n"}`;
const PATH = `/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/${ACCOUNT}/capture`;

function rawFiles(file: string): Buffer {
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
  );
}

function contains(haystack: Buffer, needle: string): boolean {
  return (
    haystack.includes(Buffer.from(needle, 'utf8')) ||
    haystack.includes(Buffer.from(needle, 'utf16le')) ||
    haystack.includes(Buffer.from(needle, 'latin1'))
  );
}

describe('Journal encryption', () => {
  let dir: string;
  let file: string;
  let key: Buffer;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-crypt-'));
    file = join(dir, 'journal.db');
    key = randomBytes(32);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function prepareOne(journal: Journal) {
    return journal.prepare({
      op: 'capture',
      method: 'POST',
      path: PATH,
      body: BODY,
      idempotencyKey: randomUUID(),
      referenceId: 'ref42',
      summary: { amountCents: 100010, accountLast4: '7654' },
    });
  }

  it('returns the exact request bytes', () => {
    const journal = Journal.open(file, key);
    const entry = prepareOne(journal);
    const request = journal.readRequest(entry.id);
    expect(request).toEqual({ method: 'POST', path: PATH, body: BODY });
    expect(Buffer.from(request.body, 'utf8').equals(Buffer.from(BODY, 'utf8'))).toBe(true);
    journal.close();
  });

  it('keeps no clear account number, card number or body in the database, its WAL or its index', () => {
    const journal = Journal.open(file, key);
    const ids = Array.from({ length: 20 }, () => prepareOne(journal).id);
    journal.markSent(ids[0] as string, 1);
    // Before the checkpoint the rows live in the WAL; the raw bytes must show the clear columns...
    let raw = rawFiles(file);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(contains(raw, 'ref42')).toBe(true);
    expect(contains(raw, ids[0] as string)).toBe(true);
    // ...and none of the secrets.
    for (const secret of [ACCOUNT, VCC, BODY, 'Réf–42', '"amount" : 1000.10', '/capture']) {
      expect(contains(raw, secret), secret).toBe(false);
    }
    journal.close();
    raw = rawFiles(file);
    for (const secret of [ACCOUNT, VCC, 'Réf–42']) expect(contains(raw, secret), secret).toBe(false);
  });

  it('refuses a wrong key with a clear error at open, and a wrong key length', () => {
    const journal = Journal.open(file, key);
    prepareOne(journal);
    journal.close();
    expect(() => Journal.open(file, randomBytes(32))).toThrowError(
      expect.objectContaining({ name: 'JournalError', code: 'key_mismatch' }),
    );
    expect(() => Journal.open(file, randomBytes(16))).toThrowError(
      expect.objectContaining({ name: 'JournalError', code: 'key_invalid' }),
    );
    // The right key still opens it.
    const again = Journal.open(file, key);
    expect(again.list()).toHaveLength(1);
    again.close();
  });

  it('refuses a tampered or swapped ciphertext instead of returning garbage', () => {
    const journal = Journal.open(file, key);
    const a = prepareOne(journal);
    const b = prepareOne(journal);
    journal.close();

    const db = new Database(file);
    const sealedA = db
      .prepare('SELECT request_sealed FROM journal_entry WHERE id = ?')
      .pluck()
      .get(a.id) as Buffer;
    // Row b now holds row a's ciphertext: the associated data must reject it.
    db.prepare('UPDATE journal_entry SET request_sealed = ? WHERE id = ?').run(sealedA, b.id);
    const flipped = Buffer.from(sealedA);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] as number) ^ 1;
    db.prepare('UPDATE journal_entry SET request_sealed = ? WHERE id = ?').run(flipped, a.id);
    db.close();

    const reopened = Journal.open(file, key);
    for (const id of [a.id, b.id]) {
      let caught: unknown;
      try {
        reopened.readRequest(id);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(JournalError);
      expect((caught as JournalError).code).toBe('decrypt_failed');
    }
    reopened.close();
  });

  it('erases the sealed request once the entry is settled', () => {
    const journal = Journal.open(file, key);
    const entry = prepareOne(journal);
    journal.markSent(entry.id, 1);
    journal.markConfirmed(entry.id, { status: 200 });
    expect(() => journal.readRequest(entry.id)).toThrowError(
      expect.objectContaining({ code: 'request_purged' }),
    );
    expect(() => journal.readRequest(randomUUID())).toThrowError(
      expect.objectContaining({ code: 'not_found' }),
    );
    journal.close();
    const db = new Database(file, { readonly: true });
    expect(
      db.prepare('SELECT request_sealed FROM journal_entry WHERE id = ?').pluck().get(entry.id),
    ).toBeNull();
    db.close();
  });
});
