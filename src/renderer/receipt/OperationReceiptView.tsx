/**
 * The customer's receipt after a return, refund or release, with Print and Save as PDF. It stays
 * on screen after the form that made it has gone (a full return leaves nothing more to return).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { OperationReceipt } from '../../shared/ipc/channels/returns';
import { useI18n } from '../i18n/i18n';
import { operationReceiptDocument } from './operation-receipt-document';
import { ReceiptActions } from './ReceiptActions';
import { ReceiptDocumentView } from './ReceiptDocumentView';
import { useDemoMode } from './use-demo-mode';

export function OperationReceiptView(props: { receipt: OperationReceipt; onClose: () => void }) {
  const { t } = useI18n();
  const demo = useDemoMode();
  const document = useMemo(() => operationReceiptDocument(props.receipt, { demo }), [props.receipt, demo]);
  const receiptId = `operation-receipt-${props.receipt.kind}-${props.receipt.returnId ?? props.receipt.at}`;
  const headingId = `${receiptId}-title`;
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that made it may have gone (nothing left to return): focus lands on the receipt.
  useEffect(() => heading.current?.focus(), [props.receipt]);
  return (
    <section
      className="panel customer-receipt"
      aria-labelledby={headingId}
      data-testid="operation-receipt"
      data-kind={props.receipt.kind}
    >
      <h3 id={headingId} className="no-print" tabIndex={-1} ref={heading}>
        {t('receiptDoc.customerReceipt')}
      </h3>
      <ReceiptDocumentView document={document} id={receiptId} label={t('receiptDoc.customerReceipt')} />
      <ReceiptActions document={document} receiptId={receiptId}>
        <button type="button" onClick={props.onClose} data-testid="operation-receipt-close">
          {t('sale.close')}
        </button>
      </ReceiptActions>
    </section>
  );
}
