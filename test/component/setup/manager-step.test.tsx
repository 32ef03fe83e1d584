/** First start, step 1: the first manager is created only with matching PINs the contract accepts. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ManagerStep } from '../../../src/renderer/screens/setup/ManagerStep';
import { refuse } from '../support/fake-pos';
import { renderScreen, type RenderedScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

async function fill(r: RenderedScreen, values: { id: string; name: string; pin: string; again: string }) {
  await r.user.type(screen.getByRole('textbox', { name: r.t('field.employeeId') }), values.id);
  await r.user.type(screen.getByRole('textbox', { name: r.t('field.name') }), values.name);
  await r.user.type(screen.getByLabelText(r.t('field.pin')), values.pin);
  await r.user.type(screen.getByLabelText(r.t('field.pinConfirm')), values.again);
}

const MANAGER = { employeeId: 'm-1', name: 'Dana Lee', role: 'manager', idleLockMinutes: 10 } as const;

describe('First run: the manager step', () => {
  it('refuses two different PINs without calling the terminal', async () => {
    const onCreated = vi.fn();
    const r = renderScreen(<ManagerStep onCreated={onCreated} />);
    await fill(r, { id: 'm-1', name: 'Dana Lee', pin: '2468', again: '2469' });
    await r.user.keyboard('{Enter}');

    expect((await screen.findByRole('alert')).textContent).toBe(r.t('setup.pinMismatch'));
    expect(r.pos.log).toEqual([]);
    await expectNoSeriousAxeViolations('first run, PIN mismatch');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('creates the manager with matching PINs, and the mismatch message goes away', async () => {
    const onCreated = vi.fn();
    const r = renderScreen(<ManagerStep onCreated={onCreated} />);
    r.pos.on('setup.createFirstManager', MANAGER);
    await fill(r, { id: 'm-1', name: 'Dana Lee', pin: '2468', again: '2467' });
    await r.user.keyboard('{Enter}');
    await screen.findByRole('alert');

    const again = screen.getByLabelText(r.t('field.pinConfirm'));
    await r.user.clear(again);
    await r.user.type(again, '2468{Enter}');

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(r.pos.calls('setup.createFirstManager')).toEqual([
      { employeeId: 'm-1', name: 'Dana Lee', pin: '2468' },
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says plainly when the PIN or ID is not in the accepted format', async () => {
    const onCreated = vi.fn();
    const r = renderScreen(<ManagerStep onCreated={onCreated} />);
    // A 3-digit PIN and an ID with a space: main refuses both by the contract's own schema.
    await fill(r, { id: 'dana lee', name: 'Dana Lee', pin: '123', again: '123' });
    await r.user.keyboard('{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(r.t('error.code.invalid_request'));
    expect(r.pos.invalidCalls().map((call) => call.channel)).toEqual(['setup.createFirstManager']);
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('tells a second terminal user that a manager already exists', async () => {
    const r = renderScreen(<ManagerStep onCreated={() => undefined} />);
    r.pos.on('setup.createFirstManager', refuse('not_allowed', 'setup_already_done'));
    await fill(r, { id: 'm-2', name: 'Sam', pin: '1357', again: '1357' });
    await r.user.keyboard('{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain(r.t('error.code.setup_already_done'));
  });

  it('reads in French', async () => {
    const r = renderScreen(<ManagerStep onCreated={() => undefined} />, { locale: 'fr' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(r.t('setup.title'));
    await fill(r, { id: 'm-1', name: 'Dana', pin: '2468', again: '8642' });
    await r.user.keyboard('{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Les deux NIP sont différents.');
  });
});
