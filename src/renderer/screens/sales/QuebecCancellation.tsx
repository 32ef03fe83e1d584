/**
 * Quebec's 2-day cancellation of a credit contract, for an account found in a customer lookup. The
 * dates are read from Flexiti first (`confirm: false`); the cancellation is offered only inside the
 * window, and sent only on the manager's explicit confirmation.
 */
import { useEffect } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function QuebecCancellation(props: { flowId: string; accountRef: string; onBack: () => void }) {
  const { t } = useI18n();
  const check = usePosMutation(pos.accounts.cancelQuebec);
  const cancel = usePosMutation(pos.accounts.cancelQuebec);
  const { mutate } = check;
  useEffect(() => {
    mutate({ flowId: props.flowId, accountRef: props.accountRef, confirm: false });
  }, [mutate, props.flowId, props.accountRef]);

  const facts = cancel.data ?? check.data;
  return (
    <main className="screen narrow" data-screen="quebec-cancellation">
      <ScreenHeading testId="quebec-heading">{t('quebec.title')}</ScreenHeading>
      <p>{t('quebec.intro')}</p>
      {check.isPending ? <Progress label={t('quebec.checking')} /> : null}
      <ErrorNotice error={appErrorOf(check.error)} />
      {facts ? (
        <>
          <p data-testid="quebec-facts">
            {/* The dates are kept whole: a line break after a hyphen split them as "2026-" / "11-30". */}
            {t('quebec.facts', {
              last4: facts.accountLast4,
              contractDate: '{contractDate}',
              lastDay: '{lastDay}',
            })
              .split(/(\{contractDate\}|\{lastDay\})/)
              .map((part, index) =>
                part === '{contractDate}' || part === '{lastDay}' ? (
                  <span key={index} className="nowrap">
                    {part === '{contractDate}' ? facts.contractDate : facts.lastDay}
                  </span>
                ) : (
                  part
                ),
              )}
          </p>
          {facts.refusal ? (
            <p className="error-notice" role="alert" data-testid="quebec-refusal">
              {t(`quebec.refusal.${facts.refusal}`)}
            </p>
          ) : null}
        </>
      ) : null}
      {facts?.cancelled ? (
        <p role="status" className="success" data-testid="quebec-done">
          {t('quebec.done', { last4: facts.accountLast4 })}
        </p>
      ) : null}
      {facts && facts.insideWindow && !facts.refusal && !facts.cancelled ? (
        <button
          type="button"
          className="primary"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate({ flowId: props.flowId, accountRef: props.accountRef, confirm: true })}
          data-testid="quebec-confirm"
        >
          {t('quebec.confirm', { last4: facts.accountLast4 })}
        </button>
      ) : null}
      {cancel.isPending ? <Progress label={t('quebec.sending')} /> : null}
      <ErrorNotice error={appErrorOf(cancel.error)} />
      <div className="actions">
        <button type="button" onClick={props.onBack}>
          {t('quebec.back')}
        </button>
      </div>
    </main>
  );
}
