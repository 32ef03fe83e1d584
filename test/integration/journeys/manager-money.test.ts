/**
 * The manager's money channels through the handler table, against the real core and a real sandbox
 * over HTTP: returns (partial, then full) started by a cashier on a manager's one-time approval,
 * the 100-day rule, release of an open authorization by id, a refund with its reason, the Quebec
 * 2-day cancellation, and the ledger checked against Flexiti's own to the cent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { CASHIER, Journeys, MANAGER, MARIE, MITESTER, useJourneys } from './journey-harness';

const MI_ACCOUNT = DEMO.accounts.miTester.accountNumber;
const QC_NEW = DEMO.accounts.quebec.accountNumber;
const QC_OLD = DEMO.accounts.quebecOld.accountNumber;
const LUC = { firstName: 'Luc', lastName: 'Gagnon', dob: '1975-11-02' };
const DAY_MS = 86_400_000;

let j: Journeys;
/** The core's clock: moved to expire approvals and to pass the return window. */
let clock = Date.now();
let postedBefore = 0;
/** What this file's operations should have moved on the MI tester account, in cents. */
const moved = { captured: 0, returned: 0, refunded: 0 };
const authorizations: string[] = [];

useJourneys({ core: { now: () => clock }, secrets: [MANAGER.pin, CASHIER.pin] }, (started) => {
  j = started;
});

beforeAll(async () => {
  postedBefore = (await j.ledger(MI_ACCOUNT)).posted_balance_cents;
});

async function flowFor(person: { firstName: string; lastName: string; dob: string }) {
  const { flowId } = await j.ok('flow.start', {});
  const { accounts } = await j.ok('customers.search', { flowId, ...person });
  const account = accounts[0];
  if (!account) throw new Error('no account');
  return { flowId, accountRef: account.accountRef };
}

/** A promotional purchase on the MI tester account, verified by security question. */
async function purchase(amountCents: number, autoCapture: boolean, orderReference: string) {
  const authorization = await j.buyAsMiTester(amountCents, autoCapture, orderReference);
  authorizations.push(authorization.authorizationId);
  if (autoCapture) moved.captured += amountCents;
  return authorization;
}

async function approval(action: 'return' | 'refund' | 'release' | 'cancel_quebec') {
  const granted = await j.ok('approval.request', {
    action,
    managerId: MANAGER.employeeId,
    managerPin: MANAGER.pin,
  });
  expect(granted).toMatchObject({ action, approverId: MANAGER.employeeId });
  return granted.approval;
}

describe('Quebec 2-day cancellation', () => {
  it('shows the contract date and refuses outside the window or outside Quebec', async () => {
    await j.signIn(MANAGER);
    const old = await flowFor(LUC);
    const preview = await j.ok('accounts.cancelQuebec', { ...old });
    const opened = (await j.ledger(QC_OLD)) as unknown as { creation_date: string };
    expect(preview).toMatchObject({
      accountLast4: String(QC_OLD).slice(-4),
      province: 'QC',
      contractDate: opened.creation_date,
      insideWindow: false,
      refusal: 'window_passed',
      cancelled: false,
    });
    const refused = await j.error('accounts.cancelQuebec', { ...old, confirm: true });
    expect(refused).toMatchObject({ category: 'needs_action', code: 'quebec_window_passed' });
    expect(((await j.ledger(QC_OLD)) as unknown as { account_status: string }).account_status).toBe('N');

    const ontario = await flowFor(MITESTER);
    expect(await j.ok('accounts.cancelQuebec', ontario)).toMatchObject({
      province: 'ON',
      refusal: 'not_quebec',
    });
    expect(await j.error('accounts.cancelQuebec', { ...ontario, confirm: true })).toMatchObject({
      category: 'needs_action',
      code: 'not_quebec_account',
    });
  });

  it('cancels an account opened yesterday, by a cashier with a manager approval', async () => {
    await j.signIn(CASHIER);
    const fresh = await flowFor(MARIE);
    const preview = await j.ok('accounts.cancelQuebec', {
      ...fresh,
      approval: await approval('cancel_quebec'),
    });
    const account = (await j.ledger(QC_NEW)) as unknown as { creation_date: string; account_status: string };
    expect(preview).toMatchObject({ contractDate: account.creation_date, insideWindow: true, refusal: null });
    expect(account.account_status).toBe('N');

    expect(await j.error('accounts.cancelQuebec', { ...fresh, confirm: true })).toMatchObject({
      category: 'not_allowed',
      code: 'role_not_allowed',
    });
    const done = await j.ok('accounts.cancelQuebec', {
      ...fresh,
      confirm: true,
      approval: await approval('cancel_quebec'),
    });
    expect(done.cancelled).toBe(true);
    const closed = (await j.ledger(QC_NEW)) as unknown as {
      account_status: string;
      account_status_reason_code: string;
    };
    expect(closed).toMatchObject({ account_status: 'C', account_status_reason_code: 'FCQC' });

    await j.signIn(MANAGER);
    const { rows } = await j.ok('audit.query', { action: 'account_close' });
    expect(rows.map((r) => [r.outcome, r.actorId, r.approverId])).toEqual(
      expect.arrayContaining([
        ['ok', CASHIER.employeeId, MANAGER.employeeId],
        ['denied', MANAGER.employeeId, null],
      ]),
    );
  });
});

