/** Sign-in as a cashier uses it: ID and PIN by keyboard, the refusals in plain words. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SignInScreen } from '../../../src/renderer/screens/sign-in/SignInScreen';
import { refuse } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

const CASHIER = { employeeId: 'c-100', name: 'Camille Roy', role: 'cashier', idleLockMinutes: 10 } as const;

function fields(t: ReturnType<typeof renderScreen>['t']) {
  return {
    id: screen.getByRole('textbox', { name: t('field.employeeId') }),
    pin: screen.getByLabelText(t('field.pin')) as HTMLInputElement,
  };
}

describe('Sign-in screen', () => {
  it('signs in with Enter from the PIN box and sends exactly what was typed', async () => {
    const onDone = vi.fn();
    const { user, pos, t } = renderScreen(<SignInScreen onDone={onDone} />);
    pos.on('session.signIn', CASHIER);

    const { id, pin } = fields(t);
    await user.type(id, 'c-100');
    await user.type(pin, '4321{Enter}');

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(pos.calls('session.signIn')).toEqual([{ employeeId: 'c-100', pin: '4321' }]);
    // The PIN never stays on screen after an attempt.
    expect(pin.value).toBe('');
    expect(pin.type).toBe('password');
  });

  it('says the ID or PIN is wrong, empties the PIN and lets the cashier try again', async () => {
    const onDone = vi.fn();
    const { user, pos, t } = renderScreen(<SignInScreen onDone={onDone} />);
    pos.on('session.signIn', (request) =>
      request.pin === '1111' ? CASHIER : refuse('needs_action', 'wrong_pin'),
    );
    const { id, pin } = fields(t);
    await user.type(id, 'c-100');
    await user.type(pin, '9999');
    await user.click(screen.getByRole('button', { name: t('signIn.submit') }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('error.code.wrong_pin'));
    expect(pin.value).toBe('');
    expect((id as HTMLInputElement).value).toBe('c-100');
    expect(onDone).not.toHaveBeenCalled();
    await expectNoSeriousAxeViolations('sign-in, wrong PIN');

    await user.type(pin, '1111{Enter}');
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });

  it('explains the lock-out after too many wrong PINs instead of "wrong PIN"', async () => {
    const { user, pos, t } = renderScreen(<SignInScreen onDone={() => undefined} />);
    pos.on('session.signIn', refuse('not_allowed', 'pin_locked_out'));
    const { id, pin } = fields(t);
    await user.type(id, 'c-100');
    await user.type(pin, '1234{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('error.code.pin_locked_out'));
    expect(alert.textContent).not.toContain(t('error.code.wrong_pin'));
  });

  it('shows an unexpected failure as plain words with the support reference, no technical text', async () => {
    const { user, pos, t } = renderScreen(<SignInScreen onDone={() => undefined} />);
    pos.on('session.signIn', refuse('our_bug', 'unexpected', { supportReference: 'ERR-7F3A2C91D0' }));
    const { id, pin } = fields(t);
    await user.type(id, 'c-100');
    await user.type(pin, '1234{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('error.our_bug'));
    expect(alert.textContent).toContain(t('error.supportReference', { reference: 'ERR-7F3A2C91D0' }));
    expect(alert.textContent).not.toMatch(/unexpected|Error:|at \w+ \(/);
  });

  it('does not send a sign-in with an empty PIN', async () => {
    const { user, pos, t } = renderScreen(<SignInScreen onDone={() => undefined} />);
    const { id } = fields(t);
    await user.type(id, 'c-100{Enter}');
    // The form is not submitted; no channel is configured, so any call would fail the test.
    expect(pos.log).toEqual([]);
  });

  it('reads in French', async () => {
    const { user, pos, t } = renderScreen(<SignInScreen onDone={() => undefined} />, { locale: 'fr' });
    pos.on('session.signIn', refuse('needs_action', 'wrong_pin'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(t('signIn.title'));
    const { id, pin } = fields(t);
    await user.type(id, 'c-100');
    await user.type(pin, '9999{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('NIP');
    expect(alert.textContent).toBe(t('error.code.wrong_pin'));
  });
});
