/**
 * Print and "Save as PDF" for a receipt document. Printing shows only this receipt on paper (the
 * rest of the screen is hidden while it prints); the PDF is built on demand, with progress shown
 * and a plain-words message if it fails.
 */
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { Progress } from '../components/Progress';
import type { ReceiptDocument } from './receipt-document';
import { savePdf } from './save-pdf';

type PdfState =
  { kind: 'idle' } | { kind: 'building' } | { kind: 'saved'; file: string } | { kind: 'failed' };

/** Marks the page so print styles show only this receipt, then prints. */
export function printReceipt(receiptId: string): void {
  const root = document.documentElement;
  const target = document.getElementById(receiptId);
  root.dataset.printReceipt = receiptId;
  target?.classList.add('print-target');
  const clear = () => {
    delete root.dataset.printReceipt;
    target?.classList.remove('print-target');
    window.removeEventListener('afterprint', clear);
  };
  window.addEventListener('afterprint', clear);
  window.print();
}

export function ReceiptActions(props: {
  document: ReceiptDocument | undefined;
  /** The id of the element that holds the receipt, for print. */
  receiptId: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [pdf, setPdf] = useState<PdfState>({ kind: 'idle' });
  const receipt = props.document;

  async function save() {
    if (!receipt) return;
    setPdf({ kind: 'building' });
    try {
      const { receiptPdf, receiptFileName } = await import('./receipt-pdf');
      const first = receipt.sections[0];
      const bytes = await receiptPdf(receipt, { title: first?.heading ?? 'Flexiti' });
      const file = receiptFileName(receipt);
      savePdf(bytes, file);
      setPdf({ kind: 'saved', file });
    } catch {
      setPdf({ kind: 'failed' });
    }
  }

  return (
    <>
      <div className="actions no-print">
        <button
          type="button"
          className="primary"
          onClick={() => printReceipt(props.receiptId)}
          disabled={!receipt}
          data-testid="receipt-print"
        >
          {t('receipt.print')}
        </button>
        <button
          type="button"
          onClick={() => void save()}
          disabled={!receipt || pdf.kind === 'building'}
          data-testid="receipt-save-pdf"
        >
          {t('receiptDoc.savePdf')}
        </button>
        {props.children}
      </div>
      <div className="no-print">
        {pdf.kind === 'building' ? <Progress label={t('receiptDoc.savingPdf')} /> : null}
        {pdf.kind === 'saved' ? (
          <p role="status" className="success" data-testid="receipt-pdf-saved">
            {t('receiptDoc.pdfSaved', { file: pdf.file })}
          </p>
        ) : null}
        {pdf.kind === 'failed' ? (
          <div className="error-notice" role="alert" data-testid="receipt-pdf-failed">
            <p>{t('receiptDoc.pdfFailed')}</p>
          </div>
        ) : null}
      </div>
    </>
  );
}
