/** The customer's language in a flow: Flexiti's preference, the account's, the cashier's choice. */
import { describe, expect, it } from 'vitest';
import { newFlowContext } from '../../../src/main/core/flexiti/call-runner';
import type { FlowRecord } from '../../../src/main/core/flows/customer-flows';
import {
  adoptAccountLanguage,
  adoptCustomerLanguage,
  chooseCustomerLanguage,
  customerLanguageOf,
  languageOfPreference,
  staffFacing,
} from '../../../src/main/core/flows/customer-language';

function flow(language: 'en' | 'fr' = 'en'): FlowRecord {
  return { context: newFlowContext(), language };
}

describe('customer language', () => {
  it("reads Flexiti's preferred_language, and nothing else", () => {
    expect(languageOfPreference('fr-CA')).toBe('fr');
    expect(languageOfPreference('FR')).toBe('fr');
    expect(languageOfPreference(' en-CA ')).toBe('en');
    expect(languageOfPreference('es-MX')).toBeUndefined();
    expect(languageOfPreference(null)).toBeUndefined();
    expect(languageOfPreference(undefined)).toBeUndefined();
  });

  it("is the screen's language until the account says otherwise, then goes on the flow's calls", () => {
    const record = flow('en');
    expect(customerLanguageOf(record)).toBe('en');
    expect(record.context.lang).toBeUndefined();
    adoptAccountLanguage(record, { flowId: 'f', accountNumber: '300100200', preferredLanguage: 'fr' });
    expect(customerLanguageOf(record)).toBe('fr');
    expect(record.context.lang).toBe('fr');
    // An account without a preference changes nothing.
    adoptAccountLanguage(record, { flowId: 'f', accountNumber: '123456789' });
    expect(record.context.lang).toBe('fr');
  });

  it("keeps the cashier's choice over any account or applicant language", () => {
    const record = flow('en');
    chooseCustomerLanguage(record, 'en');
    adoptCustomerLanguage(record, 'fr');
    adoptAccountLanguage(record, { flowId: 'f', accountNumber: '300100200', preferredLanguage: 'fr' });
    expect(customerLanguageOf(record)).toBe('en');
    expect(record.context.lang).toBe('en');
    chooseCustomerLanguage(record, 'fr');
    expect(record.context.lang).toBe('fr');
  });

  it('gives staff-facing calls the same flow ids without the customer language', () => {
    const record = flow('en');
    chooseCustomerLanguage(record, 'fr');
    const staff = staffFacing(record.context);
    expect(staff).toEqual({ referenceId: record.context.referenceId, requestId: record.context.requestId });
    expect(staff.lang).toBeUndefined();
    expect(record.context.lang).toBe('fr');
  });
});
