/** The audit trail: filters, paging, integrity check and CSV export. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CsvExport } from '../../components/CsvExport';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Pager } from '../../components/Pager';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap } from '../../use-pos-mutation';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyIntegrity } from './VerifyIntegrity';

const PAGE_SIZE = 25;

export function AuditScreen() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const rows = useQuery({
    queryKey: ['audit.query', filter, page],
    queryFn: () => unwrap(pos.audit.query({ ...filter, page, pageSize: PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });

  return (
    <main className="screen wide" data-screen="audit">
      <ScreenHeading testId="audit-heading">{t('audit.title')}</ScreenHeading>
      <AuditFilters
        onApply={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      <div className="actions no-print">
        <VerifyIntegrity />
        <CsvExport fileName="audit-trail.csv" load={() => pos.audit.csv(filter)} />
      </div>
      <ErrorNotice error={appErrorOf(rows.error)} />
      {rows.data ? (
        rows.data.rows.length === 0 ? (
          <p>{t('audit.empty')}</p>
        ) : (
          <>
            <AuditTable rows={rows.data.rows} />
            <Pager
              page={rows.data.page}
              pageSize={rows.data.pageSize}
              total={rows.data.total}
              onPage={setPage}
            />
          </>
        )
      ) : rows.isPending ? (
        <p>{t('common.loading')}</p>
      ) : null}
    </main>
  );
}
