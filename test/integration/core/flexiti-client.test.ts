/**
 * Every endpoint function of the Flexiti client against the real sandbox over HTTP, its errors mapped
 * to the right category, and a scan proving no error carries a secret, token, PIN or full number.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/shared/app-error';
import { appErrorSchema } from '../../../src/shared/app-error';
import { FlexitiClient } from '../../../src/main/core/flexiti/flexiti-client';
import {
  CLIENT_ERROR_CODES,
  FlexitiCallError,
  isFlexitiCallError,
} from '../../../src/main/core/flexiti/flexiti-errors';
import type { FlowContext } from '../../../src/main/core/flexiti/call-runner';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { DEMO_MERCHANT, fastPolicy, startCore, TERMINAL, type CoreHarness } from './core-harness';

const A = DEMO.accounts;
const EMPLOYEE = DEMO_MERCHANT.employees.cashier;
const LICENCE =
  '@\n\u001e\rANSI\n604428040101 DL00310219DLDCAunavI\nDCBNONE\nDCDNONE\nDBA20300515\nDCSNUMBER1\nDACENSTREAM \nDAD\nDBD20140516\nDBB19740515\nDBCZ\nDAYBLU\nDAU163 cm\nDAG55 UNIVERSITY AVE\nDAITORONTO\nDAJON\nDAKM5J 2H7\nDAQD61014070660905\nDCFPEJK368N4\nDCGCAN\nDDEU\nDDFU\nDDGU\r';

let h: CoreHarness;
/** Every error the client threw in this file, scanned for secrets at the end. */
const seenErrors: unknown[] = [];
const secrets = new Set<string>();

beforeAll(async () => {
  h = await startCore();
  secrets.add(DEMO_MERCHANT.clientSecret);
});
afterAll(async () => h.close());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    seenErrors.push(error);
    expect(error).toBeInstanceOf(FlexitiCallError);
    const appError = (error as FlexitiCallError).appError;
    expect(appErrorSchema.safeParse(appError).success).toBe(true);
    return appError;
  }
  throw new Error('expected the call to fail');
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function pin(flow: FlowContext, accountNumber: number): Promise<string> {
  const verified = await h.client.verifyAccount(flow, { format: 'merchant_override', accountNumber });
  expect(verified.verificationCode).toMatch(/^\d{4,8}$/);
  secrets.add(verified.verificationCode ?? '');
  return verified.verificationCode ?? '';
}

describe('reference data', () => {
  it('fetches i18n in both languages, whole or by key', async () => {
    const flow = h.client.newFlow();
    const en = await h.client.getI18n(flow, 'en');
    const fr = await h.client.getI18n(flow, 'fr');
    expect((en.provinces as Record<string, string>).QC).toBe('Quebec');
    expect((fr.provinces as Record<string, string>).QC).toBe('Québec');
    const provinces = await h.client.getI18n(flow, 'fr', 'provinces');
    expect(Object.keys(provinces)).toEqual(['provinces']);
    expect((await failure(h.client.getI18n(flow, 'en', 'no_such_key'))).code).toBe('not_found');
  });

  it('fetches the terms, with the Quebec disclosure for QC', async () => {
    const flow = h.client.newFlow();
    const on = await h.client.getTerms(flow, 'en', 'ON');
    const qc = await h.client.getTerms(flow, 'fr', 'QC');
    expect(on.map((t) => t.id)).toEqual(['cardholder_agreement', 'credit_consent']);
    expect(qc.map((t) => t.id)).toContain('qcpa_disclosure');
    expect(qc[0]?.title).toBe('Convention du titulaire de carte Flexiti');
    expect(on[0]?.version).not.toBe('');
  });
});

