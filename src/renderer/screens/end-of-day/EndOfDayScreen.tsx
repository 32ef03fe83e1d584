/**
 * End of day: a date (today by default) and optionally a register, the unfinished payments first when
 * there are any, then the totals overall, by employee and by plan. CSV export and print.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CsvExport } from '../../components/CsvExport';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatMoment } from '../../format-moment';
import { useI18n } from '../../i18n/i18n';
import { isLocalDay, todayLocal } from '../../local-day';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap } from '../../use-pos-mutation';
import { InDoubtList } from '../in-doubt/InDoubtList';
import { CloseDay } from './CloseDay';
import { TotalsTable } from './TotalsTable';

interface Choice {
  date: string;
  registerId?: string;
}

export function EndOfDayScreen() {
  const { t, locale } = useI18n();
  const [date, setDate] = useState(todayLocal);
  const [register, setRegister] = useState('');
  const [dateInvalid, setDateInvalid] = useState(false);
  const [choice, setChoice] = useState<Choice>(() => ({ date: todayLocal() }));
  const report = useQuery({
    queryKey: ['reports.endOfDay', choice],
    queryFn: () => unwrap(pos.reports.endOfDay(choice)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isLocalDay(date)) {
      setDateInvalid(true);
      return;
    }
    setDateInvalid(false);
    const registerId = register.trim();
    setChoice(registerId ? { date: date.trim(), registerId } : { date: date.trim() });
  }

  const data = report.data?.report;
  // Once shown, the unfinished list stays for this date, so the manager sees what became of each.
  const [inDoubtShownFor, setInDoubtShownFor] = useState<Choice | null>(null);
  if (data && data.inDoubt.length > 0 && inDoubtShownFor !== choice) setInDoubtShownFor(choice);
  const showInDoubt = data !== undefined && (data.inDoubt.length > 0 || inDoubtShownFor === choice);
  return (
    <main className="screen" data-screen="end-of-day">
      <ScreenHeading testId="eod-heading">{t('eod.title')}</ScreenHeading>
      <form onSubmit={submit} className="filters no-print">
        <Field
          label={t('eod.date')}
          value={date}
          onChange={(event) => setDate(event.target.value)}
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          name="date"
          aria-invalid={dateInvalid ? true : undefined}
        />
        <Field
          label={t('eod.register')}
          value={register}
          onChange={(event) => setRegister(event.target.value)}
          maxLength={50}
          name="registerId"
        />
        <button type="submit" data-testid="eod-show">
          {t('eod.show')}
        </button>
      </form>
      {dateInvalid ? (
        <p className="field-error" role="alert">
          {t('common.dateInvalid')}
        </p>
      ) : null}
      <ErrorNotice error={appErrorOf(report.error)} />
      {data ? (
        <>
          {showInDoubt ? (
            <div
              className={data.inDoubt.length > 0 ? 'attention' : 'attention resolved'}
              data-testid="eod-in-doubt"
            >
              <p>
                <strong>{data.inDoubt.length > 0 ? t('eod.inDoubtFirst') : t('eod.inDoubtSettled')}</strong>
              </p>
              <InDoubtList onChecked={() => void report.refetch()} />
            </div>
          ) : null}
          <p className="report-meta">
            {t('eod.generated', { at: formatMoment(data.generatedAt, locale), zone: data.timeZone })}
            {data.registerId ? ` · ${t('common.register')} ${data.registerId}` : ''}
          </p>
          {data.closed ? (
            <p className="success" data-testid="eod-closed">
              {t('eod.closed', {
                at: formatMoment(data.closed.closedAt, locale),
                manager: data.closed.managerId,
              })}
            </p>
          ) : null}
          <TotalsTable caption={t('eod.overall')} totals={data.overall} testId="eod-overall" />
          {data.byEmployee.length === 0 ? <p>{t('eod.nothing')}</p> : null}
          {data.byEmployee.length > 0 ? (
            <section aria-labelledby="eod-by-employee">
              <h2 id="eod-by-employee">{t('eod.byEmployee')}</h2>
              {data.byEmployee.map((row) => (
                <TotalsTable
                  key={row.employeeId}
                  caption={t('eod.employee', { id: row.employeeId })}
                  totals={row.totals}
                  testId={`eod-employee-${row.employeeId}`}
                />
              ))}
            </section>
          ) : null}
          {data.byPlan.length > 0 ? (
            <section aria-labelledby="eod-by-plan">
              <h2 id="eod-by-plan">{t('eod.byPlan')}</h2>
              {data.byPlan.map((row) => (
                <TotalsTable
                  key={`${row.transactionType ?? ''}-${row.planId ?? ''}`}
                  caption={planCaption(row, t)}
                  totals={row.totals}
                  testId={`eod-plan-${row.planId ?? 'none'}`}
                />
              ))}
            </section>
          ) : null}
          <div className="actions no-print">
            <CsvExport
              fileName={`end-of-day-${choice.date}${choice.registerId ? `-${choice.registerId}` : ''}.csv`}
              load={() => pos.reports.endOfDayCsv(choice)}
            />
            <button type="button" onClick={() => window.print()} data-testid="print">
              {t('common.print')}
            </button>
          </div>
          {data.closed ? null : (
            <CloseDay
              date={choice.date}
              {...(choice.registerId ? { registerId: choice.registerId } : {})}
              onClosed={() => void report.refetch()}
            />
          )}
        </>
      ) : report.isPending ? (
        <p>{t('common.loading')}</p>
      ) : null}
    </main>
  );
}

function planCaption(
  row: {
    transactionType: 'promotional_purchase' | 'regular_purchase' | null;
    planId: number | null;
    planName: string | null;
  },
  t: ReturnType<typeof useI18n>['t'],
): string {
  if (row.transactionType === 'regular_purchase') return t('eod.planRegular');
  if (row.planId === null) return t('eod.planUnknown');
  if (!row.planName) return t('plans.planNumber', { id: String(row.planId) });
  return t('eod.plan', { id: String(row.planId), name: row.planName });
}
