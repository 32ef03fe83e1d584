/**
 * Errors as staff read them: plain words with a next step and the support reference, never a code,
 * an exception's text or a stack trace, whatever went wrong underneath.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/shared/app-error';
import { ErrorNotice } from '../../../src/renderer/components/ErrorNotice';
import { PaymentErrorNotice } from '../../../src/renderer/components/PaymentErrorNotice';
import { InDoubtScreen } from '../../../src/renderer/screens/in-doubt/InDoubtScreen';
import { createFakePos } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';

const STACKISH = /\bat \S+ \(|\.tsx?:\d+|Error:|TypeError|undefined|null|stack/;

describe('Error notices', () => {
  it('turns an exception thrown under a screen into plain words, without its text', async () => {
    const pos = createFakePos().on('journal.inDoubt', () => {
      const error = new TypeError('Cannot read properties of undefined (reading "entries")');
      error.stack = 'TypeError: Cannot read properties\n    at list (src/main/core/journal.ts:42:7)';
      throw error;
    });
    const r = renderScreen(<InDoubtScreen />, { pos });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(r.t('error.code.transport_failed'));
    expect(alert.textContent).not.toMatch(STACKISH);
  });

  it('says what to do for an app defect and gives the reference to quote, not the code', () => {
    const error: AppError = {
      category: 'our_bug',
      code: 'response_invalid',
      supportReference: 'ERR-9C41D07B2A',
    };
    const r = renderScreen(<ErrorNotice error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      r.t('error.our_bug') + r.t('error.supportReference', { reference: 'ERR-9C41D07B2A' }),
    );
    expect(alert.textContent).not.toContain('response_invalid');
    expect(alert.textContent).not.toMatch(STACKISH);
  });

  it('uses the code’s own words when there are some, else the category’s', () => {
    const r = renderScreen(
      <>
        <ErrorNotice error={{ category: 'needs_action', code: 'flow_expired' }} />
        <ErrorNotice error={{ category: 'needs_action', code: 'some_code_nobody_wrote_words_for' }} />
      </>,
    );
    const [known, unknown] = screen.getAllByRole('alert');
    expect(known?.textContent).toBe(r.t('error.code.flow_expired'));
    expect(unknown?.textContent).toBe(r.t('error.needs_action'));
  });

  it('at the till: a decline is neutral with a way on, an outage says nothing was charged, an unknown outcome says not to repeat', () => {
    const r = renderScreen(
      <>
        <PaymentErrorNotice
          error={{ category: 'declined', code: 'credit_exceeded', supportReference: 'REF-8H2M1' }}
        />
        <PaymentErrorNotice error={{ category: 'flexiti_down', code: 'flexiti_unavailable' }} />
        <PaymentErrorNotice
          error={{ category: 'in_doubt', code: 'timeout_after_send', supportReference: 'J-000123' }}
        />
      </>,
    );
    const [declined, down, inDoubt] = screen.getAllByTestId('payment-error');
    expect(declined?.textContent).toBe(
      r.t('payment.declined') +
        r.t('error.code.credit_exceeded') +
        r.t('payment.declinedNext') +
        r.t('error.supportReference', { reference: 'REF-8H2M1' }),
    );
    expect(down?.textContent).toBe(r.t('payment.flexitiDown'));
    expect(inDoubt?.textContent).toContain(r.t('payment.inDoubt'));
    expect(inDoubt?.textContent).toContain('J-000123');
    for (const notice of [declined, down, inDoubt]) expect(notice?.getAttribute('role')).toBe('alert');
  });

  it('reads in French', () => {
    const r = renderScreen(
      <ErrorNotice error={{ category: 'our_bug', code: 'unexpected', supportReference: 'ERR-9C41D07B2A' }} />,
      { locale: 'fr' },
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(r.t('error.our_bug'));
    expect(alert.textContent).toContain(r.t('error.supportReference', { reference: 'ERR-9C41D07B2A' }));
    expect(alert.textContent).toContain('soutien');
  });
});
