/** The unfinished payments as a manager reads them, and the one action: check them with Flexiti. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InDoubtScreen } from '../../../src/renderer/screens/in-doubt/InDoubtScreen';
import { dayLedger, ENTRIES } from '../support/day-ledger';
import { refuse } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

const stateOf = (row: HTMLElement) => row.getAttribute('data-state');

describe('Unfinished payments', () => {
  it('lists each operation with its amount, masked account, reference and state in plain words', async () => {
    const r = renderScreen(<InDoubtScreen />, { pos: dayLedger({ inDoubt: ENTRIES }).pos });
    const rows = await screen.findAllByTestId('in-doubt-entry');
    expect(rows).toHaveLength(2);
    const [capture, refund] = rows as [HTMLElement, HTMLElement];
    expect(capture.textContent).toContain('$1,299.99');
    expect(capture.textContent).toContain('•••• 4755');
    expect(capture.textContent).toContain('REF-8H2M1');
    expect(capture.textContent).toContain(r.t('inDoubt.state.in_doubt'));
    expect(refund.textContent).toContain(r.t('inDoubt.state.sent'));
    expect(refund.textContent).toContain('$45.50');
    await expectNoSeriousAxeViolations('unfinished payments');
  });

  it('keeps settled entries in the list, marked settled, after a check with Flexiti', async () => {
    const ledger = dayLedger({ inDoubt: ENTRIES });
    const r = renderScreen(<InDoubtScreen />, { pos: ledger.pos });
    await screen.findAllByTestId('in-doubt-entry');
    ledger.settleAtNextCheck.add('j-001');

    await r.user.click(screen.getByRole('button', { name: r.t('inDoubt.check') }));

    expect((await screen.findByTestId('in-doubt-checked')).textContent).toBe(
      r.t('inDoubt.checked', { settled: '1', still: '1' }),
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('in-doubt-entry').map(stateOf)).toEqual(['sent', 'settled']),
    );
    const settled = screen.getAllByTestId('in-doubt-entry')[1]!;
    expect(settled.textContent).toContain('REF-8H2M1');
    expect(settled.textContent).toContain(r.t('inDoubt.state.settled'));
  });

  it('says there is nothing unfinished', async () => {
    const r = renderScreen(<InDoubtScreen />, { pos: dayLedger().pos });
    expect((await screen.findByTestId('in-doubt-empty')).textContent).toBe(r.t('inDoubt.empty'));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a failed check in plain words, and the list stays as it was', async () => {
    const ledger = dayLedger({ inDoubt: ENTRIES });
    ledger.pos.on(
      'journal.reconcile',
      refuse('flexiti_down', 'flexiti_unavailable', { supportReference: 'ERR-1A2B3C4D5E' }),
    );
    const r = renderScreen(<InDoubtScreen />, { pos: ledger.pos });
    await screen.findAllByTestId('in-doubt-entry');
    await r.user.click(screen.getByRole('button', { name: r.t('inDoubt.check') }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(r.t('error.flexiti_down'));
    expect(alert.textContent).toContain('ERR-1A2B3C4D5E');
    expect(screen.getAllByTestId('in-doubt-entry').map(stateOf)).toEqual(['in_doubt', 'sent']);
  });

  it('reads in French', async () => {
    const r = renderScreen(<InDoubtScreen />, { locale: 'fr', pos: dayLedger({ inDoubt: ENTRIES }).pos });
    const [capture] = await screen.findAllByTestId('in-doubt-entry');
    expect(capture?.textContent?.replace(/\s/g, ' ')).toContain('1 299,99 $');
    expect(within(capture!).getByText(r.t('inDoubt.state.in_doubt'))).toBeTruthy();
    expect(screen.getByRole('button', { name: r.t('inDoubt.check') }).textContent).toBe(r.t('inDoubt.check'));
  });
});
