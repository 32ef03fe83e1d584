/** Staff PINs: hashed, rate-limited across restarts, and the last manager stays. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../src/main/core/session/session';
import { StaffDirectory, StaffError } from '../../../src/main/core/staff/staff-directory';

// Cheap hashing keeps this file quick; the production cost is the default (N = 2^15).
const FAST = { N: 2 ** 10, r: 8, p: 1 };

let dir: string;
let now: number;
const open = () => StaffDirectory.open(join(dir, 'staff.db'), { pinHashParams: FAST, now: () => now });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flexiti-staff-'));
  now = Date.UTC(2026, 0, 1);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('StaffDirectory', () => {
  it('checks PINs without storing them', async () => {
    const staff = open();
    await staff.addFirstManager({ employeeId: 'M1', name: 'Mia', pin: '90817263' });
    expect(await staff.checkPin('M1', '90817263')).toMatchObject({ ok: true, staff: { role: 'manager' } });
    expect(await staff.checkPin('M1', '90817264')).toEqual({ ok: false, reason: 'wrong_pin' });
    staff.close();
    expect(readFileSync(join(dir, 'staff.db')).includes('90817263')).toBe(false);
  });

  it('locks out after 5 wrong PINs, across a restart, for one minute', async () => {
    let staff = open();
    await staff.addFirstManager({ employeeId: 'M1', name: 'Mia', pin: '1234' });
    for (let i = 0; i < 4; i++)
      expect(await staff.checkPin('M1', '9999')).toMatchObject({ reason: 'wrong_pin' });
    expect(await staff.checkPin('M1', '9999')).toMatchObject({ reason: 'locked_out' });
    staff.close();
    staff = open();
    expect(await staff.checkPin('M1', '1234')).toMatchObject({ ok: false, reason: 'locked_out' });
    now += 61_000;
    expect(await staff.checkPin('M1', '1234')).toMatchObject({ ok: true });
    staff.close();
  });

  it('rate-limits unknown employee ids the same way', async () => {
    const staff = open();
    for (let i = 0; i < 4; i++)
      expect(await staff.checkPin('GHOST', '1111')).toMatchObject({ reason: 'wrong_pin' });
    expect(await staff.checkPin('GHOST', '1111')).toMatchObject({ reason: 'locked_out' });
    staff.close();
  });

  it('allows one first manager and keeps the last manager', async () => {
    const staff = open();
    await staff.addFirstManager({ employeeId: 'M1', name: 'Mia', pin: '1234' });
    await expect(
      staff.addFirstManager({ employeeId: 'M2', name: 'Max', pin: '1234' }),
    ).rejects.toBeInstanceOf(StaffError);
    await staff.add({ employeeId: 'C1', name: 'Cy', role: 'cashier', pin: '4321' });
    expect(() => staff.remove('M1')).toThrow('last_manager');
    await staff.add({ employeeId: 'M2', name: 'Max', role: 'manager', pin: '5678' });
    staff.remove('M1');
    expect(staff.list().map((member) => member.employeeId)).toEqual(['C1', 'M2']);
    staff.close();
  });
});

describe('Session', () => {
  it('ends after the idle lock and stays while used', () => {
    let clock = 0;
    const session = new Session({ idleLockMinutes: () => 5, now: () => clock });
    session.signIn({ employeeId: 'C1', name: 'Cy', role: 'cashier', createdAt: '', disabled: false });
    clock += 4 * 60_000;
    expect(session.active()?.employeeId).toBe('C1');
    session.touch();
    clock += 4 * 60_000;
    expect(session.active()?.employeeId).toBe('C1');
    clock += 5 * 60_000;
    expect(session.active()).toBeNull();
  });
});
