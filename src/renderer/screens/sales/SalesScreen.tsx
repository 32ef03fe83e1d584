/** Find a sale: search this terminal's sales ledger and see what became of each sale. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Pager } from '../../components/Pager';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap } from '../../use-pos-mutation';
import { SaleCard } from './SaleCard';
import { SalesFilters, type SalesFilter } from './SalesFilters';

const PAGE_SIZE = 10;

export function SalesScreen() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<SalesFilter>({});
  const [page, setPage] = useState(1);
  const sales = useQuery({
    queryKey: ['sales.search', filter, page],
    queryFn: () => unwrap(pos.sales.search({ ...filter, page, pageSize: PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });

  return (
    <main className="screen" data-screen="sales">
      <ScreenHeading testId="sales-heading">{t('sales.title')}</ScreenHeading>
      <SalesFilters
        onApply={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      <ErrorNotice error={appErrorOf(sales.error)} />
      {sales.data ? (
        sales.data.sales.length === 0 ? (
          <p data-testid="sales-empty">{t('sales.empty')}</p>
        ) : (
          <>
            <div className="sales-list">
              {sales.data.sales.map((sale) => (
                <SaleCard key={sale.authorizationId} sale={sale} />
              ))}
            </div>
            <Pager
              page={sales.data.page}
              pageSize={sales.data.pageSize}
              total={sales.data.total}
              onPage={setPage}
            />
          </>
        )
      ) : sales.isPending ? (
        <p>{t('common.loading')}</p>
      ) : null}
    </main>
  );
}
