/** The amount in dollars and cents (parsed strictly to integer cents) and an optional order reference. */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatCents, useI18n } from '../../i18n/i18n';
import { formatAmountInput, parseAmountInput } from '../../money-input';
import { checkLineItems, type LineItem, type LineItemDraft } from './line-items';
import { LineItemsEditor } from './LineItemsEditor';
import type { PurchaseCustomer } from './purchase-types';

const ORDER_REFERENCE = /^[\x20-\x7E]{1,40}$/;

export function AmountStep(props: {
  customer: PurchaseCustomer;
  amountCents: number | null;
  orderReference: string;
  lineItems: readonly LineItemDraft[];
  onLineItemsChange: (rows: LineItemDraft[]) => void;
  onNext: (amountCents: number, orderReference: string, lineItems: LineItem[]) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [amountText, setAmountText] = useState(() =>
    props.amountCents === null ? '' : formatAmountInput(props.amountCents, locale),
  );
  const [reference, setReference] = useState(props.orderReference);
  const [problem, setProblem] = useState<'amount' | 'reference' | 'items' | null>(null);
  const [itemsRefused, setItemsRefused] = useState(0);
  const { account } = props.customer;
  const name = [account.firstName, account.lastName].filter(Boolean).join(' ');

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = parseAmountInput(amountText, locale);
    if (cents === null) return setProblem('amount');
    const ref = reference.trim();
    if (ref !== '' && !ORDER_REFERENCE.test(ref)) return setProblem('reference');
    const items = checkLineItems(props.lineItems, locale).items;
    if (items === null) {
      setItemsRefused((count) => count + 1);
      return setProblem('items');
    }
    setProblem(null);
    props.onNext(cents, ref, items);
  }

  return (
    <main className="screen narrow" data-screen="amount">
      <ScreenHeading>{t('purchase.amount.title')}</ScreenHeading>
      <p>
        {t('purchase.customer', { name: name || t('purchase.customerUnnamed'), card: account.cardMasked })}
      </p>
      {account.availableCreditCents !== undefined ? (
        <p>{t('account.available', { amount: formatCents(account.availableCreditCents, locale) })}</p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field
          label={t('purchase.amount.label')}
          value={amountText}
          onChange={(e) => setAmountText(e.target.value)}
          required
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={problem === 'amount'}
          aria-describedby="amount-hint"
        />
        <p id="amount-hint" className="hint">
          {t('purchase.amount.hint')}
        </p>
        <Field
          label={t('purchase.amount.orderReference')}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          name="orderReference"
          maxLength={40}
          autoComplete="off"
          aria-invalid={problem === 'reference'}
        />
        <LineItemsEditor
          rows={props.lineItems}
          onChange={(rows) => {
            props.onLineItemsChange(rows);
            if (problem === 'items') setProblem(null);
          }}
          amountCents={parseAmountInput(amountText, locale)}
          onUseTotal={(cents) => setAmountText(formatAmountInput(cents, locale))}
          reveal={itemsRefused}
        />
        {problem ? (
          <p role="alert" className="error-notice">
            {t(
              problem === 'amount'
                ? 'purchase.amount.invalid'
                : problem === 'items'
                  ? 'lineItems.invalid'
                  : 'purchase.amount.referenceInvalid',
            )}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" onClick={props.onCancel}>
            {t('purchase.back')}
          </button>
          <button type="submit" className="primary">
            {t('purchase.amount.next')}
          </button>
        </div>
      </form>
    </main>
  );
}
