/** The manager's menu; App shows it only to a signed-in manager. */
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

export const MANAGER_VIEWS = [
  'customers',
  'settings',
  'inDoubt',
  'endOfDay',
  'audit',
  'sales',
  'staff',
] as const;
export type ManagerView = (typeof MANAGER_VIEWS)[number];

const LABELS: Record<ManagerView, MessageKey> = {
  customers: 'nav.customers',
  settings: 'nav.settings',
  inDoubt: 'nav.inDoubt',
  endOfDay: 'nav.endOfDay',
  audit: 'nav.audit',
  sales: 'nav.sales',
  staff: 'nav.staff',
};

export function ManagerNav(props: {
  current: ManagerView;
  inDoubtCount: number;
  onChoose: (view: ManagerView) => void;
}) {
  const { t } = useI18n();
  return (
    <nav className="manager-nav no-print" aria-label={t('nav.label')} data-testid="manager-nav">
      {MANAGER_VIEWS.map((view) => (
        <button
          key={view}
          type="button"
          aria-current={props.current === view ? 'page' : undefined}
          onClick={() => props.onChoose(view)}
          data-testid={`nav-${view}`}
        >
          {t(LABELS[view])}
          {view === 'inDoubt' && props.inDoubtCount > 0 ? (
            <span className="count-badge">{props.inDoubtCount}</span>
          ) : null}
        </button>
      ))}
    </nav>
  );
}
