/**
 * The terminal's own records through the handler table, against the real core and a real sandbox:
 * purchases land in the sales ledger and the end-of-day report to the cent of Flexiti's ledger, the
 * audit trail records who did what with an intact chain, and only a manager may read any of it.
 */
import { describe, expect, it } from 'vitest';
import { businessDateOf, defaultTimeZone } from '../../../src/main/core/sales/business-day';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import type { Channel, RequestOf } from '../../../src/shared/ipc/contract';
import { CASHIER, Journeys, MANAGER, MITESTER, useJourneys } from './journey-harness';

const MI_ACCOUNT = DEMO.accounts.miTester.accountNumber;
const MI_LAST4 = String(MI_ACCOUNT).slice(-4);

let j: Journeys;
/** Authorizations this file made, to compare with Flexiti's ledger. */
const made: { authorizationId: string; employeeId: string }[] = [];

useJourneys({}, (started) => {
  j = started;
});

async function miTesterFlow() {
  const { flowId, account } = await j.findAccount(MITESTER);
  return { flowId, accountRef: account.accountRef };
}

async function verifyBySecurityQuestion(flowId: string, accountRef: string): Promise<void> {
  await j.ok('verify.methods', { flowId, accountRef });
  await j.verifyMiTesterByQuestion(flowId, accountRef);
}

function today(): string {
  return businessDateOf(Date.now(), defaultTimeZone());
}

describe('sales ledger and end-of-day report', () => {
  it('records a cashier purchase with auto-capture, matching Flexiti to the cent', async () => {
    const wrong = await j.error('session.signIn', { employeeId: CASHIER.employeeId, pin: '00000000' });
    expect(wrong.category).toBe('needs_action');
    await j.signIn(CASHIER);
    const { flowId, accountRef } = await miTesterFlow();
    await verifyBySecurityQuestion(flowId, accountRef);
    const { authorization } = await j.ok('purchase.authorize', {
      flowId,
      accountRef,
      amountCents: 12_345,
      financing: { kind: 'plan', planId: 4, term: 3 },
      autoCapture: true,
      orderReference: 'MR-1001',
    });
    made.push({ authorizationId: authorization.authorizationId, employeeId: CASHIER.employeeId });

    await j.signIn(MANAGER);
    const { sales, total } = await j.ok('sales.search', { referencePrefix: 'MR-1001' });
    expect(total).toBe(1);
    const sale = sales[0];
    const flexiti = (await j.ledger(MI_ACCOUNT)).authorizations.find(
      (a) => String(a.authorization_id) === authorization.authorizationId,
    );
    if (!sale || !flexiti) throw new Error('sale missing');
    expect(sale).toMatchObject({
      authorizationId: authorization.authorizationId,
      employeeId: CASHIER.employeeId,
      accountLast4: MI_LAST4,
      transactionType: 'promotional_purchase',
      planId: 4,
      term: 3,
      autoCapture: true,
      reference: 'MR-1001',
      state: 'closed',
      remainingToCaptureCents: flexiti.remaining_authorization_amount_cents,
    });
    expect(sale.amountCents).toBe(flexiti.authorized_amount_cents);
    expect(sale.capturedCents).toBe(flexiti.captured_amount_cents);
    expect(sale.captures.map((c) => c.captureId)).toEqual(authorization.captureIds);
    expect(sale.referenceId).toMatch(/^[A-Za-z0-9-]+$/);
  });

  it('records authorize, capture and release each, matching Flexiti to the cent', async () => {
    await j.signIn(CASHIER);
    const { flowId, accountRef } = await miTesterFlow();
    await verifyBySecurityQuestion(flowId, accountRef);
    const { authorization } = await j.ok('purchase.authorize', {
      flowId,
      accountRef,
      amountCents: 60_000,
      financing: { kind: 'plan', planId: 4, term: 6 },
      autoCapture: false,
      orderReference: 'MR-2002',
    });
    made.push({ authorizationId: authorization.authorizationId, employeeId: CASHIER.employeeId });
    await j.signIn(MANAGER);
    const opened = (await j.ok('sales.search', { referencePrefix: 'MR-2002' })).sales[0];
    expect(opened).toMatchObject({ state: 'opened', capturedCents: 0, remainingToCaptureCents: 60_000 });

    await j.signIn(CASHIER);
    const captured = await j.ok('purchase.capture', {
      authorizationId: authorization.authorizationId,
      amountCents: 45_000,
    });
    await j.signIn(MANAGER);
    const released = await j.ok('purchase.release', { authorizationId: authorization.authorizationId });
    expect(released.releasedCents).toBe(15_000);

    const sale = (await j.ok('sales.search', { referencePrefix: 'MR-2002' })).sales[0];
    const flexiti = (await j.ledger(MI_ACCOUNT)).authorizations.find(
      (a) => String(a.authorization_id) === authorization.authorizationId,
    );
    if (!sale || !flexiti) throw new Error('sale missing');
    expect(sale.captures).toEqual([
      expect.objectContaining({
        captureId: captured.captureId,
        amountCents: 45_000,
        employeeId: CASHIER.employeeId,
      }),
    ]);
    expect(sale.releases).toEqual([
      expect.objectContaining({ amountCents: 15_000, employeeId: MANAGER.employeeId }),
    ]);
    expect(sale.state).toBe('closed');
    expect(sale.capturedCents).toBe(flexiti.captured_amount_cents);
    expect(sale.releasedCents).toBe(flexiti.released_amount_cents);
    expect(sale.remainingToCaptureCents).toBe(flexiti.remaining_authorization_amount_cents);
  });

  it("totals the day by employee and by plan as Flexiti's ledger does", async () => {
    await j.signIn(MANAGER);
    const { report } = await j.ok('reports.endOfDay', { date: today() });
    const flexiti = (await j.ledger(MI_ACCOUNT)).authorizations.filter((a) =>
      made.some((m) => m.authorizationId === String(a.authorization_id)),
    );
    expect(flexiti).toHaveLength(made.length);
    const sum = (pick: (a: (typeof flexiti)[number]) => number) => flexiti.reduce((t, a) => t + pick(a), 0);

    expect(report.inDoubt).toEqual([]);
    expect(report.overall.authorizationsOpened).toEqual({
      count: made.length,
      cents: sum((a) => a.authorized_amount_cents),
    });
    expect(report.overall.captures.cents).toBe(sum((a) => a.captured_amount_cents));
    expect(report.overall.releases).toEqual({ count: 1, cents: sum((a) => a.released_amount_cents) });

    const cashier = report.byEmployee.find((e) => e.employeeId === CASHIER.employeeId);
    expect(cashier?.totals.authorizationsOpened.cents).toBe(sum((a) => a.authorized_amount_cents));
    expect(cashier?.totals.captures.cents).toBe(sum((a) => a.captured_amount_cents));
    const manager = report.byEmployee.find((e) => e.employeeId === MANAGER.employeeId);
    expect(manager?.totals.releases.cents).toBe(sum((a) => a.released_amount_cents));

    expect(report.byPlan).toHaveLength(1);
    expect(report.byPlan[0]).toMatchObject({ transactionType: 'promotional_purchase', planId: 4 });
    expect(report.byPlan[0]?.totals.captures.cents).toBe(sum((a) => a.captured_amount_cents));

    const { csv } = await j.ok('reports.endOfDayCsv', { date: today() });
    expect(csv.split('\r\n')[0]).toContain('section');
    expect(csv).toContain(CASHIER.employeeId);
  });
});

