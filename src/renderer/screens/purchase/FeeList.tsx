/** Fees with the messages Flexiti requires to be shown alongside them. */
import type { FeeView } from '../../../shared/ipc/channels/pricing';
import { formatCents, useI18n } from '../../i18n/i18n';

export function FeeList(props: { fees: readonly FeeView[] }) {
  const { t, locale } = useI18n();
  if (props.fees.length === 0) return null;
  return (
    <ul className="fees">
      {props.fees.map((fee, index) => (
        <li key={index}>
          {/* Flexiti's descriptions may already end with a colon. */}
          {(fee.description ?? t('plans.fee')).replace(/\s*:\s*$/, '')}
          {fee.amountCents !== undefined
            ? `${locale === 'fr' ? ' :' : ':'} ${formatCents(fee.amountCents, locale)}`
            : ''}
          {fee.message ? <span className="fee-message">{fee.message}</span> : null}
        </li>
      ))}
    </ul>
  );
}
