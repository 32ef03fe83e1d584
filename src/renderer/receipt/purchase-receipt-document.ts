/**
 * The financed purchase's receipt from `purchase.receipt`: one section per language, in the order
 * main gives (French first for Quebec), with the masked card only and the line items when entered.
 */
import type { Receipt } from '../../shared/ipc/channels/purchase';
import { formatCents, translator, type Locale } from '../i18n/i18n';
import { formatRate } from '../screens/purchase/format-rate';
import { financingMessages } from '../../shared/financing-messages';
import {
  formatReceiptTime,
  rowCollector,
  type ReceiptDocument,
  type ReceiptDocumentSection,
  itemsTableOf,
} from './receipt-document';

function section(receipt: Receipt, language: Locale, demo: boolean): ReceiptDocumentSection {
  const t = translator(language);
  const auth = receipt.authorization;
  const financing = auth.financing;
  const texts = receipt.texts.find((x) => x.language === language);
  const money = (cents: number) => formatCents(cents, language);
  const { rows, add } = rowCollector();
  add('date', t('receipt.date'), formatReceiptTime(auth.date ?? receipt.printedAt, language));
  add('store', t('receipt.store'), `${receipt.locationId} (${receipt.storeProvince})`);
  add('register', t('receipt.register'), receipt.registerId);
  add('employee', t('receipt.employee'), receipt.employeeId);
  add('customer', t('receipt.customer'), receipt.customerName);
  add('card', t('receipt.card'), auth.cardMasked);
  add('transaction', t('receipt.transaction'), texts?.transactionLabel);
  add('plan', t('receipt.plan'), texts?.planLabel ?? financing.planName);
  add(
    'term',
    t('receipt.term'),
    financing.term !== undefined ? t('plans.months', { count: String(financing.term) }) : undefined,
  );
  add(
    'monthly',
    t('plans.monthly'),
    financing.monthlyPaymentCents !== undefined ? money(financing.monthlyPaymentCents) : undefined,
  );
  add(
    'rate',
    t('plans.annualRate'),
    financing.annualRate ? formatRate(financing.annualRate.rate, language) : undefined,
  );
  add('authorized', t('result.authorizedAmount'), money(auth.authorizedCents));
  add('captured', t('result.capturedAmount'), money(auth.capturedCents));
  if (auth.remainingCents > 0) add('remaining', t('result.remaining'), money(auth.remainingCents));
  add('authorizationId', t('result.authorizationId'), auth.authorizationId);
  add('orderReference', t('receipt.orderReference'), auth.orderReference);
  add('reference', t('receipt.reference'), receipt.referenceId);

  // This language's texts from Flexiti when main could ask for them, else the ones the sale came with.
  const notes = [...(texts?.financingMessages ?? financingMessages(financing))];
  // A Quebec account's rate text is the disclosure itself: print it once.
  if (texts?.quebecDisclosure && !notes.includes(texts.quebecDisclosure)) notes.push(texts.quebecDisclosure);

  const items = itemsTableOf(receipt.lineItems, language, t('receiptDoc.items'));
  return {
    language,
    heading: t('receipt.heading'),
    ...(demo ? { demoMarker: t('receipt.demo') } : {}),
    rows,
    ...(items ? { items } : {}),
    notes,
  };
}

export function purchaseReceiptDocument(receipt: Receipt, options: { demo: boolean }): ReceiptDocument {
  return {
    kind: 'purchase',
    authorizationId: receipt.authorization.authorizationId,
    sections: receipt.languages.map((language) => section(receipt, language, options.demo)),
  };
}
