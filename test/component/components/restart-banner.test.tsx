/**
 * The banner shown while a changed Flexiti environment waits for a restart: plain words naming the
 * environment, the Restart button only for a manager on a host that can restart, and a plain next
 * step everywhere else (in French too).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RestartBanner } from '../../../src/renderer/components/RestartBanner';
import { createFakePos, refuse } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

describe('RestartBanner', () => {
  it('lets a manager restart where the host can, and says it is restarting', async () => {
    const pos = createFakePos().on('app.restart', { restarting: true });
    const r = renderScreen(<RestartBanner pendingEnvironment="production" canRestart isManager />, { pos });
    const banner = screen.getByTestId('restart-banner');
    expect(banner.textContent).toContain('Restart Flexiti In-Store to switch to Production (real money).');
    await expectNoSeriousAxeViolations('restart banner for a manager');
    await r.user.click(within(banner).getByRole('button', { name: 'Restart now' }));
    await screen.findByText('Restarting Flexiti In-Store…');
    expect(pos.calls('app.restart')).toEqual([{}]);
    expect(within(banner).queryByRole('button')).toBeNull();
  });

  it('explains a refused restart in plain words', async () => {
    const pos = createFakePos().on('app.restart', refuse('needs_action', 'restart_not_supported'));
    const r = renderScreen(<RestartBanner pendingEnvironment="mi" canRestart isManager />, { pos });
    await r.user.click(screen.getByRole('button', { name: 'Restart now' }));
    await waitFor(() =>
      expect(screen.getByTestId('restart-banner').textContent).toContain(
        'This terminal cannot restart itself. Close Flexiti In-Store and start it again.',
      ),
    );
  });

  it('offers no button to a cashier, nor where the host cannot restart', () => {
    const cashier = renderScreen(
      <RestartBanner pendingEnvironment="training" canRestart isManager={false} />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByTestId('restart-banner').textContent).toContain(
      'Ask a manager to restart Flexiti In-Store.',
    );
    cashier.unmount();

    renderScreen(<RestartBanner pendingEnvironment="training" canRestart={false} isManager />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByTestId('restart-banner').textContent).toContain(
      'Close Flexiti In-Store and start it again.',
    );
  });

  it('speaks Canadian French', () => {
    renderScreen(<RestartBanner pendingEnvironment="sandbox" canRestart isManager />, { locale: 'fr' });
    expect(screen.getByTestId('restart-banner').textContent).toContain(
      'Redémarrez Flexiti In-Store pour passer à l’environnement Démo (Flexiti simulé).',
    );
    expect(screen.getByRole('button', { name: 'Redémarrer maintenant' })).toBeTruthy();
  });
});
