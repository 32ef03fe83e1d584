/**
 * Closing the business day. Main refuses while payments are unfinished unless a reason is given;
 * once closed, the report shows who closed it and when.
 */
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Progress } from '../../components/Progress';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function CloseDay(props: { date: string; registerId?: string; onClosed: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const close = usePosMutation(pos.day.close, { onSuccess: props.onClosed });

  function submit(event: FormEvent) {
    event.preventDefault();
    const why = reason.trim();
    close.mutate({
      date: props.date,
      ...(props.registerId ? { registerId: props.registerId } : {}),
      ...(why ? { reason: why } : {}),
    });
  }

  return (
    <section className="panel no-print" aria-labelledby="close-day-title" data-testid="close-day">
      <h2 id="close-day-title">{t('eod.closeTitle')}</h2>
      <form onSubmit={submit}>
        <Field
          label={t('eod.closeReason')}
          value={reason}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setReason(e.target.value)}
        />
        <p className="hint">{t('eod.closeReasonHint')}</p>
        <button type="submit" disabled={close.isPending} data-testid="close-day-submit">
          {t('eod.close')}
        </button>
      </form>
      {close.isPending ? <Progress label={t('eod.closing')} /> : null}
      <ErrorNotice error={appErrorOf(close.error)} />
    </section>
  );
}
