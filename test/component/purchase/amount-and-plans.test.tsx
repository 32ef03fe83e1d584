/**
 * The first two purchase steps: the amount typed in dollars becomes integer cents (strictly, in the
 * screen's language), then Flexiti's plans and terms side by side for that amount.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../src/shared/ipc/channels/customers';
import type { ResponseOf } from '../../../src/shared/ipc/contract';
import { AmountStep } from '../../../src/renderer/screens/purchase/AmountStep';
import { PlansStep } from '../../../src/renderer/screens/purchase/PlansStep';
import { CustomerLanguageProvider } from '../../../src/renderer/i18n/customer-language';
import { translator } from '../../../src/renderer/i18n/i18n';
import { newFlow } from '../support/application-data';
import { createFakePos } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

const ROSE: AccountView = {
  accountRef: 'acct_rose_0000000001',
  cardMasked: '•••• 5941',
  firstName: 'Rose',
  lastName: 'Tremblay',
  status: 'normal',
  canPurchase: true,
  availableCreditCents: 500_000,
};

function renderAmount(locale: 'en' | 'fr' = 'en') {
  const onNext = vi.fn();
  const r = renderScreen(
    <AmountStep
      customer={{ ...newFlow(), account: ROSE }}
      amountCents={null}
      orderReference=""
      lineItems={[]}
      onLineItemsChange={() => undefined}
      onNext={onNext}
      onCancel={() => undefined}
    />,
    { locale },
  );
  return { ...r, onNext };
}

describe('Purchase amount', () => {
  it.each([
    ['1,299.99', 129_999],
    ['$1299.9', 129_990],
    ['45', 4_500],
  ])('takes %s as %i cents', async (typed, cents) => {
    const r = renderAmount();
    await r.user.type(screen.getByLabelText(r.t('purchase.amount.label')), `${typed}{Enter}`);
    expect(r.onNext).toHaveBeenCalledTimes(1);
    expect(r.onNext.mock.calls[0]?.[0]).toBe(cents);
    expect(Number.isInteger(r.onNext.mock.calls[0]?.[0])).toBe(true);
  });

  it.each(['12.345', '0', '-5', '1e3', '12,34'])('refuses %s and says how to write it', async (typed) => {
    const r = renderAmount();
    const amount = screen.getByLabelText(r.t('purchase.amount.label'));
    await r.user.type(amount, `${typed}{Enter}`);
    expect(screen.getByRole('alert').textContent).toBe(r.t('purchase.amount.invalid'));
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(r.onNext).not.toHaveBeenCalled();
  });

  it('reads amounts the French way in French', async () => {
    const r = renderAmount('fr');
    const amount = screen.getByLabelText(r.t('purchase.amount.label'));
    await r.user.type(amount, '1 299,99{Enter}');
    expect(r.onNext.mock.calls[0]?.[0]).toBe(129_999);
    await r.user.clear(amount);
    await r.user.type(amount, '1,299.99{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(r.t('purchase.amount.invalid'));
    expect(r.onNext).toHaveBeenCalledTimes(1);
  });
});

type Pricing = ResponseOf<'pricing.calculate'>;

function pricing(amountCents: number, language: 'en' | 'fr'): Pricing {
  const fee = language === 'fr' ? 'Frais de plan' : 'Plan fee';
  return {
    amountCents,
    availableCreditCents: 500_000,
    plans: [
      {
        planId: 12,
        planName: language === 'fr' ? 'Égaux sans intérêt' : 'Equal payments, no interest',
        terms: [
          {
            term: 12,
            paymentKind: 'equal',
            monthlyPaymentCents: 10_834,
            totalCostCents: 134_999,
            annualRate: { rate: 0 },
            fees: [
              {
                description: fee,
                amountCents: 5_000,
                message: language === 'fr' ? 'Non remboursables.' : 'Not refundable.',
              },
            ],
          },
          {
            term: 24,
            paymentKind: 'equal',
            monthlyPaymentCents: 5_625,
            totalCostCents: 139_999,
            annualRate: { rate: 0.0999 },
            fees: [],
          },
        ],
      },
      {
        planId: 31,
        terms: [
          {
            term: 6,
            paymentKind: 'deferred',
            monthlyPaymentCents: 129_999,
            totalCostCents: 129_999,
            fees: [],
          },
        ],
      },
    ],
    regularPurchase: { paymentCents: 2_500, annualRate: 0.2999, bypassAllowed: true, fees: [] },
  };
}

function renderPlans(locale: 'en' | 'fr' = 'en') {
  const onChoose = vi.fn();
  const flow = newFlow();
  // The flow's customer language as main keeps it: Flexiti's texts come back in it.
  let languageNow: 'en' | 'fr' = locale;
  const pos = createFakePos()
    .on('pricing.calculate', (request) => pricing(request.amountCents, languageNow))
    .on('flow.setCustomerLanguage', ({ language }) => {
      languageNow = language;
      return { language };
    });
  const r = renderScreen(
    <CustomerLanguageProvider flowId={flow.flowId}>
      <PlansStep
        customer={{ ...flow, account: ROSE }}
        amountCents={129_999}
        onChoose={onChoose}
        onBack={() => undefined}
      />
    </CustomerLanguageProvider>,
    { pos, locale },
  );
  return { ...r, onChoose };
}

describe('Payment plans', () => {
  it('shows every term side by side with payment, total, rate and fees, and chooses one', async () => {
    const r = renderPlans();
    const twelve = await screen.findByTestId('term-12-12');
    const months24 = screen.getByTestId('term-12-24');
    const deferred = screen.getByTestId('term-31-6');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      r.t('plans.title', { amount: '$1,299.99' }),
    );

    expect(within(twelve).getByRole('heading').textContent).toBe(r.t('plans.months', { count: '12' }));
    expect(twelve.textContent).toContain('$108.34');
    expect(twelve.textContent).toContain('$1,349.99');
    expect(twelve.textContent).toContain('0.00%');
    expect(twelve.textContent).toContain('Plan fee: $50.00');
    expect(twelve.textContent).toContain('Not refundable.');
    expect(months24.textContent).toContain('9.99%');
    expect(deferred.textContent).toContain(r.t('plans.deferredPayment'));
    expect(deferred.textContent).toContain(r.t('plans.rateUnknown'));
    expect(screen.getByRole('heading', { name: r.t('plans.planNumber', { id: '31' }) })).toBeTruthy();
    await expectNoSeriousAxeViolations('payment plans');

    const choose24 = screen.getByRole('button', {
      name: r.t('plans.chooseLabel', {
        plan: 'Equal payments, no interest',
        months: r.t('plans.months', { count: '24' }),
      }),
    });
    await r.user.click(choose24);
    expect(r.onChoose).toHaveBeenCalledTimes(1);
    const choice = r.onChoose.mock.calls[0]?.[0] as {
      kind: string;
      plan: { planId: number };
      term: { term: number };
    };
    expect(choice.kind).toBe('plan');
    expect(choice.plan.planId).toBe(12);
    expect(choice.term.term).toBe(24);

    await r.user.click(screen.getByRole('button', { name: r.t('plans.chooseRegular') }));
    expect(r.onChoose).toHaveBeenLastCalledWith({ kind: 'regular' });
    expect(r.pos.calls('pricing.calculate')).toHaveLength(1);
    expect(r.pos.calls('pricing.calculate')[0]?.amountCents).toBe(129_999);
  });

  it('shows the offer again in French when the customer asks, while Back stays the cashier’s', async () => {
    const r = renderPlans();
    await screen.findByTestId('term-12-12');
    await r.user.click(screen.getByTestId('customer-language-fr'));

    await waitFor(() => expect(r.pos.calls('pricing.calculate')).toHaveLength(2));
    const fr = translator('fr');
    const fee = await screen.findByText('Frais de plan : 50,00 $', {
      exact: false,
      normalizer: (s) => s.replace(/\s/g, ' '),
    });
    expect(fee.closest('[data-testid="term-12-12"]')).toBeTruthy();
    expect(screen.getByTestId('term-12-12').textContent?.replace(/\s/g, ' ')).toContain('108,34 $');
    expect(screen.getByRole('heading', { level: 2, name: 'Égaux sans intérêt' })).toBeTruthy();
    expect(screen.getByTestId('term-12-12').textContent).toContain(fr('plans.totalCost'));
    expect(screen.getByRole('button', { name: r.t('purchase.back') })).toBeTruthy();
  });
});
