/**
 * A new applicant, in one customer flow: licence scan (or typed details), the application form in
 * the customer's language, the terms, and Flexiti's decision. Cancelling, signing out or the lock
 * abandons the application, so main forgets the scanned licence number.
 */
import { useEffect, useState } from 'react';
import type { Applicant, ApplicationDecisionView } from '../../../shared/ipc/channels/application';
import { ScreenHeading } from '../../components/ScreenHeading';
import {
  CustomerLanguageProvider,
  CustomerLanguageSwitch,
  useCustomerI18n,
} from '../../i18n/customer-language';
import { I18nProvider, useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import type { Flow } from '../lookup/LookupScreen';
import type { PurchaseCustomer } from '../purchase/purchase-types';
import { LicenceFlagNotice } from '../scan/LicenceFlagNotice';
import type { LicenceFlags } from '../scan/licence-flags';
import { ScanScreen } from '../scan/ScanScreen';
import { applyPrefill, EMPTY_FORM, type FormValues } from './application-form-values';
import { ApplicationForm } from './ApplicationForm';
import { DecisionView } from './DecisionView';
import { newAccountView } from './new-account-view';
import { TermsStep } from './TermsStep';

type Step =
  | { kind: 'scan' }
  | { kind: 'form' }
  | { kind: 'terms'; applicant: Applicant }
  | { kind: 'decision'; decision: ApplicationDecisionView; applicant: Applicant };

/** The applicant's language starts as the terminal's; the cashier switches it (Quebec scans: French). */
export function ApplicationJourney(props: {
  flow: Flow;
  onPurchase: (customer: PurchaseCustomer) => void;
  onExit: () => void;
}) {
  return (
    <CustomerLanguageProvider flowId={props.flow.flowId}>
      <ApplicationSteps {...props} />
    </CustomerLanguageProvider>
  );
}

function ApplicationSteps(props: Parameters<typeof ApplicationJourney>[0]) {
  const customer = useCustomerI18n();
  const [step, setStep] = useState<Step>({ kind: 'scan' });
  const [values, setValues] = useState<FormValues>(EMPTY_FORM);
  const [scannedNumber, setScannedNumber] = useState<string | null>(null);
  const [flags, setFlags] = useState<LicenceFlags | null>(null);
  const { flowId } = props.flow;

  useEffect(
    () => () => {
      // Leaving by any way (cancel, purchase, sign-out, lock): main drops the draft. Best effort: after
      // a sign-out main has already dropped it.
      void pos.application.abandon({ flowId }).catch(() => undefined);
    },
    [flowId],
  );

  if (step.kind === 'scan') {
    return (
      <ScanScreen
        flowId={flowId}
        onCancel={props.onExit}
        onManual={() => setStep({ kind: 'form' })}
        onScanned={(outcome) => {
          setValues((current) => applyPrefill(current, outcome.prefill));
          setScannedNumber(outcome.prefill.govidNumberMasked ?? null);
          setFlags(outcome.flags);
          if (outcome.prefill.province === 'QC') customer.switchTo('fr');
          setStep({ kind: 'form' });
        }}
      />
    );
  }

  const heading: HeadingKey =
    step.kind === 'form'
      ? 'application.form.title'
      : step.kind === 'terms'
        ? 'application.terms.title'
        : 'application.decision.title';

  return (
    <main className="screen" data-screen={`application-${step.kind}`}>
      <I18nProvider locale={customer.locale}>
        <div lang={customer.lang}>
          <CustomerHeading headingKey={heading} key={step.kind} />
        </div>
      </I18nProvider>
      {/* The cashier's control, in the terminal's language. */}
      <CustomerLanguageSwitch disabled={step.kind === 'decision'} />
      <I18nProvider locale={customer.locale}>
        <div lang={customer.lang} data-testid="applicant-region">
          {step.kind === 'form' ? (
            <>
              <LicenceFlagNotice flags={flags} />
              <ApplicationForm
                values={values}
                onChange={setValues}
                scannedNumber={scannedNumber}
                onCancel={props.onExit}
                onNext={(applicant) => setStep({ kind: 'terms', applicant })}
              />
            </>
          ) : null}
          {step.kind === 'terms' ? (
            <TermsStep
              flowId={flowId}
              applicant={step.applicant}
              onBack={() => setStep({ kind: 'form' })}
              onDecision={(decision) => setStep({ kind: 'decision', decision, applicant: step.applicant })}
            />
          ) : null}
          {step.kind === 'decision' ? (
            <DecisionView
              flowId={flowId}
              decision={step.decision}
              onDecision={(decision) => setStep({ kind: 'decision', decision, applicant: step.applicant })}
              onPurchase={(decision) =>
                props.onPurchase({ ...props.flow, account: newAccountView(decision, step.applicant) })
              }
              onDone={props.onExit}
            />
          ) : null}
        </div>
      </I18nProvider>
    </main>
  );
}

type HeadingKey = 'application.form.title' | 'application.terms.title' | 'application.decision.title';

/** Inside the customer's language provider, so the heading is in the customer's language. */
function CustomerHeading(props: { headingKey: HeadingKey }) {
  const { t } = useI18n();
  return <ScreenHeading testId="application-heading">{t(props.headingKey)}</ScreenHeading>;
}
