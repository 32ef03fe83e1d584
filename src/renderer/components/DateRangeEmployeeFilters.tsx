/**
 * The filter form the audit trail and the sale search share: days from and to (local days, turned
 * into the start and end instants), employee ID and account last 4, checked before anything is
 * applied. Each screen adds its own fields: `leading` before the days, `children` before the last 4.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { endOfLocalDay, isLocalDay, startOfLocalDay } from '../local-day';
import { Field } from './Field';

/** The shared part of a filter: ISO instants, trimmed ids; absent when left empty. */
export interface DateRangeEmployeeFilter {
  from?: string;
  to?: string;
  employeeId?: string;
  accountLast4?: string;
}

export type FilterProblem = 'date' | 'last4';

export interface FilterTexts {
  from: string;
  to: string;
  employee: string;
  last4: string;
}

/** The typed values to a filter, or the first problem found. */
export function readDateRangeEmployee(
  texts: FilterTexts,
): { ok: true; filter: DateRangeEmployeeFilter } | { ok: false; problem: FilterProblem } {
  const from = texts.from.trim();
  const to = texts.to.trim();
  const employee = texts.employee.trim();
  const last4 = texts.last4.trim();
  if ((from && !isLocalDay(from)) || (to && !isLocalDay(to))) return { ok: false, problem: 'date' };
  if (last4 && !/^\d{4}$/.test(last4)) return { ok: false, problem: 'last4' };
  const filter: DateRangeEmployeeFilter = {};
  const start = from ? startOfLocalDay(from) : null;
  const end = to ? endOfLocalDay(to) : null;
  if (start) filter.from = start;
  if (end) filter.to = end;
  if (employee) filter.employeeId = employee;
  if (last4) filter.accountLast4 = last4;
  return { ok: true, filter };
}

export function DateRangeEmployeeFilters(props: {
  onApply: (filter: DateRangeEmployeeFilter) => void;
  /** Fields before the days (the sale search's order reference). */
  leading?: ReactNode;
  /** Fields between the employee and the last 4 (the audit action, the register). */
  children?: ReactNode;
  testId: string;
  searchTestId: string;
}) {
  const { t } = useI18n();
  const [texts, setTexts] = useState<FilterTexts>({ from: '', to: '', employee: '', last4: '' });
  const [problem, setProblem] = useState<FilterProblem | null>(null);
  const set = (name: keyof FilterTexts) => (event: { target: { value: string } }) =>
    setTexts((current) => ({ ...current, [name]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readDateRangeEmployee(texts);
    if (!read.ok) return setProblem(read.problem);
    setProblem(null);
    props.onApply(read.filter);
  }

  return (
    <form onSubmit={submit} className="filters no-print" data-testid={props.testId}>
      {props.leading}
      <Field label={t('common.from')} value={texts.from} onChange={set('from')} name="from" />
      <Field label={t('common.to')} value={texts.to} onChange={set('to')} name="to" />
      <Field
        label={t('common.employee')}
        value={texts.employee}
        onChange={set('employee')}
        maxLength={50}
        name="employee"
      />
      {props.children}
      <Field
        label={t('common.last4')}
        value={texts.last4}
        onChange={set('last4')}
        inputMode="numeric"
        maxLength={4}
        name="last4"
      />
      <button type="submit" data-testid={props.searchTestId}>
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
