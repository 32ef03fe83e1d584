/** Declined: neutral words and no reason; Flexiti writes to the customer. */
import { useI18n } from '../../i18n/i18n';

export function DeclinedDecision(props: { onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section data-testid="decision-declined" aria-labelledby="declined-title">
      <h2 id="declined-title">{t('application.declined.title')}</h2>
      <p>{t('application.declined.body')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onDone}>
          {t('application.done')}
        </button>
      </div>
    </section>
  );
}
