/**
 * Terminal settings as a manager changes them: fields set by the provisioning file are read-only,
 * only what changed is sent, and the Flexiti secret goes in but is never displayed or kept.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../src/shared/ipc/contract';
import { SettingsScreen } from '../../../src/renderer/screens/settings/SettingsScreen';
import { createFakePos, refuse, type FakePos } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

type Settings = ResponseOf<'settings.get'>;

const SECRET = 'Zq8!vR2#kP9$wT4%';

function terminal(locked: string[]): { pos: FakePos; stored: { secret: string | null } } {
  let current: Settings = {
    settings: {
      environment: 'mi',
      locationId: 'store-12',
      registerId: 'r-1',
      language: 'en',
      idleLockMinutes: 10,
      receipt: { format: 'bilingual', copies: 2 },
      storeProvince: 'ON',
    },
    locked,
  };
  const stored = { secret: null as string | null };
  let clientId = 'merchant-7731';
  const pos = createFakePos()
    .on('settings.get', () => current)
    .on('settings.update', ({ patch }) => {
      // Main's own rule: a provisioned field cannot be changed from the screen.
      const touched = [
        ...Object.keys(patch).filter((key) => key !== 'receipt'),
        ...Object.keys(patch.receipt ?? {}).map((key) => `receipt.${key}`),
      ];
      if (touched.some((field) => current.locked.includes(field)))
        return refuse('needs_action', 'settings_field_locked');
      const { receipt, customBaseUrl: _url, ...rest } = patch;
      current = {
        ...current,
        settings: {
          ...current.settings,
          ...rest,
          receipt: {
            format: receipt?.format ?? current.settings.receipt.format,
            copies: receipt?.copies ?? current.settings.receipt.copies,
          },
        },
      };
      return current;
    })
    .on('credentials.status', () => ({ environment: 'mi', state: 'stored', clientId }))
    .on('credentials.replace', (request) => {
      clientId = request.clientId;
      stored.secret = request.clientSecret;
      return { environment: 'mi', state: 'stored', clientId };
    })
    .on('connection.test', { environment: 'mi', reachable: true, latencyMs: 182 });
  return { pos, stored };
}

const setting = (name: string) => {
  const field = document.querySelector<HTMLElement>(`[data-setting="${name}"]`);
  if (!field) throw new Error(`no setting ${name}`);
  return field;
};

describe('Settings screen', () => {
  it('shows provisioned fields read-only, with where to change them, and sends only what changed', async () => {
    const { pos } = terminal(['environment', 'locationId', 'receipt.copies']);
    const r = renderScreen(<SettingsScreen />, { pos });
    await screen.findByTestId('settings-form');

    const environment = screen.getByLabelText(r.t('settings.environment')) as HTMLSelectElement;
    const location = screen.getByLabelText(r.t('settings.locationId')) as HTMLInputElement;
    const copies = screen.getByLabelText(r.t('settings.receiptCopies')) as HTMLInputElement;
    expect(environment.disabled).toBe(true);
    expect(location.readOnly).toBe(true);
    expect(copies.readOnly).toBe(true);
    for (const control of [environment, location, copies]) {
      const hint = document.getElementById(control.getAttribute('aria-describedby') ?? '');
      expect(hint?.textContent).toBe(r.t('settings.locked'));
    }
    const register = screen.getByLabelText(r.t('settings.registerId')) as HTMLInputElement;
    expect(register.readOnly).toBe(false);
    expect(setting('registerId').querySelector('.locked-reason')).toBeNull();
    await expectNoSeriousAxeViolations('settings with provisioned fields');

    await r.user.type(location, '-changed');
    expect(location.value).toBe('store-12');
    await r.user.clear(register);
    await r.user.type(register, ' r-9 ');
    const idle = screen.getByLabelText(r.t('settings.idleLock'));
    await r.user.clear(idle);
    await r.user.type(idle, '5{Enter}');

    expect((await screen.findByTestId('settings-saved')).textContent).toBe(r.t('settings.saved'));
    expect(pos.calls('settings.update')).toEqual([{ patch: { registerId: 'r-9', idleLockMinutes: 5 } }]);
    expect((screen.getByLabelText(r.t('settings.registerId')) as HTMLInputElement).value).toBe('r-9');
  });

  it('checks the numbers before sending, and says when nothing changed', async () => {
    const { pos } = terminal([]);
    const r = renderScreen(<SettingsScreen />, { pos });
    await screen.findByTestId('settings-form');
    const save = screen.getByRole('button', { name: r.t('settings.save') });

    await r.user.click(save);
    expect(screen.getByText(r.t('settings.nothingChanged')).getAttribute('role')).toBe('status');

    const idle = screen.getByLabelText(r.t('settings.idleLock'));
    await r.user.clear(idle);
    await r.user.type(idle, '0');
    await r.user.click(save);
    expect(idle.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(idle.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      r.t('settings.idleInvalid'),
    );
    expect(pos.calls('settings.update')).toEqual([]);
  });

  it('takes a new secret but never shows it, and does not keep it anywhere on the page', async () => {
    const { pos, stored } = terminal([]);
    const r = renderScreen(<SettingsScreen />, { pos });
    const credentials = await screen.findByTestId('credentials');
    expect(
      await within(credentials).findByText(r.t('credentials.currentClientId', { clientId: 'merchant-7731' })),
    ).toBeTruthy();
    expect(within(credentials).getByTestId('credentials-state').textContent).toBe(
      r.t('credentials.state.stored'),
    );

    const secret = within(credentials).getByLabelText(r.t('credentials.secret')) as HTMLInputElement;
    expect(secret.type).toBe('password');
    await r.user.type(within(credentials).getByLabelText(r.t('credentials.clientId')), 'merchant-9001');
    await r.user.type(secret, SECRET);
    await r.user.click(within(credentials).getByRole('button', { name: r.t('credentials.save') }));

    expect((await within(credentials).findByRole('status')).textContent).toBe(r.t('credentials.saved'));
    expect(stored.secret).toBe(SECRET);
    expect(secret.value).toBe('');
    expect(document.body.innerHTML).not.toContain(SECRET);
    await waitFor(() =>
      expect(
        within(credentials).getByText(r.t('credentials.currentClientId', { clientId: 'merchant-9001' })),
      ).toBeTruthy(),
    );
    // react-query keeps mutation variables: the secret must not be one of them.
    const held = JSON.stringify(
      r.queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state.variables),
    );
    expect(held).not.toContain(SECRET);
  });

  it('refuses a secret with spaces without sending it, and empties the box', async () => {
    const { pos } = terminal([]);
    const r = renderScreen(<SettingsScreen />, { pos });
    const credentials = await screen.findByTestId('credentials');
    const secret = within(credentials).getByLabelText(r.t('credentials.secret')) as HTMLInputElement;
    await r.user.type(within(credentials).getByLabelText(r.t('credentials.clientId')), 'merchant-9001');
    await r.user.type(secret, 'two words{Enter}');

    expect(within(credentials).getByRole('alert').textContent).toBe(r.t('credentials.invalid'));
    expect(secret.value).toBe('');
    expect(pos.calls('credentials.replace')).toEqual([]);
  });

  it('reads in French', async () => {
    const { pos } = terminal(['locationId']);
    const r = renderScreen(<SettingsScreen />, { locale: 'fr', pos });
    await screen.findByTestId('settings-form');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(r.t('settings.title'));
    const location = screen.getByLabelText(r.t('settings.locationId'));
    expect(document.getElementById(location.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      r.t('settings.locked'),
    );
    await r.user.click(screen.getByRole('button', { name: r.t('credentials.test') }));
    expect((await screen.findByTestId('connection-ok')).textContent).toBe(
      r.t('credentials.testOk', { ms: '182' }),
    );
  });
});
