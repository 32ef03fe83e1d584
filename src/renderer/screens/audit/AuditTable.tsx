/** One page of audit records: when, who, what, outcome, card (last 4), amount and reference. */
import { TableScroll } from '../../components/TableScroll';
import type { AuditRowView } from '../../../shared/ipc/channels/reports';
import { formatMoment } from '../../format-moment';
import { formatCents, useI18n } from '../../i18n/i18n';

export function AuditTable(props: { rows: readonly AuditRowView[] }) {
  const { t, locale } = useI18n();
  return (
    <TableScroll label={t('audit.title')}>
      <table data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.card')}</th>
            <th scope="col">{t('audit.amount')}</th>
            <th scope="col">{t('audit.reference')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.seq} data-testid="audit-row" data-action={row.action} data-actor={row.actorId}>
              <td>{row.seq}</td>
              <td>{formatMoment(row.at, locale)}</td>
              <td>
                {row.actorId} ({t(`role.${row.actorRole}`)}){row.approverId ? ` / ${row.approverId}` : ''}
              </td>
              <td>{t(`audit.action.${row.action}`)}</td>
              <td>{t(`audit.outcome.${row.outcome}`)}</td>
              <td>{row.accountLast4 ? `•••• ${row.accountLast4}` : ''}</td>
              <td className="money">
                {row.amountCents === null ? '' : formatCents(row.amountCents, locale)}
              </td>
              <td>{row.reference ?? row.authorizationId ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
