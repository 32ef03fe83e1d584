/**
 * The customer's receipt after a return, refund or release, from the `receipt` main returns with
 * the operation. It shows the account's last 4 digits only; a refund's reason is never on it.
 */
import type { OperationReceipt } from '../../shared/ipc/channels/returns';
import { formatCents, translator, type Locale } from '../i18n/i18n';
import {
  formatReceiptTime,
  itemsTableOf,
  rowCollector,
  type ReceiptDocument,
  type ReceiptDocumentSection,
} from './receipt-document';

function section(receipt: OperationReceipt, language: Locale, demo: boolean): ReceiptDocumentSection {
  const t = translator(language);
  const money = (cents: number) => formatCents(cents, language);
  const { rows, add } = rowCollector();
  add('date', t('receipt.date'), formatReceiptTime(receipt.at, language));
  add('store', t('receipt.store'), `${receipt.locationId} (${receipt.storeProvince})`);
  add('register', t('receipt.register'), receipt.registerId);
  add('employee', t('receipt.employee'), receipt.employeeId);
  add('approver', t('receiptDoc.approver'), receipt.approverId);
  add('account', t('receiptDoc.account'), receipt.accountLast4 ? `•••• ${receipt.accountLast4}` : undefined);
  add('authorizationId', t('result.authorizationId'), receipt.authorizationId);
  add('orderReference', t('receipt.orderReference'), receipt.orderReference);
  add('returnId', t('receiptDoc.returnId'), receipt.returnId);
  add('captureId', t('receiptDoc.captureId'), receipt.captureId);
  add('amount', t(`receiptDoc.amount.${receipt.kind}`), money(receipt.amountCents));
  if (receipt.remainingCaptureCents !== undefined) {
    add('remainingCapture', t('receiptDoc.remainingCapture'), money(receipt.remainingCaptureCents));
  }
  if (receipt.sale) {
    if (receipt.sale.heldCents > 0) add('held', t('result.remaining'), money(receipt.sale.heldCents));
    add('charged', t('receiptDoc.charged'), money(receipt.sale.chargedCents));
  }
  add('reference', t('receipt.reference'), receipt.referenceId);
  const items = itemsTableOf(receipt.lineItems, language, t('receiptDoc.itemsReturned'));
  return {
    language,
    heading: t(`receiptDoc.heading.${receipt.kind}`),
    ...(demo ? { demoMarker: t('receipt.demo') } : {}),
    rows,
    ...(items ? { items } : {}),
    notes: [t(`receiptDoc.note.${receipt.kind}`)],
  };
}

export function operationReceiptDocument(
  receipt: OperationReceipt,
  options: { demo: boolean },
): ReceiptDocument {
  return {
    kind: receipt.kind,
    ...(receipt.authorizationId ? { authorizationId: receipt.authorizationId } : {}),
    sections: receipt.languages.map((language) => section(receipt, language, options.demo)),
  };
}
