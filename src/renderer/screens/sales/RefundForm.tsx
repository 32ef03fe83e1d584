/** A refund on the sale's account, with the reason the audit trail keeps. */
import { useState, type FormEvent } from 'react';
import type { OperationReceipt, SaleDetail } from '../../../shared/ipc/channels/returns';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Progress } from '../../components/Progress';
import { formatCents, useI18n } from '../../i18n/i18n';
import { parseAmountInput } from '../../money-input';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function RefundForm(props: {
  sale: SaleDetail;
  /** The sale afterwards, and the customer's receipt (never the reason). */
  onDone: (sale: SaleDetail, receipt: OperationReceipt) => void;
}) {
  const { t, locale } = useI18n();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'amount' | 'reason' | null>(null);
  const refund = usePosMutation(pos.refunds.create, {
    onSuccess: (answer) => {
      setAmount('');
      setReason('');
      if (answer.sale) props.onDone(answer.sale, answer.receipt);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = parseAmountInput(amount, locale);
    if (cents === null) return setProblem('amount');
    const why = reason.trim();
    if (why.length < 3 || why.length > 200) return setProblem('reason');
    setProblem(null);
    refund.mutate({
      source: { kind: 'sale', authorizationId: props.sale.authorizationId },
      amountCents: cents,
      reason: why,
    });
  }

  const typed = parseAmountInput(amount, locale);
  return (
    <section className="panel" aria-labelledby="refund-title" data-testid="refund-form">
      <h3 id="refund-title">{t('refund.title')}</h3>
      <p>{t('refund.intro')}</p>
      <form onSubmit={submit}>
        <Field
          label={t('refund.amount')}
          value={amount}
          inputMode="decimal"
          autoComplete="off"
          onChange={(e) => setAmount(e.target.value)}
        />
        <Field
          label={t('refund.reason')}
          value={reason}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setReason(e.target.value)}
        />
        {problem ? (
          <p className="field-error" role="alert">
            {t(problem === 'amount' ? 'money.invalid' : 'refund.reasonInvalid')}
          </p>
        ) : null}
        <button type="submit" disabled={refund.isPending} data-testid="refund-confirm">
          {t('refund.confirm', { amount: typed === null ? '' : formatCents(typed, locale) })}
        </button>
      </form>
      {refund.isPending ? <Progress label={t('refund.sending')} /> : null}
      {refund.data ? (
        <p role="status" className="success" data-testid="refund-done">
          {t('refund.done', {
            amount: formatCents(refund.data.refundedCents, locale),
            last4: refund.data.accountLast4,
          })}
        </p>
      ) : null}
      <ErrorNotice error={appErrorOf(refund.error)} />
    </section>
  );
}
