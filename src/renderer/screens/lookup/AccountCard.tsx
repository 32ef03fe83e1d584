/** One account as staff see it: name, masked card, status in plain words, available credit. */
import type { AccountView } from '../../../shared/ipc/channels/customers';
import { formatCents, useI18n } from '../../i18n/i18n';

export function AccountCard(props: {
  account: AccountView;
  onPurchase?: () => void;
  /** Managers only: Quebec's 2-day cancellation of this account's contract. */
  onCancelQuebec?: () => void;
}) {
  const { t, locale } = useI18n();
  const { account } = props;
  const name = [account.firstName, account.lastName].filter(Boolean).join(' ');
  return (
    <li className={`account-card status-${account.status}`} data-testid="account-card">
      {name ? <h3>{name}</h3> : null}
      <p className="card-number">{t('account.card', { card: account.cardMasked })}</p>
      <p className="status">{t(`status.${account.status}`)}</p>
      {account.availableCreditCents !== undefined ? (
        <p>{t('account.available', { amount: formatCents(account.availableCreditCents, locale) })}</p>
      ) : null}
      {account.accountType ? <p>{t(`account.type.${account.accountType}`)}</p> : null}
      {/* The cashier knows before starting: the customer's screens will be in this language. */}
      {account.preferredLanguage ? (
        <p data-testid="account-language">
          {t('customerLanguage.prefers', { language: t(`customerLanguage.${account.preferredLanguage}`) })}
        </p>
      ) : null}
      {props.onPurchase && account.canPurchase ? (
        <button
          type="button"
          className="primary"
          onClick={props.onPurchase}
          aria-label={t('lookup.purchaseLabel', { card: account.cardMasked })}
          data-testid="start-purchase"
        >
          {t('lookup.purchase')}
        </button>
      ) : null}
      {props.onPurchase && !account.canPurchase ? (
        <p className="hint" data-testid="no-purchase">
          {t('lookup.cannotPurchase')}
        </p>
      ) : null}
      {/* A closed, charged-off or frozen account has no contract left to cancel at the till. */}
      {props.onCancelQuebec && (account.status === 'normal' || account.status === 'auth_prohibited') ? (
        <button type="button" onClick={props.onCancelQuebec} data-testid="cancel-quebec">
          {t('quebec.start')}
        </button>
      ) : null}
    </li>
  );
}