describe('audit trail', () => {
  it('records sign-in, lookup, verification and authorization with the right actor, in an intact chain', async () => {
    await j.signIn(MANAGER);
    const signIns = (await j.ok('audit.query', { action: 'sign_in', pageSize: 200 })).rows;
    expect(signIns).toContainEqual(
      expect.objectContaining({ actorId: CASHIER.employeeId, actorRole: 'cashier', outcome: 'denied' }),
    );
    expect(signIns).toContainEqual(
      expect.objectContaining({ actorId: CASHIER.employeeId, actorRole: 'cashier', outcome: 'ok' }),
    );

    const lookups = (await j.ok('audit.query', { action: 'customer_lookup' })).rows;
    expect(lookups.length).toBeGreaterThanOrEqual(2);
    expect(lookups[0]).toMatchObject({ actorId: CASHIER.employeeId, outcome: 'ok', detail: { by: 'name' } });

    const verifies = (await j.ok('audit.query', { action: 'verify_method', accountLast4: MI_LAST4 })).rows;
    expect(verifies.length).toBeGreaterThanOrEqual(2);
    expect(verifies[0]).toMatchObject({
      actorId: CASHIER.employeeId,
      detail: { method: 'security_question' },
    });

    const authorizations = (await j.ok('audit.query', { action: 'authorization' })).rows;
    expect(authorizations.map((r) => r.authorizationId).sort()).toEqual(
      made.map((m) => m.authorizationId).sort(),
    );
    for (const row of authorizations) {
      expect(row).toMatchObject({
        actorId: CASHIER.employeeId,
        actorRole: 'cashier',
        accountLast4: MI_LAST4,
      });
    }
    const captures = (await j.ok('audit.query', { action: 'capture' })).rows;
    expect(captures).toEqual([expect.objectContaining({ actorId: CASHIER.employeeId, amountCents: 45_000 })]);
    const releases = (await j.ok('audit.query', { action: 'release' })).rows;
    expect(releases).toEqual([
      expect.objectContaining({ actorId: MANAGER.employeeId, actorRole: 'manager', amountCents: 15_000 }),
    ]);

    const verdict = await j.ok('audit.verify', {});
    expect(verdict.ok).toBe(true);
    const all = await j.ok('audit.query', { pageSize: 1 });
    if (verdict.ok) expect(verdict.rows).toBe(all.total);

    const { csv, rows } = await j.ok('audit.csv', {});
    expect(rows).toBe(all.total);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(rows + 1);
  });

  it('refuses every manager channel to a cashier', async () => {
    await j.signIn(CASHIER);
    const requests: { [C in Channel]?: RequestOf<C> } = {
      'reports.endOfDay': { date: today() },
      'reports.endOfDayCsv': { date: today() },
      'audit.query': {},
      'audit.verify': {},
      'audit.csv': {},
    };
    for (const [channel, payload] of Object.entries(requests)) {
      const result = await j.raw(channel, payload);
      expect(result, channel).toMatchObject({ ok: false, error: { category: 'not_allowed' } });
    }
  });

  it('lets a cashier find sales to start a return, with every account number masked', async () => {
    await j.signIn(CASHIER);
    const { sales, total } = await j.ok('sales.search', { referencePrefix: 'MR-1001' });
    expect(total).toBe(1);
    const sale = sales[0];
    expect(sale?.reference).toBe('MR-1001');
    expect(sale?.accountLast4).toMatch(/^\d{4}$/);
    const text = JSON.stringify(sales);
    expect(text).not.toContain(String(MI_ACCOUNT));
    expect(text).not.toContain(DEMO.accounts.miTester.vcc);
  });
});

