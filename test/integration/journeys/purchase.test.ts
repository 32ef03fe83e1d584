/**
 * Purchase journeys through the handler table against the real sandbox: look up, verify, price,
 * authorize, capture, release, receipt; declines, wrong PINs, security questions and Flexiti down.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { CASHIER, JOHN, Journeys, MANAGER, MARIE, MITESTER, useJourneys } from './journey-harness';

const JOHN_ACCOUNT = DEMO.accounts.johnSmith.accountNumber;
const MARIE_ACCOUNT = DEMO.accounts.quebec.accountNumber;
const MI_ACCOUNT = DEMO.accounts.miTester.accountNumber;
/** The sandbox catalogue's plan 4 rates (preferred / premium / standard, §0A.9). */
const PLAN4_RATES = [0.0999, 0.1999, 0.2999];

function equalPayment(amountCents: number, rate: number, term: number): number {
  const r = rate / 12;
  return Math.round((amountCents * r) / (1 - (1 + r) ** -term));
}

let j: Journeys;

useJourneys({ expectNothingLeaked: true, eachTest: { clearFaults: true, signIn: CASHIER } }, (started) => {
  j = started;
});

const findAccount: Journeys['findAccount'] = (customer, status) => j.findAccount(customer, status);

async function verifyBySms(flowId: string, accountRef: string, accountNumber: number): Promise<string> {
  const started = await j.ok('verify.start', { flowId, accountRef, method: 'sms' });
  expect(started).toEqual({ method: 'sms', state: 'awaiting_pin' });
  const pin = await j.latestPin(accountNumber);
  expect(await j.ok('verify.submitPin', { flowId, accountRef, pin })).toEqual({ state: 'ready' });
  return pin;
}

