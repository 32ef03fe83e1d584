/**
 * Staff administration as a manager uses it, against a small directory that keeps main's rules:
 * the last active manager can be neither disabled nor made a cashier, and PINs go in, never out.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StaffView } from '../../../src/shared/ipc/channels/staff';
import { StaffScreen } from '../../../src/renderer/screens/staff/StaffScreen';
import { createFakePos, refuse, type FakePos } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

const CREATED = '2026-11-02T14:00:00.000Z';

/** The directory as main keeps it, with the rules the screen must show refusals of. */
function staffDirectory(initial: StaffView[]): { pos: FakePos; pins: Map<string, string> } {
  const people = new Map(initial.map((p) => [p.employeeId, { ...p }]));
  const pins = new Map<string, string>();
  const activeManagers = () => [...people.values()].filter((p) => p.role === 'manager' && !p.disabled);
  const isLastManager = (id: string) => {
    const managers = activeManagers();
    return managers.length === 1 && managers[0]?.employeeId === id;
  };
  const pos = createFakePos()
    .on('staff.list', () => ({ staff: [...people.values()].map((p) => ({ ...p })) }))
    .on('staff.disable', ({ employeeId, disabled }) => {
      const person = people.get(employeeId);
      if (!person) return refuse('needs_action', 'staff_not_found');
      if (disabled && isLastManager(employeeId)) return refuse('needs_action', 'last_manager');
      person.disabled = disabled;
      return { staff: { ...person } };
    })
    .on('staff.changeRole', ({ employeeId, role }) => {
      const person = people.get(employeeId);
      if (!person) return refuse('needs_action', 'staff_not_found');
      if (role === 'cashier' && isLastManager(employeeId)) return refuse('needs_action', 'last_manager');
      person.role = role;
      return { staff: { ...person } };
    })
    .on('staff.resetPin', ({ employeeId, pin }) => {
      const person = people.get(employeeId);
      if (!person) return refuse('needs_action', 'staff_not_found');
      pins.set(employeeId, pin);
      return { staff: { ...person } };
    })
    .on('staff.add', ({ employeeId, name, role, pin }) => {
      if (people.has(employeeId)) return refuse('needs_action', 'staff_exists');
      const person: StaffView = { employeeId, name, role, disabled: false, createdAt: CREATED };
      people.set(employeeId, person);
      pins.set(employeeId, pin);
      return { staff: { ...person } };
    });
  return { pos, pins };
}

const DANA: StaffView = {
  employeeId: 'm-1',
  name: 'Dana Lee',
  role: 'manager',
  disabled: false,
  createdAt: CREATED,
};
const CAMILLE: StaffView = {
  employeeId: 'c-100',
  name: 'Camille Roy',
  role: 'cashier',
  disabled: false,
  createdAt: CREATED,
};