describe('returns on a manager approval', () => {
  it('lets a cashier return part, then the rest, one approval per call', async () => {
    await j.signIn(CASHIER);
    const sale = await purchase(20_000, true, 'MM-RET-1');
    const captureId = sale.captureIds[0];
    if (!captureId) throw new Error('no capture');
    const target = { authorizationId: sale.authorizationId, captureId };

    const preview = await j.ok('returns.preview', { ...target, amountCents: 5_000 });
    expect(preview).toMatchObject({ allowed: true, reasons: [], amountCents: 5_000, remainingCents: 20_000 });
    const tooMuch = await j.ok('returns.preview', { ...target, amountCents: 20_001 });
    expect(tooMuch).toMatchObject({ allowed: false, reasons: ['amount_exceeds_remaining'] });

    expect(await j.error('returns.create', { ...target, amountCents: 5_000 })).toMatchObject({
      category: 'not_allowed',
      code: 'role_not_allowed',
    });
    const wrongPin = await j.error('approval.request', {
      action: 'return',
      managerId: MANAGER.employeeId,
      managerPin: '11112222',
    });
    expect(wrongPin).toMatchObject({ category: 'needs_action', code: 'wrong_pin' });
    expect(
      await j.error('approval.request', {
        action: 'return',
        managerId: CASHIER.employeeId,
        managerPin: CASHIER.pin,
      }),
    ).toMatchObject({ category: 'not_allowed' });

    // A return approval does not open a refund, and is used up by trying.
    const forReturn = await approval('return');
    const misuse = await j.error('refunds.create', {
      source: { kind: 'sale', authorizationId: sale.authorizationId },
      amountCents: 100,
      reason: 'Wrong approval',
      approval: forReturn,
    });
    expect(misuse).toMatchObject({ category: 'not_allowed', code: 'approval_invalid' });
    expect(
      await j.error('returns.create', { ...target, amountCents: 5_000, approval: forReturn }),
    ).toMatchObject({
      code: 'approval_invalid',
    });

    const token = await approval('return');
    const partial = await j.ok('returns.create', { ...target, amountCents: 5_000, approval: token });
    expect(partial).toMatchObject({ returnedCents: 5_000, remainingCaptureCents: 15_000 });
    expect(await j.error('returns.create', { ...target, amountCents: 1_000, approval: token })).toMatchObject(
      {
        category: 'not_allowed',
        code: 'approval_invalid',
      },
    );

    const full = await j.ok('returns.create', { ...target, full: true, approval: await approval('return') });
    expect(full).toMatchObject({ returnedCents: 15_000, remainingCaptureCents: 0 });
    expect(full.sale).toMatchObject({ returnedCents: 20_000, capturedCents: 20_000 });
    expect(full.sale.returns.map((r) => [r.amountCents, r.employeeId, r.approverId])).toEqual([
      [5_000, CASHIER.employeeId, MANAGER.employeeId],
      [15_000, CASHIER.employeeId, MANAGER.employeeId],
    ]);
    moved.returned += 20_000;

    const nothingLeft = await j.ok('returns.preview', { ...target, full: true });
    expect(nothingLeft).toMatchObject({ allowed: false, reasons: ['nothing_remaining'] });

    const flexiti = (await j.ledger(MI_ACCOUNT)).captures.find((c) => String(c.capture_id) === captureId) as
      { remaining_capture_amount_cents: number; returns: { amount_cents: number }[] } | undefined;
    expect(flexiti?.remaining_capture_amount_cents).toBe(0);
    expect(flexiti?.returns.map((r) => r.amount_cents)).toEqual([5_000, 15_000]);

    await j.signIn(MANAGER);
    const { rows } = await j.ok('audit.query', { action: 'return' });
    const ok = rows.filter((r) => r.outcome === 'ok' && r.authorizationId === sale.authorizationId);
    expect(ok.map((r) => [r.amountCents, r.actorId, r.approverId])).toEqual(
      expect.arrayContaining([
        [5_000, CASHIER.employeeId, MANAGER.employeeId],
        [15_000, CASHIER.employeeId, MANAGER.employeeId],
      ]),
    );
    const approvals = await j.ok('audit.query', { action: 'manager_approval' });
    expect(approvals.rows.some((r) => r.outcome === 'denied' && r.detail.reason === 'wrong_pin')).toBe(true);
  });

  it('refuses an approval once it has expired or its cashier signed in again', async () => {
    await j.signIn(CASHIER);
    const sale = await purchase(3_000, true, 'MM-RET-2');
    const target = {
      authorizationId: sale.authorizationId,
      captureId: sale.captureIds[0] ?? '',
      amountCents: 1_000,
    };
    const late = await approval('return');
    clock += 2 * 60_000 + 1_000;
    expect(await j.error('returns.create', { ...target, approval: late })).toMatchObject({
      code: 'approval_invalid',
    });

    const stale = await approval('return');
    await j.signIn(CASHIER);
    expect(await j.error('returns.create', { ...target, approval: stale })).toMatchObject({
      code: 'approval_invalid',
    });
    const fresh = await j.ok('returns.create', { ...target, approval: await approval('return') });
    expect(fresh.returnedCents).toBe(1_000);
    moved.returned += 1_000;
  });
});

