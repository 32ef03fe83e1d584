/** End of day as a manager closes it: unfinished payments first, and a reason needed to close past them. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EndOfDayScreen } from '../../../src/renderer/screens/end-of-day/EndOfDayScreen';
import { todayLocal } from '../../../src/renderer/local-day';
import { dayLedger, ENTRIES, totals } from '../support/day-ledger';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

describe('End of day', () => {
  it('shows the unfinished payments first and refuses to close without a reason', async () => {
    const ledger = dayLedger({ inDoubt: ENTRIES });
    const r = renderScreen(<EndOfDayScreen />, { pos: ledger.pos });

    const attention = await screen.findByTestId('eod-in-doubt');
    expect(attention.textContent).toContain(r.t('eod.inDoubtFirst'));
    expect(await within(attention).findAllByTestId('in-doubt-entry')).toHaveLength(2);
    // The unfinished list comes before the totals on the page.
    const overall = screen.getByTestId('eod-overall');
    expect(attention.compareDocumentPosition(overall) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const close = screen.getByTestId('close-day');
    await r.user.click(within(close).getByRole('button', { name: r.t('eod.close') }));

    expect((await within(close).findByRole('alert')).textContent).toBe(r.t('error.code.in_doubt_pending'));
    expect(ledger.closedWith()).toBeNull();
    expect(ledger.pos.calls('day.close')).toEqual([{ date: todayLocal() }]);
    expect(screen.queryByTestId('eod-closed')).toBeNull();
    await expectNoSeriousAxeViolations('end of day, close refused');
  });

  it('names each plan by its name first, and a plan without a recorded name by its number', async () => {
    const ledger = dayLedger({
      byPlan: [
        {
          transactionType: 'promotional_purchase',
          planId: 4,
          planName: 'Equal payments, 12 months',
          totals: totals({ captures: [2, 150_000] }),
        },
        { transactionType: 'promotional_purchase', planId: 7, planName: null, totals: totals() },
        { transactionType: 'regular_purchase', planId: null, planName: null, totals: totals() },
      ],
    });
    const r = renderScreen(<EndOfDayScreen />, { pos: ledger.pos });
    const caption = async (testId: string): Promise<string> =>
      (await screen.findByTestId(testId)).querySelector('caption')?.textContent ?? '';
    expect(await caption('eod-plan-4')).toBe(r.t('eod.plan', { id: '4', name: 'Equal payments, 12 months' }));
    expect(await caption('eod-plan-7')).toBe(r.t('plans.planNumber', { id: '7' }));
    expect(await caption('eod-plan-none')).toBe(r.t('eod.planRegular'));
  });

  it('says so once every unfinished payment is settled, and keeps the list to show what became of each', async () => {
    const ledger = dayLedger({ inDoubt: ENTRIES });
    for (const entry of ENTRIES) ledger.settleAtNextCheck.add(entry.id);
    const r = renderScreen(<EndOfDayScreen />, { pos: ledger.pos });

    const attention = await screen.findByTestId('eod-in-doubt');
    await r.user.click(within(attention).getByRole('button', { name: r.t('inDoubt.check') }));

    await waitFor(() => expect(attention.textContent).toContain(r.t('eod.inDoubtSettled')));
    expect(attention.textContent).not.toContain(r.t('eod.inDoubtFirst'));
  });

  it('closes with unfinished payments once the manager gives a reason, and shows who closed it', async () => {
    const ledger = dayLedger({ inDoubt: ENTRIES });
    const r = renderScreen(<EndOfDayScreen />, { pos: ledger.pos });
    const close = await screen.findByTestId('close-day');

    await r.user.type(
      within(close).getByRole('textbox', { name: r.t('eod.closeReason') }),
      '  Flexiti outage, support ticket 4471  {Enter}',
    );

    const closed = await screen.findByTestId('eod-closed');
    expect(closed.textContent).toContain('m-1');
    expect(ledger.pos.calls('day.close')).toEqual([
      { date: todayLocal(), reason: 'Flexiti outage, support ticket 4471' },
    ]);
    expect(ledger.closedWith()).toEqual({ reason: 'Flexiti outage, support ticket 4471' });
    // A closed day cannot be closed again from this screen.
    expect(screen.queryByTestId('close-day')).toBeNull();
  });

  it('closes a clean day without asking for a reason', async () => {
    const ledger = dayLedger({ overall: totals({ captures: [3, 184_250], refunds: [1, 4_550] }) });
    const r = renderScreen(<EndOfDayScreen />, { pos: ledger.pos });

    const overall = await screen.findByTestId('eod-overall');
    const captures = within(overall).getByRole('row', { name: new RegExp(r.t('eod.captures')) });
    expect(captures.textContent).toContain('$1,842.50');
    expect(within(captures).getAllByRole('cell')[0]?.textContent).toBe('3');
    expect(screen.queryByTestId('eod-in-doubt')).toBeNull();

    await r.user.click(screen.getByRole('button', { name: r.t('eod.close') }));
    await screen.findByTestId('eod-closed');
    expect(ledger.pos.calls('day.close')).toEqual([{ date: todayLocal() }]);
  });

  it('refuses an impossible date without asking main, and asks for the register typed', async () => {
    const ledger = dayLedger();
    const r = renderScreen(<EndOfDayScreen />, { pos: ledger.pos });
    await screen.findByTestId('eod-overall');
    const date = screen.getByRole('textbox', { name: r.t('eod.date') });

    await r.user.clear(date);
    await r.user.type(date, '2026-02-31{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(r.t('common.dateInvalid'));
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(ledger.pos.calls('reports.endOfDay')).toHaveLength(1);

    await r.user.clear(date);
    await r.user.type(date, '2026-11-30');
    await r.user.type(screen.getByRole('textbox', { name: r.t('eod.register') }), ' r-2 ');
    await r.user.click(screen.getByRole('button', { name: r.t('eod.show') }));
    await waitFor(() => expect(ledger.pos.calls('reports.endOfDay')).toHaveLength(2));
    expect(ledger.pos.calls('reports.endOfDay')[1]).toEqual({ date: '2026-11-30', registerId: 'r-2' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reads in French', async () => {
    const ledger = dayLedger({ inDoubt: ENTRIES, overall: totals({ captures: [3, 184_250] }) });
    const r = renderScreen(<EndOfDayScreen />, { locale: 'fr', pos: ledger.pos });
    const overall = await screen.findByTestId('eod-overall');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(r.t('eod.title'));
    expect(overall.textContent?.replace(/\s/g, ' ')).toContain('1 842,50 $');
    await r.user.click(screen.getByRole('button', { name: r.t('eod.close') }));
    const alert = await within(screen.getByTestId('close-day')).findByRole('alert');
    expect(alert.textContent).toBe(r.t('error.code.in_doubt_pending'));
  });
});
