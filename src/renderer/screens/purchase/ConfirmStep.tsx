/**
 * The summary and the one button that moves money. Auto-capture is the default; "authorize now,
 * capture at pickup" holds the amount instead. A double press cannot charge twice (main lets one
 * authorization run per flow and account), and after an unknown outcome the only way on is to check.
 */
import { useState } from 'react';
import type { AppError } from '../../../shared/app-error';
import type { AuthorizationView } from '../../../shared/ipc/channels/purchase';
import { PaymentErrorNotice } from '../../components/PaymentErrorNotice';
import { Progress } from '../../components/Progress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { CustomerLanguageSwitch, useCustomerI18n } from '../../i18n/customer-language';
import { formatCents, useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';
import { formatRate } from './format-rate';
import type { LineItem } from './line-items';
import { LineItemsSummary } from './LineItemsSummary';
import type { Choice, PurchaseCustomer } from './purchase-types';

/** Codes after which Flexiti needs a new verification before any authorization. */
export const VERIFY_AGAIN = new Set([
  'wrong_verification_code',
  'not_verified',
  'verification_code_required',
  'verification_required',
]);

export function ConfirmStep(props: {
  customer: PurchaseCustomer;
  amountCents: number;
  orderReference: string;
  lineItems: readonly LineItem[];
  choice: Choice;
  onAuthorized: (authorization: AuthorizationView) => void;
  onVerifyAgain: (error: AppError) => void;
  onOtherPlan: () => void;
  onOtherAccount: () => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  // The summary is what the customer agrees to: in their language; the controls are the cashier's.
  const customer = useCustomerI18n();
  const [autoCapture, setAutoCapture] = useState(true);
  const { flowId, account } = props.customer;
  const authorize = usePosMutation(pos.purchase.authorize, {
    onSuccess: (result) => props.onAuthorized(result.authorization),
    onError: (error) => {
      if (VERIFY_AGAIN.has(error.appError.code)) props.onVerifyAgain(error.appError);
    },
  });
  const error = appErrorOf(authorize.error);
  const inDoubt = error?.category === 'in_doubt';

  function send() {
    authorize.mutate({
      flowId,
      accountRef: account.accountRef,
      amountCents: props.amountCents,
      financing:
        props.choice.kind === 'plan'
          ? { kind: 'plan', planId: props.choice.plan.planId, term: props.choice.term.term }
          : { kind: 'regular' },
      autoCapture,
      ...(props.orderReference ? { orderReference: props.orderReference } : {}),
      ...(props.lineItems.length > 0 ? { lineItems: [...props.lineItems] } : {}),
    });
  }

  const choice = props.choice;
  return (
    <main className="screen narrow" data-screen="confirm">
      <div className="screen-head">
        <ScreenHeading>{t('confirm.title')}</ScreenHeading>
        <button type="button" onClick={props.onBack} disabled={authorize.isPending || inDoubt}>
          {t('purchase.back')}
        </button>
      </div>
      <CustomerLanguageSwitch disabled={authorize.isPending || inDoubt} />
      <dl className="summary" lang={customer.lang} data-testid="customer-summary">
        <dt>{customer.t('confirm.card')}</dt>
        <dd>{account.cardMasked}</dd>
        <dt>{customer.t('confirm.amount')}</dt>
        <dd>{formatCents(props.amountCents, customer.locale)}</dd>
        <dt>{customer.t('confirm.financing')}</dt>
        <dd>
          {choice.kind === 'plan'
            ? `${choice.plan.planName ?? customer.t('plans.planNumber', { id: String(choice.plan.planId) })}, ${customer.t(
                'plans.months',
                { count: String(choice.term.term) },
              )}`
            : customer.t('plans.regular')}
        </dd>
        {choice.kind === 'plan' ? (
          <>
            <dt>
              {choice.term.paymentKind === 'deferred'
                ? customer.t('plans.deferredPayment')
                : customer.t('plans.monthly')}
            </dt>
            <dd>{formatCents(choice.term.monthlyPaymentCents, customer.locale)}</dd>
            <dt>{customer.t('plans.totalCost')}</dt>
            <dd>{formatCents(choice.term.totalCostCents, customer.locale)}</dd>
            {choice.term.annualRate ? (
              <>
                <dt>{customer.t('plans.annualRate')}</dt>
                <dd>{formatRate(choice.term.annualRate.rate, customer.locale)}</dd>
              </>
            ) : null}
          </>
        ) : null}
        {props.orderReference ? (
          <>
            <dt>{customer.t('receipt.orderReference')}</dt>
            <dd>{props.orderReference}</dd>
          </>
        ) : null}
      </dl>
      <LineItemsSummary items={props.lineItems} />
      <fieldset className="capture-choice" disabled={authorize.isPending || inDoubt}>
        <legend>{t('confirm.captureLegend')}</legend>
        <label className="radio">
          <input type="radio" name="capture" checked={autoCapture} onChange={() => setAutoCapture(true)} />
          {t('confirm.autoCapture')}
        </label>
        <label className="radio">
          <input type="radio" name="capture" checked={!autoCapture} onChange={() => setAutoCapture(false)} />
          {t('confirm.captureLater')}
        </label>
      </fieldset>
      {authorize.isPending ? <Progress label={t('confirm.sending')} /> : null}
      <PaymentErrorNotice error={error} />
      {error?.category === 'declined' ? (
        <div className="actions">
          <button type="button" onClick={props.onOtherPlan}>
            {t('confirm.otherPlan')}
          </button>
          <button type="button" onClick={props.onOtherAccount}>
            {t('confirm.otherAccount')}
          </button>
        </div>
      ) : null}
      <button
        type="button"
        className="primary"
        onClick={send}
        disabled={authorize.isPending}
        data-testid="authorize"
      >
        {inDoubt ? t('confirm.checkAgain') : t(autoCapture ? 'confirm.payNow' : 'confirm.holdNow')}
      </button>
    </main>
  );
}
