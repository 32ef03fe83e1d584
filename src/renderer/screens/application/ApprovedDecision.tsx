/** Approved: the new card (masked) and the credit limit, and the way into a purchase. */
import type { ApplicationDecisionView } from '../../../shared/ipc/channels/application';
import { formatCents, useI18n } from '../../i18n/i18n';

type Approved = Extract<ApplicationDecisionView, { decision: 'approved' }>;

export function ApprovedDecision(props: { decision: Approved; onPurchase: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { account } = props.decision;
  return (
    <section data-testid="decision-approved" aria-labelledby="approved-title">
      <h2 id="approved-title">{t('application.approved.title')}</h2>
      <dl className="facts">
        <dt>{t('application.approved.card')}</dt>
        <dd data-testid="approved-card">{account.cardMasked}</dd>
        {account.creditLimitCents !== undefined ? (
          <>
            <dt>{t('application.approved.limit')}</dt>
            <dd data-testid="approved-limit">{formatCents(account.creditLimitCents, locale)}</dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        <button type="button" onClick={props.onDone}>
          {t('application.done')}
        </button>
        <button type="button" className="primary" onClick={props.onPurchase} data-testid="approved-purchase">
          {t('lookup.purchase')}
        </button>
      </div>
    </section>
  );
}
