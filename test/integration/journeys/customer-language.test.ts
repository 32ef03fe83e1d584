/**
 * The customer's language through the handler table against the real sandbox, on an English terminal:
 * a fr-CA customer's PIN text, fee and rate messages, security question and Quebec disclosure come
 * back in French; the cashier's switch holds for the rest of the flow; staff-facing calls keep the
 * terminal's language. The wire is observed (never altered) to read the `lang` each call sent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import type { Applicant } from '../../../src/shared/ipc/channels/application';
import { CASHIER, type Customer, JOHN, Journeys, MANAGER, MARIE, useJourneys } from './journey-harness';

const MARIE_ACCOUNT = DEMO.accounts.quebec.accountNumber;
const JOHN_ACCOUNT = DEMO.accounts.johnSmith.accountNumber;

interface SentMessage {
  channel: string;
  account_number: number | string;
  pin: string | number;
  lang: string;
  text: string;
}

/** Every Flexiti request the core sent: path (without client id) and its `lang`. */
const sent: { path: string; lang: string | null }[] = [];
const observingFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  sent.push({ path: url.pathname, lang: url.searchParams.get('lang') });
  return fetch(input, init);
};

let j: Journeys;

useJourneys(
  {
    core: { fetch: observingFetch },
    expectNothingLeaked: true,
    eachTest: { clearFaults: true, signIn: CASHIER },
  },
  (started) => {
    j = started;
  },
);

beforeEach(() => {
  sent.length = 0;
});

const find = (customer: Customer) => j.findAccount(customer);

async function latestMessage(accountNumber: number): Promise<SentMessage> {
  const { messages } = (await j.control('GET', '/outbox')) as { messages: SentMessage[] };
  const message = messages.find((m) => String(m.account_number) === String(accountNumber));
  if (!message) throw new Error('no message for the account');
  j.secrets.add(String(message.pin));
  return message;
}

function langsOf(pathPart: string): (string | null)[] {
  return sent.filter((s) => s.path.includes(pathPart)).map((s) => s.lang);
}

describe('a fr-CA customer on an English terminal', () => {
  it('gets the PIN text, security question, fees, rates and Quebec disclosure in French', async () => {
    expect((await j.ok('app.status', {})).locale).toBe('en');
    const { flowId, account } = await find(MARIE);
    expect(account.preferredLanguage).toBe('fr');

    const { methods } = await j.ok('verify.methods', { flowId, accountRef: account.accountRef });
    const question = methods.find((m) => m.method === 'security_question')?.questionText;
    expect(question).toMatch(/^Quel|^Quelle/);

    await j.ok('verify.start', { flowId, accountRef: account.accountRef, method: 'sms' });
    const sms = await latestMessage(MARIE_ACCOUNT);
    expect(sms.lang).toBe('fr');
    expect(sms.text).toContain('Votre code de vérification Flexiti');
    expect(sms.text).toContain(String(sms.pin));

    const pricing = await j.ok('pricing.calculate', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 100_000,
    });
    const terms = pricing.plans.flatMap((p) => p.terms);
    expect(terms.length).toBeGreaterThan(0);
    // Plan names from Flexiti's i18n in her language, not the internal plan_name.
    expect(pricing.plans.find((p) => p.planId === 4)?.planName).toBe('Versements égaux, intérêt régulier');
    expect(terms.find((t) => t.annualRate)?.annualRate?.description).toBe('Taux annuel en pourcentage');
    const fee = terms.flatMap((t) => t.fees).find((f) => f.description);
    if (fee) expect(fee.description).toBe("Frais d'administration :");
    expect(pricing.quebecDisclosure).toMatch(/Résidents du Québec/);

    // Every customer-facing call after the search carried fr; the search itself the terminal's en.
    expect(langsOf('/customers/search')).toEqual(['en']);
    expect(langsOf('/verify')).toEqual(['fr']);
    expect(langsOf('/calculate-interest')).toEqual(['fr']);
    expect(new Set(langsOf('/customers/lookup'))).toEqual(new Set(['fr']));
  });

  it('follows the cashier when the customer asks for English, for the rest of the flow', async () => {
    const { flowId, account } = await find(MARIE);
    expect(await j.ok('flow.setCustomerLanguage', { flowId, language: 'en' })).toEqual({ language: 'en' });

    await j.ok('verify.start', { flowId, accountRef: account.accountRef, method: 'sms' });
    const sms = await latestMessage(MARIE_ACCOUNT);
    expect(sms.lang).toBe('en');
    expect(sms.text).toContain('Your Flexiti verification code');

    const pricing = await j.ok('pricing.calculate', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 100_000,
    });
    const rate = pricing.plans.flatMap((p) => p.terms).find((t) => t.annualRate)?.annualRate;
    expect(rate?.description).toBe('Annual Percentage Rate');
    expect(pricing.plans.find((p) => p.planId === 4)?.planName).toBe('Equal Payments, Regular Interest');
    expect(pricing.quebecDisclosure).toMatch(/Quebec residents|Québec residents/i);
    expect(langsOf('/calculate-interest')).toEqual(['en']);
  });

  it('refuses a language switch for a flow it does not know', async () => {
    const error = await j.error('flow.setCustomerLanguage', { flowId: 'Z'.repeat(24), language: 'fr' });
    expect(error.code).toBe('flow_expired');
  });
});

