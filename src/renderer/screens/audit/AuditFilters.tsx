/**
 * The audit trail's filters as staff type them (days, employee, action, last 4), turned into the
 * channel's filters only when every value is valid.
 */
import { useState, type FormEvent } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { endOfLocalDay, isLocalDay, startOfLocalDay } from '../../local-day';
import { AUDIT_ACTIONS } from './audit-actions';

export type AuditFilter = RequestOf<'audit.csv'>;

export function AuditFilters(props: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [employee, setEmployee] = useState('');
  const [action, setAction] = useState('');
  const [last4, setLast4] = useState('');
  const [problem, setProblem] = useState<'date' | 'last4' | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if ((from.trim() && !isLocalDay(from)) || (to.trim() && !isLocalDay(to))) return setProblem('date');
    if (last4.trim() && !/^\d{4}$/.test(last4.trim())) return setProblem('last4');
    setProblem(null);
    const filter: AuditFilter = {};
    const start = from.trim() ? startOfLocalDay(from) : null;
    const end = to.trim() ? endOfLocalDay(to) : null;
    if (start) filter.from = start;
    if (end) filter.to = end;
    if (employee.trim()) filter.actorId = employee.trim();
    const chosen = AUDIT_ACTIONS.find((candidate) => candidate === action);
    if (chosen) filter.action = chosen;
    if (last4.trim()) filter.accountLast4 = last4.trim();
    props.onApply(filter);
  }

  return (
    <form onSubmit={submit} className="filters no-print" data-testid="audit-filters">
      <Field label={t('common.from')} value={from} onChange={(e) => setFrom(e.target.value)} name="from" />
      <Field label={t('common.to')} value={to} onChange={(e) => setTo(e.target.value)} name="to" />
      <Field
        label={t('common.employee')}
        value={employee}
        onChange={(e) => setEmployee(e.target.value)}
        maxLength={50}
        name="employee"
      />
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
      <Field
        label={t('common.last4')}
        value={last4}
        onChange={(e) => setLast4(e.target.value)}
        inputMode="numeric"
        maxLength={4}
        name="last4"
      />
      <button type="submit" data-testid="audit-search">
        {t('common.search')}
      </button>
      {problem ? (
        <p className="field-error" role="alert">
          {t(problem === 'date' ? 'common.dateInvalid' : 'common.last4Invalid')}
        </p>
      ) : null}
    </form>
  );
}