describe('customers', () => {
  it('searches by name and date of birth; nobody is an empty list', async () => {
    const flow = h.client.newFlow();
    const smiths = await h.client.searchCustomers(flow, {
      firstName: 'john',
      lastName: 'SMITH',
      dob: '1900-01-01',
    });
    expect(smiths.map((s) => s.accountNumber).sort()).toEqual(
      [String(A.johnSmith.accountNumber), String(A.johnSmithFrozen.accountNumber)].sort(),
    );
    const normal = smiths.find((s) => s.accountStatus === 'N');
    expect(normal?.creditLimitCents).toBe(100_000);
    expect(
      await h.client.searchCustomers(flow, { firstName: 'Nobody', lastName: 'Here', dob: '1990-01-01' }),
    ).toEqual([]);
  });

  it('looks up by account, card and customer id; maps refusals', async () => {
    const flow = h.client.newFlow();
    const byVcc = await h.client.lookupCustomer(flow, { by: 'vcc', vccNumber: A.johnSmith.vcc });
    const byCustomer = await h.client.lookupCustomer(flow, {
      by: 'customer',
      customerId: A.johnSmith.customerId,
    });
    expect(byVcc.accountNumber).toBe(String(A.johnSmith.accountNumber));
    expect(byCustomer.securityQuestion?.id).toBe(A.johnSmith.securityQid);
    expect(byVcc.offerTypes.length).toBeGreaterThan(0);
    const notFound = await failure(h.client.lookupCustomer(flow, { by: 'vcc', vccNumber: DEMO.notFoundVcc }));
    expect(notFound).toMatchObject({
      category: 'needs_action',
      code: 'not_found',
      supportReference: flow.referenceId,
    });
    const frozen = await failure(
      h.client.lookupCustomer(flow, { by: 'account', accountNumber: A.johnSmithFrozen.accountNumber }),
    );
    expect(frozen).toMatchObject({ category: 'declined', code: 'user_not_able_to_purchase' });
    const inactive = await failure(
      h.client.lookupCustomer(flow, { by: 'account', accountNumber: A.inactive.accountNumber }),
    );
    expect(inactive).toMatchObject({ category: 'declined', code: 'user_not_active' });
  });

  it('decodes a driver licence barcode', async () => {
    const licence = await h.client.decodeDriversLicence(h.client.newFlow(), { code: LICENCE });
    expect(licence).toMatchObject({
      lastName: 'NUMBER1',
      province: 'ON',
      postalCode: 'M5J 2H7',
      dob: '1974-05-15',
    });
    const bad = await failure(h.client.decodeDriversLicence(h.client.newFlow(), { code: 'not a licence' }));
    expect(bad).toMatchObject({ category: 'needs_action', code: 'wrong_inputs' });
    expect(bad.fields?.[0]?.param).toBe('code');
  });
});

describe('verification and pricing', () => {
  it('verifies by security question, SMS and override; maps wrong answers', async () => {
    const flow = await h.client.startFlow();
    const qa = await h.client.verifyAccount(flow, {
      format: 'security_question',
      accountNumber: A.miTester.accountNumber,
      securityQid: A.miTester.securityQid,
      securityAnswer: A.miTester.securityAnswer,
    });
    expect(qa.verificationCode).toMatch(/^\d{8}$/);
    secrets.add(qa.verificationCode ?? '');
    const sms = await h.client.verifyAccount(flow, {
      format: 'sms',
      accountNumber: A.miTester.accountNumber,
    });
    expect(sms).toEqual({ verificationCode: null, sentTo: 'sms' });
    const wrong = await failure(
      h.client.verifyAccount(flow, {
        format: 'security_question',
        accountNumber: A.johnSmith.accountNumber,
        securityQid: A.johnSmith.securityQid,
        securityAnswer: 'definitely wrong',
      }),
    );
    expect(wrong).toMatchObject({ category: 'needs_action', code: 'secret_answer_mismatch' });
    const noPhone = await failure(
      h.client.verifyAccount(flow, { format: 'sms', accountNumber: A.noPhone.accountNumber }),
    );
    expect(noPhone).toMatchObject({ category: 'needs_action', code: 'sms_not_valid_phone' });
  });

  it('prices under v2.5.1 (annual_rates) and v2.5 (apr) to the same cents and rate', async () => {
    const flow = h.client.newFlow();
    const input = { accountNumber: A.miTester.accountNumber, amountCents: 6_000 };
    const current = await h.client.calculateInterest(flow, input);
    const legacy = await h.client.calculateInterest(flow, input, { version: 'v2.5' });
    const plan4 = current.promotionalPlans.find((p) => p.planId === 4);
    const term3 = plan4?.terms.find((t) => t.term === 3);
    expect(term3?.termAmountCents).toBe(2_033);
    expect(term3?.rate).toMatchObject({ rate: 0.0999, description: 'Annual Percentage Rate' });
    const legacyTerm3 = legacy.promotionalPlans.find((p) => p.planId === 4)?.terms.find((t) => t.term === 3);
    expect(legacyTerm3?.rate).toEqual({
      rate: 0.0999,
      type: 'apr',
      description: undefined,
      message: undefined,
    });
    expect(legacyTerm3?.termAmountCents).toBe(2_033);
    // The flow's language reaches Flexiti's texts.
    const french = await h.client.calculateInterest(h.client.newFlow({ lang: 'fr' }), input);
    expect(french.promotionalPlans[0]?.terms[0]?.rate?.description).toBe('Taux annuel en pourcentage');
    expect(current.regularPurchase?.bypassAllowed).toBe(true);
    expect(current.customer?.categoryType).toBe('preferred');
  });
});

