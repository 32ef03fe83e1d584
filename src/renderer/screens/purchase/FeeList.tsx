/** Fees with the messages Flexiti requires to be shown alongside them. */
import type { FeeView } from '../../../shared/ipc/channels/pricing';
import { formatCents } from '../../i18n/i18n';
import { useCustomerI18n } from '../../i18n/customer-language';

export function FeeList(props: { fees: readonly FeeView[] }) {
  // The customer reads the fees: their language (Flexiti's texts come in it too).
  const { t, locale } = useCustomerI18n();
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
