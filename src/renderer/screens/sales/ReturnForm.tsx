/**
 * A return on one capture: full or partial. The rules are shown first and checked with
 * `returns.preview` before anything goes to Flexiti; only an allowed preview offers the return.
 */
import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { OperationReceipt, SaleDetail } from '../../../shared/ipc/channels/returns';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ManagerApproval } from '../../components/ManagerApproval';
import { Field } from '../../components/Field';
import { Progress } from '../../components/Progress';
import { formatCents, useI18n } from '../../i18n/i18n';
import { parseAmountInput } from '../../money-input';
import { pos } from '../../pos-api';
import { appErrorOf, usePosMutation } from '../../use-pos-mutation';

type Capture = SaleDetail['captures'][number];

export function ReturnForm(props: {
  authorizationId: string;
  capture: Capture;
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
  const create = usePosMutation(pos.returns.create, {
    onSuccess: (answer) => props.onDone(answer.sale, answer.receipt),
  });
  const captureId = props.capture.captureId;

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
                if (request) create.mutate(request);
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
            if (request) create.mutate({ ...request, approval });
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