describe('transactions', () => {
  it('authorizes, captures, returns, releases and refunds, and finds them again', async () => {
    const acct = A.miTester.accountNumber;
    const flow = await h.client.startFlow();
    const code = await pin(flow, acct);
    const auth = await h.client.authorize(flow, {
      accountNumber: acct,
      amountCents: 12_345,
      financing: { type: 'promotional_purchase', planId: 4, term: 12 },
      autoCapture: false,
      verificationCode: code,
      employeeId: EMPLOYEE,
      reference: 'order-client-1',
    });
    expect(auth).toMatchObject({
      amountCents: 12_345,
      remainingAuthorizationCents: 12_345,
      status: 'opened',
    });
    const cap = await h.client.capture(flow, {
      authorizationId: auth.authorizationId,
      amountCents: 10_000,
      employeeId: EMPLOYEE,
      reference: 'order-client-1',
    });
    expect(cap).toMatchObject({ amountCents: 10_000, remainingAuthorizationCents: 2_345 });
    const ret = await h.client.returnCapture(flow, {
      authorizationId: auth.authorizationId,
      captureId: cap.captureId,
      amountCents: 1_050,
      employeeId: EMPLOYEE,
    });
    expect(ret).toMatchObject({ amountCents: 1_050, remainingCaptureCents: 8_950 });
    const rel = await h.client.release(flow, { authorizationId: auth.authorizationId, employeeId: EMPLOYEE });
    expect(rel).toMatchObject({ releasedCents: 2_345, remainingAuthorizationCents: 0, status: 'closed' });
    await expect(
      h.client.refund(flow, { accountNumber: acct, amountCents: 199, employeeId: EMPLOYEE }),
    ).resolves.toEqual({ ok: true });

    const found = await h.client.getAuthorization(flow, auth.authorizationId);
    expect(found).toMatchObject({
      authorizedCents: 12_345,
      capturedCents: 10_000,
      releasedCents: 2_345,
      status: 'closed',
    });
    expect(found.captures[0]?.returns[0]?.returnId).toBe(ret.returnId);
    const list = await h.client.listAuthorizations(flow, {
      accountNumber: acct,
      status: 'closed',
      pageSize: 100,
    });
    expect(list.items.some((a) => a.reference === 'order-client-1')).toBe(true);
    const captures = await h.client.listCaptures(flow, { authorizationId: auth.authorizationId });
    expect(captures.items.map((c) => c.captureId)).toEqual([cap.captureId]);
    // Every mutating call went through the journal and is settled.
    expect(h.journal.unfinished()).toEqual([]);
    const ops = h.journal.list({ state: 'confirmed' }).map((e) => e.op);
    expect(ops).toEqual(
      expect.arrayContaining(['verify', 'authorization', 'capture', 'return', 'release', 'refund']),
    );
  });

  it('auto-captures, posts a payment, and maps business refusals', async () => {
    const acct = A.miTester.accountNumber;
    const flow = await h.client.startFlow();
    const auto = await h.client.authorize(flow, {
      accountNumber: acct,
      amountCents: 5_000,
      financing: { type: 'regular_purchase' },
      autoCapture: true,
      verificationCode: await pin(flow, acct),
      employeeId: EMPLOYEE,
    });
    expect(auto.captureId).toMatch(/^\d+$/);
    expect(auto.remainingAuthorizationCents).toBe(0);
    const payment = await h.client.postTransaction(flow, {
      accountNumber: acct,
      transactionType: 'instore_payment',
      amountCents: 2_500,
      verificationCode: await pin(flow, acct),
      employeeId: EMPLOYEE,
    });
    expect(payment).toMatchObject({ amountCents: 2_500 });

    const tooMuch = await failure(
      h.client.authorize(flow, {
        accountNumber: acct,
        amountCents: 9_000_000,
        financing: { type: 'promotional_purchase', planId: 4, term: 12 },
        autoCapture: false,
        verificationCode: await pin(flow, acct),
        employeeId: EMPLOYEE,
      }),
    );
    expect(tooMuch).toMatchObject({
      category: 'declined',
      code: 'credit_exceeded',
      supportReference: flow.referenceId,
    });
    const wrongPin = await failure(
      h.client.authorize(flow, {
        accountNumber: acct,
        amountCents: 1_000,
        financing: { type: 'regular_purchase' },
        autoCapture: true,
        verificationCode: '1',
        employeeId: EMPLOYEE,
      }),
    );
    expect(['wrong_verification_code', 'not_verified']).toContain(wrongPin.code);
    expect(wrongPin.category).toBe('needs_action');
    const restricted = await failure(
      h.client.capture(flow, {
        authorizationId: auto.authorizationId,
        amountCents: 100,
        employeeId: DEMO_MERCHANT.employees.restricted,
      }),
    );
    expect(restricted.category).not.toBe('in_doubt');
    const ended = await failure(
      h.client.capture(flow, {
        authorizationId: auto.authorizationId,
        amountCents: 100,
        employeeId: EMPLOYEE,
      }),
    );
    expect(ended).toMatchObject({ category: 'needs_action', code: 'authorization_ended' });
    const missing = await failure(h.client.getAuthorization(flow, '999999999'));
    expect(missing).toMatchObject({ category: 'needs_action', code: 'not_found' });
    const badInput = await failure(
      h.client.capture(flow, { authorizationId: auto.authorizationId, amountCents: 0, employeeId: EMPLOYEE }),
    );
    expect(badInput).toMatchObject({ category: 'needs_action', code: 'invalid_input' });
  });
});

