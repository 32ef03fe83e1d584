/** One plan and term side by side with the others: monthly payment, total cost, rate, fees, choose. */
import type { PlanView, TermView } from '../../../shared/ipc/channels/pricing';
import { formatCents } from '../../i18n/i18n';
import { useCustomerI18n } from '../../i18n/customer-language';
import { FeeList } from './FeeList';
import { formatRate } from './format-rate';

export function TermOption(props: { plan: PlanView; term: TermView; onChoose: () => void }) {
  const { t, locale } = useCustomerI18n();
  const { plan, term } = props;
  const months = t('plans.months', { count: String(term.term) });
  const planName = plan.planName ?? t('plans.planNumber', { id: String(plan.planId) });
  return (
    <li className="term-option" data-testid={`term-${plan.planId}-${term.term}`}>
      <h3>{months}</h3>
      <dl>
        <dt>{term.paymentKind === 'deferred' ? t('plans.deferredPayment') : t('plans.monthly')}</dt>
        <dd>{formatCents(term.monthlyPaymentCents, locale)}</dd>
        <dt>{t('plans.totalCost')}</dt>
        <dd>{formatCents(term.totalCostCents, locale)}</dd>
        <dt>{t('plans.annualRate')}</dt>
        <dd>{term.annualRate ? formatRate(term.annualRate.rate, locale) : t('plans.rateUnknown')}</dd>
      </dl>
      {term.annualRate?.message ? <p className="fee-message">{term.annualRate.message}</p> : null}
      <FeeList fees={term.fees} />
      <button
        type="button"
        className="primary"
        onClick={props.onChoose}
        aria-label={t('plans.chooseLabel', { plan: planName, months })}
      >
        {t('plans.choose')}
      </button>
    </li>
  );
}
