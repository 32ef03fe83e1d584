/** Releases all that an open authorization still holds, back to the customer's available credit. */
import type { OperationReceipt, SaleDetail } from '../../../shared/ipc/channels/returns';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { formatCents, useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function ReleaseForm(props: {
  sale: SaleDetail;
  /** The sale afterwards, and the customer's receipt. */
  onDone: (sale: SaleDetail, receipt: OperationReceipt) => void;
}) {
  const { t, locale } = useI18n();
  const release = usePosMutation(pos.authorizations.release, {
    onSuccess: (answer) => props.onDone(answer.sale, answer.receipt),
  });
  const held = formatCents(props.sale.remainingToCaptureCents, locale);
  return (
    <section className="panel" aria-labelledby="release-title" data-testid="release-form">
      <h3 id="release-title">{t('release.title')}</h3>
      <p>{t('release.intro', { amount: held })}</p>
      <button
        type="button"
        disabled={release.isPending}
        onClick={() => release.mutate({ authorizationId: props.sale.authorizationId })}
        data-testid="release-confirm"
      >
        {t('release.confirm', { amount: held })}
      </button>
      {release.isPending ? <Progress label={t('release.sending')} /> : null}
      {release.data ? (
        <p role="status" className="success">
          {t('release.done', { amount: formatCents(release.data.releasedCents, locale) })}
        </p>
      ) : null}
      <ErrorNotice error={appErrorOf(release.error)} />
    </section>
  );
}
