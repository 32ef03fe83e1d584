/**
 * Find a customer by name and date of birth (postal code optional), or by account or card number.
 * A customer flow starts on the first search and is kept until "New customer".
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { AccountView } from '../../../shared/ipc/channels/customers';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap, type PosError } from '../../use-pos-mutation';
import { AccountCard } from './AccountCard';

export interface Flow {
  flowId: string;
  referenceId: string;
}

type Query =
  | { kind: 'name'; firstName: string; lastName: string; dob: string; postalCode?: string }
  | { kind: 'number'; number: string };

export function LookupScreen(props: {
  /** Starts a purchase for an account that may buy, in the flow the search started. */
  onPurchase?: (flow: Flow, account: AccountView) => void;
  /** Managers only: Quebec's 2-day cancellation, in the flow the search started. */
  onCancelQuebec?: (flow: Flow, account: AccountView) => void;
  /** A credit application for a new customer, in a flow of its own. */
  onNewApplicant?: (flow: Flow) => void;
}) {
  const { t, locale } = useI18n();
  const [flow, setFlow] = useState<Flow | null>(null);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [dob, setDob] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [number, setNumber] = useState('');

  const find = useMutation<{ flow: Flow; accounts: AccountView[] }, PosError, Query>({
    mutationFn: async (query) => {
      // The screen's language: the customer's until their account says otherwise.
      const current = flow ?? (await unwrap(pos.flow.start({ language: locale })));
      if (query.kind === 'name') {
        const { kind: _kind, ...fields } = query;
        const found = await unwrap(pos.customers.search({ flowId: current.flowId, ...fields }));
        return { flow: current, accounts: found.accounts };
      }
      const by = query.number.length === 16 ? 'card' : 'account';
      const found = await unwrap(pos.customers.lookup({ flowId: current.flowId, by, number: query.number }));
      return { flow: current, accounts: [found.account] };
    },
    onSuccess: (result, query) => {
      setFlow(result.flow);
      // The full number leaves the screen once found: the card shows only its last 4.
      if (query.kind === 'number') setNumber('');
    },
  });

  const startApplication = useMutation<Flow, PosError, void>({
    mutationFn: () => unwrap(pos.flow.start({ language: locale })),
    onSuccess: (started) => props.onNewApplicant?.(started),
  });

  function searchByName(event: FormEvent) {
    event.preventDefault();
    find.mutate({
      kind: 'name',
      firstName,
      lastName,
      dob,
      ...(postalCode.trim() ? { postalCode: postalCode.trim() } : {}),
    });
  }

  function searchByNumber(event: FormEvent) {
    event.preventDefault();
    find.mutate({ kind: 'number', number: number.replace(/[\s-]/g, '') });
  }

  function newCustomer() {
    setFlow(null);
    find.reset();
    setFirstName('');
    setLastName('');
    setDob('');
    setPostalCode('');
    setNumber('');
  }

  const accounts = find.data?.accounts;
  const reference = find.data?.flow.referenceId ?? flow?.referenceId;

  return (
    <main className="screen">
      <div className="screen-head">
        <ScreenHeading>{t('lookup.title')}</ScreenHeading>
        <button type="button" onClick={newCustomer}>
          {t('lookup.newCustomer')}
        </button>
        {props.onNewApplicant ? (
          <button
            type="button"
            className="primary"
            onClick={() => startApplication.mutate()}
            disabled={startApplication.isPending}
            aria-label={t('lookup.newApplicantLabel')}
            data-testid="new-applicant"
          >
            {t('lookup.newApplicant')}
          </button>
        ) : null}
      </div>
      <div className="lookup-forms">
        <form onSubmit={searchByName} aria-label={t('lookup.byName')}>
          <h2>{t('lookup.byName')}</h2>
          <Field
            label={t('lookup.firstName')}
            value={firstName}
            onChange={(e) => setFirstName(e.target.value)}
            required
            name="firstName"
            autoComplete="off"
          />
          <Field
            label={t('lookup.lastName')}
            value={lastName}
            onChange={(e) => setLastName(e.target.value)}
            required
            name="lastName"
            autoComplete="off"
          />
          <Field
            label={t('lookup.dob')}
            value={dob}
            onChange={(e) => setDob(e.target.value)}
            required
            name="dob"
            placeholder="1990-01-31"
            pattern="\d{4}-\d{2}-\d{2}"
            autoComplete="off"
          />
          <Field
            label={t('lookup.postalCode')}
            value={postalCode}
            onChange={(e) => setPostalCode(e.target.value)}
            name="postalCode"
            autoComplete="off"
          />
          <button type="submit" className="primary" disabled={find.isPending}>
            {t('lookup.search')}
          </button>
        </form>
        <form onSubmit={searchByNumber} aria-label={t('lookup.byNumber')}>
          <h2>{t('lookup.byNumber')}</h2>
          <Field
            label={t('lookup.number')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            required
            name="number"
            inputMode="numeric"
            autoComplete="off"
          />
          <button type="submit" className="primary" disabled={find.isPending}>
            {t('lookup.find')}
          </button>
        </form>
      </div>
      <ErrorNotice error={appErrorOf(find.error ?? startApplication.error)} />
      {accounts ? (
        <section aria-live="polite">
          <h2>{t('lookup.results')}</h2>
          {accounts.length === 0 ? <p>{t('lookup.none')}</p> : null}
          <ul className="accounts">
            {accounts.map((account) => (
              <AccountCard
                key={account.accountRef}
                account={account}
                {...(props.onPurchase && (find.data?.flow ?? flow)
                  ? {
                      onPurchase: () => {
                        const current = find.data?.flow ?? flow;
                        if (current) props.onPurchase?.(current, account);
                      },
                    }
                  : {})}
                {...(props.onCancelQuebec
                  ? {
                      onCancelQuebec: () => {
                        const current = find.data?.flow ?? flow;
                        if (current) props.onCancelQuebec?.(current, account);
                      },
                    }
                  : {})}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {reference ? <p className="support-ref">{t('lookup.reference', { reference })}</p> : null}
    </main>
  );
}
