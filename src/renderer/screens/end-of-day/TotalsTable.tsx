/** One set of day totals: count and amount of each kind of money operation, in the screen's language. */
import { TableScroll } from '../../components/TableScroll';
import type { z } from 'zod';
import { DAY_METRICS, type dayTotalsSchema } from '../../../shared/ipc/channels/reports';
import { formatCents, useI18n } from '../../i18n/i18n';

type DayTotals = z.infer<typeof dayTotalsSchema>;

export function TotalsTable(props: { caption: string; totals: DayTotals; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <TableScroll label={props.caption}>
      <table data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('eod.kind')}</th>
            <th scope="col" className="count">
              {t('eod.count')}
            </th>
            <th scope="col" className="money">
              {t('eod.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {DAY_METRICS.map((kind) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">{t(`eod.${kind}`)}</th>
              <td className="count">{props.totals[kind].count}</td>
              <td className="money" data-cents={props.totals[kind].cents}>
                {formatCents(props.totals[kind].cents, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
