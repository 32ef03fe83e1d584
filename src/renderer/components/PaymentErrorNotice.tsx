/**
 * A money call's error in the words a cashier needs at the till: a decline is neutral and points to
 * another plan or account; Flexiti not answering says nothing was charged; an unknown outcome says not
 * to repeat the sale. Anything else is the general ErrorNotice.
 */
import type { AppError } from '../../shared/app-error';
import { hasMessage, useI18n } from '../i18n/i18n';
import { ErrorNotice } from './ErrorNotice';

export function PaymentErrorNotice(props: { error: AppError | null | undefined }) {
  const { t } = useI18n();
  const error = props.error;
  if (!error) return null;
  const codeKey = `error.code.${error.code}`;
  const detail = hasMessage(codeKey) ? t(codeKey) : null;
  let lines: string[];
  switch (error.category) {
    case 'declined':
      lines = [t('payment.declined'), ...(detail ? [detail] : []), t('payment.declinedNext')];
      break;
    case 'retryable':
    case 'flexiti_down':
      lines = [t('payment.flexitiDown')];
      break;
    case 'in_doubt':
      lines = [t('payment.inDoubt')];
      break;
    case 'needs_action':
      lines = [detail ?? t('error.needs_action')];
      break;
    default:
      return <ErrorNotice error={error} />;
  }
  return (
    <div className="error-notice" role="alert" data-category={error.category} data-testid="payment-error">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {error.supportReference ? (
        <p className="support-ref">{t('error.supportReference', { reference: error.supportReference })}</p>
      ) : null}
    </div>
  );
}
