/** "Verify integrity": main re-walks the audit chain and says whether it is intact or where it breaks. */
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

export function VerifyIntegrity() {
  const { t } = useI18n();
  const verify = usePosMutation(pos.audit.verify);
  const verdict = verify.data;
  return (
    <div className="verify no-print">
      <button
        type="button"
        disabled={verify.isPending}
        onClick={() => verify.mutate({})}
        data-testid="audit-verify"
      >
        {t('audit.verify')}
      </button>
      {verify.isPending ? <Progress label={t('audit.verifying')} /> : null}
      {verdict ? (
        <p
          role="status"
          className={verdict.ok ? 'success' : 'error-notice'}
          data-testid="audit-verdict"
          data-ok={String(verdict.ok)}
        >
          {verdict.ok
            ? t('audit.verifyOk', { rows: String(verdict.rows) })
            : t('audit.verifyBroken', { seq: String(verdict.brokenAt) })}
        </p>
      ) : null}
      <ErrorNotice error={appErrorOf(verify.error)} />
    </div>
  );
}