describe('applications and close', () => {
  const applicant = {
    firstName: 'Ada',
    lastName: 'Applicant',
    dob: '1980-02-02',
    address1: '1 Main St',
    city: 'Toronto',
    province: 'ON',
    postalCode: 'M5V 2T6',
    phoneNumber: '4165550199',
    email: 'ada@example.com',
    housingType: 'Rent',
    monthlyHousingCostCents: 150_000,
    occupationId: 'FE',
    annualIncomeCents: 8_000_000,
    govidType: 'CADL',
    govidIssuedBy: 'ON',
    govidNumber: 'A1234-56789-01234',
    securityId: '4',
    securityAnswer: 'Rex',
    tosAgreement: true as const,
    creditConsent: true as const,
    employeeId: EMPLOYEE,
  };

  it('applies (approved and pending) and polls the status', async () => {
    const flow = await h.client.startFlow();
    const approved = await h.client.submitApplication(flow, { ...applicant, middleName: 'A-RR_L' });
    expect(approved).toMatchObject({ decision: 'approved', creditLimitCents: 1_000_000 });
    expect(approved.accountNumber).toMatch(/^\d+$/);
    const pending = await h.client.submitApplication(await h.client.startFlow(), {
      ...applicant,
      firstName: 'Bea',
      middleName: 'P-CREDIT',
    });
    expect(pending).toMatchObject({ decision: 'pending', reason: 'credit' });
    await h.advance(60);
    const later = await h.client.getApplicationStatus(h.client.newFlow(), pending.applicationId);
    expect(later.decision).toBe('approved');
    const duplicate = await failure(h.client.submitApplication(await h.client.startFlow(), applicant));
    expect(duplicate).toMatchObject({ category: 'needs_action', code: 'customer_already_exists' });
  });

  it('closes a new Quebec account; refuses others', async () => {
    const flow = h.client.newFlow();
    await expect(h.client.closeAccount(flow, { accountNumber: A.quebec.accountNumber })).resolves.toEqual({
      ok: true,
    });
    const old = await failure(h.client.closeAccount(flow, { accountNumber: A.quebecOld.accountNumber }));
    expect(old).toMatchObject({ category: 'needs_action', code: 'wrong_inputs' });
  });
});

