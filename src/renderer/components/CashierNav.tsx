/** A cashier's menu: customers, and returns (each return needs a manager's approval). */
import { useI18n } from '../i18n/i18n';

export type CashierView = 'customers' | 'sales';

export function CashierNav(props: { current: CashierView; onChoose: (view: CashierView) => void }) {
  const { t } = useI18n();
  return (
    <nav className="manager-nav no-print" aria-label={t('nav.cashierLabel')} data-testid="cashier-nav">
      <button
        type="button"
        aria-current={props.current === 'customers' ? 'page' : undefined}
        onClick={() => props.onChoose('customers')}
        data-testid="nav-customers"
      >
        {t('nav.customers')}
      </button>
      <button
        type="button"
        aria-current={props.current === 'sales' ? 'page' : undefined}
        onClick={() => props.onChoose('sales')}
        data-testid="nav-returns"
      >
        {t('nav.returns')}
      </button>
    </nav>
  );
}
