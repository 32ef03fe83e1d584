/**
 * A financed purchase for the account chosen on the lookup screen: amount, plan, verification,
 * authorization, result and receipt. Escape goes back one step until money has moved; after that only
 * the receipt and "Done" remain.
 */
import { useIsMutating } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { AppError } from '../../../shared/app-error';
import type { Role } from '../../../shared/ipc/channel';
import type { VerifyMethod } from '../../../shared/ipc/channels/verification';
import { CustomerLanguageProvider } from '../../i18n/customer-language';
import { useEscape } from '../../use-escape';
import { AmountStep } from './AmountStep';
import { ConfirmStep } from './ConfirmStep';
import type { LineItem, LineItemDraft } from './line-items';
import { PlansStep } from './PlansStep';
import type { Choice, PurchaseCustomer, Step } from './purchase-types';
import { ReceiptView } from './ReceiptView';
import { ResultStep } from './ResultStep';
import { VerifyStep } from './VerifyStep';

/** Wrong PINs at authorization before the method is treated as locked for this journey. */
const MAX_WRONG_PINS = 3;

/** The journey in the customer's language: the account's preferred one, or the cashier's switch. */
export function PurchaseJourney(props: Parameters<typeof PurchaseSteps>[0]) {
  return (
    <CustomerLanguageProvider
      flowId={props.customer.flowId}
      initial={props.customer.account.preferredLanguage}
    >
      <PurchaseSteps {...props} />
    </CustomerLanguageProvider>
  );
}

function PurchaseSteps(props: {
  customer: PurchaseCustomer;
  role: Role;
  demo: boolean;
  /** Back to the lookup screen (the same customer flow). */
  onExit: () => void;
  /** Done with this customer: a new flow starts on the lookup screen. */
  onFinished: () => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'amount' });
  const [amountCents, setAmountCents] = useState<number | null>(null);
  const [orderReference, setOrderReference] = useState('');
  /** As typed (kept when the cashier comes back to the amount), and as checked for sending. */
  const [lineItemDrafts, setLineItemDrafts] = useState<LineItemDraft[]>([]);
  const [lineItems, setLineItems] = useState<LineItem[]>([]);
  const [choice, setChoice] = useState<Choice | null>(null);
  /** The method main holds a PIN for; cleared when Flexiti uses or refuses it. */
  const [verified, setVerified] = useState<VerifyMethod | null>(null);
  const [verifyNotice, setVerifyNotice] = useState<AppError | null>(null);
  const [wrongPins, setWrongPins] = useState<Partial<Record<VerifyMethod, number>>>({});
  const [locked, setLocked] = useState<ReadonlySet<VerifyMethod>>(new Set());
  const { onExit } = props;

  const lock = (method: VerifyMethod) => setLocked((current) => new Set(current).add(method));

  const back = useCallback(() => {
    switch (step.kind) {
      case 'amount':
        return onExit();
      case 'plans':
        return setStep({ kind: 'amount' });
      case 'verify':
        return setStep({ kind: 'plans' });
      case 'confirm':
        return setStep({ kind: 'plans' });
      case 'receipt':
        return setStep({ kind: 'result', authorization: step.authorization });
      case 'result':
        return undefined;
    }
  }, [step, onExit]);
  // Never while a call is out: leaving would hide its outcome from the cashier.
  const sending = useIsMutating() > 0;
  useEscape(step.kind === 'result' || sending ? null : back);

  function chooseFinancing(next: Choice) {
    setChoice(next);
    // The regular-purchase bypass is only good for a regular purchase of this amount.
    const keep = verified !== null && !(verified === 'regular_purchase_bypass' && next.kind !== 'regular');
    if (!keep) setVerified(null);
    setStep({ kind: keep ? 'confirm' : 'verify' });
  }

  function verifyAgain(error: AppError) {
    const method = verified;
    setVerified(null);
    setVerifyNotice(error);
    if (method && error.code === 'wrong_verification_code') {
      const count = (wrongPins[method] ?? 0) + 1;
      setWrongPins({ ...wrongPins, [method]: count });
      if (count >= MAX_WRONG_PINS) lock(method);
    }
    setStep({ kind: 'verify' });
  }

  const customer = props.customer;
  switch (step.kind) {
    case 'amount':
      return (
        <AmountStep
          customer={customer}
          amountCents={amountCents}
          orderReference={orderReference}
          lineItems={lineItemDrafts}
          onLineItemsChange={setLineItemDrafts}
          onCancel={props.onExit}
          onNext={(cents, reference, items) => {
            if (cents !== amountCents && verified === 'regular_purchase_bypass') setVerified(null);
            setAmountCents(cents);
            setOrderReference(reference);
            setLineItems(items);
            setStep({ kind: 'plans' });
          }}
        />
      );
    case 'plans':
      if (amountCents === null) return null;
      return (
        <PlansStep customer={customer} amountCents={amountCents} onChoose={chooseFinancing} onBack={back} />
      );
    case 'verify':
      if (amountCents === null || choice === null) return null;
      return (
        <VerifyStep
          customer={customer}
          amountCents={amountCents}
          kind={choice.kind === 'regular' ? 'regular' : 'promotional'}
          role={props.role}
          notice={verifyNotice}
          locked={locked}
          onLocked={lock}
          onVerified={(method) => {
            setVerified(method);
            setVerifyNotice(null);
            setStep({ kind: 'confirm' });
          }}
          onBack={back}
        />
      );
    case 'confirm':
      if (amountCents === null || choice === null) return null;
      return (
        <ConfirmStep
          customer={customer}
          amountCents={amountCents}
          orderReference={orderReference}
          lineItems={lineItems}
          choice={choice}
          onAuthorized={(authorization) => {
            // Flexiti used the PIN: another purchase verifies again.
            setVerified(null);
            setStep({ kind: 'result', authorization });
          }}
          onVerifyAgain={verifyAgain}
          onOtherPlan={() => setStep({ kind: 'plans' })}
          onOtherAccount={props.onExit}
          onBack={back}
        />
      );
    case 'result':
      return (
        <ResultStep
          authorization={step.authorization}
          onUpdated={(authorization) => setStep({ kind: 'result', authorization })}
          onReceipt={() => setStep({ kind: 'receipt', authorization: step.authorization })}
          onDone={props.onFinished}
        />
      );
    case 'receipt':
      return (
        <ReceiptView
          authorizationId={step.authorization.authorizationId}
          demo={props.demo}
          onBack={back}
          onDone={props.onFinished}
        />
      );
  }
}
