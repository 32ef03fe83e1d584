/**
 * The customer's language, beside the terminal's: what the customer reads (plans, fees, disclosure, PIN
 * entry, security question, the application and its terms) follows the looked-up account's preferred
 * language or the applicant's, and the cashier can switch it when the customer asks. Main is told first
 * so Flexiti's own texts (PIN message, fee and rate messages) follow; staff chrome keeps useI18n().
 */
import { useMutation } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { pos } from '../pos-api';
import { appErrorOf, unwrap, type PosError } from '../use-pos-mutation';
import { translator, useI18n, type Locale, type Translate } from './i18n';

/** The cashier's switches in this window, by flow: coming back to the same customer keeps them. */
const chosenByFlow = new Map<string, Locale>();

/** BCP 47 tag for a customer-facing region, so a screen reader reads it with the right voice. */
export function langTag(locale: Locale): 'fr-CA' | 'en-CA' {
  return locale === 'fr' ? 'fr-CA' : 'en-CA';
}

interface CustomerLanguageValue {
  locale: Locale;
  t: Translate;
  /** `fr-CA` / `en-CA` for the `lang` attribute of customer-facing regions. */
  lang: 'fr-CA' | 'en-CA';
  switchTo: (language: Locale) => void;
  switching: boolean;
  error: PosError | null;
}

const CustomerLanguageContext = createContext<CustomerLanguageValue | null>(null);

export function CustomerLanguageProvider(props: {
  flowId: string;
  /** The account's preferred language, or the applicant's; the terminal's when unknown. */
  initial?: Locale | undefined;
  children: ReactNode;
}) {
  const staff = useI18n();
  const { flowId } = props;
  const [locale, setLocale] = useState<Locale>(
    () => chosenByFlow.get(flowId) ?? props.initial ?? staff.locale,
  );
  const change = useMutation<Locale, PosError, Locale>({
    mutationFn: async (language) =>
      (await unwrap(pos.flow.setCustomerLanguage({ flowId, language }))).language,
    onSuccess: (language) => {
      chosenByFlow.set(flowId, language);
      setLocale(language);
    },
  });
  const value: CustomerLanguageValue = {
    locale,
    t: translator(locale),
    lang: langTag(locale),
    switchTo: (language) => {
      if (language !== locale) change.mutate(language);
    },
    switching: change.isPending,
    error: change.error,
  };
  return <CustomerLanguageContext.Provider value={value}>{props.children}</CustomerLanguageContext.Provider>;
}

/**
 * The customer's `t` and locale. Outside a provider (a screen shown on its own) it falls back to the
 * terminal's language, so nothing breaks; the switch is then a no-op.
 */
export function useCustomerI18n(): CustomerLanguageValue {
  const context = useContext(CustomerLanguageContext);
  const staff = useI18n();
  if (context) return context;
  return {
    locale: staff.locale,
    t: staff.t,
    lang: langTag(staff.locale),
    switchTo: () => undefined,
    switching: false,
    error: null,
  };
}

/** "Customer's language: English / Français", read by the cashier, pressed when the customer asks. */
export function CustomerLanguageSwitch(props: { disabled?: boolean }) {
  const { t } = useI18n();
  const customer = useCustomerI18n();
  const options: { locale: Locale; label: string }[] = [
    { locale: 'en', label: 'English' },
    { locale: 'fr', label: 'Français' },
  ];
  return (
    <div className="customer-language">
      <div role="group" aria-labelledby="customer-language-label" data-testid="customer-language">
        <span id="customer-language-label">{t('customerLanguage.label')}</span>
        {options.map((option) => (
          <button
            key={option.locale}
            type="button"
            lang={langTag(option.locale)}
            aria-pressed={customer.locale === option.locale}
            className={customer.locale === option.locale ? 'chosen' : undefined}
            disabled={props.disabled === true || customer.switching}
            onClick={() => customer.switchTo(option.locale)}
            data-testid={`customer-language-${option.locale}`}
          >
            {option.label}
          </button>
        ))}
      </div>
      <ErrorNotice error={appErrorOf(customer.error)} />
    </div>
  );
}
