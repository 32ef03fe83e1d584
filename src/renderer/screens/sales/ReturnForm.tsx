/**
 * A return on one capture: full or partial. The rules are shown first and checked with
 * `returns.preview` before anything goes to Flexiti; only an allowed preview offers the return.
 * When the sale has line items, the manager may say which came back: they go to Flexiti with the
 * return and on the customer's receipt.
 */
import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { OperationReceipt, SaleDetail } from '../../../shared/ipc/channels/returns';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ManagerApproval } from '../../components/ManagerApproval';
import { Field } from '../../components/Field';
import { Progress } from '../../components/Progress';
import { formatCents, useI18n } from '../../i18n/i18n';
import { formatAmountInput, parseAmountInput } from '../../money-input';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';
import { itemsLeftToReturn } from '../../../shared/returned-items';

type Capture = SaleDetail['captures'][number];
type SaleItem = SaleDetail['lineItems'][number];

export function ReturnForm(props: {
  authorizationId: string;
  capture: Capture;
  /** The sale's line items: the ones the manager may say came back. */
  saleItems?: readonly SaleItem[];
  /** What earlier returns listed: that much less can come back now. */
  returnedItems?: readonly SaleItem[];
  /** A cashier's return goes to Flexiti only with a manager's one-time approval. */
  needsApproval?: boolean;
  /** The sale afterwards, and the customer's receipt. */
  onDone: (sale: SaleDetail, receipt: OperationReceipt) => void;
}) {
  const { t, locale } = useI18n();
  const [full, setFull] = useState(true);
  const [amount, setAmount] = useState('');
  const [amountInvalid, setAmountInvalid] = useState(false);
  const [askingManager, setAskingManager] = useState(false);
  const [preview, setPreview] = useState<ResponseOf<'returns.preview'> | null>(null);
  const check = usePosMutation(pos.returns.preview, { onSuccess: setPreview });
  const captureId = props.capture.captureId;
  const saleItems = props.saleItems ?? [];
  const create = usePosMutation(pos.returns.create, {
    onSuccess: (answer) => {
      // Done: nothing typed for this return stays to be sent again by mistake.
      setFull(true);
      setAmount('');
      setBackCounts(saleItems.map(() => ''));
      props.onDone(answer.sale, answer.receipt);
    },
  });
  const left = itemsLeftToReturn(saleItems, props.returnedItems ?? []);
  /** How many of each sale item come back, as typed; blank or 0 means none. */
  const [backCounts, setBackCounts] = useState<string[]>(() => saleItems.map(() => ''));
  const returnedItems = saleItems.flatMap((item, index) => {
    const quantity = Number.parseInt(backCounts[index] ?? '', 10);
    if (!Number.isInteger(quantity) || quantity <= 0 || (left[index] ?? 0) === 0) return [];
    return [{ ...item, quantity: Math.min(quantity, left[index] ?? 0) }];
  });
  const itemsCents = returnedItems.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);

  function target() {
    if (full) return { authorizationId: props.authorizationId, captureId, full: true };
    const cents = parseAmountInput(amount, locale);
    if (cents === null) return null;
    return { authorizationId: props.authorizationId, captureId, amountCents: cents };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const request = target();
    setPreview(null);
    create.reset();
    if (!request) {
      setAmountInvalid(true);
      return;
    }
    setAmountInvalid(false);
    check.mutate(request);
  }

  const changed = () => {
    setPreview(null);
    create.reset();
  };

  function withItems<T extends object>(request: T): T & { lineItems?: SaleItem[] } {
    return returnedItems.length > 0 ? { ...request, lineItems: returnedItems } : request;
  }

  function takeItemsTotal() {
    if (itemsCents === props.capture.returnableCents) setFull(true);
    else {
      setFull(false);
      setAmount(formatAmountInput(itemsCents, locale));
    }
    changed();
  }

  return (
    <section className="panel" aria-labelledby={`return-${captureId}`} data-testid="return-form">
      <h3 id={`return-${captureId}`}>{t('return.title', { id: captureId })}</h3>
      <p>{t('return.rules')}</p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('return.title', { id: captureId })}</legend>
          <label className="radio">
            <input
              type="radio"
              name={`return-kind-${captureId}`}
              checked={full}
              onChange={() => {
                setFull(true);
                changed();
              }}
            />
            {t('return.full')} ({formatCents(props.capture.returnableCents, locale)})
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`return-kind-${captureId}`}
              checked={!full}
              onChange={() => {
                setFull(false);
                changed();
              }}
            />
            {t('return.partial')}
          </label>
        </fieldset>
        {!full ? (
          <Field
            label={t('return.amount')}
            value={amount}
            inputMode="decimal"
            autoComplete="off"
            onChange={(e) => {
              setAmount(e.target.value);
              changed();
            }}
          />
        ) : null}
        {amountInvalid ? (
          <p className="field-error" role="alert">
            {t('money.invalid')}
          </p>
        ) : null}
        {left.some((n) => n > 0) ? (
          <fieldset className="returned-items" data-testid="return-items">
            <legend>{t('return.items.legend')}</legend>
            {saleItems.map((item, index) =>
              (left[index] ?? 0) === 0 ? null : (
                <Field
                  key={`${item.sku}-${index}`}
                  label={t('return.items.quantity', {
                    item: item.description ? `${item.description} (${item.sku})` : item.sku,
                    left: String(left[index] ?? 0),
                  })}
                  type="number"
                  min={0}
                  max={left[index] ?? 0}
                  step={1}
                  inputMode="numeric"
                  value={backCounts[index] ?? ''}
                  onChange={(e) => {
                    const next = [...backCounts];
                    // No more can come back than are left: the field shows the most there is.
                    const most = left[index] ?? 0;
                    const typed = Number.parseInt(e.target.value, 10);
                    next[index] = typed > most ? String(most) : e.target.value;
                    setBackCounts(next);
                    changed();
                  }}
                />
              ),
            )}
            {returnedItems.length > 0 ? (
              itemsCents > 0 && itemsCents <= props.capture.returnableCents ? (
                <button type="button" onClick={takeItemsTotal} data-testid="return-items-total">
                  {t('return.items.useTotal', { amount: formatCents(itemsCents, locale) })}
                </button>
              ) : itemsCents > props.capture.returnableCents ? (
                <p className="hint-line" role="status">
                  {t('return.items.overRemaining', { amount: formatCents(itemsCents, locale) })}
                </p>
              ) : null
            ) : null}
          </fieldset>
        ) : null}
        <button type="submit" disabled={check.isPending || create.isPending} data-testid="return-check">
          {t('return.check')}
        </button>
      </form>
      {check.isPending ? <Progress label={t('return.checking')} /> : null}
      <ErrorNotice error={appErrorOf(check.error)} />
      {preview && !create.isSuccess ? (
        preview.allowed ? (
          <div data-testid="return-allowed">
            <p role="status">
              {t('return.allowed', {
                amount: formatCents(preview.amountCents, locale),
                days: String(preview.daysLeftToReturn),
              })}
            </p>
            <button
              type="button"
              className="primary"
              disabled={create.isPending}
              onClick={() => {
                if (props.needsApproval) {
                  setAskingManager(true);
                  return;
                }
                const request = target();
                if (request) create.mutate(withItems(request));
              }}
              data-testid="return-confirm"
            >
              {props.needsApproval
                ? t('return.askApproval', { amount: formatCents(preview.amountCents, locale) })
                : t('return.confirm', { amount: formatCents(preview.amountCents, locale) })}
            </button>
          </div>
        ) : (
          <div className="error-notice" role="alert" data-testid="return-refused">
            <p>{t('return.refused')}</p>
            <ul>
              {preview.reasons.map((reason) => (
                <li key={reason}>{t(`return.reason.${reason}`)}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
      {askingManager ? (
        <ManagerApproval
          action="return"
          onCancel={() => setAskingManager(false)}
          onApproved={({ approval }) => {
            setAskingManager(false);
            const request = target();
            if (request) create.mutate({ ...withItems(request), approval });
          }}
        />
      ) : null}
      {create.isPending ? <Progress label={t('return.sending')} /> : null}
      {create.data ? (
        <p role="status" className="success" data-testid="return-done">
          {t('return.done', {
            amount: formatCents(create.data.returnedCents, locale),
            id: create.data.returnId,
          })}
        </p>
      ) : null}
      <ErrorNotice error={appErrorOf(create.error)} />
    </section>
  );
}
