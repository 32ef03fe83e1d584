/** The unmistakable sign that nothing here is real money. */
import { useI18n } from '../i18n/i18n';

export function DemoBanner() {
  const { t } = useI18n();
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      {t('demo.banner')}
    </div>
  );
}