describe('a financed purchase', () => {
  it('looks up John Smith, verifies by SMS, prices 1,000.00 and buys on 12 months with auto-capture', async () => {
    const { flowId, account } = await findAccount(JOHN);
    expect(account.cardMasked).toBe(`•••• ${DEMO.accounts.johnSmith.vcc.slice(-4)}`);
    const before = await j.ledger(JOHN_ACCOUNT);

    const { methods } = await j.ok('verify.methods', { flowId, accountRef: account.accountRef });
    const names = methods.map((m) => m.method);
    expect(names).toEqual(expect.arrayContaining(['sms', 'email', 'security_question', 'merchant_override']));
    expect(names).not.toContain('regular_purchase_bypass');
    expect(methods.find((m) => m.method === 'merchant_override')?.needsManager).toBe(true);
    expect(methods.find((m) => m.method === 'sms')?.destinationMasked).toBe('******0102');

    await verifyBySms(flowId, account.accountRef, JOHN_ACCOUNT);

    const pricing = await j.ok('pricing.calculate', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 100_000,
    });
    expect(pricing.amountCents).toBe(100_000);
    const plan4 = pricing.plans.find((p) => p.planId === 4);
    const twelve = plan4?.terms.find((t) => t.term === 12);
    if (!twelve?.annualRate) throw new Error('plan 4 over 12 months missing');
    expect(PLAN4_RATES).toContain(twelve.annualRate.rate);
    // P·r/(1−(1+r)^−n), r = rate/12, rounded half-up (§0A.9).
    expect(twelve.monthlyPaymentCents).toBe(equalPayment(100_000, twelve.annualRate.rate, 12));
    expect(twelve.totalCostCents).toBe(twelve.monthlyPaymentCents * 12);
    expect(pricing.quebecDisclosure).toBeUndefined();
    expect(pricing.regularPurchase?.bypassAllowed).toBe(false);

    // 1,000.00 plus interest is more than John's available credit: a plain decline, nothing held.
    const declined = await j.error('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 100_000,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
    });
    expect(declined).toMatchObject({ category: 'declined', code: 'credit_exceeded' });
    expect((await j.ledger(JOHN_ACCOUNT)).authorizations).toHaveLength(before.authorizations.length);

    // Flexiti consumes a PIN only on success: the same verification buys a smaller amount.
    const smaller = await j.ok('pricing.calculate', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 50_000,
    });
    const payment = smaller.plans
      .find((p) => p.planId === 4)
      ?.terms.find((t) => t.term === 12)?.monthlyPaymentCents;
    const { authorization } = await j.ok('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 50_000,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
      orderReference: 'ORDER-1001',
      lineItems: [{ sku: 'TV-32', description: 'Television', quantity: 1, unitPriceCents: 50_000 }],
    });
    expect(authorization).toMatchObject({
      status: 'closed',
      authorizedCents: 50_000,
      capturedCents: 50_000,
      remainingCents: 0,
      cardMasked: account.cardMasked,
      orderReference: 'ORDER-1001',
      financing: { kind: 'plan', planId: 4, term: 12, monthlyPaymentCents: payment },
    });
    expect(authorization.captureIds).toHaveLength(1);

    const after = await j.ledger(JOHN_ACCOUNT);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(50_000);
    expect(after.open_holds_cents).toBe(before.open_holds_cents);
    expect(after.authorizations).toHaveLength(before.authorizations.length + 1);

    const { receipt } = await j.ok('purchase.receipt', { authorizationId: authorization.authorizationId });
    expect(receipt).toMatchObject({
      languages: ['en'],
      locationId: 'STORE-001',
      employeeId: CASHIER.employeeId,
      storeProvince: 'ON',
      authorization: { authorizationId: authorization.authorizationId, capturedCents: 50_000 },
    });
    expect(receipt.authorization.cardMasked).toMatch(/^•••• \d{4}$/);
    expect(receipt.texts[0]?.planLabel).toBe('Equal Payments, Regular Interest');
    expect(receipt.authorization.financing.annualRate?.rate).toBe(twelve.annualRate.rate);
    expect(receipt.texts[0]?.quebecDisclosure).toBeUndefined();
    expect(JSON.stringify(receipt)).not.toMatch(/govid|licen/i);

    // The PIN was used: the next purchase must verify again.
    const again = await j.error('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 1_000,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
    });
    expect(again).toMatchObject({ category: 'needs_action', code: 'verification_required' });
  });

  it('authorizes, captures part at pickup, and a manager releases the rest', async () => {
    const { flowId, account } = await findAccount(MITESTER);
    await verifyBySms(flowId, account.accountRef, MI_ACCOUNT);
    const before = await j.ledger(MI_ACCOUNT);
    const { authorization } = await j.ok('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 60_000,
      financing: { kind: 'plan', planId: 4, term: 6 },
      autoCapture: false,
    });
    expect(authorization).toMatchObject({ status: 'opened', remainingCents: 60_000, capturedCents: 0 });
    const held = await j.ledger(MI_ACCOUNT);
    expect(held.open_holds_cents - before.open_holds_cents).toBe(60_000);
    expect(held.posted_balance_cents).toBe(before.posted_balance_cents);

    const captured = await j.ok('purchase.capture', {
      authorizationId: authorization.authorizationId,
      amountCents: 45_000,
    });
    expect(captured.authorization).toMatchObject({
      status: 'opened',
      capturedCents: 45_000,
      remainingCents: 15_000,
    });
    expect(captured.authorization.captureIds).toContain(captured.captureId);

    // A cashier may not release; a manager may.
    const refused = await j.error('purchase.release', { authorizationId: authorization.authorizationId });
    expect(refused).toMatchObject({ category: 'not_allowed', code: 'role_not_allowed' });
    await j.signIn(MANAGER);
    const released = await j.ok('purchase.release', { authorizationId: authorization.authorizationId });
    expect(released.releasedCents).toBe(15_000);
    expect(released.authorization).toMatchObject({
      status: 'closed',
      authorizedCents: 60_000,
      capturedCents: 45_000,
      releasedCents: 15_000,
      remainingCents: 0,
    });

    const after = await j.ledger(MI_ACCOUNT);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(45_000);
    expect(after.open_holds_cents).toBe(before.open_holds_cents);
  });

  it('prints a French receipt with the Quebec disclosure for a fr-CA customer in Quebec', async () => {
    const { flowId, account } = await findAccount(MARIE);
    expect(account.preferredLanguage).toBe('fr');
    await verifyBySms(flowId, account.accountRef, MARIE_ACCOUNT);
    const pricing = await j.ok('pricing.calculate', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 50_000,
    });
    expect(pricing.quebecDisclosure).toBeTruthy();
    expect(pricing.plans.map((p) => p.planId)).not.toContain(7);
    const { authorization } = await j.ok('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 50_000,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
    });
    const { receipt } = await j.ok('purchase.receipt', { authorizationId: authorization.authorizationId });
    expect(receipt.languages[0]).toBe('fr');
    expect(receipt.texts[0]).toMatchObject({
      language: 'fr',
      planLabel: 'Versements égaux, intérêt régulier',
      transactionLabel: 'Achat financé',
    });
    expect(receipt.texts[0]?.quebecDisclosure).toMatch(/Résidents du Québec/);
    expect(receipt.texts[0]?.financingMessages?.join(' ')).toMatch(/Résidents du Québec/);

    // Bilingual: each section carries Flexiti's rate text in its own language, asked for separately
    // (a Quebec account's rate text is the disclosure itself), though the sale was made in French.
    await j.signIn(MANAGER);
    await j.ok('settings.update', { patch: { receipt: { format: 'bilingual' } } });
    const bilingual = await j.ok('purchase.receipt', { authorizationId: authorization.authorizationId });
    expect(bilingual.receipt.languages).toEqual(['fr', 'en']);
    const [fr, en] = bilingual.receipt.texts;
    expect(fr?.financingMessages?.join(' ')).toMatch(/Résidents du Québec/);
    expect(en?.financingMessages?.join(' ')).toMatch(/Quebec residents/);
    expect(en?.financingMessages?.join(' ')).not.toMatch(/Résidents/);
    await j.ok('settings.update', { patch: { receipt: { format: 'auto' } } });
  });
});

