/** Says plainly what is wrong with the licence just scanned; the cashier may go on with another ID. */
import { useI18n } from '../../i18n/i18n';
import type { LicenceFlags } from './licence-flags';

export function LicenceFlagNotice(props: { flags: LicenceFlags | null }) {
  const { t } = useI18n();
  const flags = props.flags;
  if (!flags || (!flags.expired && !flags.underAge)) return null;
  return (
    <div className="warning-notice" role="alert" data-testid="licence-flags">
      {flags.expired ? <p data-testid="flag-expired">{t('scan.flag.expired')}</p> : null}
      {flags.underAge ? (
        <p data-testid="flag-under-age">{t('scan.flag.underAge', { age: String(flags.majority) })}</p>
      ) : null}
      <p>{t('scan.flag.otherId')}</p>
    </div>
  );
}