describe('transport failures', () => {
  it('maps 5xx to retryable after one retry, and a refused connection to flexiti_down', async () => {
    const flow = h.client.newFlow();
    await h.control.fault({
      method: 'GET',
      path: '**/customers/lookup',
      kind: 'status',
      status: 503,
      times: 2,
    });
    const down = await failure(
      h.client.lookupCustomer(flow, { by: 'account', accountNumber: A.miTester.accountNumber }),
    );
    expect(down).toMatchObject({
      category: 'retryable',
      code: 'server_error',
      supportReference: flow.referenceId,
    });
    await h.control.fault({
      method: 'GET',
      path: '**/customers/lookup',
      kind: 'status',
      status: 503,
      times: 1,
    });
    // One 5xx is absorbed by the retry.
    await expect(
      h.client.lookupCustomer(flow, { by: 'account', accountNumber: A.miTester.accountNumber }),
    ).resolves.toMatchObject({ accountNumber: String(A.miTester.accountNumber) });

    const unreachable = new FlexitiClient({
      apiRoot: `http://127.0.0.1:${await closedPort()}/flexiti/pos-api/`,
      credentials: async () => ({
        clientId: DEMO_MERCHANT.clientId,
        clientSecret: DEMO_MERCHANT.clientSecret,
      }),
      journal: h.journal,
      terminal: TERMINAL,
      journalPolicy: fastPolicy(),
    });
    const refused = await failure(
      unreachable.lookupCustomer(flow, { by: 'account', accountNumber: A.miTester.accountNumber }),
    );
    expect(refused).toMatchObject({ category: 'flexiti_down', code: 'flexiti_unreachable' });
  });

  it('maps a slow answer to a retryable timeout, and repeatedly dropped connections to flexiti_down', async () => {
    const impatient = new FlexitiClient({
      apiRoot: h.client.transport.urlFor('/'),
      credentials: async () => ({
        clientId: DEMO_MERCHANT.clientId,
        clientSecret: DEMO_MERCHANT.clientSecret,
      }),
      journal: h.journal,
      terminal: TERMINAL,
      timeouts: { readMs: 150 },
    });
    const flow = impatient.newFlow();
    const lookup = () =>
      impatient.lookupCustomer(flow, { by: 'account', accountNumber: A.miTester.accountNumber });
    await impatient.startFlow();
    await h.control.fault({
      method: 'GET',
      path: '**/customers/lookup',
      kind: 'latency',
      latency_ms: 400,
      times: 2,
    });
    expect(await failure(lookup())).toMatchObject({ category: 'retryable', code: 'timeout' });
    await h.control.fault({
      method: 'GET',
      path: '**/customers/lookup',
      kind: 'drop_before_commit',
      times: 2,
    });
    expect(await failure(lookup())).toMatchObject({ category: 'flexiti_down', code: 'flexiti_unreachable' });
    // One dropped connection is absorbed by the retry.
    await h.control.fault({
      method: 'GET',
      path: '**/customers/lookup',
      kind: 'drop_before_commit',
      times: 1,
    });
    await expect(lookup()).resolves.toMatchObject({ accountNumber: String(A.miTester.accountNumber) });
  });

  it('says "check the credentials" for a rejected client secret, without the secret', async () => {
    const wrongSecret = 'wrong-secret-value-12345';
    secrets.add(wrongSecret);
    const client = new FlexitiClient({
      apiRoot: h.client.transport.urlFor('/'),
      credentials: async () => ({ clientId: DEMO_MERCHANT.clientId, clientSecret: wrongSecret }),
      journal: h.journal,
      terminal: TERMINAL,
    });
    const rejected = await failure(
      client.lookupCustomer(client.newFlow(), { by: 'vcc', vccNumber: A.miTester.vcc }),
    );
    expect(rejected).toMatchObject({ category: 'our_bug', code: 'credentials_rejected' });
    const missing = new FlexitiClient({
      apiRoot: h.client.transport.urlFor('/'),
      credentials: async () => null,
      journal: h.journal,
      terminal: TERMINAL,
    });
    expect((await failure(missing.startFlow())).code).toBe('credentials_missing');
  });
});

describe('error hygiene', () => {
  it('exports a code list covering every error seen', () => {
    for (const error of seenErrors) {
      expect(CLIENT_ERROR_CODES).toContain((error as FlexitiCallError).appError.code);
    }
  });

  it('never puts a secret, token, PIN or full account or card number into an error', async () => {
    const session = await h.client.tokens.session();
    secrets.add(session.accessToken);
    const numbers = Object.values(A).flatMap((a) => [String(a.accountNumber), a.vcc]);
    expect(seenErrors.length).toBeGreaterThan(15);
    for (const error of seenErrors) {
      expect(isFlexitiCallError(error)).toBe(true);
      const text = `${String(error)} ${JSON.stringify(error)} ${JSON.stringify((error as FlexitiCallError).appError)}`;
      for (const secret of [...secrets, ...numbers]) {
        // As a whole token: a 4-digit PIN may legitimately occur inside a random hex reference id.
        const whole = new RegExp(`(?<![0-9A-Za-z])${secret.replace(/[^0-9A-Za-z]/g, '\\$&')}(?![0-9A-Za-z])`);
        if (secret.length >= 4) expect(text).not.toMatch(whole);
      }
    }
    // The journal's clear columns (summaries, reasons, notes) hold last 4 digits at most.
    const clear = JSON.stringify(h.journal.list());
    expect(h.journal.list().length).toBeGreaterThan(10);
    for (const secret of [...secrets, ...numbers]) {
      const whole = new RegExp(`(?<![0-9A-Za-z])${secret.replace(/[^0-9A-Za-z]/g, '\\$&')}(?![0-9A-Za-z])`);
      if (secret.length >= 4) expect(clear).not.toMatch(whole);
    }
  });
});
