/** Previous / next page for a paged list, with where we are in words. */
import { useI18n } from '../i18n/i18n';

export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <nav
      className="pager no-print"
      aria-label={t('common.pageOf', pageValues(props.page, pages, props.total))}
    >
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', pageValues(props.page, pages, props.total))}</span>
      <button type="button" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

function pageValues(page: number, pages: number, total: number) {
  return { page: String(page), pages: String(pages), total: String(total) };
}