describe('refusals', () => {
  it('refuses a frozen account with a plain declined error', async () => {
    const { flowId, account } = await findAccount(JOHN, 'frozen');
    expect(account.canPurchase).toBe(false);
    const error = await j.error('pricing.calculate', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 10_000,
    });
    expect(error.category).toBe('declined');
    expect(error.code).toBe('user_not_able_to_purchase');
  });

  it('answers a wrong PIN with needs_action at authorization and charges nothing', async () => {
    const { flowId, account } = await findAccount(JOHN);
    await j.ok('verify.start', { flowId, accountRef: account.accountRef, method: 'sms' });
    const real = await j.latestPin(JOHN_ACCOUNT);
    const wrong = String(((Number(real) + 1) % 9000) + 1000);
    j.secrets.add(wrong);
    await j.ok('verify.submitPin', { flowId, accountRef: account.accountRef, pin: wrong });
    const before = await j.ledger(JOHN_ACCOUNT);
    const error = await j.error('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 20_000,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
    });
    expect(error).toMatchObject({ category: 'needs_action', code: 'wrong_verification_code' });
    expect((await j.ledger(JOHN_ACCOUNT)).authorizations).toHaveLength(before.authorizations.length);
  });

  it('verifies by security question without the PIN ever reaching the renderer', async () => {
    const { flowId, account } = await findAccount(MITESTER);
    const { methods } = await j.ok('verify.methods', { flowId, accountRef: account.accountRef });
    expect(methods.find((m) => m.method === 'security_question')?.questionText).toBe(
      'What was the first concert you attended?',
    );
    j.secrets.add(DEMO.accounts.miTester.securityAnswer);
    const mismatch = await j.error('verify.start', {
      flowId,
      accountRef: account.accountRef,
      method: 'security_question',
      answer: 'Not my friend',
    });
    expect(mismatch).toMatchObject({ category: 'needs_action', code: 'secret_answer_mismatch' });

    const outboxBefore = await j.outboxCount();
    const started = await j.ok('verify.start', {
      flowId,
      accountRef: account.accountRef,
      method: 'security_question',
      answer: DEMO.accounts.miTester.securityAnswer,
    });
    expect(started).toEqual({ method: 'security_question', state: 'ready' });
    expect(await j.outboxCount()).toBe(outboxBefore);
    const before = await j.ledger(MI_ACCOUNT);
    const { authorization } = await j.ok('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 12_345,
      financing: { kind: 'plan', planId: 4, term: 3 },
      autoCapture: true,
    });
    expect(authorization.capturedCents).toBe(12_345);
    const after = await j.ledger(MI_ACCOUNT);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(12_345);
  });

  it('keeps merchant override for managers, and a manager override buys', async () => {
    const { flowId, account } = await findAccount(MITESTER);
    const error = await j.error('verify.start', {
      flowId,
      accountRef: account.accountRef,
      method: 'merchant_override',
    });
    expect(error).toMatchObject({ category: 'not_allowed', code: 'manager_required' });

    // Signing in clears the flows: the manager serves the customer from the look-up on.
    await j.signIn(MANAGER);
    const served = await findAccount(MITESTER);
    expect(
      await j.ok('verify.start', {
        flowId: served.flowId,
        accountRef: served.account.accountRef,
        method: 'merchant_override',
      }),
    ).toEqual({ method: 'merchant_override', state: 'ready' });
    const { authorization } = await j.ok('purchase.authorize', {
      flowId: served.flowId,
      accountRef: served.account.accountRef,
      amountCents: 7_500,
      financing: { kind: 'plan', planId: 4, term: 6 },
      autoCapture: true,
    });
    expect(authorization.capturedCents).toBe(7_500);
  });
});

