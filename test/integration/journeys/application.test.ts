/**
 * The in-store credit application through the handler table against the real sandbox: form data,
 * terms, licence decode (Flexiti, then the local parser when Flexiti fails), approved / pending /
 * declined decisions, and a purchase on the new account with the application's PIN.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import type { Applicant } from '../../../src/shared/ipc/channels/application';
import { FLEXITI_DOC_EXAMPLE, SAMPLES } from '../../fixtures/licences/samples';
import { CASHIER, Journeys, useJourneys } from './journey-harness';

let j: Journeys;

useJourneys({ expectNothingLeaked: true, eachTest: { clearFaults: true, signIn: CASHIER } }, (started) => {
  j = started;
});

const CONSENT = {
  terms: [
    { id: 'cardholder_agreement', version: '2024.1' },
    { id: 'credit_consent', version: '2024.1' },
  ],
  language: 'en' as const,
  tosAgreement: true as const,
  creditConsent: true as const,
};

function applicant(firstName: string, middleName: string, overrides: Partial<Applicant> = {}): Applicant {
  return {
    salutation: 'ms',
    firstName,
    middleName,
    lastName: 'Applicant',
    dob: '1990-04-12',
    address1: '10 King St W',
    city: 'Toronto',
    province: 'ON',
    postalCode: 'M5H 1A1',
    phoneNumber: '4165550199',
    email: `${firstName.toLowerCase()}@example.com`,
    preferredLanguage: 'en',
    housingType: 'Rent',
    monthlyHousingCostCents: 150_000,
    occupationId: 'FE',
    employer: 'Acme',
    annualIncomeCents: 6_500_000,
    govidType: 'CADL',
    govidIssuedBy: 'ON',
    govidNumber: 'A1234-56789-01234',
    securityId: '4',
    securityAnswer: 'Robin',
    ...overrides,
  };
}

describe('form data and terms', () => {
  it('builds the form from i18n in the customer language', async () => {
    const en = await j.ok('application.formData', { language: 'en' });
    const fr = await j.ok('application.formData', { language: 'fr' });
    expect(en.occupations).toContainEqual({ code: 'FE', label: 'Full-time Employment' });
    expect(fr.occupations).toContainEqual({ code: 'FE', label: 'Emploi à temps plein' });
    expect(fr.provinces).toContainEqual({ code: 'QC', label: 'Québec' });
    expect(en.govidIssuers.CAPID).toEqual([{ code: 'ON', label: 'Ontario' }]);
    expect(en.housingTypes.map((o) => o.code)).toEqual(['Rent', 'Owned', 'Relatives', 'Other']);
    expect(fr.texts.qcpaDisclosure).toMatch(/Résidents du Québec/);
  });

  it('gives the terms, French first for Quebec', async () => {
    const on = await j.ok('application.terms', { province: 'ON', language: 'en' });
    expect(on.sets.map((s) => s.language)).toEqual(['en']);
    expect(on.sets[0]?.terms.map((t) => t.id)).toEqual(['cardholder_agreement', 'credit_consent']);
    const qc = await j.ok('application.terms', { province: 'QC', language: 'en' });
    expect(qc.sets.map((s) => s.language)).toEqual(['fr', 'en']);
    expect(qc.sets[0]?.terms.map((t) => t.id)).toContain('qcpa_disclosure');
    expect(qc.sets[0]?.terms[0]?.title).toBe('Convention du titulaire de carte Flexiti');
    for (const set of [...on.sets, ...qc.sets]) {
      for (const term of set.terms)
        expect(term.bodyHtml).not.toMatch(/<(?!\/?(h2|h3|p|ul|ol|li|strong|em|a)\b)/);
    }
  });
});

describe('decisions', () => {
  it('approves A-RR_L and the new account buys with the application PIN', async () => {
    const { flowId } = await j.ok('flow.start', {});
    const decision = await j.ok('application.submit', {
      flowId,
      applicant: applicant('Alice', 'A-RR_L'),
      consent: CONSENT,
    });
    if (decision.decision !== 'approved') throw new Error(`expected approved, got ${decision.decision}`);
    expect(decision.account.creditLimitCents).toBe(1_000_000);
    expect(decision.account.cardMasked).toMatch(/^•••• \d{4}$/);
    const accountRef = decision.account.accountRef;

    await j.ok('verify.start', { flowId, accountRef, method: 'sms' });
    const { messages } = (await j.control('GET', '/outbox')) as { messages: { pin: string | number }[] };
    const pin = String(messages[0]?.pin);
    expect(pin).toBe(DEMO.applyPin);
    j.secrets.add(pin);
    await j.ok('verify.submitPin', { flowId, accountRef, pin });
    const { authorization } = await j.ok('purchase.authorize', {
      flowId,
      accountRef,
      amountCents: 25_000,
      financing: { kind: 'plan', planId: 4, term: 6 },
      autoCapture: true,
    });
    expect(authorization).toMatchObject({
      status: 'closed',
      capturedCents: 25_000,
      cardMasked: decision.account.cardMasked,
    });
  });

  it('turns a pending P-CREDIT application approved once the review delay has passed', async () => {
    const { flowId } = await j.ok('flow.start', {});
    const pending = await j.ok('application.submit', {
      flowId,
      applicant: applicant('Penny', 'P-CREDIT'),
      consent: CONSENT,
    });
    expect(pending.decision).toBe('pending');
    expect((await j.ok('application.status', { flowId })).decision).toBe('pending');
    await j.control('POST', '/clock', { advance_seconds: 31 });
    const later = await j.ok('application.status', { flowId });
    expect(later.decision).toBe('approved');
  });

  it('declines D-FRAUD with a neutral answer', async () => {
    const { flowId } = await j.ok('flow.start', {});
    const declined = await j.ok('application.submit', {
      flowId,
      applicant: applicant('Dana', 'D-FRAUD'),
      consent: CONSENT,
    });
    expect(declined.decision).toBe('declined');
    expect(Object.keys(declined).sort()).toEqual(['applicationId', 'decision']);
  });

  it('refuses a submit until every term served for the province is accepted at its version', async () => {
    const { flowId } = await j.ok('flow.start', {});
    const outdated = await j.error('application.submit', {
      flowId,
      applicant: applicant('Olga', 'A-RR_M'),
      consent: { ...CONSENT, terms: [{ id: 'cardholder_agreement', version: '2019.1' }, CONSENT.terms[1]!] },
    });
    expect(outdated).toMatchObject({
      category: 'needs_action',
      code: 'terms_not_accepted',
      fields: [{ param: 'cardholder_agreement', msg: 'required' }],
    });
    const quebec = await j.error('application.submit', {
      flowId,
      applicant: applicant('Olga', 'A-RR_M', { province: 'QC', postalCode: 'H2X 1Y4' }),
      consent: CONSENT,
    });
    expect(quebec).toMatchObject({ code: 'terms_not_accepted', fields: [{ param: 'qcpa_disclosure' }] });
  });

  it('needs a licence number from the form or a scan', async () => {
    const { flowId } = await j.ok('flow.start', {});
    const error = await j.error('application.submit', {
      flowId,
      applicant: applicant('Nora', 'A-RR_M', { govidNumber: undefined }),
      consent: CONSENT,
    });
    expect(error).toMatchObject({ category: 'needs_action', code: 'govid_number_required' });
  });
});

describe('licence decode', () => {
  it('uses Flexiti decoding while it answers', async () => {
    const { flowId } = await j.ok('flow.start', {});
    j.secrets.add('D61014070660905');
    const { source, prefill } = await j.ok('application.decodeLicence', { flowId, raw: FLEXITI_DOC_EXAMPLE });
    expect(source).toBe('flexiti');
    expect(prefill).toMatchObject({
      lastName: 'NUMBER1',
      province: 'ON',
      govidType: 'CADL',
      govidNumberMasked: '•••• 0905',
    });
  });

  it('falls back to the local AAMVA parser when Flexiti fails, and submits with the scanned number', async () => {
    const sample = SAMPLES.ON_V03_ZERO_OFFSET;
    if (!sample) throw new Error('sample missing');
    const number = sample.expected.licenceNumber ?? '';
    j.secrets.add(number);
    await j.control('POST', '/faults', {
      method: 'POST',
      path: '**/customers/driverslicense',
      kind: 'status',
      status: 503,
      times: 10,
    });
    const { flowId } = await j.ok('flow.start', {});
    const { source, prefill } = await j.ok('application.decodeLicence', { flowId, raw: sample.raw });
    expect(source).toBe('local');
    expect(prefill).toEqual({
      firstName: sample.expected.firstName,
      middleName: sample.expected.middleName,
      lastName: sample.expected.lastName,
      dob: sample.expected.dateOfBirth,
      address1: sample.expected.address?.street,
      city: sample.expected.address?.city,
      province: 'ON',
      postalCode: sample.expected.address?.postalCode,
      govidType: 'CADL',
      govidIssuedBy: 'ON',
      govidNumberMasked: `•••• ${number.slice(-4)}`,
      govidExpiry: sample.expected.expiryDate,
    });
    await j.control('DELETE', '/faults');

    const decision = await j.ok('application.submit', {
      flowId,
      applicant: applicant('James', 'A-RR_H', {
        lastName: prefill.lastName ?? '',
        dob: prefill.dob ?? '',
        govidNumber: undefined,
        govidExpiry: prefill.govidExpiry,
      }),
      consent: CONSENT,
    });
    expect(decision.decision).toBe('approved');
    // The draft gave its number to the application and no longer holds it.
    const again = await j.error('application.submit', {
      flowId,
      applicant: applicant('Jim', 'A-RR_H', { govidNumber: undefined }),
      consent: CONSENT,
    });
    expect(again.code).toBe('govid_number_required');
  });

  it('says so plainly when neither Flexiti nor the local parser can read it', async () => {
    const { flowId } = await j.ok('flow.start', {});
    const error = await j.error('application.decodeLicence', { flowId, raw: 'not a licence barcode' });
    expect(error).toMatchObject({ category: 'needs_action', code: 'licence_unreadable' });
    expect((await j.ok('application.abandon', { flowId })).abandoned).toBe(true);
  });
});
