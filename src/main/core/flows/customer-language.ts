/**
 * The customer's language in a flow. Flexiti localizes every `message` and sends the SMS or email PIN
 * in the call's `lang` (§0A.2), so once the customer is known every customer-facing call of the flow
 * carries their language; staff-facing calls keep the terminal's.
 */
import type { FlowContext } from '../flexiti/call-runner';
import type { AccountRecord, FlowRecord } from './customer-flows';

export type CustomerLanguage = 'en' | 'fr';

/** Flexiti's `preferred_language` (`fr-CA`, `en-CA`, or a bare `fr`/`en`) as the app's language. */
export function languageOfPreference(value: string | null | undefined): CustomerLanguage | undefined {
  const lower = value?.trim().toLowerCase();
  if (lower?.startsWith('fr')) return 'fr';
  if (lower?.startsWith('en')) return 'en';
  return undefined;
}

/** The language the customer reads in this flow: the cashier's choice, the account's, else the screen's. */
export function customerLanguageOf(flow: FlowRecord): CustomerLanguage {
  return flow.chosenLanguage ?? flow.context.lang ?? flow.language;
}

/**
 * The account (or applicant) is the customer of this flow now: their language goes on every later
 * call, unless the cashier already switched it because the customer asked.
 */
export function adoptCustomerLanguage(flow: FlowRecord, language: CustomerLanguage | undefined): void {
  if (flow.chosenLanguage || !language) return;
  flow.context.lang = language;
}

/** The account chosen for a step: its preferred language, when Flexiti gave one, becomes the flow's. */
export function adoptAccountLanguage(flow: FlowRecord, account: AccountRecord): void {
  adoptCustomerLanguage(flow, account.preferredLanguage);
}

/** The cashier switched the language at the customer's request: it holds for the rest of the flow. */
export function chooseCustomerLanguage(flow: FlowRecord, language: CustomerLanguage): void {
  flow.chosenLanguage = language;
  flow.context.lang = language;
}

/** The same flow (x-reference-id, request_id) for a staff-facing call: Flexiti answers in the terminal's language. */
export function staffFacing(context: FlowContext): FlowContext {
  return { referenceId: context.referenceId, requestId: context.requestId };
}
