/** How a manager finds a sale: order reference (or its beginning), days, register, employee, last 4. */
import { useState, type FormEvent } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { endOfLocalDay, isLocalDay, startOfLocalDay } from '../../local-day';

export type SalesFilter = Omit<RequestOf<'sales.search'>, 'page' | 'pageSize'>;

export function SalesFilters(props: { onApply: (filter: SalesFilter) => void }) {
  const { t } = useI18n();
  const [reference, setReference] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [register, setRegister] = useState('');
  const [employee, setEmployee] = useState('');
  const [last4, setLast4] = useState('');
  const [problem, setProblem] = useState<'date' | 'last4' | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if ((from.trim() && !isLocalDay(from)) || (to.trim() && !isLocalDay(to))) return setProblem('date');
    if (last4.trim() && !/^\d{4}$/.test(last4.trim())) return setProblem('last4');
    setProblem(null);
    const filter: SalesFilter = {};
    const start = from.trim() ? startOfLocalDay(from) : null;
    const end = to.trim() ? endOfLocalDay(to) : null;
    if (reference.trim()) filter.referencePrefix = reference.trim();
    if (start) filter.from = start;
    if (end) filter.to = end;
    if (register.trim()) filter.registerId = register.trim();
    if (employee.trim()) filter.employeeId = employee.trim();
    if (last4.trim()) filter.accountLast4 = last4.trim();
    props.onApply(filter);
  }

  return (
    <form onSubmit={submit} className="filters no-print" data-testid="sales-filters">
      <Field
        label={t('sales.reference')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        maxLength={40}
        name="reference"
      />
      <Field label={t('common.from')} value={from} onChange={(e) => setFrom(e.target.value)} name="from" />
      <Field label={t('common.to')} value={to} onChange={(e) => setTo(e.target.value)} name="to" />
      <Field
        label={t('common.register')}
        value={register}
        onChange={(e) => setRegister(e.target.value)}
        maxLength={50}
        name="register"
      />
      <Field
        label={t('common.employee')}
        value={employee}
        onChange={(e) => setEmployee(e.target.value)}
        maxLength={50}
        name="employee"
      />
      <Field
        label={t('common.last4')}
        value={last4}
        onChange={(e) => setLast4(e.target.value)}
        inputMode="numeric"
        maxLength={4}
        name="last4"
      />
      <button type="submit" data-testid="sales-search">
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
