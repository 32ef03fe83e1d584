/**
 * The shell: reads the terminal's status, then shows first run, sign-in or the lookup screen. The
 * Demo banner is on every screen in demo mode. The language can be switched at any time.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { DemoBanner } from './components/DemoBanner';
import { ErrorNotice } from './components/ErrorNotice';
import { RestartBanner } from './components/RestartBanner';
import { CashierNav } from './components/CashierNav';
import { ManagerNav, type ManagerView } from './components/ManagerNav';
import { I18nProvider, translator, type Locale } from './i18n/i18n';
import { pos } from './pos-api';
import type { Flow } from './screens/lookup/LookupScreen';
import { FirstRunScreen } from './screens/setup/FirstRunScreen';
import {
  ApplicationJourney,
  LookupScreen,
  ManagerScreen,
  PurchaseJourney,
  QuebecCancellation,
  preloadScreens,
} from './lazy-screens';
import type { PurchaseCustomer } from './screens/purchase/purchase-types';
import { SignInScreen } from './screens/sign-in/SignInScreen';
import { appErrorOf, unwrap } from './use-pos-mutation';

export function App() {
  const queryClient = useQueryClient();
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const [purchase, setPurchase] = useState<PurchaseCustomer | null>(null);
  const [application, setApplication] = useState<Flow | null>(null);
  // A new key ends the customer flow: the lookup screen starts empty after a finished sale.
  const [lookupKey, setLookupKey] = useState(0);
  const [view, setView] = useState<ManagerView>('customers');
  const [quebec, setQuebec] = useState<{ flowId: string; accountRef: string } | null>(null);
  // Set once the first manager exists: the first-run screen stays up for its environment step.
  const [settingUp, setSettingUp] = useState(false);
  const lookupArea = useRef<HTMLDivElement>(null);
  const status = useQuery({
    queryKey: ['app.status'],
    queryFn: () => unwrap(pos.app.status({})),
    refetchInterval: (query) => (query.state.data?.ready === false ? 1000 : false),
  });
  const session = useQuery({
    queryKey: ['session.current'],
    queryFn: () => unwrap(pos.session.current({})),
    // Notices the idle lock even when nobody touches the screen.
    refetchInterval: 30_000,
  });

  const locale: Locale = chosenLocale ?? status.data?.locale ?? 'en';
  const t = translator(locale);
  const refresh = () => void queryClient.invalidateQueries();
  const signOut = async () => {
    await pos.session.signOut({});
    refresh();
  };

  const who = session.data?.session;
  // Signed out or locked: the customer in progress is dropped (adjusted during render, not in an effect).
  const signedIn = who !== undefined && who !== null;
  const [wasSignedIn, setWasSignedIn] = useState(signedIn);
  if (signedIn !== wasSignedIn) {
    setWasSignedIn(signedIn);
    if (!signedIn) {
      setPurchase(null);
      setApplication(null);
      setView('customers');
      setQuebec(null);
      setLookupKey((key) => key + 1);
    }
  }
  useEffect(() => {
    // Back from a purchase: the kept lookup screen takes the focus again.
    if (!purchase && !application && !quebec) lookupArea.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [purchase, application, quebec]);

  const firstScreenUp = status.data !== undefined && session.data !== undefined;
  useEffect(() => {
    // Once the first screen is up and settled, the later ones are fetched in the background.
    if (!firstScreenUp) return;
    const timer = setTimeout(preloadScreens, 1_500);
    return () => clearTimeout(timer);
  }, [firstScreenUp]);

  let body;
  if (status.isError || session.isError) {
    body = (
      <main className="screen narrow">
        <ErrorNotice error={appErrorOf(status.error ?? session.error)} />
        <p>{t('app.noConnection')}</p>
      </main>
    );
  } else if (!status.data || !session.data) {
    body = <main className="screen narrow">{t('app.loading')}</main>;
  } else if (status.data.setupNeeded || settingUp) {
    body = (
      <FirstRunScreen
        onManagerCreated={() => setSettingUp(true)}
        onDone={() => {
          setSettingUp(false);
          refresh();
        }}
      />
    );
  } else if (!session.data.session) {
    body = <SignInScreen onDone={refresh} />;
  } else {
    // A cashier never sees the manager's menu or screens; main refuses their channels anyway.
    const isManager = session.data.session.role === 'manager';
    // A cashier's only other screen is Find a sale, to start a return with a manager's approval.
    const shown: ManagerView = isManager || view === 'sales' ? view : 'customers';
    body = (
      <>
        {!status.data.ready ? <p className="notice">{t('app.reconciling')}</p> : null}
        {isManager ? (
          <ManagerNav current={shown} inDoubtCount={status.data.inDoubtCount} onChoose={setView} />
        ) : (
          <CashierNav current={shown === 'sales' ? 'sales' : 'customers'} onChoose={setView} />
        )}
        {shown !== 'customers' ? <ManagerScreen view={shown} /> : null}
        <div
          ref={lookupArea}
          hidden={purchase !== null || application !== null || quebec !== null || shown !== 'customers'}
        >
          <LookupScreen
            key={lookupKey}
            onPurchase={(flow, account) => setPurchase({ ...flow, account })}
            onNewApplicant={setApplication}
            {...(isManager
              ? {
                  onCancelQuebec: (flow: { flowId: string }, account: { accountRef: string }) =>
                    setQuebec({ flowId: flow.flowId, accountRef: account.accountRef }),
                }
              : {})}
          />
        </div>
        {application && !purchase && shown === 'customers' ? (
          <ApplicationJourney
            key={application.flowId}
            flow={application}
            onExit={() => setApplication(null)}
            onPurchase={(customer) => {
              setApplication(null);
              setPurchase(customer);
            }}
          />
        ) : null}
        {quebec && shown === 'customers' ? (
          <QuebecCancellation key={quebec.accountRef} {...quebec} onBack={() => setQuebec(null)} />
        ) : null}
        {purchase && shown === 'customers' ? (
          <PurchaseJourney
            customer={purchase}
            role={session.data.session.role}
            demo={status.data.mode === 'demo'}
            onExit={() => setPurchase(null)}
            onFinished={() => {
              setPurchase(null);
              setLookupKey((key) => key + 1);
            }}
          />
        ) : null}
      </>
    );
  }

  return (
    <I18nProvider locale={locale}>
      <div lang={locale === 'fr' ? 'fr-CA' : 'en-CA'} className="app">
        {status.data ? <DemoBanner environment={status.data.environment} /> : null}
        {status.data?.restartRequired && status.data.pendingEnvironment ? (
          <RestartBanner
            pendingEnvironment={status.data.pendingEnvironment}
            canRestart={status.data.canRestart}
            isManager={who?.role === 'manager'}
          />
        ) : null}
        <header className="top-bar">
          <span className="brand">{t('app.title')}</span>
          {who ? <span>{t('signedInAs', { name: who.name, role: t(`role.${who.role}`) })}</span> : null}
          <button
            type="button"
            aria-label={t('app.languageLabel')}
            onClick={() => setChosenLocale(locale === 'en' ? 'fr' : 'en')}
            data-testid="language-toggle"
          >
            {t('app.language')}
          </button>
          {who ? (
            <button type="button" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          ) : null}
        </header>
        <Suspense fallback={<main className="screen narrow">{t('app.loading')}</main>}>{body}</Suspense>
      </div>
    </I18nProvider>
  );
}
