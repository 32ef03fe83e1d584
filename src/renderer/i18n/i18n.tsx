/** The current language and the `t` function, from a React context. */
import { createContext, useContext, type ReactNode } from 'react';
import { en, type Catalogue, type MessageKey } from './en';
import { fr } from './fr';

export type Locale = 'en' | 'fr';

const CATALOGUES: Record<Locale, Catalogue> = { en, fr };

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

export function translator(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale];
  return (key, values) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => values?.[name] ?? whole);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translator('en') });

export function I18nProvider(props: { locale: Locale; children: ReactNode }) {
  return (
    <I18nContext.Provider value={{ locale: props.locale, t: translator(props.locale) }}>
      {props.children}
    </I18nContext.Provider>
  );
}

export function useI18n() {
  return useContext(I18nContext);
}

/** Money in cents as the locale writes it: $1,234.56 / 1 234,56 $. */
export function formatCents(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'currency',
    currency: 'CAD',
  }).format(cents / 100);
}
