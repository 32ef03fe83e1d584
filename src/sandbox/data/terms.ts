/**
 * The sandbox's terms and conditions (§0A.7), in display order. body_html uses only
 * h2 h3 p ul ol li strong em a. Change `version` whenever a text changes.
 */
import type { Lang } from '../http/route';
import { i18nFor } from './i18n';

export interface TermsDocument {
  id: 'cardholder_agreement' | 'credit_consent' | 'qcpa_disclosure';
  title: string;
  body_html: string;
  version: string;
}

const VERSION = '2024.1';

const CARDHOLDER_AGREEMENT: Record<Lang, TermsDocument> = {
  en: {
    id: 'cardholder_agreement',
    title: 'Flexiti Cardholder Agreement',
    version: VERSION,
    body_html:
      '<h2>Flexiti Cardholder Agreement</h2>' +
      '<p>This agreement sets out the terms of your <strong>Flexiti</strong> credit account and card.</p>' +
      '<h3>Your account</h3>' +
      '<ul><li>You may use your account up to your credit limit for purchases at participating merchants.</li>' +
      '<li>Promotional plans are governed by the plan terms shown at the time of purchase.</li>' +
      '<li>Interest on regular purchases is charged at your annual interest rate.</li></ul>' +
      '<h3>Payments</h3>' +
      '<p>You must make at least the minimum payment shown on each statement by its due date. ' +
      '<em>Administrative fees are due in full if the account is paid off early.</em></p>' +
      '<p>Read the full agreement at <a href="https://www.flexiti.com/">flexiti.com</a>.</p>',
  },
  fr: {
    id: 'cardholder_agreement',
    title: 'Convention du titulaire de carte Flexiti',
    version: VERSION,
    body_html:
      '<h2>Convention du titulaire de carte Flexiti</h2>' +
      '<p>La présente convention établit les modalités de votre compte de crédit et de votre carte <strong>Flexiti</strong>.</p>' +
      '<h3>Votre compte</h3>' +
      '<ul><li>Vous pouvez utiliser votre compte jusqu’à votre limite de crédit pour des achats chez les marchands participants.</li>' +
      '<li>Les plans promotionnels sont régis par les modalités du plan présentées au moment de l’achat.</li>' +
      '<li>Les achats renouvelables portent intérêt à votre taux d’intérêt annuel.</li></ul>' +
      '<h3>Paiements</h3>' +
      '<p>Vous devez effectuer au moins le paiement minimum indiqué sur chaque relevé au plus tard à la date d’échéance. ' +
      '<em>Les frais d’administration sont exigibles en totalité si le compte est remboursé par anticipation.</em></p>' +
      '<p>Consultez la convention complète sur <a href="https://www.flexiti.com/fr/">flexiti.com</a>.</p>',
  },
};

const CREDIT_CONSENT: Record<Lang, TermsDocument> = {
  en: {
    id: 'credit_consent',
    title: 'Consent to obtain credit information',
    version: VERSION,
    body_html:
      '<p>By applying, you consent to Flexiti obtaining credit reports and other information about you from credit ' +
      'bureaus and other sources, now and from time to time, to assess your application and manage your account.</p>' +
      '<p>You also consent to Flexiti sharing information about your account with credit bureaus.</p>',
  },
  fr: {
    id: 'credit_consent',
    title: "Consentement à l'obtention de renseignements de crédit",
    version: VERSION,
    body_html:
      '<p>En présentant une demande, vous consentez à ce que Flexiti obtienne, maintenant et à l’occasion, des rapports de ' +
      'crédit et d’autres renseignements à votre sujet auprès d’agences d’évaluation du crédit et d’autres sources, afin ' +
      'd’évaluer votre demande et de gérer votre compte.</p>' +
      '<p>Vous consentez également à ce que Flexiti communique des renseignements sur votre compte aux agences ' +
      'd’évaluation du crédit.</p>',
  },
};

const QCPA_TITLE: Record<Lang, string> = {
  en: 'Disclosure – Quebec Consumer Protection Act',
  fr: 'Divulgation – Loi sur la protection du consommateur du Québec',
};

/** The documents for a language; `province` QC adds the Quebec disclosure, whose body is the i18n text. */
export function termsFor(lang: Lang, province: string | undefined): TermsDocument[] {
  const terms = [CARDHOLDER_AGREEMENT[lang], CREDIT_CONSENT[lang]];
  if (province === 'QC') {
    terms.push({
      id: 'qcpa_disclosure',
      title: QCPA_TITLE[lang],
      body_html: `<p>${i18nFor(lang).qcpa_disclosure}</p>`,
      version: VERSION,
    });
  }
  return terms;
}
