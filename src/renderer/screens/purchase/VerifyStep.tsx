/**
 * Verifying the customer with the methods Flexiti allows for this account: a PIN by SMS or e-mail, the
 * security question, the regular-purchase bypass, or a manager's override. A method Flexiti locked
 * (too many tries) is shown as such and cannot be chosen again in this journey.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppError } from '../../../shared/app-error';
import type { Role } from '../../../shared/ipc/channel';
import type { VerifyMethod, VerifyMethodView } from '../../../shared/ipc/channels/verification';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ManagerApproval } from '../../components/ManagerApproval';
import { PaymentErrorNotice } from '../../components/PaymentErrorNotice';
import { Progress } from '../../components/Progress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { CustomerLanguageSwitch, useCustomerI18n } from '../../i18n/customer-language';
import { useI18n, type Translate } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap, usePosMutation } from '../../use-pos-mutation';
import { PinEntry } from './PinEntry';
import type { PurchaseCustomer } from './purchase-types';
import { SecurityQuestion } from './SecurityQuestion';

const LOCKING_CODES = new Set(['tries_exceed']);

function methodLabel(t: Translate, view: VerifyMethodView): string {
  const destination = view.destinationMasked ?? '';
  switch (view.method) {
    case 'sms':
      return t('verify.method.sms', { destination });
    case 'email':
      return t('verify.method.email', { destination });
    case 'security_question':
      return t('verify.method.security_question');
    case 'regular_purchase_bypass':
      return t('verify.method.regular_purchase_bypass');
    case 'merchant_override':
      return t('verify.method.merchant_override');
  }
}

export function VerifyStep(props: {
  customer: PurchaseCustomer;
  amountCents: number;
  kind: 'regular' | 'promotional';
  role: Role;
  /** Why verification is needed again (a wrong PIN at authorization), shown on arrival. */
  notice: AppError | null;
  locked: ReadonlySet<VerifyMethod>;
  onLocked: (method: VerifyMethod) => void;
  onVerified: (method: VerifyMethod) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const customer = useCustomerI18n();
  const { flowId, account } = props.customer;
  const accountRef = account.accountRef;
  const [chosen, setChosen] = useState<VerifyMethod | null>(null);
  const [awaitingPin, setAwaitingPin] = useState(false);
  const [resent, setResent] = useState(false);
  // A cashier's override waits for a manager's approval typed on this terminal.
  const [askingManager, setAskingManager] = useState(false);

  const methods = useQuery({
    // The security question comes in the customer's language: asked again when it changes.
    queryKey: ['verify.methods', flowId, accountRef, props.amountCents, props.kind, customer.locale],
    queryFn: () =>
      unwrap(
        pos.verify.methods({
          flowId,
          accountRef,
          purchase: { amountCents: props.amountCents, kind: props.kind },
        }),
      ),
  });

  const lockOn = (method: VerifyMethod) => (error: { appError: AppError }) => {
    if (LOCKING_CODES.has(error.appError.code)) props.onLocked(method);
  };
  const start = usePosMutation(pos.verify.start, {
    onSuccess: (result) => {
      if (result.state === 'ready') props.onVerified(result.method);
      else setAwaitingPin(true);
    },
    onError: (error, request) => lockOn(request.method)(error),
  });
  const submitPin = usePosMutation(pos.verify.submitPin, {
    onSuccess: () => {
      if (chosen) props.onVerified(chosen);
    },
  });
  const resend = usePosMutation(pos.verify.resend, {
    onSuccess: () => setResent(true),
    onError: (error) => {
      if (chosen) lockOn(chosen)(error);
    },
  });

  function choose(method: VerifyMethod, approval?: string) {
    setChosen(method);
    setAwaitingPin(false);
    setResent(false);
    start.reset();
    submitPin.reset();
    resend.reset();
    // SMS, e-mail, bypass and override are sent at once; the question is asked first.
    if (method === 'security_question') return;
    start.mutate({ flowId, accountRef, method, ...(approval === undefined ? {} : { approval }) });
  }

  const chosenView = methods.data?.methods.find((m) => m.method === chosen);
  const chosenLocked = chosen !== null && props.locked.has(chosen);
  const startError = appErrorOf(start.error);
  const busy = start.isPending || submitPin.isPending || resend.isPending;

  return (
    <main className="screen narrow" data-screen="verify">
      <div className="screen-head">
        <ScreenHeading>{t('verify.title')}</ScreenHeading>
        <button type="button" onClick={props.onBack} disabled={busy}>
          {t('purchase.back')}
        </button>
      </div>
      <CustomerLanguageSwitch disabled={busy} />
      <PaymentErrorNotice error={props.notice} />
      {methods.isPending ? <Progress label={t('verify.loading')} /> : null}
      <ErrorNotice error={appErrorOf(methods.error)} />
      {methods.data ? (
        <fieldset className="methods">
          <legend>{t('verify.choose')}</legend>
          {methods.data.methods.map((view) => {
            const locked = props.locked.has(view.method);
            const cashierOverride =
              view.needsManager && props.role !== 'manager' && view.method === 'merchant_override';
            const managerMissing = view.needsManager && props.role !== 'manager' && !cashierOverride;
            return (
              <div key={view.method} className="method">
                <button
                  type="button"
                  className={chosen === view.method ? 'chosen' : undefined}
                  aria-pressed={chosen === view.method}
                  disabled={busy || locked || managerMissing}
                  onClick={() => (cashierOverride ? setAskingManager(true) : choose(view.method))}
                  data-testid={`verify-${view.method}`}
                >
                  {methodLabel(t, view)}
                </button>
                {view.needsManager ? <span className="badge">{t('verify.needsManager')}</span> : null}
                {managerMissing ? <p className="hint">{t('verify.managerMissing')}</p> : null}
                {cashierOverride && !locked ? <p className="hint">{t('verify.askManager')}</p> : null}
                {locked ? <p className="hint locked">{t('verify.lockedShort')}</p> : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {askingManager ? (
        <ManagerApproval
          action="merchant_override"
          onCancel={() => setAskingManager(false)}
          onApproved={({ approval }) => {
            setAskingManager(false);
            choose('merchant_override', approval);
          }}
        />
      ) : null}
      {chosenLocked ? (
        <div className="error-notice" role="alert" data-testid="too-many-tries">
          <p>{t('verify.tooManyTries')}</p>
        </div>
      ) : null}
      {start.isPending ? <Progress label={t('verify.sending')} /> : null}
      {!chosenLocked && chosen !== 'sms' && chosen !== 'email' ? (
        <PaymentErrorNotice error={startError} />
      ) : null}
      {!chosenLocked && chosen === 'security_question' ? (
        <SecurityQuestion
          question={chosenView?.questionText}
          busy={busy}
          onAnswer={(answer) => start.mutate({ flowId, accountRef, method: 'security_question', answer })}
        />
      ) : null}
      {!chosenLocked && (chosen === 'sms' || chosen === 'email') ? (
        awaitingPin ? (
          <PinEntry
            destination={chosenView?.destinationMasked}
            busy={submitPin.isPending ? 'submit' : resend.isPending ? 'resend' : null}
            error={appErrorOf(submitPin.error ?? resend.error)}
            resent={resent && !resend.isPending}
            onSubmit={(pin) => submitPin.mutate({ flowId, accountRef, pin })}
            onResend={() => {
              setResent(false);
              resend.mutate({ flowId, accountRef });
            }}
          />
        ) : (
          <PaymentErrorNotice error={startError} />
        )
      ) : null}
    </main>
  );
}
