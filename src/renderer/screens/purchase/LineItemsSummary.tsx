/**
 * The line items as they will be sent, read back before the money moves: in the customer's language,
 * like the rest of the summary the customer agrees to.
 */
import { TableScroll } from '../../components/TableScroll';
import { useCustomerI18n } from '../../i18n/customer-language';
import { formatCents } from '../../i18n/i18n';
import { lineItemsTotal, type LineItem } from './line-items';

export function LineItemsSummary(props: { items: readonly LineItem[] }) {
  const { t, locale, lang } = useCustomerI18n();
  if (props.items.length === 0) return null;
  return (
    <TableScroll label={t('lineItems.tableCaption')}>
      <table className="line-items-table" data-testid="line-items-summary" lang={lang}>
        <caption>{t('lineItems.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lineItems.column.item')}</th>
            <th scope="col">{t('lineItems.column.quantity')}</th>
            <th scope="col">{t('lineItems.column.unitPrice')}</th>
            <th scope="col">{t('lineItems.column.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item, index) => (
            <tr key={index}>
              <td>
                <span className="line-item-sku">{item.sku}</span>
                {item.description ? <span className="line-item-description">{item.description}</span> : null}
              </td>
              <td className="count">{item.quantity}</td>
              <td className="money">{formatCents(item.unitPriceCents, locale)}</td>
              <td className="money">{formatCents(item.quantity * item.unitPriceCents, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('lineItems.tableTotal')}
            </th>
            <td className="money">{formatCents(lineItemsTotal(props.items), locale)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