describe('an en-CA customer', () => {
  it('hears English until the cashier switches to French, then French, capture included', async () => {
    const { flowId, account } = await find(JOHN);
    expect(account.preferredLanguage).toBe('en');
    await j.ok('verify.start', { flowId, accountRef: account.accountRef, method: 'sms' });
    expect((await latestMessage(JOHN_ACCOUNT)).lang).toBe('en');

    await j.ok('flow.setCustomerLanguage', { flowId, language: 'fr' });
    await j.ok('verify.start', { flowId, accountRef: account.accountRef, method: 'sms' });
    const sms = await latestMessage(JOHN_ACCOUNT);
    expect(sms.lang).toBe('fr');
    await j.ok('verify.submitPin', { flowId, accountRef: account.accountRef, pin: String(sms.pin) });

    const { authorization } = await j.ok('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 10_000,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: false,
    });
    await j.ok('purchase.capture', { authorizationId: authorization.authorizationId, amountCents: 4_000 });
    expect(langsOf('/authorization')).not.toContain('en');
    expect(langsOf('/capture')).toEqual(['fr']);

    // Releasing the rest is the manager's business: the terminal's language.
    await j.signIn(MANAGER);
    await j.ok('purchase.release', { authorizationId: authorization.authorizationId });
    expect(langsOf('/release')).toEqual(['en']);
  });
});

describe('a new applicant', () => {
  it("buys on the new account in the applicant's language", async () => {
    const { flowId } = await j.ok('flow.start', {});
    const applicant: Applicant = {
      salutation: 'mr',
      firstName: 'Gilles',
      middleName: 'A-RR_L',
      lastName: 'Applicant',
      dob: '1987-06-02',
      address1: '10 Rue Principale',
      city: 'Gatineau',
      province: 'QC',
      postalCode: 'J8X 1A1',
      phoneNumber: '8195550177',
      email: 'gilles.applicant@example.com',
      preferredLanguage: 'fr',
      housingType: 'Rent',
      monthlyHousingCostCents: 120_000,
      occupationId: 'FE',
      employer: 'Acme',
      annualIncomeCents: 6_000_000,
      govidType: 'CADL',
      govidIssuedBy: 'QC',
      govidNumber: 'G1234-560787-01',
      securityId: '4',
      securityAnswer: 'Robin',
    };
    const terms = await j.ok('application.terms', { province: 'QC', language: 'fr' });
    const consentTerms = [
      ...new Map(
        terms.sets
          .flatMap((s) => s.terms)
          .map((t) => [`${t.id}:${t.version}`, { id: t.id, version: t.version }]),
      ).values(),
    ];
    const decision = await j.ok('application.submit', {
      flowId,
      applicant,
      consent: { terms: consentTerms, language: 'fr', tosAgreement: true, creditConsent: true },
    });
    if (decision.decision !== 'approved') throw new Error(`expected approved, got ${decision.decision}`);
    expect(langsOf('/apply')).toEqual(['fr']);

    const pricing = await j.ok('pricing.calculate', {
      flowId,
      accountRef: decision.account.accountRef,
      amountCents: 50_000,
    });
    const rate = pricing.plans.flatMap((p) => p.terms).find((t) => t.annualRate)?.annualRate;
    expect(rate?.description).toBe('Taux annuel en pourcentage');
    await j.ok('verify.start', { flowId, accountRef: decision.account.accountRef, method: 'sms' });
    const { messages } = (await j.control('GET', '/outbox')) as { messages: SentMessage[] };
    expect(messages[0]?.lang).toBe('fr');
    j.secrets.add(String(messages[0]?.pin));
  });
});

describe("a manager at the customer's Quebec cancellation", () => {
  it("looks the account up in the customer's language", async () => {
    await j.signIn(MANAGER);
    const { flowId, account } = await find(MARIE);
    sent.length = 0;
    const preview = await j.ok('accounts.cancelQuebec', { flowId, accountRef: account.accountRef });
    expect(preview.province).toBe('QC');
    expect(langsOf('/customers/lookup')).toEqual(['fr']);
  });
});