async function rowOf(id: string): Promise<HTMLElement> {
  await screen.findByTestId('staff-table');
  const row = screen.getAllByTestId('staff-row').find((r) => r.getAttribute('data-employee') === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

describe('Staff screen', () => {
  it('refuses to disable or demote the last active manager, in the row, and changes nothing', async () => {
    const { pos } = staffDirectory([DANA, CAMILLE]);
    const r = renderScreen(<StaffScreen />, { pos });
    const row = await rowOf('m-1');

    await r.user.click(within(row).getByRole('button', { name: r.t('staff.disable', { id: 'm-1' }) }));
    expect((await within(row).findByRole('alert')).textContent).toBe(r.t('error.code.last_manager'));
    await r.user.click(within(row).getByRole('button', { name: r.t('staff.makeCashier', { id: 'm-1' }) }));
    await waitFor(() => expect(pos.calls('staff.changeRole')).toHaveLength(1));
    expect(within(row).getByRole('alert').textContent).toBe(r.t('error.code.last_manager'));

    // Still an active manager; Camille's row shows no refusal.
    expect(row.getAttribute('data-disabled')).toBe('false');
    expect(within(row).getByText(r.t('staff.roleName.manager'))).toBeTruthy();
    expect(within(await rowOf('c-100')).queryByRole('alert')).toBeNull();
    await expectNoSeriousAxeViolations('staff, last manager refused');
  });

  it('lets a manager be made a cashier once another manager exists', async () => {
    const { pos } = staffDirectory([DANA, CAMILLE]);
    const r = renderScreen(<StaffScreen />, { pos });

    const camille = await rowOf('c-100');
    await r.user.click(
      within(camille).getByRole('button', { name: r.t('staff.makeManager', { id: 'c-100' }) }),
    );
    await waitFor(async () =>
      expect(within(await rowOf('c-100')).queryByText(r.t('staff.roleName.manager'))).toBeTruthy(),
    );

    const dana = await rowOf('m-1');
    await r.user.click(within(dana).getByRole('button', { name: r.t('staff.makeCashier', { id: 'm-1' }) }));
    await waitFor(async () =>
      expect(within(await rowOf('m-1')).queryByText(r.t('staff.roleName.cashier'))).toBeTruthy(),
    );
    expect(within(await rowOf('m-1')).queryByRole('alert')).toBeNull();
    expect(pos.calls('staff.changeRole')).toEqual([
      { employeeId: 'c-100', role: 'manager' },
      { employeeId: 'm-1', role: 'cashier' },
    ]);
  });

  it('disables and enables a cashier, and the row says so', async () => {
    const { pos } = staffDirectory([DANA, CAMILLE]);
    const r = renderScreen(<StaffScreen />, { pos });
    await r.user.click(
      within(await rowOf('c-100')).getByRole('button', { name: r.t('staff.disable', { id: 'c-100' }) }),
    );
    await waitFor(async () => expect((await rowOf('c-100')).getAttribute('data-disabled')).toBe('true'));
    const row = await rowOf('c-100');
    expect(within(row).getByText(r.t('staff.disabled'))).toBeTruthy();
    await r.user.click(within(row).getByRole('button', { name: r.t('staff.enable', { id: 'c-100' }) }));
    await waitFor(async () => expect((await rowOf('c-100')).getAttribute('data-disabled')).toBe('false'));
  });

  it('checks a new PIN before sending it, and never shows it', async () => {
    const { pos, pins } = staffDirectory([DANA, CAMILLE]);
    const r = renderScreen(<StaffScreen />, { pos });
    const row = await rowOf('c-100');
    await r.user.click(within(row).getByRole('button', { name: r.t('staff.resetPin', { id: 'c-100' }) }));
    const pin = within(row).getByLabelText(r.t('staff.newPin', { id: 'c-100' })) as HTMLInputElement;
    expect(pin.type).toBe('password');

    await r.user.type(pin, '123{Enter}');
    expect(within(row).getByRole('alert').textContent).toBe(r.t('staff.pinInvalid'));
    expect(pin.value).toBe('');
    expect(pos.calls('staff.resetPin')).toEqual([]);

    await r.user.type(pin, '864209{Enter}');
    expect((await within(row).findByRole('status')).textContent).toBe(r.t('staff.pinSaved', { id: 'c-100' }));
    expect(pins.get('c-100')).toBe('864209');
    expect(document.body.textContent).not.toContain('864209');
    expect(within(row).queryByLabelText(r.t('staff.newPin', { id: 'c-100' }))).toBeNull();
  });

  it('adds a person with the chosen role, and refuses an ID already taken', async () => {
    const { pos, pins } = staffDirectory([DANA, CAMILLE]);
    const r = renderScreen(<StaffScreen />, { pos });
    await rowOf('m-1');
    const form = screen.getByTestId('add-staff');
    const id = within(form).getByRole('textbox', { name: r.t('field.employeeId') });
    const name = within(form).getByRole('textbox', { name: r.t('field.name') });
    const pin = within(form).getByLabelText(r.t('field.pin')) as HTMLInputElement;

    await r.user.type(id, '  m-2 ');
    await r.user.type(name, 'Sam Okafor');
    await r.user.selectOptions(within(form).getByRole('combobox', { name: r.t('staff.role') }), 'manager');
    await r.user.type(pin, '5555{Enter}');

    expect((await screen.findByText(r.t('staff.added', { name: 'Sam Okafor' }))).getAttribute('role')).toBe(
      'status',
    );
    expect(pos.calls('staff.add')).toEqual([
      { employeeId: 'm-2', name: 'Sam Okafor', role: 'manager', pin: '5555' },
    ]);
    expect(pins.get('m-2')).toBe('5555');
    expect(pin.value).toBe('');
    expect((await rowOf('m-2')).textContent).toContain('Sam Okafor');

    await r.user.type(id, 'c-100');
    await r.user.type(name, 'Someone Else');
    await r.user.type(pin, '1234{Enter}');
    const section = screen.getByRole('region', { name: r.t('staff.add') });
    expect((await within(section).findByRole('alert')).textContent).toBe(r.t('error.code.staff_exists'));
    expect(pin.value).toBe('');
  });

  it('reads in French', async () => {
    const { pos } = staffDirectory([DANA]);
    const r = renderScreen(<StaffScreen />, { locale: 'fr', pos });
    const row = await rowOf('m-1');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(r.t('staff.title'));
    await r.user.click(within(row).getByRole('button', { name: r.t('staff.disable', { id: 'm-1' }) }));
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).toBe(r.t('error.code.last_manager'));
    expect(alert.textContent).toMatch(/gérant/);
  });
});