describe('Flexiti down', () => {
  it('answers flexiti_down, loses nothing, and the retry makes exactly one authorization', async () => {
    const { flowId, account } = await findAccount(MITESTER);
    await verifyBySms(flowId, account.accountRef, MI_ACCOUNT);
    const before = await j.ledger(MI_ACCOUNT);
    await j.control('POST', '/faults', {
      method: 'POST',
      path: '**/authorization',
      kind: 'status',
      status: 503,
      times: 100,
    });
    const request = {
      flowId,
      accountRef: account.accountRef,
      amountCents: 33_300,
      financing: { kind: 'plan' as const, planId: 4, term: 12 },
      autoCapture: true,
    };
    const error = await j.error('purchase.authorize', request);
    expect(error).toMatchObject({ category: 'flexiti_down', code: 'flexiti_unavailable' });
    const during = await j.ledger(MI_ACCOUNT);
    expect(during.authorizations).toHaveLength(before.authorizations.length);
    expect(during.posted_balance_cents).toBe(before.posted_balance_cents);

    await j.control('DELETE', '/faults');
    const { authorization } = await j.ok('purchase.authorize', request);
    expect(authorization.capturedCents).toBe(33_300);
    const after = await j.ledger(MI_ACCOUNT);
    expect(after.authorizations).toHaveLength(before.authorizations.length + 1);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(33_300);

    // Pressing "Pay" again does not charge twice: the PIN is spent, nothing new is sent.
    const twice = await j.error('purchase.authorize', request);
    expect(twice.category).toBe('needs_action');
    expect((await j.ledger(MI_ACCOUNT)).authorizations).toHaveLength(before.authorizations.length + 1);
  });
});

describe('An answer lost, then a new flow for the same customer', () => {
  it('settles the earlier authorization first and never makes a second one', async () => {
    const first = await findAccount(MITESTER);
    await verifyBySms(first.flowId, first.account.accountRef, MI_ACCOUNT);
    const before = await j.ledger(MI_ACCOUNT);
    await j.control('POST', '/faults', {
      method: 'POST',
      path: '**/authorization',
      // Flexiti commits but the answer is lost: the earlier authorization's outcome is unknown.
      kind: 'drop_after_commit',
      times: 100,
    });
    const down = await j.error('purchase.authorize', {
      flowId: first.flowId,
      accountRef: first.account.accountRef,
      amountCents: 44_400,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
    });
    expect(down.category).toBe('in_doubt');
    await j.control('DELETE', '/faults');

    // The cashier starts over: the earlier request is settled before anything new is sent.
    const second = await findAccount(MITESTER);
    await verifyBySms(second.flowId, second.account.accountRef, MI_ACCOUNT);
    const other = await j.error('purchase.authorize', {
      flowId: second.flowId,
      accountRef: second.account.accountRef,
      amountCents: 10_000,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
    });
    expect(other).toMatchObject({ category: 'needs_action', code: 'earlier_authorization_applied' });
    const after = await j.ledger(MI_ACCOUNT);
    expect(after.authorizations).toHaveLength(before.authorizations.length + 1);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(44_400);
    expect(String(after.authorizations.at(-1)?.authorization_id)).toBe(other.supportReference);
  });
});

