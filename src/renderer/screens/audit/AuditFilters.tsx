/**
 * The audit trail's filters as staff type them (days, employee, action, last 4), turned into the
 * channel's filters only when every value is valid (the shared date-range and employee form).
 */
import { useState } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import { DateRangeEmployeeFilters } from '../../components/DateRangeEmployeeFilters';
import { useI18n } from '../../i18n/i18n';
import { AUDIT_ACTIONS } from '../../../shared/ipc/channels/reports';

export type AuditFilter = RequestOf<'audit.csv'>;

export function AuditFilters(props: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const [action, setAction] = useState('');

  return (
    <DateRangeEmployeeFilters
      testId="audit-filters"
      searchTestId="audit-search"
      onApply={({ employeeId, ...common }) => {
        const filter: AuditFilter = { ...common };
        // The audit trail calls the employee the actor.
        if (employeeId) filter.actorId = employeeId;
        const chosen = AUDIT_ACTIONS.find((candidate) => candidate === action);
        if (chosen) filter.action = chosen;
        props.onApply(filter);
      }}
    >
      <div className="field">
        <label htmlFor="audit-action">{t('audit.action')}</label>
        <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {AUDIT_ACTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`audit.action.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </DateRangeEmployeeFilters>
  );
}
