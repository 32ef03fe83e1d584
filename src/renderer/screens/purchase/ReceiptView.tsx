/**
 * The receipt from purchase.receipt, in the languages and order the data gives (French first for
 * Quebec). The screen, the printed page and the PDF all draw the same receipt document; only the
 * masked card is shown.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { purchaseReceiptDocument } from '../../receipt/purchase-receipt-document';
import { ReceiptActions } from '../../receipt/ReceiptActions';
import { ReceiptDocumentView } from '../../receipt/ReceiptDocumentView';
import { useDemoMode } from '../../receipt/use-demo-mode';
import { appErrorOf, unwrap } from '../../use-pos-mutation';

export function ReceiptView(props: {
  authorizationId: string;
  demo: boolean;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const receipt = useQuery({
    queryKey: ['purchase.receipt', props.authorizationId],
    queryFn: () => unwrap(pos.purchase.receipt({ authorizationId: props.authorizationId })),
  });
  const data = receipt.data?.receipt;
  // Demo mode, training or merchant integration: no real money, and the receipt says so.
  const demo = useDemoMode() || props.demo;
  const document = useMemo(() => (data ? purchaseReceiptDocument(data, { demo }) : undefined), [data, demo]);
  const receiptId = `receipt-${props.authorizationId}`;

  return (
    <main className="screen narrow" data-screen="receipt">
      <div className="screen-head no-print">
        <ScreenHeading>{t('receipt.title')}</ScreenHeading>
        <button type="button" onClick={props.onBack}>
          {t('purchase.back')}
        </button>
      </div>
      {receipt.isPending ? <Progress label={t('receipt.loading')} /> : null}
      <ErrorNotice error={appErrorOf(receipt.error)} />
      {document ? (
        <ReceiptDocumentView document={document} id={receiptId} label={t('receipt.title')} />
      ) : null}
      <ReceiptActions document={document} receiptId={receiptId}>
        <button type="button" onClick={props.onDone}>
          {t('result.done')}
        </button>
      </ReceiptActions>
    </main>
  );
}
