/**
 * Staff administration and manager approval through the handler table, against the real core and a
 * real sandbox: adding, disabling, PIN resets and role changes with the last-manager rule, each
 * change in the audit trail; approvals rate-limited by the manager's PIN lockout; a merchant
 * override made by a cashier on a manager's approval; and nothing sensitive in any answer.
 */
import { describe, expect, it } from 'vitest';
import { CASHIER, Journeys, MANAGER, MITESTER, useJourneys } from './journey-harness';

const TRAINEE = { employeeId: 'T100', name: 'Tia Trainee', pin: '64028135' };
const DEPUTY = { employeeId: 'M300', name: 'Dev Deputy', pin: '90317246' };
const RELIEF = { employeeId: 'M400', name: 'Rae Relief', pin: '27460391' };

let j: Journeys;

useJourneys(
  { secrets: [MANAGER, CASHIER, TRAINEE, DEPUTY, RELIEF].map((person) => person.pin) },
  (started) => {
    j = started;
  },
);

describe('staff administration', () => {
  it('lists and adds staff, and keeps cashiers out', async () => {
    await j.signIn(CASHIER);
    expect(await j.error('staff.list', {})).toMatchObject({
      category: 'not_allowed',
      code: 'role_not_allowed',
    });
    expect(await j.error('staff.add', { ...TRAINEE, role: 'cashier' })).toMatchObject({
      category: 'not_allowed',
    });

    await j.signIn(MANAGER);
    const before = await j.ok('staff.list', {});
    expect(before.staff.map((s) => [s.employeeId, s.role, s.disabled])).toEqual([
      [CASHIER.employeeId, 'cashier', false],
      [MANAGER.employeeId, 'manager', false],
    ]);
    const added = await j.ok('staff.add', { ...TRAINEE, role: 'cashier' });
    expect(added.staff).toMatchObject({ employeeId: TRAINEE.employeeId, role: 'cashier', disabled: false });
    expect(JSON.stringify(added)).not.toContain(TRAINEE.pin);
    expect(await j.error('staff.add', { ...TRAINEE, role: 'manager' })).toMatchObject({
      code: 'staff_exists',
    });
    await j.signIn(TRAINEE);
  });

  it('disables and enables a person, and resets a locked-out PIN', async () => {
    await j.signIn(MANAGER);
    expect((await j.ok('staff.disable', { employeeId: TRAINEE.employeeId })).staff.disabled).toBe(true);
    expect(
      await j.error('session.signIn', { employeeId: TRAINEE.employeeId, pin: TRAINEE.pin }),
    ).toMatchObject({ code: 'wrong_pin' });
    await j.ok('staff.disable', { employeeId: TRAINEE.employeeId, disabled: false });
    await j.signIn(TRAINEE);

    for (let i = 0; i < 5; i++)
      await j.raw('session.signIn', { employeeId: TRAINEE.employeeId, pin: '00001111' });
    expect(
      await j.error('session.signIn', { employeeId: TRAINEE.employeeId, pin: TRAINEE.pin }),
    ).toMatchObject({ code: 'pin_locked_out' });
    await j.signIn(MANAGER);
    const newPin = '81726354';
    j.secrets.add(newPin);
    await j.ok('staff.resetPin', { employeeId: TRAINEE.employeeId, pin: newPin });
    expect(
      await j.error('session.signIn', { employeeId: TRAINEE.employeeId, pin: TRAINEE.pin }),
    ).toMatchObject({ code: 'wrong_pin' });
    await j.signIn({ employeeId: TRAINEE.employeeId, pin: newPin });
    await j.signIn(MANAGER);
    expect(await j.error('staff.resetPin', { employeeId: 'NOBODY', pin: newPin })).toMatchObject({
      code: 'staff_not_found',
    });
  });

  it('never disables or demotes the last enabled manager', async () => {
    await j.signIn(MANAGER);
    const self = MANAGER.employeeId;
    expect(await j.error('staff.disable', { employeeId: self })).toMatchObject({
      category: 'not_allowed',
      code: 'last_manager',
    });
    expect(await j.error('staff.changeRole', { employeeId: self, role: 'cashier' })).toMatchObject({
      code: 'last_manager',
    });

    await j.ok('staff.add', { ...DEPUTY, role: 'cashier' });
    expect(
      (await j.ok('staff.changeRole', { employeeId: DEPUTY.employeeId, role: 'manager' })).staff.role,
    ).toBe('manager');
    await j.ok('staff.disable', { employeeId: DEPUTY.employeeId });
    // A disabled manager does not count: the signed-in one is still the last.
    expect(await j.error('staff.changeRole', { employeeId: self, role: 'cashier' })).toMatchObject({
      code: 'last_manager',
    });
    await j.ok('staff.disable', { employeeId: DEPUTY.employeeId, disabled: false });
    await j.ok('staff.changeRole', { employeeId: DEPUTY.employeeId, role: 'cashier' });
    const after = await j.ok('staff.list', {});
    expect(after.staff.filter((s) => s.role === 'manager' && !s.disabled).map((s) => s.employeeId)).toEqual([
      self,
    ]);
  });

  it('audits every change, and every refusal, under the person changed', async () => {
    await j.signIn(MANAGER);
    const { rows } = await j.ok('audit.query', { action: 'settings_change', pageSize: 100 });
    const staffRows = rows
      .filter((r) => typeof r.detail.subjectId === 'string')
      .map((r) => [r.outcome, r.actorId, (r.detail.keys as string[])[0], r.detail.subjectId])
      .reverse();
    expect(staffRows).toEqual([
      ['ok', MANAGER.employeeId, 'staff.add', TRAINEE.employeeId],
      ['denied', MANAGER.employeeId, 'staff.add', TRAINEE.employeeId],
      ['ok', MANAGER.employeeId, 'staff.disable', TRAINEE.employeeId],
      ['ok', MANAGER.employeeId, 'staff.enable', TRAINEE.employeeId],
      ['ok', MANAGER.employeeId, 'staff.resetPin', TRAINEE.employeeId],
      ['denied', MANAGER.employeeId, 'staff.resetPin', 'NOBODY'],
      ['denied', MANAGER.employeeId, 'staff.disable', MANAGER.employeeId],
      ['denied', MANAGER.employeeId, 'staff.role.cashier', MANAGER.employeeId],
      ['ok', MANAGER.employeeId, 'staff.add', DEPUTY.employeeId],
      ['ok', MANAGER.employeeId, 'staff.role.manager', DEPUTY.employeeId],
      ['ok', MANAGER.employeeId, 'staff.disable', DEPUTY.employeeId],
      ['denied', MANAGER.employeeId, 'staff.role.cashier', MANAGER.employeeId],
      ['ok', MANAGER.employeeId, 'staff.enable', DEPUTY.employeeId],
      ['ok', MANAGER.employeeId, 'staff.role.cashier', DEPUTY.employeeId],
    ]);
    expect((await j.ok('audit.verify', {})).ok).toBe(true);
  });
});

