/** Flexiti's decision as the cashier reads it: approved, still under review, or declined. */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationDecisionView } from '../../../src/shared/ipc/channels/application';
import { DecisionView } from '../../../src/renderer/screens/application/DecisionView';
import { POLL_INTERVAL_MS, POLL_TIMEOUT_MS } from '../../../src/renderer/screens/application/PendingDecision';
import { newFlow } from '../support/application-data';
import { createFakePos, refuse } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

const APPROVED: ApplicationDecisionView = {
  decision: 'approved',
  applicationId: 'APP-20931',
  account: { accountRef: 'acct_9f8e7d6c5b4a3210', cardMasked: '•••• 5941', creditLimitCents: 250_000 },
};

function renderDecision(
  decision: ApplicationDecisionView,
  locale: 'en' | 'fr' = 'en',
  pos = createFakePos(),
) {
  const handlers = { onDecision: vi.fn(), onPurchase: vi.fn(), onDone: vi.fn() };
  const { flowId } = newFlow();
  const r = renderScreen(<DecisionView flowId={flowId} decision={decision} {...handlers} />, { pos, locale });
  return { ...r, ...handlers, flowId };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Application decision: approved', () => {
  it('shows the new card masked and the limit in dollars, and leads into a purchase', async () => {
    const r = renderDecision(APPROVED);
    expect(screen.getByRole('heading', { name: r.t('application.approved.title') })).toBeTruthy();
    expect(screen.getByTestId('approved-card').textContent).toBe('•••• 5941');
    expect(screen.getByTestId('approved-limit').textContent).toBe('$2,500.00');

    await r.user.click(screen.getByRole('button', { name: r.t('lookup.purchase') }));
    expect(r.onPurchase).toHaveBeenCalledWith(APPROVED);
    expect(r.onDone).not.toHaveBeenCalled();
    await expectNoSeriousAxeViolations('decision approved');
  });

  it('leaves out the limit when Flexiti did not give one', () => {
    renderDecision({
      ...APPROVED,
      account: { accountRef: APPROVED.account.accountRef, cardMasked: '•••• 5941' },
    });
    expect(screen.queryByTestId('approved-limit')).toBeNull();
  });

  it('reads in French, with French money', () => {
    const r = renderDecision(APPROVED, 'fr');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(r.t('application.approved.title'));
    expect(screen.getByTestId('approved-limit').textContent?.replace(/\s/g, ' ')).toBe('2 500,00 $');
  });
});

describe('Application decision: declined', () => {
  it('is neutral: no reason, no judgement, only the way on', async () => {
    const r = renderDecision({ decision: 'declined', applicationId: 'APP-20932' });
    const section = screen.getByTestId('decision-declined');
    expect(section.textContent).toContain(r.t('application.declined.title'));
    expect(section.textContent).not.toMatch(/declin|reject|refus|deny|denied|score|because|reason|bad/i);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([r.t('application.done')]);
    await r.user.click(buttons[0]!);
    expect(r.onDone).toHaveBeenCalledTimes(1);
  });

  it('is neutral in French too', () => {
    renderDecision({ decision: 'declined', applicationId: 'APP-20932' }, 'fr');
    const text = screen.getByTestId('decision-declined').textContent ?? '';
    expect(text).not.toMatch(/refus|rejet|parce que|raison|cote|mauvais/i);
    expect(text).toContain('Flexiti');
  });
});

describe('Application decision: pending', () => {
  const PENDING: ApplicationDecisionView = { decision: 'pending', supportReference: 'APP-20933' };

  it('keeps the support reference in view, checks again every 5 s, and hands on the decision', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Date'] });
    const pos = createFakePos().on('application.status', (_request, call) => (call < 2 ? PENDING : APPROVED));
    const r = renderDecision(PENDING, 'en', pos);
    await act(() => vi.advanceTimersByTimeAsync(0));

    expect(screen.getByTestId('support-reference').textContent).toBe(
      r.t('error.supportReference', { reference: 'APP-20933' }),
    );
    expect(screen.getByRole('status').textContent).toContain(r.t('application.pending.checking'));
    expect(pos.calls('application.status')).toEqual([{ flowId: r.flowId }]);

    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(pos.calls('application.status')).toHaveLength(2);
    expect(r.onDecision).not.toHaveBeenCalled();
    const progress = screen.getByRole('progressbar');
    expect(progress.getAttribute('aria-label')).toBe(
      r.t('application.pending.progress', { minutes: '0', seconds: '05' }),
    );

    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(pos.calls('application.status')).toHaveLength(3);
    expect(r.onDecision).toHaveBeenCalledWith(APPROVED);
  });

  it('stops after 5 minutes and says what to do; Stop waiting works at any time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Date'] });
    const pos = createFakePos().on('application.status', PENDING);
    const r = renderDecision(PENDING, 'en', pos);
    await act(() => vi.advanceTimersByTimeAsync(POLL_TIMEOUT_MS + 1_000));

    const calls = pos.calls('application.status').length;
    expect(calls).toBeGreaterThanOrEqual(POLL_TIMEOUT_MS / POLL_INTERVAL_MS);
    expect(screen.getByTestId('pending-timeout').textContent).toBe(r.t('application.pending.timeout'));
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The reference is still there to quote.
    expect(screen.getByTestId('support-reference').textContent).toContain('APP-20933');

    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(pos.calls('application.status')).toHaveLength(calls);

    vi.useRealTimers();
    await r.user.click(screen.getByRole('button', { name: r.t('application.pending.cancel') }));
    expect(r.onDone).toHaveBeenCalledTimes(1);
  });

  it('shows a failed check in plain words and keeps the reference', async () => {
    const pos = createFakePos().on('application.status', refuse('flexiti_down', 'flexiti_unavailable'));
    const r = renderDecision(PENDING, 'en', pos);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(r.t('error.flexiti_down'));
    expect(screen.getByTestId('support-reference').textContent).toContain('APP-20933');
  });
});
