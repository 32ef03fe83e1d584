/**
 * Flexiti's offer for the amount: every plan and term side by side, the regular-purchase option, and
 * the Quebec disclosure when the answer carries it. The offer is for the customer: in their language
 * (Flexiti's fee and rate texts too, asked again when the cashier switches it); Back and notices are
 * the cashier's.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { CustomerLanguageSwitch, useCustomerI18n } from '../../i18n/customer-language';
import { formatCents, useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap } from '../../use-pos-mutation';
import { FeeList } from './FeeList';
import { formatRate } from './format-rate';
import type { Choice, PurchaseCustomer } from './purchase-types';
import { TermOption } from './TermOption';

export function PlansStep(props: {
  customer: PurchaseCustomer;
  amountCents: number;
  onChoose: (choice: Choice) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const customer = useCustomerI18n();
  const { locale } = customer;
  const { flowId, account } = props.customer;
  const pricing = useQuery({
    // The language is in the key: Flexiti's messages come back in the customer's language.
    queryKey: ['pricing.calculate', flowId, account.accountRef, props.amountCents, locale],
    queryFn: () =>
      unwrap(
        pos.pricing.calculate({ flowId, accountRef: account.accountRef, amountCents: props.amountCents }),
      ),
    staleTime: 60_000,
  });
  const data = pricing.data;
  const regular = data?.regularPurchase;

  return (
    <main className="screen" data-screen="plans">
      <div className="screen-head">
        <ScreenHeading>
          <span lang={customer.lang}>
            {customer.t('plans.title', { amount: formatCents(props.amountCents, locale) })}
          </span>
        </ScreenHeading>
        <button type="button" onClick={props.onBack}>
          {t('purchase.back')}
        </button>
      </div>
      <CustomerLanguageSwitch />
      {pricing.isPending ? <Progress label={t('plans.loading')} /> : null}
      <ErrorNotice error={appErrorOf(pricing.error)} />
      {pricing.isError ? (
        <button type="button" onClick={() => void pricing.refetch()}>
          {t('purchase.tryAgain')}
        </button>
      ) : null}
      <div lang={customer.lang} data-testid="customer-offer">
        {data?.quebecDisclosure ? (
          <aside className="disclosure" aria-labelledby="qc-disclosure" data-testid="quebec-disclosure">
            <h2 id="qc-disclosure">{customer.t('plans.quebecDisclosure')}</h2>
            <p>{data.quebecDisclosure}</p>
          </aside>
        ) : null}
        {data?.availableCreditCents !== undefined ? (
          <p>{customer.t('account.available', { amount: formatCents(data.availableCreditCents, locale) })}</p>
        ) : null}
        {data && data.plans.length === 0 && !regular ? <p>{customer.t('plans.none')}</p> : null}
        {data?.plans.map((plan) => (
          <section key={plan.planId} className="plan" aria-labelledby={`plan-${plan.planId}`}>
            <h2 id={`plan-${plan.planId}`}>
              {plan.planName ?? customer.t('plans.planNumber', { id: String(plan.planId) })}
            </h2>
            <ul className="terms">
              {plan.terms.map((term) => (
                <TermOption
                  key={term.term}
                  plan={plan}
                  term={term}
                  onChoose={() => props.onChoose({ kind: 'plan', plan, term })}
                />
              ))}
            </ul>
          </section>
        ))}
        {regular ? (
          <section className="plan" aria-labelledby="regular-purchase" data-testid="regular-purchase">
            <h2 id="regular-purchase">{customer.t('plans.regular')}</h2>
            <p>{customer.t('plans.regularIntro')}</p>
            <dl>
              {regular.paymentCents !== undefined ? (
                <>
                  <dt>{customer.t('plans.minimumPayment')}</dt>
                  <dd>{formatCents(regular.paymentCents, locale)}</dd>
                </>
              ) : null}
              {regular.annualRate !== undefined ? (
                <>
                  <dt>{customer.t('plans.annualRate')}</dt>
                  <dd>{formatRate(regular.annualRate, locale)}</dd>
                </>
              ) : null}
            </dl>
            <FeeList fees={regular.fees} />
            <button type="button" className="primary" onClick={() => props.onChoose({ kind: 'regular' })}>
              {customer.t('plans.chooseRegular')}
            </button>
          </section>
        ) : null}
      </div>
    </main>
  );
}