describe('release of an open authorization', () => {
  it('releases part on a cashier approval, then the rest by the manager', async () => {
    await j.signIn(CASHIER);
    const sale = await purchase(30_000, false, 'MM-REL-1');
    expect(await j.error('authorizations.release', { authorizationId: sale.authorizationId })).toMatchObject({
      code: 'role_not_allowed',
    });
    const part = await j.ok('authorizations.release', {
      authorizationId: sale.authorizationId,
      amountCents: 10_000,
      approval: await approval('release'),
    });
    expect(part).toMatchObject({ releasedCents: 10_000 });
    expect(part.sale).toMatchObject({
      releasedCents: 10_000,
      remainingToCaptureCents: 20_000,
      state: 'opened',
    });

    await j.signIn(MANAGER);
    expect(
      await j.error('authorizations.release', { authorizationId: sale.authorizationId, amountCents: 20_001 }),
    ).toMatchObject({ category: 'needs_action', code: 'amount_exceeds_remaining' });
    const rest = await j.ok('authorizations.release', { authorizationId: sale.authorizationId });
    expect(rest.releasedCents).toBe(20_000);
    expect(rest.sale).toMatchObject({ releasedCents: 30_000, remainingToCaptureCents: 0, state: 'closed' });
    expect(rest.sale.releases.map((r) => r.approverId)).toEqual([MANAGER.employeeId, null]);
    expect(await j.error('authorizations.release', { authorizationId: sale.authorizationId })).toMatchObject({
      code: 'nothing_to_release',
    });

    const flexiti = (await j.ledger(MI_ACCOUNT)).authorizations.find(
      (a) => String(a.authorization_id) === sale.authorizationId,
    );
    expect(flexiti).toMatchObject({
      status: 'closed',
      released_amount_cents: 30_000,
      remaining_authorization_amount_cents: 0,
    });
  });
});

