/** A staff file from before the `disabled` flag opens, migrates once, and keeps its people. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StaffDirectory, StaffError } from '../../../src/main/core/staff/staff-directory';

const FAST = { pinHashParams: { N: 1024, r: 8, p: 1 } };

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function oldFile(): string {
  dir = mkdtempSync(join(tmpdir(), 'staff-migration-'));
  const file = join(dir, 'staff.db');
  const db = new Database(file);
  db.exec(`CREATE TABLE staff (
    employee_id TEXT PRIMARY KEY, name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
    salt BLOB NOT NULL, hash BLOB NOT NULL, params TEXT NOT NULL, created_at TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0)`);
  db.prepare('INSERT INTO staff VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)').run(
    'M1',
    'Old Manager',
    'manager',
    Buffer.alloc(16),
    Buffer.alloc(32),
    '{}',
    '2025-01-01T00:00:00.000Z',
  );
  db.close();
  return file;
}

describe('staff directory migration', () => {
  it('adds the disabled flag to an existing file, once', () => {
    const file = oldFile();
    const first = StaffDirectory.open(file, FAST);
    expect(first.list()).toEqual([
      {
        employeeId: 'M1',
        name: 'Old Manager',
        role: 'manager',
        createdAt: '2025-01-01T00:00:00.000Z',
        disabled: false,
      },
    ]);
    first.close();
    const again = StaffDirectory.open(file, FAST);
    expect(again.get('M1')?.disabled).toBe(false);
    expect(() => again.setDisabled('M1', true)).toThrow(StaffError);
    again.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a disabled person with the right PIN, and counts managers that are enabled', async () => {
    dir = mkdtempSync(join(tmpdir(), 'staff-migration-'));
    const staff = StaffDirectory.open(join(dir, 'staff.db'), FAST);
    await staff.add({ employeeId: 'M1', name: 'One', role: 'manager', pin: '1234' });
    await staff.add({ employeeId: 'M2', name: 'Two', role: 'manager', pin: '5678' });
    staff.setDisabled('M2', true);
    expect(await staff.checkPin('M2', '5678')).toEqual({ ok: false, reason: 'disabled' });
    expect(() => staff.setRole('M1', 'cashier')).toThrow('last_manager');
    expect(() => staff.remove('M1')).toThrow('last_manager');
    staff.remove('M2');
    staff.close();
  });
});
