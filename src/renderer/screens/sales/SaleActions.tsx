/**
 * A sale's after-sale actions for a manager: the sale as Flexiti now sees it (with its returns and
 * refunds), then a return per capture, a release of what is still held, or a refund.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OperationReceipt, SaleDetail } from '../../../shared/ipc/channels/returns';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { formatMoment } from '../../format-moment';
import { formatCents, useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { OperationReceiptView } from '../../receipt/OperationReceiptView';
import { appErrorOf, unwrap } from '../../use-pos-mutation';
import { useSessionRole } from '../../use-session-role';
import { RefundForm } from './RefundForm';
import { ReleaseForm } from './ReleaseForm';
import { ReturnForm } from './ReturnForm';

export function SaleActions(props: { authorizationId: string }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  // A cashier only starts returns, each with a manager's approval; releases and refunds stay with managers.
  const isManager = useSessionRole() === 'manager';
  const key = ['sales.get', props.authorizationId];
  const detail = useQuery({
    queryKey: key,
    queryFn: () => unwrap(pos.sales.get({ authorizationId: props.authorizationId })),
  });
  // The customer's receipt of the last operation: it outlives the form that made it.
  const [receipt, setReceipt] = useState<OperationReceipt | null>(null);
  const updated = (sale: SaleDetail, made: OperationReceipt) => {
    setReceipt(made);
    queryClient.setQueryData(key, { sale, refreshed: true });
    void queryClient.invalidateQueries({ queryKey: ['sales.search'] });
  };

  if (detail.isPending) return <Progress label={t('sale.loading')} />;
  if (!detail.data) return <ErrorNotice error={appErrorOf(detail.error)} />;
  const { sale, refreshed } = detail.data;
  const money = (cents: number) => formatCents(cents, locale);

  return (
    <div className="sale-actions" data-testid="sale-actions">
      {!refreshed ? <p className="notice">{t('sale.notRefreshed')}</p> : null}
      {receipt ? <OperationReceiptView receipt={receipt} onClose={() => setReceipt(null)} /> : null}
      {sale.returns.length > 0 ? (
        <>
          <h3>{t('sale.returns')}</h3>
          <ul className="operations" data-testid="sale-returns">
            {sale.returns.map((item) => (
              <li key={item.returnId}>
                {t('sale.return', {
                  id: item.returnId,
                  amount: money(item.amountCents),
                  at: formatMoment(item.at, locale),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sale.refunds.length > 0 ? (
        <>
          <h3>{t('sale.refunds')}</h3>
          <ul className="operations" data-testid="sale-refunds">
            {sale.refunds.map((item) => (
              <li key={`${item.at}-${item.amountCents}`}>
                {t('sale.refund', { amount: money(item.amountCents), at: formatMoment(item.at, locale) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sale.captures
        .filter((capture) => capture.remainingCents > 0)
        .map((capture) => (
          <ReturnForm
            key={capture.captureId}
            authorizationId={sale.authorizationId}
            capture={capture}
            saleItems={sale.lineItems}
            returnedItems={sale.returnedLineItems}
            needsApproval={!isManager}
            onDone={updated}
          />
        ))}
      {isManager && sale.state === 'opened' && sale.remainingToCaptureCents > 0 ? (
        <ReleaseForm sale={sale} onDone={updated} />
      ) : null}
      {isManager && sale.capturedCents > 0 ? <RefundForm sale={sale} onDone={updated} /> : null}
    </div>
  );
}