describe('after 100 days: refund instead of return', () => {
  it('refuses the return (Flexiti first, then the preview) and refunds with a reason', async () => {
    await j.signIn(MANAGER);
    const sale = await purchase(8_000, true, 'MM-OLD-1');
    const target = { authorizationId: sale.authorizationId, captureId: sale.captureIds[0] ?? '' };
    await j.control('POST', '/clock', { advance_seconds: 101 * 86_400 });

    // The terminal's clock has not moved: Flexiti's rule is what refuses.
    expect(await j.ok('returns.preview', { ...target, amountCents: 1_000 })).toMatchObject({ allowed: true });
    expect(await j.error('returns.create', { ...target, amountCents: 1_000 })).toMatchObject({
      category: 'needs_action',
      code: 'return_date_exceeded',
    });

    clock += 101 * DAY_MS;
    await j.signIn(MANAGER);
    const closed = await j.ok('returns.preview', { ...target, amountCents: 1_000 });
    expect(closed).toMatchObject({ allowed: false, reasons: ['return_window_closed'], daysLeftToReturn: 0 });
    expect(await j.error('returns.create', { ...target, full: true })).toMatchObject({
      code: 'return_window_closed',
    });

    const noReason = await j.raw('refunds.create', {
      source: { kind: 'sale', authorizationId: sale.authorizationId },
      amountCents: 2_500,
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const cardInReason = await j.error('refunds.create', {
      source: { kind: 'sale', authorizationId: sale.authorizationId },
      amountCents: 2_500,
      reason: `card ${DEMO.accounts.miTester.vcc}`,
    });
    expect(cardInReason).toMatchObject({ code: 'invalid_request' });

    const refund = await j.ok('refunds.create', {
      source: { kind: 'sale', authorizationId: sale.authorizationId },
      amountCents: 2_500,
      reason: 'Goodwill after the return window',
    });
    expect(refund).toMatchObject({ refundedCents: 2_500, accountLast4: String(MI_ACCOUNT).slice(-4) });
    expect(refund.sale).toMatchObject({ refundedCents: 2_500 });
    moved.refunded += 2_500;

    const byAccount = await flowFor(MITESTER);
    await j.signIn(CASHIER);
    expect(
      await j.error('refunds.create', {
        source: { kind: 'account', ...byAccount },
        amountCents: 1_000,
        reason: 'Price match',
      }),
    ).toMatchObject({ code: 'role_not_allowed' });
    await j.signIn(MANAGER);
    const cashierFlow = await flowFor(MITESTER);
    await j.signIn(CASHIER);
    // Signing in again clears the flows a previous person found.
    expect(
      await j.error('refunds.create', {
        source: { kind: 'account', ...cashierFlow },
        amountCents: 1_000,
        reason: 'Price match',
        approval: await approval('refund'),
      }),
    ).toMatchObject({ code: 'flow_expired' });
    const ownFlow = await flowFor(MITESTER);
    const byRef = await j.ok('refunds.create', {
      source: { kind: 'account', ...ownFlow },
      amountCents: 1_000,
      reason: 'Price match',
      approval: await approval('refund'),
    });
    expect(byRef).toMatchObject({ refundedCents: 1_000, sale: null });
    moved.refunded += 1_000;

    await j.signIn(MANAGER);
    const { rows } = await j.ok('audit.query', { action: 'refund' });
    expect(
      rows.filter((r) => r.outcome === 'ok').map((r) => [r.amountCents, r.detail.reason, r.approverId]),
    ).toEqual(
      expect.arrayContaining([
        [2_500, 'Goodwill after the return window', null],
        [1_000, 'Price match', MANAGER.employeeId],
      ]),
    );
  });
});

describe('the ledger against Flexiti', () => {
  it('matches every authorization and the posted balance to the cent', async () => {
    await j.signIn(MANAGER);
    const flexiti = await j.ledger(MI_ACCOUNT);
    for (const id of authorizations) {
      const { sale, refreshed } = await j.ok('sales.get', { authorizationId: id });
      expect(refreshed).toBe(true);
      const theirs = flexiti.authorizations.find((a) => String(a.authorization_id) === id);
      if (!theirs) throw new Error(`authorization ${id} missing at Flexiti`);
      expect(sale.capturedCents, id).toBe(theirs.captured_amount_cents);
      expect(sale.releasedCents, id).toBe(theirs.released_amount_cents);
    }
    expect(flexiti.posted_balance_cents).toBe(
      postedBefore + moved.captured - moved.returned - moved.refunded,
    );
    const { sales } = await j.ok('sales.search', { pageSize: 100 });
    const local = sales.filter((s) => authorizations.includes(s.authorizationId));
    expect(local).toHaveLength(authorizations.length);
    const net = local.reduce((total, s) => total + s.capturedCents - s.returnedCents - s.refundedCents, 0);
    // The refund made by account alone is tied to no sale.
    expect(net - 1_000).toBe(moved.captured - moved.returned - moved.refunded);
  });

  it('answered nothing sensitive', () => {
    j.expectNothingLeaked();
  });
});