describe('the counter', () => {
  it('makes one authorization when "Pay" is pressed twice', async () => {
    const { flowId, account } = await findAccount(MITESTER);
    await verifyBySms(flowId, account.accountRef, MI_ACCOUNT);
    const before = await j.ledger(MI_ACCOUNT);
    const request = {
      flowId,
      accountRef: account.accountRef,
      amountCents: 21_000,
      financing: { kind: 'plan' as const, planId: 5, term: 12 },
      autoCapture: true,
    };
    const [first, second] = await Promise.all([
      j.ok('purchase.authorize', request),
      j.ok('purchase.authorize', request),
    ]);
    expect(second.authorization.authorizationId).toBe(first.authorization.authorizationId);
    const after = await j.ledger(MI_ACCOUNT);
    expect(after.authorizations).toHaveLength(before.authorizations.length + 1);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(21_000);
  });

  it('resends the SMS and only the newest PIN buys', async () => {
    const { flowId, account } = await findAccount(MITESTER);
    await j.ok('verify.start', { flowId, accountRef: account.accountRef, method: 'sms' });
    const firstPin = await j.latestPin(MI_ACCOUNT);
    const count = await j.outboxCount();
    expect(await j.ok('verify.resend', { flowId, accountRef: account.accountRef })).toEqual({
      method: 'sms',
      state: 'awaiting_pin',
    });
    expect(await j.outboxCount()).toBe(count + 1);
    const newest = await j.latestPin(MI_ACCOUNT);
    const request = {
      flowId,
      accountRef: account.accountRef,
      amountCents: 5_000,
      financing: { kind: 'plan' as const, planId: 4, term: 3 },
      autoCapture: true,
    };
    // The replaced PIN is refused (unless the new one happens to be the same 4 digits).
    if (firstPin !== newest) {
      await j.ok('verify.submitPin', { flowId, accountRef: account.accountRef, pin: firstPin });
      expect(await j.error('purchase.authorize', request)).toMatchObject({ code: 'wrong_verification_code' });
    }
    // A mistyped PIN is typed again without a new SMS.
    await j.ok('verify.submitPin', { flowId, accountRef: account.accountRef, pin: newest });
    const { authorization } = await j.ok('purchase.authorize', request);
    expect(authorization.capturedCents).toBe(5_000);
  });

  it('offers the regular-purchase bypass only for a small regular purchase, and it buys', async () => {
    const { flowId, account } = await findAccount(MITESTER);
    const promotional = await j.ok('verify.methods', {
      flowId,
      accountRef: account.accountRef,
      purchase: { kind: 'promotional', amountCents: 15_000 },
    });
    expect(promotional.methods.map((m) => m.method)).not.toContain('regular_purchase_bypass');
    const large = await j.ok('verify.methods', {
      flowId,
      accountRef: account.accountRef,
      purchase: { kind: 'regular', amountCents: 25_000 },
    });
    expect(large.methods.map((m) => m.method)).not.toContain('regular_purchase_bypass');
    const small = await j.ok('verify.methods', {
      flowId,
      accountRef: account.accountRef,
      purchase: { kind: 'regular', amountCents: 15_000 },
    });
    expect(small.methods.map((m) => m.method)).toContain('regular_purchase_bypass');

    const before = await j.ledger(MI_ACCOUNT);
    expect(
      await j.ok('verify.start', {
        flowId,
        accountRef: account.accountRef,
        method: 'regular_purchase_bypass',
      }),
    ).toEqual({ method: 'regular_purchase_bypass', state: 'ready' });
    const { authorization } = await j.ok('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents: 15_000,
      financing: { kind: 'regular' },
      autoCapture: true,
    });
    expect(authorization.financing.kind).toBe('regular');
    expect(authorization.capturedCents).toBe(15_000);
    const after = await j.ledger(MI_ACCOUNT);
    expect(after.posted_balance_cents - before.posted_balance_cents).toBe(15_000);
  });
});
