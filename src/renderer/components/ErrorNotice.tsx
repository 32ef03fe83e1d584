/** An AppError as plain sentences: the code's message where we have one, else the category's. */
import type { AppError } from '../../shared/app-error';
import { hasMessage, useI18n } from '../i18n/i18n';

export function ErrorNotice(props: { error: AppError | null | undefined }) {
  const { t } = useI18n();
  const error = props.error;
  if (!error) return null;
  const codeKey = `error.code.${error.code}`;
  const text = hasMessage(codeKey) ? t(codeKey) : t(`error.${error.category}`);
  return (
    <div className="error-notice" role="alert" data-category={error.category}>
      <p>{text}</p>
      {error.supportReference ? (
        <p className="support-ref">{t('error.supportReference', { reference: error.supportReference })}</p>
      ) : null}
    </div>
  );
}
