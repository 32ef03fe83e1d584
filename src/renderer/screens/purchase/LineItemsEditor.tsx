/**
 * The optional line items of a purchase, collapsed until the cashier opens it: one fieldset per item
 * (SKU, description, quantity, unit price), a running total, and a way to make the amount match the
 * items. Rows are kept as typed; `checkLineItems` turns them into integer cents.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Field } from '../../components/Field';
import { formatCents, useI18n } from '../../i18n/i18n';
import {
  DESCRIPTION_MAX,
  LINE_ITEMS_MAX,
  SKU_MAX,
  checkLineItems,
  emptyRow,
  isBlankRow,
  type LineItemDraft,
  type RowCheck,
} from './line-items';

export function LineItemsEditor(props: {
  rows: readonly LineItemDraft[];
  onChange: (rows: LineItemDraft[]) => void;
  /** The amount currently in the amount field, or null when it does not parse. */
  amountCents: number | null;
  onUseTotal: (cents: number) => void;
  /** Bumped by the amount step when it refused the items: open and show every problem. */
  reveal: number;
}) {
  const { t, locale } = useI18n();
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const totalLine = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(() => props.rows.some((row) => !isBlankRow(row)));
  /** Where the focus goes after the next render: a row's key, 'first-problem' or 'add'. */
  const [focusRequest, setFocusRequest] = useState<{ target: string; id: number } | null>(null);
  const handledFocus = useRef(0);
  const focusNext = (target: string) =>
    setFocusRequest((previous) => ({ target, id: (previous?.id ?? 0) + 1 }));
  /** Rows the cashier has left at least once: their problems show without waiting for submit. */
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [seenReveal, setSeenReveal] = useState(props.reveal);
  if (props.reveal !== seenReveal) {
    // The amount step refused the items: open the editor on the first field to fix.
    setSeenReveal(props.reveal);
    setOpen(true);
    focusNext('first-problem');
  }
  const check = checkLineItems(props.rows, locale);
  const byKey = new Map(check.rows.map((row) => [row.key, row]));
  const filled = check.rows.length;
  const revealed = props.reveal > 0;

  useEffect(() => {
    if (!focusRequest || !open || handledFocus.current === focusRequest.id) return;
    handledFocus.current = focusRequest.id;
    const root = container.current;
    const { target } = focusRequest;
    const element =
      target === 'first-problem'
        ? root?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')
        : target === 'add'
          ? root?.querySelector<HTMLButtonElement>('[data-line-items-add]')
          : root?.querySelector<HTMLInputElement>(`[data-line-item="${target}"] input`);
    element?.focus();
  }, [focusRequest, open]);

  function update(key: string, patch: Partial<LineItemDraft>) {
    props.onChange(props.rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function add() {
    const row = emptyRow();
    props.onChange([...props.rows, row]);
    focusNext(row.key);
  }

  function remove(index: number) {
    const next = props.rows.filter((_, i) => i !== index);
    props.onChange(next);
    // Focus stays in the list: the row that took this one's place, else the one before, else "Add".
    const neighbour = next[index] ?? next[index - 1];
    focusNext(neighbour ? neighbour.key : 'add');
  }

  function toggle() {
    if (!open && props.rows.length === 0) {
      const row = emptyRow();
      props.onChange([row]);
      focusNext(row.key);
    }
    setOpen(!open);
  }

  const items = check.items;
  const total = check.totalCents;
  const showMismatch = items !== null && items.length > 0 && total !== props.amountCents;

  return (
    <section className="line-items" ref={container}>
      <button
        type="button"
        className="line-items-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {t('lineItems.toggle')}
        {!open && filled > 0 ? (
          <span className="line-items-count">
            {' '}
            {t('lineItems.collapsedSummary', {
              count: String(filled),
              total: formatCents(total, locale),
            })}
          </span>
        ) : null}
      </button>
      <div id={panelId} hidden={!open}>
        <p className="field-hint">{t('lineItems.intro')}</p>
        {props.rows.map((row, index) => {
          const rowCheck = byKey.get(row.key);
          return (
            <LineItemRow
              key={row.key}
              row={row}
              number={index + 1}
              check={rowCheck}
              showProblems={revealed || touched.has(row.key)}
              onChange={(patch) => update(row.key, patch)}
              onLeave={() => setTouched((current) => new Set(current).add(row.key))}
              onRemove={() => remove(index)}
            />
          );
        })}
        <button
          type="button"
          onClick={add}
          data-line-items-add
          disabled={props.rows.length >= LINE_ITEMS_MAX}
        >
          {t('lineItems.add')}
        </button>
        <p className="line-items-total" ref={totalLine} tabIndex={-1} aria-live="polite">
          {t('lineItems.total', { amount: formatCents(total, locale) })}
          {items !== null && items.length > 0 && total === props.amountCents ? (
            <> {t('lineItems.matches')}</>
          ) : null}
        </p>
        {check.tooMany ? <p className="field-problem">{t('lineItems.tooMany')}</p> : null}
        {check.totalTooLarge ? <p className="field-problem">{t('lineItems.totalTooLarge')}</p> : null}
        {showMismatch ? (
          <div className="warning-notice" data-testid="line-items-mismatch">
            {total <= 0 ? (
              <p>{t('lineItems.notPositive', { items: formatCents(total, locale) })}</p>
            ) : (
              <>
                <p>
                  {props.amountCents === null
                    ? t('lineItems.mismatchNoAmount', { items: formatCents(total, locale) })
                    : t('lineItems.mismatch', {
                        items: formatCents(total, locale),
                        amount: formatCents(props.amountCents, locale),
                      })}
                </p>
                <button
                  type="button"
                  onClick={() => {
                    props.onUseTotal(total);
                    totalLine.current?.focus();
                  }}
                >
                  {t('lineItems.useTotal', { amount: formatCents(total, locale) })}
                </button>
              </>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function LineItemRow(props: {
  row: LineItemDraft;
  number: number;
  check: RowCheck | undefined;
  showProblems: boolean;
  onChange: (patch: Partial<LineItemDraft>) => void;
  onLeave: () => void;
  onRemove: () => void;
}) {
  const { t, locale } = useI18n();
  const problemsId = useId();
  const { row, check } = props;
  const problems = check?.problems ?? [];
  // Characters Flexiti cannot take are said at once; the rest waits until the row is left.
  const shown = problems.filter(
    (p) => props.showProblems || p === 'sku_not_ascii' || p === 'description_not_ascii',
  );
  const invalid = (...codes: string[]) => shown.some((p) => codes.includes(p));
  const describedBy = shown.length > 0 || check?.skuSent || check?.descriptionSent ? problemsId : undefined;
  const number = String(props.number);

  return (
    <fieldset
      className="line-item"
      data-line-item={row.key}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) props.onLeave();
      }}
    >
      <legend>{t('lineItems.item', { number })}</legend>
      <div className="line-item-grid">
        <Field
          label={t('lineItems.sku')}
          value={row.sku}
          onChange={(e) => props.onChange({ sku: e.target.value })}
          name={`sku-${number}`}
          maxLength={SKU_MAX + 20}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid('sku_missing', 'sku_too_long', 'sku_not_ascii')}
          aria-describedby={describedBy}
        />
        <Field
          label={t('lineItems.quantity')}
          value={row.quantity}
          onChange={(e) => props.onChange({ quantity: e.target.value })}
          name={`quantity-${number}`}
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
          aria-invalid={invalid('quantity_invalid', 'line_too_large')}
          aria-describedby={describedBy}
        />
        <div className="line-item-wide">
          <Field
            label={t('lineItems.description')}
            value={row.description}
            onChange={(e) => props.onChange({ description: e.target.value })}
            name={`description-${number}`}
            maxLength={DESCRIPTION_MAX + 20}
            autoComplete="off"
            aria-invalid={invalid('description_too_long', 'description_not_ascii')}
            aria-describedby={describedBy}
          />
        </div>
        <Field
          label={t('lineItems.unitPrice')}
          value={row.unitPrice}
          onChange={(e) => props.onChange({ unitPrice: e.target.value })}
          name={`unit-price-${number}`}
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={invalid('price_invalid', 'line_too_large')}
          aria-describedby={describedBy}
        />
        <button type="button" className="line-item-remove" onClick={props.onRemove}>
          {t('lineItems.remove', { number })}
        </button>
      </div>
      <div id={problemsId}>
        {shown.map((problem) => (
          <p key={problem} className="field-problem">
            {t(`lineItems.problem.${problem}` as const)}
          </p>
        ))}
        {check?.skuSent ? (
          <p className="field-hint">{t('lineItems.sentAs', { text: check.skuSent })}</p>
        ) : null}
        {check?.descriptionSent ? (
          <p className="field-hint">{t('lineItems.sentAs', { text: check.descriptionSent })}</p>
        ) : null}
      </div>
      {check?.lineTotalCents !== undefined ? (
        <p className="line-item-total">
          {t('lineItems.lineTotal', { amount: formatCents(check.lineTotalCents, locale) })}
        </p>
      ) : null}
    </fieldset>
  );
}