describe('manager approval', () => {
  it('counts wrong approval PINs toward the manager lockout', async () => {
    await j.signIn(MANAGER);
    await j.ok('staff.add', { ...RELIEF, role: 'manager' });
    await j.signIn(CASHIER);
    const attempt = (pin: string) =>
      j.raw('approval.request', { action: 'refund', managerId: RELIEF.employeeId, managerPin: pin });
    for (let i = 0; i < 4; i++) {
      expect(await attempt('55556666')).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    }
    expect(await attempt('55556666')).toMatchObject({ ok: false, error: { code: 'pin_locked_out' } });
    expect(await attempt(RELIEF.pin)).toMatchObject({ ok: false, error: { code: 'pin_locked_out' } });
    // The cashier was never signed out.
    expect(await j.ok('session.current', {})).toMatchObject({ session: { employeeId: CASHIER.employeeId } });
    expect(
      await j.error('approval.request', {
        action: 'refund',
        managerId: CASHIER.employeeId,
        managerPin: CASHIER.pin,
      }),
    ).toMatchObject({
      code: 'approver_is_caller',
    });
    expect(
      await j.error('approval.request', {
        action: 'refund',
        managerId: TRAINEE.employeeId,
        managerPin: '81726354',
      }),
    ).toMatchObject({ category: 'not_allowed', code: 'approver_not_manager' });
  });

  it('lets a cashier make a merchant override once, on a manager approval', async () => {
    await j.signIn(CASHIER);
    const { flowId } = await j.ok('flow.start', {});
    const { accounts } = await j.ok('customers.search', { flowId, ...MITESTER });
    const accountRef = accounts[0]?.accountRef ?? '';
    const override = { flowId, accountRef, method: 'merchant_override' as const };
    expect(await j.error('verify.start', override)).toMatchObject({ code: 'manager_required' });
    const granted = await j.ok('approval.request', {
      action: 'merchant_override',
      managerId: MANAGER.employeeId,
      managerPin: MANAGER.pin,
    });
    expect(await j.ok('verify.start', { ...override, approval: granted.approval })).toMatchObject({
      state: 'ready',
    });
    expect(await j.error('verify.start', { ...override, approval: granted.approval })).toMatchObject({
      code: 'approval_invalid',
    });
    await j.signIn(MANAGER);
    const { rows } = await j.ok('audit.query', { action: 'verify_method' });
    expect(rows[0]).toMatchObject({
      actorId: CASHIER.employeeId,
      approverId: MANAGER.employeeId,
      outcome: 'ok',
    });
    const approvals = await j.ok('audit.query', { action: 'manager_approval' });
    expect(approvals.rows[0]).toMatchObject({
      actorId: CASHIER.employeeId,
      approverId: MANAGER.employeeId,
      outcome: 'ok',
      detail: { approvedAction: 'verify_method' },
    });
  });

  it('answered nothing sensitive', () => {
    j.expectNothingLeaked();
  });
});