describe('reconciliation', () => {
  it('records an authorization settled after its answer was lost, by the system, in both records', async () => {
    await j.signIn(CASHIER);
    const { flowId, accountRef } = await miTesterFlow();
    await verifyBySecurityQuestion(flowId, accountRef);
    await j.control('POST', '/faults', {
      method: 'POST',
      path: '**/authorization',
      // Flexiti commits but the answer never arrives: the one case that leaves a payment in doubt.
      kind: 'drop_after_commit',
      times: 100,
    });
    const down = await j.error('purchase.authorize', {
      flowId,
      accountRef,
      amountCents: 7_700,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
      orderReference: 'MR-3003',
    });
    expect(down.category).toBe('in_doubt');
    await j.control('DELETE', '/faults');

    await j.signIn(MANAGER);
    expect(await j.ok('sales.search', { referencePrefix: 'MR-3003' })).toMatchObject({ total: 0 });
    const settled = await j.ok('journal.reconcile', {});
    expect(settled.settled).toBeGreaterThanOrEqual(1);

    const sale = (await j.ok('sales.search', { referencePrefix: 'MR-3003' })).sales[0];
    if (!sale) throw new Error('the settled authorization is not in the sales ledger');
    const flexiti = (await j.ledger(MI_ACCOUNT)).authorizations.find(
      (a) => String(a.authorization_id) === sale.authorizationId,
    );
    expect(flexiti?.authorized_amount_cents).toBe(7_700);
    expect(sale).toMatchObject({
      amountCents: 7_700,
      capturedCents: flexiti?.captured_amount_cents,
      employeeId: CASHIER.employeeId,
      accountLast4: MI_LAST4,
      planId: 4,
      term: 12,
    });

    const rows = (await j.ok('audit.query', { action: 'reconciliation' })).rows;
    expect(rows).toContainEqual(
      expect.objectContaining({
        actorRole: 'system',
        authorizationId: sale.authorizationId,
        detail: expect.objectContaining({ op: 'authorization', resolution: 'applied' }),
      }),
    );
    const lost = (await j.ok('audit.query', { action: 'authorization' })).rows[0];
    expect(lost).toMatchObject({ actorId: CASHIER.employeeId, outcome: 'in_doubt', amountCents: 7_700 });
    expect((await j.ok('audit.verify', {})).ok).toBe(true);
  });
});

describe('what leaves main', () => {
  it('carries no full account or card number, PIN or security answer in any answer', () => {
    const numbers = Object.values(DEMO.accounts).flatMap((a) => {
      const account = a as { accountNumber: number | string; vcc?: string };
      return [String(account.accountNumber), ...(account.vcc ? [account.vcc] : [])];
    });
    expect(j.answers.length).toBeGreaterThan(10);
    for (const answer of j.answers) {
      const text = JSON.stringify(answer);
      for (const number of numbers) expect(text).not.toContain(number);
      for (const secret of j.secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain(MANAGER.pin);
      expect(text).not.toContain(CASHIER.pin);
      expect(text).not.toMatch(/"(pin|verificationCode|accessToken|refreshToken|clientSecret|answer)":/);
    }
  });
});
